/**
 * `npm run db:backup` / `db:restore` (db/backup.ts). Before issue 8 there was no backup: a file
 * copy taken during writes was corrupt, and nothing said how to restore.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase, BackupError, checkDatabaseFile, codeMigrationVersion, restoreDatabase } from "./backup";
import { migrateDatabase, openDatabase } from "./client";
import { ensureReferenceKnowledgeBase } from "./kb-loader";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-backup-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A migrated app database file with `rows` padding audit rows (as the app leaves it: WAL mode). */
function appDatabase(file: string, rows = 0, marker = "original"): void {
  const db = openDatabase(file);
  migrateDatabase(db);
  ensureReferenceKnowledgeBase(db);
  const insert = db.$client.prepare(
    "INSERT INTO audit_log (at, actor_email, action, entity_type, entity_id, after) VALUES ('2026-01-01T00:00:00.000Z', 'seed@example.test', 'party.create', 'party', ?, ?)",
  );
  db.$client.transaction(() => {
    insert.run(marker, JSON.stringify({ marker }));
    for (let i = 0; i < rows; i++) insert.run(`pad-${i}`, "x".repeat(400));
  })();
  db.$client.close();
}

const markerOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT entity_id FROM audit_log ORDER BY id LIMIT 1").get() as { entity_id: string }).entity_id;
  } finally {
    db.close();
  }
};

