/**
 * `npm run db:backup -- FILE`: an online backup of the app's database (DATABASE_PATH, default
 * data/registry.db) to FILE, safe while the app runs and writes, checked before it is kept.
 * Exit 0 with a one-line summary; 2 with the reason when nothing was written.
 */
import { backupDatabase, BackupError } from "@/db/backup";
import { databasePath } from "@/db/client";

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length || file.startsWith("-")) {
  console.error("Usage: npm run db:backup -- FILE   (backs up DATABASE_PATH, default data/registry.db, to FILE)");
  process.exit(2);
}
try {
  const report = await backupDatabase(databasePath(), file);
  console.log(
    `Backed up ${databasePath()} to ${report.file}: ${(report.bytes / 1024 / 1024).toFixed(1)} MB, ${report.pages} pages, ` +
      `integrity ok, ${report.check.migrations.applied} migrations, ${report.milliseconds} ms.`,
  );
} catch (e) {
  console.error(e instanceof BackupError ? e.message : e);
  process.exit(2);
}
