import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, parties } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { insertParty } from "@/server/testing/factories";
import { migrateDatabase, openDatabase, type Db } from "@/db/client";

describe("audit trail", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  it("rejects UPDATE of an audit row (append-only trigger)", () => {
    const party = insertParty(db);
    const row = db.select().from(auditLog).where(eq(auditLog.entityId, party.id)).get();
    expect(row?.action).toBe("party.create");
    expect(() => db.update(auditLog).set({ action: "party.update" }).where(eq(auditLog.id, row!.id)).run()).toThrow(/append-only: UPDATE/);
    expect(db.select().from(auditLog).where(eq(auditLog.id, row!.id)).get()?.action).toBe("party.create");
  });

  it("rejects DELETE of an audit row (append-only trigger)", () => {
    insertParty(db);
    const before = db.select({ n: count() }).from(auditLog).get()!.n;
    expect(before).toBe(1);
    expect(() => db.delete(auditLog).where(eq(auditLog.entityType, "party")).run()).toThrow(/append-only: DELETE/);
    expect(() => db.$client.exec("DELETE FROM audit_log")).toThrow(/append-only/);
    expect(db.select({ n: count() }).from(auditLog).get()!.n).toBe(before);
  });

  it("rejects INSERT OR REPLACE, REPLACE and upserts that would overwrite an audit row", () => {
    // SQLite resolves a REPLACE conflict by deleting the old row, and fires DELETE triggers for it only when
    // recursive_triggers is on (sqlite.org/lang_conflict.html); an upsert's DO UPDATE fires UPDATE triggers.
    const party = insertParty(db);
    const row = db.select().from(auditLog).where(eq(auditLog.entityId, party.id)).get()!;
    const overwrite = (verb: string) =>
      db.$client
        .prepare(`${verb} INTO audit_log (id, at, actor_email, action, entity_type, entity_id) VALUES (?, '2000-01-01T00:00:00.000Z', 'forger@example.test', 'party.archive', 'party', ?)`)
        .run(row.id, party.id);
    expect(() => overwrite("INSERT OR REPLACE")).toThrow(/append-only/);
    expect(() => overwrite("REPLACE")).toThrow(/append-only/);
    expect(() =>
      db.$client
        .prepare("INSERT INTO audit_log (id, at, actor_email, action, entity_type, entity_id) VALUES (?, 'x', 'forger@example.test', 'party.archive', 'party', ?) ON CONFLICT(id) DO UPDATE SET action = excluded.action")
        .run(row.id, party.id),
    ).toThrow(/append-only/);
    expect(() => db.insert(auditLog).values({ ...row, action: "party.archive" }).onConflictDoUpdate({ target: auditLog.id, set: { action: "party.archive" } }).run()).toThrow(/append-only/);
    const after = db.select().from(auditLog).all();
    expect(after).toEqual([row]);
  });

  it("refuses REPLACE also on a connection that does not turn recursive_triggers on (a sqlite3 shell, another tool): migration 0006", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-"));
    const file = path.join(dir, "registry.db");
    const app = openDatabase(file);
    migrateDatabase(app);
    const party = insertParty(app);
    const row = app.select().from(auditLog).where(eq(auditLog.entityId, party.id)).get()!;
    app.$client.close();
    const plain = new Database(file); // no pragmas at all
    expect(plain.pragma("recursive_triggers", { simple: true })).toBe(0);
    expect(() =>
      plain.prepare("INSERT OR REPLACE INTO audit_log (id, at, actor_email, action, entity_type, entity_id) VALUES (?, 'x', 'forger@example.test', 'party.archive', 'party', ?)").run(row.id, party.id),
    ).toThrow(/append-only/);
    expect((plain.prepare("SELECT action FROM audit_log WHERE id = ?").get(row.id) as { action: string }).action).toBe(row.action);
    plain.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("rolls back the change when its audit row cannot be written", () => {
    // Make the audit insert fail inside the service's transaction: the party must not persist.
    db.$client.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;");
    expect(() => insertParty(db, { name: "Rolled Back Ltd" })).toThrow(/audit unavailable/);
    expect(db.select().from(parties).where(eq(parties.name, "Rolled Back Ltd")).all()).toHaveLength(0);
  });
});
