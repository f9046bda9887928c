/**
 * Online backup and offline restore of the SQLite database (`npm run db:backup -- FILE`,
 * `npm run db:restore -- FILE`; README, "Backup and restore").
 *
 * Backup uses SQLite's online backup API (better-sqlite3 `db.backup()`), copying every page in
 * one step, i.e. inside one read transaction: in WAL mode the app keeps writing meanwhile and the
 * copy is the database as of one instant, with its WAL content (a plain file copy of registry.db
 * during writes misses the WAL and can be torn). The copy is written next to FILE, checked
 * (`PRAGMA integrity_check`, `PRAGMA foreign_key_check`), and only then renamed to FILE.
 *
 * Restore refuses while any other connection has the target open (the app running), refuses a
 * file that fails those checks or whose migration version is not exactly the code's, then swaps
 * the file in atomically and keeps the replaced database beside it.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export interface DatabaseCheck {
  /** `PRAGMA integrity_check`: ["ok"] when sound. */
  integrity: string[];
  /** Rows `PRAGMA foreign_key_check` reports. */
  foreignKeyViolations: number;
  /** Migrations recorded in the file (drizzle's `__drizzle_migrations`) and the newest one's timestamp. */
  migrations: { applied: number; latest: number | null };
}

export interface MigrationVersion {
  count: number;
  latest: number;
}

/** The migration version this code expects: the committed migrations (db/migrations/meta/_journal.json). */
export function codeMigrationVersion(migrationsFolder = path.join(process.cwd(), "db", "migrations")): MigrationVersion {
  const files = readMigrationFiles({ migrationsFolder });
  return { count: files.length, latest: Math.max(...files.map((f) => f.folderMillis)) };
}

/** Checks a database file without changing it. Throws BackupError when it is not a SQLite database. */
export function checkDatabaseFile(file: string): DatabaseCheck {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`${file} cannot be opened as a SQLite database: ${(e as Error).message}`);
  }
  try {
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeyViolations = (db.pragma("foreign_key_check") as unknown[]).length;
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
    const migrations = hasTable
      ? (db.prepare("SELECT count(*) AS applied, max(CAST(created_at AS INTEGER)) AS latest FROM __drizzle_migrations").get() as { applied: number; latest: number | null })
      : { applied: 0, latest: null };
    return { integrity, foreignKeyViolations, migrations };
  } catch (e) {
    throw new BackupError(`${file} is not a readable SQLite database: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/** Why a checked file is not a sound Transfer Registry database, or null. */
export function soundnessProblem(file: string, check: DatabaseCheck): string | null {
  if (check.integrity.length !== 1 || check.integrity[0] !== "ok") {
    return `${file} fails PRAGMA integrity_check: ${check.integrity.slice(0, 5).join("; ")}`;
  }
  if (check.foreignKeyViolations > 0) return `${file} fails PRAGMA foreign_key_check: ${check.foreignKeyViolations} row(s) point at missing rows.`;
  if (check.migrations.latest === null) return `${file} holds no migration record: it is not a Transfer Registry database.`;
  return null;
}

/** Why a sound database does not match this code's migrations, or null. */
export function versionProblem(file: string, check: DatabaseCheck, code: MigrationVersion): string | null {
  const { applied, latest } = check.migrations;
  if ((latest ?? 0) > code.latest || applied > code.count) {
    return `${file} was made by a newer version of the app (${applied} migrations; this code has ${code.count}). Restore it with that version.`;
  }
  if ((latest ?? 0) < code.latest || applied < code.count) {
    return `${file} was made by an older version of the app (${applied} migrations; this code has ${code.count}). Restore it with that version, start the app once to migrate it, then take a new backup.`;
  }
  return null;
}

export interface BackupReport {
  file: string;
  bytes: number;
  pages: number;
  check: DatabaseCheck;
  milliseconds: number;
}

/**
 * Backs up the database at `source` to `destination` (which must not exist yet) while the app may be
 * writing to it, then checks the copy. Nothing is left at `destination` if any step fails.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupReport> {
  const started = Date.now();
  if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  if (fs.existsSync(destination)) throw new BackupError(`${destination} already exists: choose a new file name (backups are never overwritten).`);
  const dir = path.dirname(path.resolve(destination));
  if (!fs.existsSync(dir)) throw new BackupError(`The folder ${dir} does not exist.`);
  const partial = path.join(dir, `.${path.basename(destination)}.partial-${process.pid}`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // All remaining pages in one step: one read transaction, so the copy is one consistent instant.
    const progress = await db.backup(partial, { progress: () => 0x7fffffff });
    db.close();
    const check = checkDatabaseFile(partial);
    const problem = soundnessProblem(destination, check);
    if (problem) throw new BackupError(`The backup failed its check: ${problem}`);
    fs.renameSync(partial, destination);
    return { file: destination, bytes: fs.statSync(destination).size, pages: progress.totalPages, check, milliseconds: Date.now() - started };
  } finally {
    if (db.open) db.close();
    fs.rmSync(partial, { force: true });
    for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(partial + suffix, { force: true });
  }
}

/**
 * Is another connection holding `file` open (the app running)? A WAL database can leave WAL mode
 * only when no other connection has it open, so asking for it, without waiting, answers that; the
 * file is about to be replaced, so its journal mode does not matter.
 */
function assertNotInUse(file: string): void {
  if (!fs.existsSync(file)) return;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    db.pragma("journal_mode = DELETE");
  } catch (e) {
    if ((e as { code?: string }).code === "SQLITE_BUSY" || /locked|busy/i.test((e as Error).message)) {
      throw new BackupError(`${file} is in use (the app, or another program, has it open). Stop the app, then restore.`);
    }
    throw e;
  } finally {
    db.close();
  }
}

export interface RestoreReport {
  target: string;
  /** Where the database that was replaced now is, or null when there was none. */
  previous: string | null;
  check: DatabaseCheck;
}

/**
 * Restores `backup` as the database at `target`, into a stopped app: refuses while the target is
 * in use, and refuses a backup that fails its integrity or foreign-key check or whose migration
 * version differs from the code's. The replaced database is kept as `<target>.before-restore-<time>`.
 */
export function restoreDatabase(backup: string, target: string, options: { migrationsFolder?: string; now?: Date } = {}): RestoreReport {
  if (!fs.existsSync(backup)) throw new BackupError(`There is no backup at ${backup}.`);
  const check = checkDatabaseFile(backup);
  const problem = soundnessProblem(backup, check) ?? versionProblem(backup, check, codeMigrationVersion(options.migrationsFolder));
  if (problem) throw new BackupError(`Not restored: ${problem}`);
  assertNotInUse(target);

  const dir = path.dirname(path.resolve(target));
  fs.mkdirSync(dir, { recursive: true });
  const incoming = path.join(dir, `.${path.basename(target)}.restoring-${process.pid}`);
  fs.copyFileSync(backup, incoming);
  try {
    // The copy must be the file that was checked: check it again where it will live.
    const copied = checkDatabaseFile(incoming);
    if (copied.integrity[0] !== "ok") throw new BackupError(`Not restored: the copy of ${backup} fails PRAGMA integrity_check.`);
    let previous: string | null = null;
    if (fs.existsSync(target)) {
      const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, "-");
      previous = `${target}.before-restore-${stamp}`;
      fs.renameSync(target, previous);
    }
    // Leftovers of the old database's journal must not be applied to the restored one.
    for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(incoming, target);
    return { target, previous, check };
  } finally {
    fs.rmSync(incoming, { force: true });
  }
}
