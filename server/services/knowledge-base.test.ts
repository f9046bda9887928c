import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { auditLog, kbEntries, transfers } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR, type Actor } from "@/server/auth/actor";
import type { AdequacyEntry } from "@/server/domain/kb";
import { AppError } from "@/server/errors";
import { createKbEntry, describeStoredKnowledgeBase, getCompiledKnowledgeBase, getKbEntry, listKbEntries, updateKbEntry } from "./knowledge-base";
import { verdictsAsOf } from "./verdicts";

const dpo: Actor = { kind: "user", id: "dpo-1", email: "dpo@example.test", name: "DPO", role: "dpo" };

/** An EU adequacy decision for Singapore, which does not exist: a DPO adding a new decision. */
function singaporeDecision(base: AdequacyEntry, effectiveFrom: string): AdequacyEntry {
  return {
    ...base,
    id: "eu-adequacy-sg",
    regime: "EU",
    destination: "SG",
    destinationName: "Singapore",
    scope: "full",
    scopeCode: null,
    scopeText: "Full",
    framework: null,
    instrument: "Commission Implementing Decision (EU) 2026/999 (test)",
    instrumentUri: null,
    adopted: effectiveFrom,
    published: null,
    effectiveFrom,
    endDate: null,
    endReason: null,
    status: "in_force",
    sources: ["https://example.test/decision"],
    unconfirmed: undefined,
  };
}

describe("knowledge base in the database", () => {
  let db: Db;
  let base: AdequacyEntry;
  beforeEach(() => {
    db = createTestDb();
    base = listKbEntries(db, { kind: "adequacy" }).find((r) => (r.entry as AdequacyEntry).regime === "EU")!.entry as AdequacyEntry;
    const exporter = insertParty(db, { name: "Exporter GmbH", relationship: "affiliate", serviceCategory: null, country: "DE", processingLocations: ["DE"] });
    const recipient = insertParty(db, { name: "Lion Data Pte", country: "SG", processingLocations: ["SG"] });
    db.insert(transfers)
      .values({ id: "de-to-sg", exporterId: exporter.id, recipientId: recipient.id, destination: "SG", exporterRole: "controller", recipientRole: "processor", frequency: "continuous", start: "2024-01-01" })
      .run();
  });

  it("loads the reference knowledge base into a fresh database, with UNCONFIRMED entries marked", () => {
    const all = listKbEntries(db, {});
    expect(all.length).toBeGreaterThan(50);
    const unconfirmed = listKbEntries(db, { unconfirmedOnly: true });
    expect(unconfirmed.length).toBeGreaterThan(0);
    expect(unconfirmed.every((r) => typeof r.entry.unconfirmed === "string" && r.entry.unconfirmed.length > 0)).toBe(true);
  });

  it("a new adequacy decision changes the verdict at once, from its effective date", () => {
    expect(verdictsAsOf(db, "2026-11-29").get("de-to-sg")?.status).toBe("unsafeguarded");
    createKbEntry(db, dpo, singaporeDecision(base, "2026-06-01"));
    expect(verdictsAsOf(db, "2026-05-31").get("de-to-sg")?.status).toBe("unsafeguarded");
    expect(verdictsAsOf(db, "2026-06-01").get("de-to-sg")?.status).toBe("adequate");
    const audit = db.select().from(auditLog).where(and(eq(auditLog.action, "kb.create"), eq(auditLog.entityId, "eu-adequacy-sg"))).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorEmail).toBe("dpo@example.test");
  });

  it("an edit of an entry is audited with before and after, and moves the verdict", () => {
    const created = createKbEntry(db, dpo, singaporeDecision(base, "2026-06-01"));
    const edited = updateKbEntry(db, dpo, { id: created.id, version: created.version, data: { ...created.entry, endDate: "2026-08-31", endReason: "withdrawn", status: "withdrawn" } });
    expect(edited.version).toBe(2);
    expect(verdictsAsOf(db, "2026-08-31").get("de-to-sg")?.status).toBe("adequate");
    expect(verdictsAsOf(db, "2026-09-01").get("de-to-sg")?.status).toBe("unsafeguarded");
    const row = db.select().from(auditLog).where(eq(auditLog.action, "kb.update")).get();
    expect(JSON.parse(row!.before!).endDate).toBeNull();
    expect(JSON.parse(row!.after!).endDate).toBe("2026-08-31");
  });

  it("refuses a stale edit and overwrites nothing", () => {
    const row = getKbEntry(db, base.id);
    updateKbEntry(db, dpo, { id: row.id, version: row.version, data: { ...row.entry, notes: "first" } });
    expect(() => updateKbEntry(db, dpo, { id: row.id, version: row.version, data: { ...row.entry, notes: "second" } })).toThrow(/changed by someone else/);
    expect(getKbEntry(db, row.id).entry.notes).toBe("first");
    expect(getKbEntry(db, row.id).edited).toBe(true);
  });

  // Issue 9: the verdicts name the knowledge base they used and how far its facts were checked.
  it("names the shipped reference version, then counts local edits", () => {
    expect(getCompiledKnowledgeBase(db).info).toEqual({ version: "2026-11-29.2", checkedUpTo: "2026-11-29" });
    createKbEntry(db, dpo, singaporeDecision(base, "2026-06-01"));
    expect(getCompiledKnowledgeBase(db).info).toEqual({ version: "2026-11-29.2 with 1 entry edited or added here", checkedUpTo: "2026-11-29" });
  });

  it("a database still holding an earlier reference version says so, and does not claim a checked-up-to day", () => {
    const rows = db.select({ id: kbEntries.id, data: kbEntries.data, origin: kbEntries.origin, edited: kbEntries.edited }).from(kbEntries).all();
    const stale = rows.map((r) => (r.id === base.id ? { ...r, data: JSON.stringify({ ...JSON.parse(r.data), published: "1999-01-01" }) } : r));
    expect(describeStoredKnowledgeBase(stale)).toEqual({ version: "an earlier reference version (1 entry differs from 2026-11-29.2)", checkedUpTo: null });
  });

  // Issue 12: 43 of the 46 shipped Swiss adequacy entries record no date; fixing a note must not need one.
  it("accepts an edit of a shipped Swiss adequacy entry that keeps its dates empty", () => {
    const row = getKbEntry(db, "ch-adequacy-ar");
    const entry = row.entry as AdequacyEntry;
    expect([entry.adopted, entry.published, entry.effectiveFrom, entry.endDate]).toEqual([null, null, null, null]);
    const edited = updateKbEntry(db, dpo, { id: row.id, version: row.version, data: { ...entry, notes: "Checked against Annex 1 DPO." } });
    expect(edited.version).toBe(row.version + 1);
    expect(edited.edited).toBe(true);
    expect(edited.entry).toEqual({ ...entry, notes: "Checked against Annex 1 DPO." });
    const audit = db.select().from(auditLog).where(and(eq(auditLog.action, "kb.update"), eq(auditLog.entityId, "ch-adequacy-ar"))).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ notes: "Checked against Annex 1 DPO.", adopted: null, published: null, effectiveFrom: null });
  });

  it("rejects an invalid entry with the path of the bad field", () => {
    const bad = { ...singaporeDecision(base, "2026-06-01"), effectiveFrom: "2026-02-30" };
    let error: unknown;
    try {
      createKbEntry(db, SYSTEM_ACTOR, bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
    expect(Object.keys((error as AppError).fieldErrors ?? {})).toContain("effectiveFrom");
    expect(listKbEntries(db, { search: "Singapore" })).toHaveLength(0);
  });
});
