/** `npm run db:migrate`: applies the committed migrations to DATABASE_PATH. */
import { databasePath, migrateDatabase, openDatabase } from "./client";
import { ensureReferenceKnowledgeBase } from "./kb-loader";

const file = databasePath();
const db = openDatabase(file);
migrateDatabase(db);
ensureReferenceKnowledgeBase(db);
db.$client.close();
console.log(`Database ${file} is up to date.`);
