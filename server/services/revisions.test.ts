/**
 * Caches of aggregates key on the kinds of data they read (server/services/revisions.ts), not on every write. Two
 * things must hold:
 * - the triggers: a change to any column of a transfer other than its notes, version and timestamps bumps the
 *   `transfer` kind (a column added later and forgotten in migration 0016's trigger fails here), and a note bumps
 *   nothing;
 * - after a write of each kind, every cached aggregate read through the warm connection equals the same aggregate
 *   computed on a new connection, whose caches are empty.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type Db } from "@/db/client";
import { ensureReferenceKnowledgeBase } from "@/db/kb-loader";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { DEMO_REGISTRY_PATH } from "@/server/demo/demo";
import { certificationFieldsSchema } from "@/server/schemas/certification";
import { partyFieldsSchema } from "@/server/schemas/party";
import { safeguardFieldsSchema } from "@/server/schemas/safeguard";
import { tiaFieldsSchema } from "@/server/schemas/tia";
import { transferFieldsSchema } from "@/server/schemas/transfer";
import { insertUser } from "@/server/testing/factories";
import { createCertification, listCertifications, updateCertification } from "./certifications";
import { flowMap } from "./dashboard-map";
import { commentOnFlag, flagSummary, listFlags, moveFlag } from "./flags";
import { overview } from "./dashboard";
import { listKbEntries, updateKbEntry } from "./knowledge-base";
import { noticeFacts } from "./notice";
import { getParty, updateParty } from "./parties";
import { applyRegistryImport } from "./registry-import";
import { listReminders, reminderSummary } from "./reminders";
import { DATA_KINDS, kindRevisions } from "./revisions";
import { getSafeguard, listSafeguards, updateSafeguard } from "./safeguards";
import { createTia } from "./tias";
import { archiveTransfer, getTransfer, updateTransfer } from "./transfers";
import { today } from "./verdicts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-revisions-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function demoDatabase(name: string): { db: Db; file: string } {
  const file = path.join(dir, name);
  const db = openDatabase(file);
  migrateDatabase(db);
  ensureReferenceKnowledgeBase(db);
  applyRegistryImport(db, SYSTEM_ACTOR, { text: fs.readFileSync(DEMO_REGISTRY_PATH, "utf8"), fileName: "demo-registry.json" });
  return { db, file };
}

const allKinds = (db: Db) => kindRevisions(db, DATA_KINDS);

describe("the kind revisions' triggers", () => {
  // From the migration's rule: what no aggregate reads. Everything else must bump `transfer`.
  const INERT = ["id", "notes", "version", "created_at", "updated_at"];

  it("every other column of a transfer bumps `transfer`; its notes, version and timestamps bump nothing", () => {
    const { db } = demoDatabase("triggers.db");
    const id = (db.$client.prepare("SELECT id FROM transfer WHERE archived_at IS NULL ORDER BY id LIMIT 1").get() as { id: string }).id;
    const columns = (db.$client.prepare("PRAGMA table_info(transfer)").all() as { name: string; type: string }[]).map((c) => c.name);
    expect(columns.length).toBeGreaterThan(12);
    db.$client.pragma("foreign_keys = OFF"); // the values below need not point anywhere: only the trigger is checked
    for (const column of columns) {
      if (column === "id") continue;
      const before = kindRevisions(db, ["transfer"]);
      const value = column === "version" ? 999 : `changed-${column}`;
      db.$client.prepare(`UPDATE transfer SET "${column}" = ? WHERE id = ?`).run(value, id);
      const bumped = kindRevisions(db, ["transfer"]) !== before;
      expect({ column, bumped }).toEqual({ column, bumped: !INERT.includes(column) });
    }
  });

  it("a note edited through the form changes no kind (its data categories, purposes and safeguards are not rewritten)", () => {
    const { db } = demoDatabase("note.db");
    const id = (db.$client.prepare("SELECT t.id FROM transfer t WHERE t.archived_at IS NULL AND EXISTS (SELECT 1 FROM transfer_safeguard s WHERE s.transfer_id = t.id) AND EXISTS (SELECT 1 FROM transfer_data_category c WHERE c.transfer_id = t.id) ORDER BY t.id LIMIT 1").get() as { id: string }).id;
    const t = getTransfer(db, id);
    const before = allKinds(db);
    const dataRevision = (db.$client.prepare("SELECT revision FROM data_revision").get() as { revision: number }).revision;
    updateTransfer(db, SYSTEM_ACTOR, { id, version: t.version, fields: transferFieldsSchema.parse({ ...t, notes: `${t.notes ?? ""} checked` }) });
    expect(allKinds(db)).toBe(before);
    // Every write still bumps the data revision (the caches of whole records key on it).
    expect((db.$client.prepare("SELECT revision FROM data_revision").get() as { revision: number }).revision).toBeGreaterThan(dataRevision);
    // A real change does bump.
    const after = getTransfer(db, id);
    updateTransfer(db, SYSTEM_ACTOR, { id, version: after.version, fields: transferFieldsSchema.parse({ ...after, safeguardIds: [] }) });
    expect(allKinds(db)).not.toBe(before);
  });
});

describe("cached aggregates equal fresh ones after a write of every kind", () => {
  it("notice facts, map, overview, reminders, the safeguards list and the flags (today and another date)", () => {
    const { db, file } = demoDatabase("aggregates.db");
    const dpo = insertUser(db, "dpo");
    const actor = { kind: "user" as const, ...dpo, role: "dpo" as const };
    const aggregates = (conn: Db) => ({
      notice: noticeFacts(conn),
      map: flowMap(conn, { regime: "EU" }),
      overview: overview(conn),
      reminders: listReminders(conn, dpo.id, { pageSize: 100 }),
      summary: reminderSummary(conn, dpo.id),
      safeguards: listSafeguards(conn, { pageSize: 100 }),
      flags: listFlags(conn, actor, { pageSize: 100 }),
      flagsPast: listFlags(conn, actor, { pageSize: 100, asOf: "2024-06-30" }),
      flagSummary: flagSummary(conn),
    });
    const pick = (sql: string) => (db.$client.prepare(sql).get() as { id: string }).id;
    const liveTransfer = () => pick("SELECT id FROM transfer WHERE archived_at IS NULL ORDER BY id LIMIT 1 OFFSET 3");
    const editTransfer = (change: (t: ReturnType<typeof getTransfer>) => Record<string, unknown>, id = liveTransfer()) => {
      const t = getTransfer(db, id);
      updateTransfer(db, SYSTEM_ACTOR, { id, version: t.version, fields: transferFieldsSchema.parse({ ...t, ...change(t) }) });
    };
    const editParty = (id: string, change: Record<string, unknown>) => {
      const p = getParty(db, id);
      updateParty(db, SYSTEM_ACTOR, { id, version: p.version, fields: partyFieldsSchema.parse({ ...p, ...change }) });
    };
    const recipient = pick("SELECT recipient_id AS id FROM transfer WHERE archived_at IS NULL AND recipient_id IN (SELECT id FROM party WHERE relationship = 'service_provider') ORDER BY id LIMIT 1");
    const certified = pick("SELECT party_id AS id FROM certification ORDER BY id LIMIT 1");
    const safeguardId = pick("SELECT id FROM safeguard WHERE archived_at IS NULL AND type = 'scc' ORDER BY id LIMIT 1");

    const writes: [string, () => void][] = [
      ["a transfer's note", () => editTransfer((t) => ({ notes: `${t.notes ?? ""} (reviewed)` }))],
      ["a transfer's end date", () => editTransfer((t) => ({ end: t.end ?? `${today().slice(0, 4)}-12-31` }))],
      ["a transfer's start date (not yet running)", () => editTransfer(() => ({ start: "2031-01-01", end: null }))],
      ["a transfer's safeguards", () => editTransfer(() => ({ safeguardIds: [] }), pick("SELECT transfer_id AS id FROM transfer_safeguard ORDER BY transfer_id LIMIT 1"))],
      ["a transfer's data categories", () => editTransfer((t) => ({ dataCategories: t.dataCategories.slice(0, 1) }), pick("SELECT transfer_id AS id FROM transfer_data_category GROUP BY transfer_id HAVING count(*) > 1 ORDER BY transfer_id LIMIT 1"))],
      ["a transfer archived", () => archiveTransfer(db, SYSTEM_ACTOR, { id: liveTransfer(), version: getTransfer(db, liveTransfer()).version })],
      ["a recipient renamed", () => editParty(recipient, { name: "Renamed Processor Ltd" })],
      ["a recipient's category and CCPA marks", () => editParty(recipient, { serviceCategory: "analytics", ccpaSale: true })],
      ["a certification's DPF List check", () => {
        const c = listCertifications(db, certified)[0]!;
        updateCertification(db, SYSTEM_ACTOR, { id: c.id, version: c.version, fields: certificationFieldsSchema.parse({ ...c, verifiedOn: c.verifiedOn ? null : "2024-01-15", verifiedBy: c.verifiedOn ? null : "test" }) });
      }],
      ["a new certification", () => createCertification(db, SYSTEM_ACTOR, { partyId: recipient, fields: certificationFieldsSchema.parse({ framework: "dpf_eu", from: "2023-07-17", to: null }) })],
      ["a safeguard's end", () => {
        const s = getSafeguard(db, safeguardId);
        updateSafeguard(db, SYSTEM_ACTOR, { id: s.id, version: s.version, fields: safeguardFieldsSchema.parse({ ...s, ended: `${Number(today().slice(0, 4)) + 0}-12-30` }) });
      }],
      ["a TIA due for review", () => createTia(db, SYSTEM_ACTOR, { transferId: liveTransfer(), fields: tiaFieldsSchema.parse({ completed: "2025-06-01", assessor: "Test", outcome: "proceed", nextReview: `${today().slice(0, 4)}-12-20` }) })],
      ["a knowledge-base entry", () => {
        const entry = listKbEntries(db, { kind: "adequacy" }).find((e) => (e.entry as { regime?: string }).regime === "EU")!;
        updateKbEntry(db, SYSTEM_ACTOR, { id: entry.id, version: entry.version, data: { ...entry.entry, notes: "Checked again." } });
      }],
      ["a flag moved (a review writes no registry row)", () => {
        const f = listFlags(db, actor, { pageSize: 5 }).items[0]!;
        moveFlag(db, actor, { transferId: f.transferId, code: f.code, version: f.version, to: "in_remediation", justification: null, rereviewDate: null });
      }],
      ["a flag commented", () => {
        const f = listFlags(db, actor, { pageSize: 5 }).items[0]!;
        commentOnFlag(db, actor, { transferId: f.transferId, code: f.code, body: "Asked the vendor for the signed SCCs." });
      }],
      ["a user renamed", () => db.$client.prepare("UPDATE user SET name = 'Renamed DPO' WHERE id = ?").run(dpo.id)],
    ];

    aggregates(db);
    for (const [label, write] of writes) {
      aggregates(db); // warm
      write();
      const cached = aggregates(db);
      const fresh = openDatabase(file);
      try {
        expect({ label, ...aggregates(fresh) }).toEqual({ label, ...cached });
      } finally {
        fresh.$client.close();
      }
    }
  });
});
