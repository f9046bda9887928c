import { beforeEach, describe, expect, it } from "vitest";
import { rawClient, type Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { partyFieldsSchema } from "@/server/schemas/party";
import { insertParty } from "@/server/testing/factories";
import { insertTransferParties, transferFields } from "@/server/testing/factories-transfers";
import { getParty, updateParty } from "../parties";
import { applyRegistryImport } from "../registry-import";
import { readRegistryDocument } from "../registry-document";
import { createTransfer, getTransfer, updateTransfer } from "../transfers";

/*
 * The writers' contract (server/services/writers/aggregate-writer.ts): child rows are diffed (a write that keeps a
 * list touches none of its rows, so no trigger fires on them), and a stale version writes nothing.
 * Child-row writes are observed with temporary triggers that log every INSERT and DELETE on the child tables.
 */
const CHILD_TABLES = ["party_processing_location", "party_data_category", "transfer_safeguard", "transfer_data_category", "transfer_purpose", "safeguard_party"];

function watchChildRows(db: Db): () => string[] {
  const client = rawClient(db);
  client.exec("CREATE TEMP TABLE IF NOT EXISTS child_write_log (entry TEXT NOT NULL)");
  for (const table of CHILD_TABLES) {
    client.exec(`CREATE TEMP TRIGGER IF NOT EXISTS log_${table}_insert AFTER INSERT ON main.${table} BEGIN INSERT INTO child_write_log VALUES ('insert ${table}'); END`);
    client.exec(`CREATE TEMP TRIGGER IF NOT EXISTS log_${table}_delete AFTER DELETE ON main.${table} BEGIN INSERT INTO child_write_log VALUES ('delete ${table}'); END`);
  }
  client.exec("DELETE FROM child_write_log");
  return () => (client.prepare("SELECT entry FROM child_write_log ORDER BY rowid").pluck().all() as string[]).sort();
}

const auditCount = (db: Db) => rawClient(db).prepare("SELECT count(*) FROM audit_log").pluck().get() as number;

describe("the aggregate writers", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  it("a form edit that keeps a party's lists writes none of their rows; a changed list writes only the difference", () => {
    const input = { name: "Stratus Hosting", relationship: "service_provider" as const, serviceCategory: "it_hosting" as const, country: "US", processingLocations: ["US", "IE"], dataCategories: ["contact"] };
    const p = insertParty(db, input);
    const log = watchChildRows(db);
    const fields = partyFieldsSchema.parse({ ...input, notes: "Reviewed" });
    updateParty(db, SYSTEM_ACTOR, { id: p.id, version: p.version, fields });
    expect(log()).toEqual([]);
    expect(getParty(db, p.id).notes).toBe("Reviewed");

    updateParty(db, SYSTEM_ACTOR, { id: p.id, version: p.version + 1, fields: { ...fields, processingLocations: ["US", "DE"] } });
    expect(log()).toEqual(["delete party_processing_location", "insert party_processing_location"]);
    expect(getParty(db, p.id).processingLocations).toEqual(["DE", "US"]);
  });

  it("a transfer edit writes its data categories only when the set changes, and only the difference", () => {
    const { exporter, recipient } = insertTransferParties(db);
    const t = createTransfer(db, SYSTEM_ACTOR, { fields: transferFields({ exporterId: exporter.id, recipientId: recipient.id, dataCategories: ["contact", "online_identifiers"] }) });
    const log = watchChildRows(db);
    updateTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version, fields: transferFields({ exporterId: exporter.id, recipientId: recipient.id, dataCategories: ["online_identifiers", "contact"], notes: "n" }) });
    // The same categories in another order are the same set: nothing written.
    expect(log()).toEqual([]);
    updateTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version + 1, fields: transferFields({ exporterId: exporter.id, recipientId: recipient.id, dataCategories: ["contact"], notes: "n" }) });
    expect(log()).toEqual(["delete transfer_data_category"]);
  });

  it("the import writes through the same writers: re-importing a record with only its notes changed touches no child rows", () => {
    const { exporter, recipient } = insertTransferParties(db);
    const t = createTransfer(db, SYSTEM_ACTOR, { fields: transferFields({ exporterId: exporter.id, recipientId: recipient.id }) });
    const doc = readRegistryDocument(db);
    const log = watchChildRows(db);
    const transfer = doc.transfers.find((x) => x.id === t.id)!;
    const changed = { ...doc, transfers: doc.transfers.map((x) => (x.id === t.id ? { ...transfer, notes: "Imported note" } : x)) };
    const result = applyRegistryImport(db, SYSTEM_ACTOR, { document: changed });
    expect(result.counts.transfers).toEqual({ added: 0, changed: 1, unchanged: 0 });
    expect(log()).toEqual([]);
    expect(getTransfer(db, t.id)).toMatchObject({ notes: "Imported note", version: t.version + 1, dataCategories: t.dataCategories, safeguardIds: t.safeguardIds });
  });

  it("a stale version writes nothing: no row, no child row, no audit row", () => {
    const { exporter, recipient } = insertTransferParties(db);
    const t = createTransfer(db, SYSTEM_ACTOR, { fields: transferFields({ exporterId: exporter.id, recipientId: recipient.id }) });
    updateTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version, fields: transferFields({ exporterId: exporter.id, recipientId: recipient.id, notes: "first" }) });
    const audits = auditCount(db);
    const log = watchChildRows(db);
    let error: unknown;
    try {
      updateTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version, fields: transferFields({ exporterId: exporter.id, recipientId: recipient.id, dataCategories: ["online_identifiers"], notes: "second" }) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect(auditCount(db)).toBe(audits);
    expect(log()).toEqual([]);
    expect(getTransfer(db, t.id)).toMatchObject({ notes: "first", version: t.version + 1, dataCategories: ["contact"] });
  });
});
