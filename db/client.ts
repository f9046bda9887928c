/**
 * Opening the embedded SQLite database. Nothing here runs at import time:
 * `next build` must work without a database (toolchain pitfall 10), so the app
 * calls `getDb()` lazily inside request handlers.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { ensureReferenceKnowledgeBase } from "./kb-loader";
import type { Db, DbOrTx } from "./types";
import * as schema from "./schema";

export type { Db, DbOrTx, Tx } from "./types";

export const DEFAULT_DATABASE_PATH = "data/registry.db";
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function databasePath(): string {
  return process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
}

/**
 * Opens (creating if needed) a SQLite file or `:memory:` with WAL and foreign keys on.
 *
 * `recursive_triggers` is on so that the row a REPLACE conflict resolution deletes fires the
 * DELETE triggers: without it `INSERT OR REPLACE INTO audit_log` silently overwrites an audit row
 * despite the append-only triggers of migration 0001 (SQLite docs, "ON CONFLICT clause": "delete
 * triggers fire if and only if recursive triggers are enabled").
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  if (file !== ":memory:") sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("recursive_triggers = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Temporary tables (the scope of a narrow read, the what-if verdicts) live in memory, not in a temp file.
  sqlite.pragma("temp_store = MEMORY");
  return drizzle(sqlite, { schema }) as Db;
}

/** Applies the committed migrations in db/migrations (idempotent). */
export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder });
}

let shared: Db | undefined;

/** The app's database: opened and migrated on first use, then reused. */
export function getDb(): Db {
  if (!shared) {
    const db = openDatabase(databasePath());
    migrateDatabase(db);
    ensureReferenceKnowledgeBase(db);
    shared = db;
  }
  return shared;
}

/** The better-sqlite3 handle under a drizzle database or transaction (same connection, same transaction). */
export function rawClient(db: DbOrTx): Database.Database {
  const withClient = db as { $client?: Database.Database; session?: { client?: Database.Database } };
  const client = withClient.$client ?? withClient.session?.client;
  if (!client) throw new Error("No SQLite client behind this database handle.");
  return client;
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per connection and reused (preparing is most of a small query's cost). */
export function prepared(db: DbOrTx, sqlText: string): Database.Statement {
  const client = rawClient(db);
  let cache = statementCache.get(client);
  if (!cache) {
    cache = new Map();
    statementCache.set(client, cache);
  }
  let statement = cache.get(sqlText);
  if (!statement) {
    statement = client.prepare(sqlText);
    cache.set(sqlText, statement);
  }
  return statement;
}
