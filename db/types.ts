/** The database handle types, apart from the code that opens it (db/client.ts), so that db/kb-loader.ts needs no import of it. */
import type Database from "better-sqlite3";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What a synchronous `db.transaction((tx) => …)` callback receives. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or a transaction: services accept both. */
export type DbOrTx = Db | Tx;
