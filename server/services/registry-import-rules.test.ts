/**
 * Issue 8, item 1: the import obeys the same record rules as the forms (server/domain/registry/record-rules.ts).
 * Each document below is one the forms refuse; the import must refuse it too, naming the JSON path, in the preview and
 * in the apply, and change nothing.
 */
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rawClient, type Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { insertTransfer } from "@/server/testing/factories-transfers";
import { applyRegistryImport, previewRegistryImport, RegistryImportRejected } from "./registry-import";
import { readRegistryDocument } from "./registry-document";

type Doc = { format: string; parties: Record<string, unknown>[]; safeguards: Record<string, unknown>[]; transfers: Record<string, unknown>[] };

/** An EU affiliate sends CRM data to a US processor (which also processes in Ireland) under the 2021 SCCs. */
function baseDoc(): Doc {
  return {
    format: "transfer-registry/v1",
    parties: [
      { id: "acme-de", name: "Acme GmbH", relationship: "affiliate", country: "DE", processingLocations: ["DE"] },
      { id: "cloudco", name: "CloudCo Inc.", relationship: "service_provider", serviceCategory: "it_hosting", country: "US", processingLocations: ["US", "IE"] },
      { id: "adsco", name: "AdsCo Ltd", relationship: "advertising_partner", country: "IE", processingLocations: ["IE"] },
    ],
    safeguards: [{ id: "scc-cloudco", type: "scc", version: "2021/914", modules: [2], parties: ["acme-de", "cloudco"], signed: "2022-01-10", ended: null }],
    transfers: [
      {
        id: "crm",
        exporter: "acme-de",
        recipient: "cloudco",
        destination: "US",
        exporterRole: "controller",
        recipientRole: "processor",
        start: "2022-02-01",
        end: null,
        frequency: "continuous",
        safeguards: ["scc-cloudco"],
      },
    ],
  };
}

/** Everything an import could change, plus the audit trail's length. */
const state = (db: Db) => ({ registry: JSON.stringify(readRegistryDocument(db)), audit: db.select({ n: count() }).from(auditLog).get()!.n });

