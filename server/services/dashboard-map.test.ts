/**
 * The overview's map data. Expected classes come from the law as the knowledge base records it
 * (regulatory-facts.md / regulatory-facts-2.md): DE and FR are EEA members; Switzerland has a full EU adequacy
 * decision (2000/518/EC); Japan a partial one (Implementing Decision (EU) 2019/419, APPI scope, from 2019-01-23);
 * the US only for organisations certified under the EU-US DPF (from 2023-07-10); China none. The UK regime
 * exists from 2021-01-01 (before that a UK exporter was under EU rules).
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertCertification, insertTransfer } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import { flowMap } from "./dashboard-map";
import { listTransfers } from "./transfers";

describe("dashboard map", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  function seed() {
    const de = insertAffiliate(db, "DE");
    const fr = insertAffiliate(db, "FR");
    const gb = insertAffiliate(db, "GB");
    const uncertified = insertParty(db, { name: "Uncertified Inc", country: "US", processingLocations: ["US"] });
    const certified = insertParty(db, { name: "Certified Inc", country: "US", processingLocations: ["US"] });
    insertCertification(db, certified.id, { framework: "dpf_eu", from: "2023-07-17" });
    const japan = insertParty(db, { name: "Kabushiki", country: "JP", processingLocations: ["JP"] });
    insertTransfer(db, { exporterId: de.id, recipientId: uncertified.id, start: "2022-01-01" });
    insertTransfer(db, { exporterId: de.id, recipientId: certified.id, start: "2022-01-01" });
    insertTransfer(db, { exporterId: fr.id, recipientId: japan.id, destination: "JP", start: "2022-01-01" });
    insertTransfer(db, { exporterId: gb.id, recipientId: uncertified.id, start: "2022-01-01" });
    return { de, fr, gb };
  }

  it("groups the regime's transfers by exporter country and destination with their worst status", () => {
    seed();
    const eu = flowMap(db, { asOf: "2024-06-30", regime: "EU" });
    expect(eu.regimeInForce).toBe(true);
    // DE→US: one unsafeguarded (no certification, no safeguard) and one adequate (DPF): worst unsafeguarded.
    expect(eu.flows).toEqual([
      { exporterCountry: "DE", destination: "US", transfers: 2, worst: "unsafeguarded" },
      { exporterCountry: "FR", destination: "JP", transfers: 1, worst: "adequate" },
    ]);
    expect(eu.transfers).toBe(3);
    expect(eu.flowsTotal).toBe(2);
    expect(eu.countries).toMatchObject({ DE: "area", FR: "area", NO: "area", CH: "adequate", JP: "partial", US: "partial" });
    expect(eu.countries.CN).toBeUndefined();

    const uk = flowMap(db, { asOf: "2024-06-30", regime: "UK" });
    expect(uk.flows).toEqual([{ exporterCountry: "GB", destination: "US", transfers: 1, worst: "unsafeguarded" }]);
    expect(uk.countries.GB).toBe("area");
    // The UK's adequacy regulations keep the EEA adequate (DPA 2018 Sch. 21 para. 5).
    expect(uk.countries.DE).toBe("adequate");
  });

  it("follows the date: before 2021 no exporter is under the UK regime, and transfers not yet running are no flows", () => {
    seed();
    const uk = flowMap(db, { asOf: "2020-06-30", regime: "UK" });
    expect(uk.regimeInForce).toBe(false);
    expect(uk.flows).toEqual([]);
    expect(uk.countries).toEqual({});
    const eu = flowMap(db, { asOf: "2020-06-30", regime: "EU" });
    // Every transfer starts in 2022: nothing is running in mid-2020.
    expect(eu.flows).toEqual([]);
    expect(eu.countries.GB).toBe("area");
  });

  it("the transfers list filters by exporter country and destination (the map's links)", () => {
    const { de } = seed();
    const page = listTransfers(db, { exporterCountry: "DE", destination: "US", asOf: "2024-06-30" });
    expect(page.total).toBe(2);
    expect(page.items.every((t) => t.exporter.id === de.id)).toBe(true);
    expect(listTransfers(db, { exporterCountry: "FR" }).total).toBe(1);
    expect(listTransfers(db, { exporterCountry: "IT" }).total).toBe(0);
  });
});
