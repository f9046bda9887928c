/**
 * The knowledge base in the database: reading it for the evaluator (compiled
 * once per change), listing it for the Knowledge base pages, and editing it.
 * Every edit is validated against the domain schema for its kind, checked for
 * a stale version, and audited in the same transaction.
 */
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { auditLog, kbEntries } from "@/db/schema";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import { KB_KINDS, knowledgeBaseEntrySchema, type KbEntry } from "@/server/domain/kb";
import { AppError, notFound, staleEdit } from "@/server/errors";
import { writeTransaction } from "./verdict-store";

export interface KbRow {
  id: string;
  kind: string;
  entry: KbEntry;
  origin: string;
  edited: boolean;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

function toRow(r: typeof kbEntries.$inferSelect): KbRow {
  return {
    id: r.id,
    kind: r.kind,
    entry: JSON.parse(r.data) as KbEntry,
    origin: r.origin,
    edited: r.edited,
    version: r.version,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  };
}

export { describeStoredKnowledgeBase, getCompiledKnowledgeBase, loadKnowledgeBase } from "./compiled-knowledge-base";

export const listKbSchema = z.object({
  kind: z.enum(KB_KINDS).optional(),
  search: z.string().trim().max(200).optional(),
  unconfirmedOnly: z.boolean().default(false),
});
export type ListKbInput = z.input<typeof listKbSchema>;

export function listKbEntries(db: Db, input: ListKbInput): KbRow[] {
  const q = listKbSchema.parse(input);
  const where: SQL[] = [];
  if (q.kind) where.push(eq(kbEntries.kind, q.kind));
  if (q.search) where.push(sql`${kbEntries.data} like ${`%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  if (q.unconfirmedOnly) where.push(sql`json_extract(${kbEntries.data}, '$.unconfirmed') is not null`);
  return db
    .select()
    .from(kbEntries)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(kbEntries.kind), asc(kbEntries.id))
    .all()
    .map(toRow);
}

export function getKbEntry(db: DbOrTx, id: string): KbRow {
  const row = db.select().from(kbEntries).where(eq(kbEntries.id, id)).get();
  if (!row) throw notFound("Knowledge-base entry", id);
  return toRow(row);
}

function validateEntry(data: unknown): KbEntry {
  const parsed = knowledgeBaseEntrySchema.safeParse(data);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "entry"] ??= issue.message;
    throw new AppError("BAD_REQUEST", "The entry is not valid: " + Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v}`).join("; "), fieldErrors);
  }
  return parsed.data as KbEntry;
}

export function createKbEntry(db: Db, actor: Actor, data: unknown): KbRow {
  const entry = validateEntry(data);
  return writeTransaction(db, (tx) => {
    if (tx.select({ id: kbEntries.id }).from(kbEntries).where(eq(kbEntries.id, entry.id)).get()) {
      throw new AppError("CONFLICT", `An entry with id "${entry.id}" already exists.`, { id: "This id is already taken." });
    }
    tx.insert(kbEntries)
      .values({ id: entry.id, kind: entry.kind, data: JSON.stringify(entry), origin: "custom", edited: false, version: 1, updatedAt: new Date().toISOString(), updatedBy: actor.email })
      .run();
    const after = getKbEntry(tx, entry.id);
    recordAudit(tx, actor, { action: "kb.create", entityType: "kb_entry", entityId: entry.id, before: null, after: after.entry });
    return after;
  });
}

export function updateKbEntry(db: Db, actor: Actor, input: { id: string; version: number; data: unknown }): KbRow {
  const entry = validateEntry(input.data);
  if (entry.id !== input.id) throw new AppError("BAD_REQUEST", "The id of an entry cannot change.", { id: "The id cannot change." });
  return writeTransaction(db, (tx) => {
    const before = getKbEntry(tx, input.id);
    if (before.kind !== entry.kind) throw new AppError("BAD_REQUEST", "The kind of an entry cannot change.");
    const result = tx
      .update(kbEntries)
      .set({ data: JSON.stringify(entry), edited: before.origin === "reference" ? true : before.edited, version: sql`${kbEntries.version} + 1`, updatedAt: new Date().toISOString(), updatedBy: actor.email })
      .where(and(eq(kbEntries.id, input.id), eq(kbEntries.version, input.version)))
      .run();
    if (result.changes !== 1) throw staleEdit("knowledge-base entry");
    const after = getKbEntry(tx, input.id);
    recordAudit(tx, actor, { action: "kb.update", entityType: "kb_entry", entityId: input.id, before: before.entry, after: after.entry });
    return after;
  });
}

/** The audit rows of one entry, newest first. */
export function kbEntryHistory(db: Db, id: string) {
  getKbEntry(db, id);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "kb_entry"), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .all();
}
