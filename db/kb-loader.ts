/**
 * Loads the reference knowledge base (db/reference) into an empty kb_entry
 * table. Runs whenever the app opens its database and in every test database,
 * so verdicts never run against an empty knowledge base. Entries already in the
 * table (edited or added by the DPO) are never overwritten.
 */
import { count } from "drizzle-orm";
import type { Db } from "./types";
import { referenceKnowledgeBase } from "./reference";
import { kbEntries } from "./schema";
import { flattenKnowledgeBase } from "@/server/domain/kb";

export function ensureReferenceKnowledgeBase(db: Db): number {
  const existing = db.select({ n: count() }).from(kbEntries).get()?.n ?? 0;
  if (existing > 0) return 0;
  const now = new Date().toISOString();
  const entries = flattenKnowledgeBase(referenceKnowledgeBase);
  db.transaction((tx) => {
    for (const entry of entries) {
      tx.insert(kbEntries)
        .values({ id: entry.id, kind: entry.kind, data: JSON.stringify(entry), origin: "reference", edited: false, version: 1, updatedAt: now, updatedBy: null })
        .run();
    }
  });
  return entries.length;
}
