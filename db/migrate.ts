/** `npm run db:migrate`: applies the committed migrations to DATABASE_PATH. */
import { databasePath, migrateDatabase, openDatabase } from "./client";

const file = databasePath();
const db = openDatabase(file);
migrateDatabase(db);
db.$client.close();
console.log(`Database ${file} is up to date.`);
