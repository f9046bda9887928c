/**
 * `npm run db:rebuild-verdicts`: recomputes the verdict store of DATABASE_PATH from scratch, as of today.
 * The store is derived data (server/services/verdict-store.ts); writes keep it current, so this is only
 * needed after restoring an old backup or to check it: `--check` compares the store with a fresh
 * evaluation first and reports the differences.
 */
import { databasePath, migrateDatabase, openDatabase } from "@/db/client";
import { ensureReferenceKnowledgeBase } from "@/db/kb-loader";
import { ensureVerdictsCurrent, readStoredVerdicts, rebuildVerdicts, today } from "@/server/services/verdict-store";

const file = databasePath();
const db = openDatabase(file);
migrateDatabase(db);
ensureReferenceKnowledgeBase(db);
const asOf = today();
let before: ReturnType<typeof readStoredVerdicts> | null = null;
if (process.argv.includes("--check")) {
  ensureVerdictsCurrent(db, asOf);
  before = readStoredVerdicts(db);
}
const started = performance.now();
const result = rebuildVerdicts(db, asOf);
const ms = performance.now() - started;
console.log(`Rebuilt the verdicts of ${result.evaluated.toLocaleString("en")} transfers in ${file} as of ${asOf} in ${ms.toFixed(0)} ms.`);
if (before) {
  const after = readStoredVerdicts(db);
  let differences = 0;
  for (const [id, v] of after) {
    const old = before.get(id);
    const same = old && JSON.stringify({ s: old.status, r: old.regime, b: old.basis, i: old.issues.map((i) => i.code) }) === JSON.stringify({ s: v.status, r: v.regime, b: v.basis, i: v.issues.map((i) => i.code) });
    if (!same) {
      differences++;
      if (differences <= 20) console.log(`  ${id}: stored ${old ? old.status : "nothing"}, rebuilt ${v.status}`);
    }
  }
  if (before.size !== after.size) console.log(`  ${before.size} stored verdicts, ${after.size} rebuilt.`);
  console.log(differences === 0 && before.size === after.size ? "The store was up to date." : `${differences} verdicts differed.`);
  if (differences > 0) process.exitCode = 1;
}
db.$client.close();