/** Expects the preview and the apply to refuse `doc` with an error at `path` (whose message matches), and nothing to change. */
function expectRefused(db: Db, doc: Doc, path: string, message: RegExp): void {
  const before = state(db);
  const preview = previewRegistryImport(db, { text: JSON.stringify(doc) });
  expect(preview.ok).toBe(false);
  const errors = preview.ok ? [] : preview.errors;
  expect(errors).toContainEqual({ path, message: expect.stringMatching(message) });

  let thrown: unknown;
  try {
    applyRegistryImport(db, SYSTEM_ACTOR, { text: JSON.stringify(doc) });
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(RegistryImportRejected);
  expect((thrown as RegistryImportRejected).errors).toContainEqual({ path, message: expect.stringMatching(message) });
  expect(state(db)).toEqual(before);
}

describe("registry import obeys the forms' record rules", () => {
  it("the base document imports (the refusals below come from the one defect each adds)", () => {
    const db = createTestDb();
    expect(applyRegistryImport(db, SYSTEM_ACTOR, { text: JSON.stringify(baseDoc()) }).counts.transfers.added).toBe(1);
  });

  it("refuses a transfer whose exporter is not one of the group's affiliates", () => {
    const doc = baseDoc();
    doc.transfers.push({ ...doc.transfers[0], id: "ads", exporter: "adsco", recipient: "cloudco", safeguards: [] });
    expectRefused(createTestDb(), doc, "transfers[1].exporter", /^The exporter must be one of the group's affiliates\.$/);
  });

  it("refuses a destination outside the recipient's processing locations", () => {
    const doc = baseDoc();
    doc.transfers[0]!.destination = "IN";
    expectRefused(createTestDb(), doc, "transfers[0].destination", /CloudCo Inc\. does not process data in IN: choose one of its processing locations \(US, IE\)/);
  });

  it("refuses 2010/87 SCCs signed in 2024 (new contracts: not after 2021-09-26 in the EU)", () => {
    const doc = baseDoc();
    doc.safeguards.push({ id: "scc-legacy", type: "scc", version: "2010/87", parties: ["acme-de", "cloudco"], signed: "2024-03-01", ended: null });
    expectRefused(createTestDb(), doc, "safeguards[1].signed", /could not be signed after 2021-09-26 under the EU regime/);
  });

  it("refuses archiving a safeguard that a live transfer outside the document relies on", () => {
    const db = createTestDb();
    applyRegistryImport(db, SYSTEM_ACTOR, { text: JSON.stringify(baseDoc()) });
    const doc = baseDoc();
    doc.transfers = [];
    doc.safeguards[0]!.archivedAt = "2026-11-30T10:00:00.000Z";
    expectRefused(db, doc, "safeguards[0].archivedAt", /^1 active transfer\(s\) rely on this safeguard \(crm\)\./);
  });

  it("refuses archiving a safeguard that a live transfer in the same document relies on, and accepts it once that transfer is archived", () => {
    const db = createTestDb();
    applyRegistryImport(db, SYSTEM_ACTOR, { text: JSON.stringify(baseDoc()) });
    const doc = baseDoc();
    doc.safeguards[0]!.archivedAt = "2026-11-30T10:00:00.000Z";
    expectRefused(db, doc, "safeguards[0].archivedAt", /rely on this safeguard \(crm\)/);
    doc.transfers[0]!.archivedAt = "2026-11-30T10:00:00.000Z";
    expect(applyRegistryImport(db, SYSTEM_ACTOR, { text: JSON.stringify(doc) }).counts.safeguards.changed).toBe(1);
  });

  it("checks only what it writes: a stored record the document repeats unchanged passes, the same record changed is refused", () => {
    const db = createTestDb();
    const stored = insertTransfer(db);
    // A record from before the rules: its exporter is the (non-affiliate) recipient.
    rawClient(db).prepare("UPDATE transfer SET exporter_id = recipient_id WHERE id = ?").run(stored.id);
    const exported = readRegistryDocument(db) as unknown as Doc;
    const preview = previewRegistryImport(db, { document: exported });
    expect(preview.ok && preview.totalChanges).toBe(0);
    const index = exported.transfers.findIndex((t) => t.id === stored.id);
    exported.transfers[index]!.notes = "Reviewed.";
    expectRefused(db, exported, `transfers[${index}].exporter`, /^The exporter must be one of the group's affiliates\.$/);
  });
});

describe("registry import: the rules seen from a party's side, and archived records", () => {
  it("refuses turning a stored exporter into a vendor while live transfers outside the document export from it", () => {
    const db = createTestDb();
    applyRegistryImport(db, SYSTEM_ACTOR, { text: JSON.stringify(baseDoc()) });
    const doc = baseDoc();
    doc.transfers = [];
    doc.safeguards = [];
    doc.parties[0]!.relationship = "service_provider";
    expectRefused(db, doc, "parties[0].relationship", /^1 active transfer\(s\) export from this party \(crm\)/);
  });

  it("refuses dropping a processing location that a live transfer sends data to", () => {
    const db = createTestDb();
    const doc = baseDoc();
    doc.transfers[0]!.destination = "IE";
    applyRegistryImport(db, SYSTEM_ACTOR, { text: JSON.stringify(doc) });
    const next = baseDoc();
    next.transfers = [];
    next.parties[1]!.processingLocations = ["US"];
    expectRefused(db, next, "parties[1].processingLocations", /^Active transfers send data to this party in IE \(crm\)/);
  });

  it("imports an archived transfer as history, even if its exporter is no longer an affiliate", () => {
    const doc = baseDoc();
    doc.transfers.push({ ...doc.transfers[0], id: "old-ads", exporter: "adsco", safeguards: [], archivedAt: "2023-01-01T00:00:00.000Z" });
    expect(applyRegistryImport(createTestDb(), SYSTEM_ACTOR, { text: JSON.stringify(doc) }).counts.transfers.added).toBe(2);
  });

  it("re-imports its own export into an empty registry when an archived safeguard is still listed by a live transfer (a state the forms allow)", () => {
    const db = createTestDb();
    const doc = baseDoc();
    doc.safeguards.push({ id: "scc-spare", type: "scc", version: "2021/914", modules: [2], parties: ["acme-de", "cloudco"], signed: "2022-01-10", ended: null, archivedAt: "2024-01-01T00:00:00.000Z" });
    doc.transfers[0]!.safeguards = ["scc-cloudco", "scc-spare"];
    applyRegistryImport(db, SYSTEM_ACTOR, { text: JSON.stringify(doc) });
    const exported = JSON.stringify(readRegistryDocument(db));
    const empty = createTestDb();
    expect(applyRegistryImport(empty, SYSTEM_ACTOR, { text: exported }).counts.safeguards.added).toBe(2);
    expect(JSON.stringify(readRegistryDocument(empty))).toBe(exported);
  });
});

describe("registry import audit rows use the forms' field names", () => {
  it("a transfer created by import is audited with exporterId, recipientId and safeguardIds, as the form writes them", () => {
    const db = createTestDb();
    const formMade = insertTransfer(db);
    applyRegistryImport(db, SYSTEM_ACTOR, { text: JSON.stringify(baseDoc()) });
    const after = (entityId: string) => JSON.parse(db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).all().find((r) => r.action === "transfer.create")!.after!) as Record<string, unknown>;
    const imported = after("crm");
    expect(imported).toMatchObject({ id: "crm", exporterId: "acme-de", recipientId: "cloudco", safeguardIds: ["scc-cloudco"], destination: "US", version: 1, extra: null });
    expect(imported).not.toHaveProperty("exporter");
    expect(imported).not.toHaveProperty("safeguards");
    // Every field the import names is one the form's row names too (the form adds its timestamps).
    const formKeys = new Set(Object.keys(after(formMade.id)));
    expect(Object.keys(imported).filter((k) => !formKeys.has(k))).toEqual([]);
  });

  it("a safeguard created by import is audited with sccVersion and partyIds", () => {
    const db = createTestDb();
    applyRegistryImport(db, SYSTEM_ACTOR, { text: JSON.stringify(baseDoc()) });
    const row = db.select().from(auditLog).where(eq(auditLog.entityId, "scc-cloudco")).get()!;
    expect(row.action).toBe("safeguard.create");
    expect(JSON.parse(row.after!)).toMatchObject({ sccVersion: "2021/914", partyIds: ["acme-de", "cloudco"], version: 1 });
  });
});
