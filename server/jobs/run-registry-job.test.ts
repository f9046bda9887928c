/**
 * The registry jobs run in a child process built the way `npm run build` builds it (server/scripts/build-jobs.mjs
 * bundles server/jobs/registry-job.child.ts): an import applied there is in the database the server reads, a
 * rejected one changes nothing and comes back as the same RegistryImportRejected with its JSON paths, and an
 * export is written to the file asked for.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "@/db/client";
import { ensureReferenceKnowledgeBase } from "@/db/kb-loader";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { RegistryImportRejected } from "@/server/services/registry-import";
import { jobBundlePath, runRegistryJob } from "./run-registry-job";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-job-test-"));
const dbFile = path.join(dir, "registry.db");
const saved = { dist: process.env.NEXT_DIST_DIR, db: process.env.DATABASE_PATH, nodeEnv: process.env.NODE_ENV };
const example = fs.readFileSync(path.join(process.cwd(), "db", "examples", "eu-small.json"), "utf8");

beforeAll(() => {
  process.env.NEXT_DIST_DIR = path.join(dir, "dist");
  process.env.DATABASE_PATH = dbFile;
  // As the production server: jobs go to the child process.
  (process.env as Record<string, string>).NODE_ENV = "production";
  execFileSync(process.execPath, [path.join(process.cwd(), "server", "scripts", "build-jobs.mjs")], { env: process.env, stdio: "pipe" });
  const db = openDatabase(dbFile);
  migrateDatabase(db);
  ensureReferenceKnowledgeBase(db);
  db.$client.close();
}, 60_000);

afterAll(() => {
  process.env.NEXT_DIST_DIR = saved.dist;
  process.env.DATABASE_PATH = saved.db;
  (process.env as Record<string, string | undefined>).NODE_ENV = saved.nodeEnv;
  if (saved.dist === undefined) delete process.env.NEXT_DIST_DIR;
  if (saved.db === undefined) delete process.env.DATABASE_PATH;
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (table: string) => {
  const db = openDatabase(dbFile);
  try {
    return (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.$client.close();
  }
};

describe("registry jobs in their own process", () => {
  it("the bundle is where the server looks for it", () => {
    expect(fs.existsSync(jobBundlePath())).toBe(true);
    expect(jobBundlePath()).toBe(path.join(dir, "dist", "jobs", "registry-job.cjs"));
  });

  it("previews, then applies: the example's 10 parties, 3 safeguards and 9 transfers are in the database", async () => {
    const file = path.join(dir, "eu-small.json");
    fs.writeFileSync(file, example);
    const preview = await runRegistryJob({ kind: "preview", file, fileName: "eu-small.json" });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.kinds.transfers.counts).toEqual({ added: 9, changed: 0, unchanged: 0 });
    const result = await runRegistryJob({ kind: "apply", file, fileName: "eu-small.json", planHash: preview.planHash, actor: SYSTEM_ACTOR });
    expect(result.counts.parties.added).toBe(10);
    expect(result.counts.safeguards.added).toBe(3);
    expect(count("transfer")).toBe(9);
    // Its verdicts were stored in the same transaction.
    expect(count("transfer_verdict")).toBe(9);
  }, 60_000);

  it("a document with an error is refused with its JSON path, as in-process, and changes nothing", async () => {
    const doc = JSON.parse(example) as { transfers: { destination: string }[] };
    doc.transfers[2]!.destination = "XX";
    const file = path.join(dir, "bad.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    const auditRows = count("audit_log");
    const error = await runRegistryJob({ kind: "apply", file, fileName: "bad.json", actor: SYSTEM_ACTOR }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryImportRejected);
    expect((error as RegistryImportRejected).errors.map((e) => e.path)).toContain("transfers[2].destination");
    expect(count("audit_log")).toBe(auditRows);
  }, 60_000);

  it("writes an export to the file asked for", async () => {
    const out = path.join(dir, "export.json");
    const written = await runRegistryJob({ kind: "export", out, variant: "full", date: "2026-11-30", asOf: "2026-11-30" });
    const body = fs.readFileSync(out, "utf8");
    expect(written.bytes).toBe(Buffer.byteLength(body));
    const doc = JSON.parse(body) as { format: string; transfers: { id: string }[] };
    expect(doc.format).toBe("transfer-registry/v1");
    expect(doc.transfers.map((t) => t.id)).toContain("de-fr-hr");
  }, 60_000);
});
