/**
 * While another process holds the database's write lock (an import runs in its own, server/jobs/run-registry-job.ts),
 * a write that outwaits the busy timeout is answered 503 SERVICE_UNAVAILABLE with a message that says nothing was
 * saved: not a 500.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { TRPCError } from "@trpc/server";
import { afterAll, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "@/db/client";
import { insertUser, partyFields } from "@/server/testing/factories";
import { ensureReferenceKnowledgeBase } from "@/db/kb-loader";
import { createCaller } from "./root";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-busy-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("a write refused by SQLITE_BUSY is a 503 that says nothing was saved", async () => {
  const file = path.join(dir, "registry.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  ensureReferenceKnowledgeBase(db);
  const user = { ...insertUser(db, "procurement"), role: "procurement" as const };
  db.$client.pragma("busy_timeout = 50");
  const other = new Database(file);
  other.exec("BEGIN IMMEDIATE");
  try {
    const error = await createCaller({ db, user })
      .party.create(partyFields({ name: "Busy Vendor" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
    expect((error as TRPCError).message).toMatch(/nothing was saved/);
  } finally {
    other.exec("ROLLBACK");
    other.close();
  }
  // Once the lock is gone the same write goes through.
  db.$client.pragma("busy_timeout = 5000");
  const created = await createCaller({ db, user }).party.create(partyFields({ name: "Busy Vendor" }));
  expect(created.name).toBe("Busy Vendor");
  db.$client.close();
});
