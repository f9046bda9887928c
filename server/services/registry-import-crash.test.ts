/**
 * Crash test of the registry import: a child process applies a 20,000-transfer import and is killed
 * with SIGKILL at three points of the apply (while writing parties, half-way through the transfers,
 * and after the last audit row, just before COMMIT). After each kill the database, reopened as the
 * app reopens it, holds none of the import and passes `PRAGMA integrity_check` and
 * `foreign_key_check`; a last, uninterrupted run imports all of it. (All or nothing: SQLite's atomic
 * commit, WAL mode, the import's one synchronous transaction.)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "@/db/client";
import { ensureReferenceKnowledgeBase } from "@/db/kb-loader";
import type { RegistryDocument } from "@/server/domain/registry/types";
import { generateRegistry } from "@/server/scripts/generate-registry";
import { previewRegistryImport } from "./registry-import";

const TRANSFERS = 20_000;
const CHILD = path.join(process.cwd(), "server", "services", "registry-import-crash.child.ts");

/** The first 20,000 transfers of the benchmark registry, with the parties and safeguards they use. */
function registryOf20kTransfers(): RegistryDocument {
  const full = generateRegistry();
  const transfers = full.transfers.slice(0, TRANSFERS);
  const safeguardIds = new Set(transfers.flatMap((t) => t.safeguards ?? []));
  const safeguards = (full.safeguards ?? []).filter((s) => safeguardIds.has(s.id));
  const partyIds = new Set(transfers.flatMap((t) => [t.exporter, t.recipient]));
  for (const s of safeguards) for (const id of [...("parties" in s ? (s.parties ?? []) : []), ...("members" in s ? (s.members ?? []) : [])]) partyIds.add(id);
  return { ...full, parties: full.parties.filter((p) => partyIds.has(p.id)), safeguards, transfers };
}

let dir: string;
let dbFile: string;
let docFile: string;
let expectedAuditRows: number;
let expectedParties: number;

function counts() {
  const db = new Database(dbFile, { readonly: true });
  try {
    const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return {
      parties: n("party"),
      transfers: n("transfer"),
      safeguards: n("safeguard"),
      tias: n("transfer_impact_assessment"),
      auditRows: n("audit_log"),
      integrity: db.pragma("integrity_check", { simple: true }),
      foreignKeyViolations: (db.pragma("foreign_key_check") as unknown[]).length,
    };
  } finally {
    db.close();
  }
}

/** Reopens the database as the app does after a restart (recovery, migrations), then closes it. */
function restart(): void {
  const db = openDatabase(dbFile);
  migrateDatabase(db);
  db.$client.close();
}

/** Runs the child; with `killAt`, kills it with SIGKILL as soon as it reports that point. */
function runChild(killAt: string | null): Promise<{ output: string; signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx as a loader (the tsx CLI would run the script in a grandchild SIGKILL does not reach).
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, dbFile, docFile], {
      env: { ...process.env, ...(killAt ? { KILL_AT: killAt } : {}) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let errors = "";
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
      if (killAt && output.includes("paused")) child.kill("SIGKILL");
    });
    child.stderr.on("data", (d: Buffer) => (errors += d.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => (code && code !== 0 ? reject(new Error(`child failed (${code}): ${errors}`)) : resolve({ output, signal, code })));
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-crash-"));
  dbFile = path.join(dir, "registry.db");
  docFile = path.join(dir, "registry-20k.json");
  const doc = registryOf20kTransfers();
  expect(doc.transfers).toHaveLength(TRANSFERS);
  fs.writeFileSync(docFile, JSON.stringify(doc));
  const db = openDatabase(dbFile);
  migrateDatabase(db);
  ensureReferenceKnowledgeBase(db);
  const preview = previewRegistryImport(db, { document: doc });
  db.$client.close();
  if (!preview.ok) throw new Error(`the generated registry does not import: ${JSON.stringify(preview.errors.slice(0, 3))}`);
  expect(preview.kinds.transfers.counts.added).toBe(TRANSFERS);
  // One audit row per created entity, plus the import's summary row.
  expectedAuditRows = Object.values(preview.kinds).reduce((n, k) => n + k.counts.added + k.counts.changed, 0) + 1;
  expectedParties = preview.kinds.parties.counts.added;
}, 60_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("kill -9 during a 20,000-transfer import", () => {
  it.each([
    ["while writing the parties", "party:1000"],
    ["half-way through the transfers", `transfer:${TRANSFERS / 2}`],
    ["after the last write, just before COMMIT", () => `audit_log:${expectedAuditRows}`],
  ] as const)("killed %s: after a restart none of it is there and the database passes its checks", async (_label, point) => {
    const killAt = typeof point === "function" ? point() : point;
    const { output, signal } = await runChild(killAt);
    expect(output).toContain(`paused ${killAt.replace(":", " ")}`);
    expect(output).not.toContain("committed");
    expect(signal).toBe("SIGKILL");
    restart();
    const after = counts();
    expect(after.integrity).toBe("ok");
    expect(after.foreignKeyViolations).toBe(0);
    expect({ parties: after.parties, transfers: after.transfers, safeguards: after.safeguards, tias: after.tias }).toEqual({ parties: 0, transfers: 0, safeguards: 0, tias: 0 });
    expect(after.auditRows).toBe(0);
  }, 60_000);

  it("an uninterrupted run after the crashes imports all of it", async () => {
    const { output } = await runChild(null);
    expect(output).toContain(`committed ${TRANSFERS}`);
    restart();
    const after = counts();
    expect(after.integrity).toBe("ok");
    expect(after.foreignKeyViolations).toBe(0);
    expect(after.transfers).toBe(TRANSFERS);
    expect(after.parties).toBe(expectedParties);
    expect(after.auditRows).toBe(expectedAuditRows);
  }, 90_000);
});
