/**
 * Test helper: every test gets its own in-memory database migrated from the
 * real, committed migrations (as drizzle-orm tests its own driver).
 */
import { migrateDatabase, openDatabase, type Db } from "./client";
import { ensureReferenceKnowledgeBase } from "./kb-loader";

/** A fresh in-memory database, migrated, with the reference knowledge base loaded. */
export function createTestDb(): Db {
  const db = openDatabase(":memory:");
  migrateDatabase(db);
  ensureReferenceKnowledgeBase(db);
  return db;
}
