/**
 * `npm run db:restore -- FILE`: replaces the app's database (DATABASE_PATH, default
 * data/registry.db) with the backup FILE. Stop the app first: the restore refuses while the
 * database is open elsewhere. It also refuses a backup that fails PRAGMA integrity_check or
 * foreign_key_check, or that was made with other migrations than this code's. The replaced
 * database is kept beside it (…before-restore-TIME). Exit 0 on success, 2 with the reason otherwise.
 */
import { BackupError, restoreDatabase } from "@/db/backup";
import { databasePath } from "@/db/client";

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length || file.startsWith("-")) {
  console.error("Usage: npm run db:restore -- FILE   (stop the app first; restores FILE as DATABASE_PATH, default data/registry.db)");
  process.exit(2);
}
try {
  const report = restoreDatabase(file, databasePath());
  console.log(
    `Restored ${file} as ${report.target} (integrity ok, ${report.check.migrations.applied} migrations).` +
      (report.previous ? ` The database it replaced is kept as ${report.previous}.` : ""),
  );
} catch (e) {
  console.error(e instanceof BackupError ? e.message : e);
  process.exit(2);
}
