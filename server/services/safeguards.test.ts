import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertSafeguard, insertTransfer, safeguardFields, transferFields } from "@/server/testing/factories-transfers";
import { auditLog, safeguards } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { safeguardFieldsSchema } from "@/server/schemas/safeguard";
import { archiveSafeguard, createSafeguard, listSafeguards, updateSafeguard, viewSafeguard } from "./safeguards";
import { updateTransfer } from "./transfers";

const AS_OF = "2024-06-01";

describe("safeguards", () => {
  let db: Db;
  let partyIds: string[];
  beforeEach(() => {
    db = createTestDb();
    partyIds = [insertAffiliate(db, "DE").id, insertParty(db).id];
  });

  it("creates SCCs with a slug id from the title and an audit row", () => {
    const sg = createSafeguard(db, SYSTEM_ACTOR, { fields: safeguardFields({ title: "SCCs Norvale GmbH – Stratus (2022)", partyIds }) });
    expect(sg.id).toBe("sccs-norvale-gmbh-stratus-2022");
    expect(sg.modules).toEqual([2]);
    expect(sg.partyIds).toEqual(partyIds);
    const audit = db.select().from(auditLog).where(and(eq(auditLog.entityType, "safeguard"), eq(auditLog.entityId, sg.id))).all();
    expect(audit.map((a) => a.action)).toEqual(["safeguard.create"]);
  });

  // Implementing Decision (EU) 2021/914 Art. 4(2): no new contracts on the old sets after 2021-09-26 (EU).
  it.each([
    ["2010/87", "2021-09-26", true],
    ["2010/87", "2021-09-27", false],
    ["2004/915", "2021-09-27", false],
    ["2001/497", "2021-09-26", true],
  ] as const)("old SCCs %s signed %s by an EU exporter: allowed = %s", (sccVersion, signed, allowed) => {
    const run = () => createSafeguard(db, SYSTEM_ACTOR, { fields: safeguardFields({ sccVersion, modules: [], signed, partyIds }) });
    if (allowed) expect(run().signed).toBe(signed);
    else {
      expect(run).toThrow(AppError);
      try {
        run();
      } catch (e) {
        expect((e as AppError).fieldErrors?.signed).toMatch(/could not be signed after 2021-09-26 under the EU regime/);
      }
      expect(db.select().from(safeguards).all()).toHaveLength(0);
    }
  });

  it("applies the UK window (2022-09-21) for a UK exporter", () => {
    const uk = [insertAffiliate(db, "GB").id, insertParty(db).id];
    expect(createSafeguard(db, SYSTEM_ACTOR, { fields: safeguardFields({ sccVersion: "2010/87", modules: [], signed: "2022-09-21", partyIds: uk }) }).signed).toBe("2022-09-21");
    expect(() => createSafeguard(db, SYSTEM_ACTOR, { fields: safeguardFields({ sccVersion: "2010/87", modules: [], signed: "2022-09-22", partyIds: uk }) })).toThrow(/2022-09-21 under the UK regime/);
  });

  it("accepts modules only for the 2021/914 SCCs, and requires one there", () => {
    const old = safeguardFieldsSchema.safeParse({ type: "scc", title: "Old", sccVersion: "2010/87", modules: [2], signed: "2020-01-01", partyIds });
    expect(old.success).toBe(false);
    expect(old.error?.issues[0]).toMatchObject({ path: ["modules"], message: "Only the 2021/914 SCCs have modules." });
    const none = safeguardFieldsSchema.safeParse({ type: "scc", title: "New", sccVersion: "2021/914", modules: [], signed: "2022-01-01", partyIds });
    expect(none.error?.issues[0]).toMatchObject({ path: ["modules"], message: "Choose at least one module." });
  });

  it("requires the date the authority was informed for a 49(1)-2 derogation", () => {
    const r = safeguardFieldsSchema.safeParse({ type: "derogation", title: "Compelling interests", derogationBasis: "49(1)-2", justification: "One-off" });
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(["saInformedOn"]);
  });

  it("refuses a stale edit", () => {
    const sg = insertSafeguard(db, { partyIds });
    updateSafeguard(db, SYSTEM_ACTOR, { id: sg.id, version: sg.version, fields: safeguardFields({ partyIds, title: "First" }) });
    expect(() => updateSafeguard(db, SYSTEM_ACTOR, { id: sg.id, version: sg.version, fields: safeguardFields({ partyIds, title: "Stale" }) })).toThrow(/changed by someone else/);
    expect(viewSafeguard(db, sg.id, AS_OF).title).toBe("First");
  });

  it("shows every transfer relying on it with its status, flagging a module mismatch", () => {
    const t = insertTransfer(db, { exporterId: partyIds[0], recipientId: partyIds[1] });
    const sg = insertSafeguard(db, { partyIds, modules: [3] });
    updateTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version, fields: transferFields({ exporterId: t.exporterId, recipientId: t.recipientId, safeguardIds: [sg.id] }) });
    const view = viewSafeguard(db, sg.id, AS_OF);
    expect(view.transfers).toHaveLength(1);
    expect(view.transfers[0]).toMatchObject({ id: t.id, status: "unsafeguarded" });
    expect(view.transfers[0]!.issues.map((i) => i.code)).toContain("module_mismatch");
    expect(listSafeguards(db, { search: "sccs" }).items[0]).toMatchObject({ id: sg.id, transferCount: 1 });
  });

  it("refuses to archive a safeguard that an active transfer relies on, so verdicts never change silently", () => {
    const t = insertTransfer(db, { exporterId: partyIds[0], recipientId: partyIds[1] });
    const sg = insertSafeguard(db, { partyIds });
    updateTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version, fields: transferFields({ exporterId: t.exporterId, recipientId: t.recipientId, safeguardIds: [sg.id] }) });
    expect(() => archiveSafeguard(db, SYSTEM_ACTOR, { id: sg.id, version: sg.version })).toThrow(/1 active transfer\(s\) rely on this safeguard/);
    expect(listSafeguards(db, {}).total).toBe(1);
  });

  it("archives without deleting", () => {
    const sg = insertSafeguard(db, { partyIds });
    archiveSafeguard(db, SYSTEM_ACTOR, { id: sg.id, version: sg.version });
    expect(listSafeguards(db, {}).total).toBe(0);
    expect(listSafeguards(db, { archived: "all" }).total).toBe(1);
  });
});