/** A second process that commits, as fast as it can, one category and its audit row per transaction. */
const WRITER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.pragma("busy_timeout = 5000");
const cat = db.prepare("INSERT INTO data_category (id, label, sort_order) VALUES (?, 'Writer', 0)");
const audit = db.prepare("INSERT INTO audit_log (at, actor_email, action, entity_type, entity_id) VALUES ('2026-01-01T00:00:00.000Z', 'writer@example.test', 'category.create', 'category', ?)");
const write = db.transaction((id) => { cat.run(id); audit.run(id); });
const until = Date.now() + 20000;
let i = 0;
while (Date.now() < until) { write("w-" + i); i++; if (i === 50) process.stdout.write("ready\\n"); }
`;

function writerCount(file: string): number {
  const db = new Database(file, { readonly: true });
  db.pragma("busy_timeout = 5000");
  try {
    return (db.prepare("SELECT count(*) AS n FROM data_category WHERE id LIKE 'w-%'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("db:backup", () => {
  it("takes a consistent, checked copy while another process keeps writing", async () => {
    const source = path.join(dir, "registry.db");
    appDatabase(source, 40_000);
    const writer = spawn(process.execPath, ["-e", WRITER, source], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      await new Promise<void>((resolve, reject) => {
        writer.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
        writer.on("exit", (code) => reject(new Error(`writer exited early (${code})`)));
      });
      const before = writerCount(source);
      const report = await backupDatabase(source, path.join(dir, "backup.db"));
      const after = writerCount(source);
      expect(after, "the writer committed while the backup ran").toBeGreaterThan(before);

      expect(report.check.integrity).toEqual(["ok"]);
      expect(report.check.foreignKeyViolations).toBe(0);
      expect(report.check.migrations.applied).toBe(codeMigrationVersion().count);
      // Checked again independently of the report.
      expect(checkDatabaseFile(path.join(dir, "backup.db")).integrity).toEqual(["ok"]);
      // One instant of the database: every writer transaction is in it whole or not at all.
      const copy = new Database(path.join(dir, "backup.db"), { readonly: true });
      const categories = (copy.prepare("SELECT id FROM data_category WHERE id LIKE 'w-%' ORDER BY id").all() as { id: string }[]).map((r) => r.id);
      const audited = (copy.prepare("SELECT entity_id AS id FROM audit_log WHERE entity_id LIKE 'w-%' ORDER BY entity_id").all() as { id: string }[]).map((r) => r.id);
      const padding = (copy.prepare("SELECT count(*) AS n FROM audit_log WHERE entity_id LIKE 'pad-%'").get() as { n: number }).n;
      copy.close();
      expect(audited).toEqual(categories);
      expect(categories.length).toBeGreaterThanOrEqual(before);
      expect(categories.length).toBeLessThanOrEqual(after);
      expect(padding).toBe(40_000);
      // No partial file is left behind.
      expect(fs.readdirSync(dir).filter((f) => f.includes("partial"))).toEqual([]);
    } finally {
      writer.kill("SIGKILL");
    }
  }, 60_000);

  it("never overwrites an existing file and writes nothing when the source is missing", async () => {
    const source = path.join(dir, "registry.db");
    appDatabase(source);
    fs.writeFileSync(path.join(dir, "taken.db"), "keep me");
    await expect(backupDatabase(source, path.join(dir, "taken.db"))).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(path.join(dir, "taken.db"), "utf8")).toBe("keep me");
    await expect(backupDatabase(path.join(dir, "missing.db"), path.join(dir, "b.db"))).rejects.toThrow(/no database/);
    expect(fs.existsSync(path.join(dir, "b.db"))).toBe(false);
  });

  it("npm run db:backup -- FILE and npm run db:restore -- FILE work from the command line", () => {
    const source = path.join(dir, "registry.db");
    appDatabase(source, 10, "from-cli");
    const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
    const env = { ...process.env, DATABASE_PATH: source };
    const backup = spawnSync(tsx, ["server/scripts/db-backup.ts", path.join(dir, "cli.db")], { env, encoding: "utf8" });
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/Backed up .* integrity ok/);
    const target = path.join(dir, "restored.db");
    const restore = spawnSync(tsx, ["server/scripts/db-restore.ts", path.join(dir, "cli.db")], { env: { ...env, DATABASE_PATH: target }, encoding: "utf8" });
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/Restored/);
    expect(markerOf(target)).toBe("from-cli");
  }, 30_000);
});

describe("db:restore", () => {
  let backup: string;
  let target: string;
  beforeEach(async () => {
    const source = path.join(dir, "source.db");
    appDatabase(source, 0, "from-backup");
    backup = path.join(dir, "backup.db");
    await backupDatabase(source, backup);
    target = path.join(dir, "registry.db");
    appDatabase(target, 0, "current");
  });

  it("replaces a stopped app's database and keeps the replaced one beside it", () => {
    const report = restoreDatabase(backup, target, { now: new Date("2026-03-01T12:00:00Z") });
    expect(markerOf(target)).toBe("from-backup");
    expect(report.previous).toBe(`${target}.before-restore-2026-03-01T12-00-00-000Z`);
    expect(markerOf(report.previous!)).toBe("current");
    // The restored database opens and migrates as the app would open it.
    const db = openDatabase(target);
    migrateDatabase(db);
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    db.$client.close();
  });

  it("refuses while the app has the database open", () => {
    const app = openDatabase(target);
    migrateDatabase(app); // reads and writes, as the running app has
    try {
      expect(() => restoreDatabase(backup, target)).toThrow(/in use.*Stop the app/);
      expect(markerOf(target)).toBe("current");
    } finally {
      app.$client.close();
    }
    expect(() => restoreDatabase(backup, target)).not.toThrow();
  });

  it("refuses a backup that fails the integrity check", () => {
    const corrupt = path.join(dir, "corrupt.db");
    const bytes = fs.readFileSync(backup);
    // Overwrite pages in the middle of the file (past the header) with garbage.
    const pageSize = bytes.readUInt16BE(16);
    for (let i = pageSize * 2; i < Math.min(bytes.length, pageSize * 6); i++) bytes[i] = (i * 7919) % 256;
    fs.writeFileSync(corrupt, bytes);
    expect(() => restoreDatabase(corrupt, target)).toThrow(BackupError);
    expect(() => restoreDatabase(corrupt, target)).toThrow(/integrity_check|not a readable|cannot be opened/);
    expect(markerOf(target)).toBe("current");
    fs.writeFileSync(path.join(dir, "text.db"), "not a database at all, just text".repeat(200));
    expect(() => restoreDatabase(path.join(dir, "text.db"), target)).toThrow(BackupError);
  });

  it("refuses a backup made with newer or older migrations than this code's", () => {
    const code = codeMigrationVersion();
    const variant = (name: string, sql: string) => {
      const file = path.join(dir, name);
      fs.copyFileSync(backup, file);
      const db = new Database(file);
      db.exec(sql);
      db.close();
      return file;
    };
    const newer = variant("newer.db", `INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ${code.latest + 1})`);
    expect(() => restoreDatabase(newer, target)).toThrow(/newer version of the app/);
    const older = variant("older.db", `DELETE FROM __drizzle_migrations WHERE created_at = ${code.latest}`);
    expect(() => restoreDatabase(older, target)).toThrow(/older version of the app/);
    expect(markerOf(target)).toBe("current");
  });
});
