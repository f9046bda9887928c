/** Evaluator mechanics on a small, self-contained knowledge base (the legal data is tested in db/reference). */
import { describe, expect, it } from "vitest";
import { createEmptyKnowledgeBase } from "../kb/knowledge-base";
import type { AdequacyEntry, KnowledgeBase } from "../kb/types";
import type { RegistryDocument } from "../registry/types";
import { compileKnowledgeBase } from "./compile-kb";
import { suggestSafeguardTypes } from "./describe";
import { evaluateRegistry } from "./evaluate-registry";
import { evaluateScenario } from "./testing";
import { STATUS_RANK, worstStatus, type Status } from "./types";

function createAdequacy(id: string, destination: string, effectiveFrom: string, endDate: string | null): AdequacyEntry {
  return {
    id, kind: "adequacy", regime: "EU", destination, destinationName: destination, scope: "full", scopeCode: null, scopeText: "full",
    framework: null, instrument: `Decision ${id}`, instrumentUri: null, legalBasis: "GDPR Art. 45(3)", adopted: effectiveFrom,
    published: null, effectiveFrom, endDate, endReason: endDate ? "sunset" : null, status: "in_force", sources: ["test"],
  };
}

function createFixtureKb(): KnowledgeBase {
  const kb = createEmptyKnowledgeBase();
  kb.regime.push({ id: "regime-eu", kind: "regime", regime: "EU", title: "EU/EEA GDPR", law: "GDPR", lawUri: null, areaLabel: "EEA", authority: "SAs", sources: ["test"] });
  kb.area_membership.push({ id: "eu-area-de", kind: "area_membership", regime: "EU", country: "DE", countryName: "Germany", membership: "member", from: null, to: null, sources: ["test"] });
  kb.adequacy.push(createAdequacy("xx-1", "XX", "2020-01-01", "2020-12-31"), createAdequacy("xx-2", "XX", "2021-01-01", "2021-06-30"));
  kb.derogation.push({
    id: "derogation-49-1-a", kind: "derogation", basis: "49(1)(a)", title: "Explicit consent", occasionalOnly: false,
    references: { EU: "GDPR Art. 49(1)(a)" }, sources: ["test"],
  });
  return kb;
}

const ckb = compileKnowledgeBase(createFixtureKb());

describe("status ranking", () => {
  it("orders unsafeguarded worst and inactive best", () => {
    const order: Status[] = ["unsafeguarded", "derogation", "safeguarded", "adequate", "not_restricted", "inactive"];
    for (let i = 1; i < order.length; i++) expect(STATUS_RANK[order[i - 1]!]).toBeGreaterThan(STATUS_RANK[order[i]!]);
  });

  it.each([
    [["adequate", "safeguarded"], "safeguarded"],
    [["inactive", "not_restricted"], "not_restricted"],
    [["adequate", "unsafeguarded", "derogation"], "unsafeguarded"],
    [[], null],
  ] as [Status[], Status | null][])("worstStatus(%j) = %s", (statuses, expected) => {
    expect(worstStatus(statuses)).toBe(expected);
  });
});

describe("compiled knowledge base", () => {
  it("chains consecutive decisions so the cover ends at the last one", () => {
    const list = ckb.adequacy.EU.get("XX")!;
    expect(list.map((d) => [d.entry.id, d.coverEnd])).toEqual([["xx-1", "2021-06-30"], ["xx-2", "2021-06-30"]]);
  });

  it("does not warn about an ending decision that a successor continues", () => {
    const verdict = evaluateScenario(ckb, { exporterCountry: "DE", destination: "XX" }, "2020-12-01");
    expect(verdict.status).toBe("adequate");
    expect(verdict.issues.map((i) => i.code)).not.toContain("safeguard_ending_soon");
    const later = evaluateScenario(ckb, { exporterCountry: "DE", destination: "XX" }, "2021-06-01");
    expect(later.issues.map((i) => i.code)).toContain("safeguard_ending_soon");
  });

  it("collects boundary dates as starts and days after ends", () => {
    expect(ckb.boundaryDates).toEqual(["2020-01-01", "2021-01-01", "2021-07-01"]);
  });
});

describe("evaluateRegistry", () => {
  const doc: RegistryDocument = {
    format: "transfer-registry/v1",
    parties: [
      { id: "de", name: "DE", relationship: "affiliate", country: "DE" },
      { id: "xx", name: "XX", relationship: "service_provider", country: "XX" },
      { id: "yy", name: "YY", relationship: "service_provider", country: "YY" },
    ],
    safeguards: [{ id: "d", type: "derogation", basis: "49(1)(a)" }],
    transfers: [
      { id: "t1", exporter: "de", recipient: "xx", destination: "XX", exporterRole: "controller", recipientRole: "processor", start: "2019-01-01", frequency: "continuous" },
      { id: "t2", exporter: "de", recipient: "yy", destination: "YY", exporterRole: "controller", recipientRole: "processor", start: "2019-01-01", frequency: "occasional", safeguards: ["d"] },
      { id: "t3", exporter: "de", recipient: "yy", destination: "YY", exporterRole: "controller", recipientRole: "processor", start: "2019-01-01", frequency: "continuous" },
      { id: "t4", exporter: "xx", recipient: "yy", destination: "YY", exporterRole: "controller", recipientRole: "processor", start: "2019-01-01", frequency: "continuous" },
      { id: "t5", exporter: "de", recipient: "de", destination: "DE", exporterRole: "controller", recipientRole: "processor", start: "2030-01-01", frequency: "continuous" },
    ],
  };

  it("produces verdicts-v1 in document order with all six counts", () => {
    const result = evaluateRegistry(doc, ckb, "2020-06-01");
    expect(result.format).toBe("transfer-registry/verdicts-v1");
    expect(result.asOf).toBe("2020-06-01");
    expect(result.verdicts.map((v) => [v.transfer, v.status])).toEqual([
      ["t1", "adequate"], ["t2", "derogation"], ["t3", "unsafeguarded"], ["t4", "not_restricted"], ["t5", "inactive"],
    ]);
    expect(result.summary).toEqual({ unsafeguarded: 1, derogation: 1, safeguarded: 0, adequate: 1, not_restricted: 1, inactive: 1 });
  });

  it("is deterministic and does not depend on the clock", () => {
    expect(evaluateRegistry(doc, ckb, "2020-06-01")).toEqual(evaluateRegistry(doc, ckb, "2020-06-01"));
    expect(evaluateRegistry(doc, ckb, "2022-01-01").verdicts[0]!.status).toBe("unsafeguarded");
  });
});

describe("suggestSafeguardTypes", () => {
  it.each([
    ["EU", "controller", "processor", "SCCs 2021/914 Module 2 (controller-to-processor)"],
    ["EU", "processor", "processor", "SCCs 2021/914 Module 3 (processor-to-processor)"],
    ["UK", "controller", "controller", "ICO International Data Transfer Agreement (IDTA)"],
    ["CH", "processor", "controller", "EU SCCs 2021/914 Module 4 (processor-to-controller) with the FDPIC's Swiss adaptations"],
  ] as const)("%s %s→%s suggests %s first", (regime, exporterRole, recipientRole, label) => {
    expect(suggestSafeguardTypes(regime, exporterRole, recipientRole)[0]!.label).toBe(label);
  });

  it("UK also offers the EU SCCs with the Addendum", () => {
    expect(suggestSafeguardTypes("UK", "controller", "processor")[1]).toMatchObject({ version: "2021/914", modules: [2], ukAddendum: true });
  });
});
