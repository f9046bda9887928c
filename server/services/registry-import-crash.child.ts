/**
 * Child process of registry-import-crash.test.ts: opens the database as the app does and applies
 * the registry document at argv[3] to the database at argv[2], in one all-or-nothing import.
 *
 * With KILL_AT=table:n it announces `paused table n` on stdout when the n-th row is inserted into
 * that table (a TEMP trigger calling a JS function, inside the import's transaction) and blocks, so
 * the parent's SIGKILL lands at that exact point of the apply. Without it, it prints `committed`.
 */
import fs from "node:fs";
import { migrateDatabase, openDatabase } from "@/db/client";
import { ensureReferenceKnowledgeBase } from "@/db/kb-loader";
import { applyRegistryImport } from "./registry-import";

const [dbFile, docFile] = process.argv.slice(2) as [string, string];
const db = openDatabase(dbFile);
migrateDatabase(db);
ensureReferenceKnowledgeBase(db);

const killAt = process.env.KILL_AT ? { table: process.env.KILL_AT.split(":")[0]!, n: Number(process.env.KILL_AT.split(":")[1]) } : null;
if (killAt) {
  let inserted = 0;
  db.$client.function("tr_crash_point", () => {
    inserted += 1;
    if (inserted === killAt.n) {
      fs.writeSync(1, `paused ${killAt.table} ${inserted}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000); // wait for SIGKILL
    }
    return null;
  });
  db.$client.exec(`CREATE TEMP TRIGGER tr_crash_point AFTER INSERT ON main."${killAt.table}" BEGIN SELECT tr_crash_point(); END;`);
}

const result = applyRegistryImport(db, { kind: "system", email: "system (crash test)" }, { text: fs.readFileSync(docFile, "utf8"), fileName: "crash-test.json" });
fs.writeSync(1, `committed ${result.counts.transfers.added}\n`);
db.$client.close();
