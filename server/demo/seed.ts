/**
 * `npm run db:seed` (also run by `npm start`): migrates the database, then, in
 * demo mode (TR_DEMO=1) and only when the database is empty, loads the demo data.
 */
import { databasePath, migrateDatabase, openDatabase } from "@/db/client";
import { isEmpty, seedDemo } from "./demo";
import { ensureReferenceKnowledgeBase } from "@/db/kb-loader";
import { isDemoMode } from "@/server/config";

const file = databasePath();
const db = openDatabase(file);
migrateDatabase(db);
const kbLoaded = ensureReferenceKnowledgeBase(db);
if (kbLoaded) console.log(`Loaded ${kbLoaded} knowledge-base entries from db/reference.`);
if (!isDemoMode()) {
  console.log(`Database ${file} migrated. Demo mode is off: no demo data loaded (create users with npm run user:create).`);
} else if (!isEmpty(db)) {
  console.log(`Database ${file} migrated. It already holds data: demo data not loaded again.`);
} else {
  const { users, registry } = await seedDemo(db);
  console.log(
    `Database ${file} migrated and loaded with demo data: ${users} demo users, ${registry.parties.added} parties, ` +
      `${registry.certifications.added} certifications, ${registry.safeguards.added} safeguards, ` +
      `${registry.transfers.added} transfers, ${registry.tias.added} transfer impact assessments.`,
  );
}
db.$client.close();
