/** Reading the audit trail (writing is server/services/record-audit.ts). */
import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { isoDate } from "@/server/schemas/dates";

export const listAuditSchema = z.object({
  actor: z.string().trim().max(320).optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  /** First day included (UTC). */
  from: isoDate().optional(),
  /** Last day included (UTC). */
  to: isoDate().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(200).default(50),
});
export type ListAuditInput = z.input<typeof listAuditSchema>;

/** The day after a YYYY-MM-DD date, for an exclusive upper bound. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** What an audit-log query selects: shared by the page (one page) and the export (keyset pages by id). */
export function selectAudit(q: Omit<z.output<typeof listAuditSchema>, "page" | "pageSize">): SQL | undefined {
  const where: SQL[] = [];
  if (q.actor) where.push(eq(auditLog.actorEmail, q.actor));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lt(auditLog.at, nextDay(q.to)));
  return where.length ? and(...where) : undefined;
}

export function listAudit(db: Db, input: ListAuditInput) {
  const q = listAuditSchema.parse(input);
  const filter = selectAudit(q);
  const total = db.select({ n: count() }).from(auditLog).where(filter).get()?.n ?? 0;
  const items = db
    .select()
    .from(auditLog)
    .where(filter)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .all();
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Distinct actors and actions, for the audit-log filter menus. */
export function auditFacets(db: Db) {
  const actors = db.selectDistinct({ v: auditLog.actorEmail }).from(auditLog).orderBy(auditLog.actorEmail).all().map((r) => r.v);
  const actions = db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action).all().map((r) => r.v);
  const entityTypes = db.selectDistinct({ v: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType).all().map((r) => r.v);
  return { actors, actions, entityTypes };
}
