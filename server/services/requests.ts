/**
 * Requests for a copy of the safeguards (GDPR Art. 13(1)(f), 14(1)(f), 15(2)): the DPO's log, its deadlines
 * (server/domain/requests/deadlines.ts, Art. 12(3)) and its status, and the parts of each safeguard as applied that a
 * copy shows or redacts. Every change writes its audit row in the same transaction; edits name the version they
 * read (stale edits are refused).
 */
import crypto from "node:crypto";
import { and, asc, count, desc, eq, inArray, like, or, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { dataCategories, parties, purposes, requestCopies, safeguardCopyParts, safeguardRequests, safeguards } from "@/db/schema";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import { checkExtension, dueDate, dueSoonUntil, extendedDueDate, urgency, type Urgency } from "@/server/domain/requests/deadlines";
import { AppError, notFound, staleEdit } from "@/server/errors";
import {
  listRequestsSchema,
  OPEN_REQUEST_STATUSES,
  type CopyPartFields,
  type ListRequestsInput,
  type RequestFields,
  type RequestStatus,
} from "@/server/schemas/request";
import { likePattern } from "./sql-text";
import { writeTransaction } from "./verdict-store";
import { today as todayUtc } from "./verdicts";

export type RequestRow = typeof safeguardRequests.$inferSelect;
export type CopyRow = typeof requestCopies.$inferSelect;
export type CopyPartRow = typeof safeguardCopyParts.$inferSelect;

export interface RequestListItem {
  id: string;
  requesterName: string;
  received: string;
  channel: string;
  status: RequestStatus;
  due: string;
  extended: boolean;
  urgency: Urgency;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const nowIso = () => new Date().toISOString();
const isOpen = (status: string) => (OPEN_REQUEST_STATUSES as readonly string[]).includes(status);
const parseIds = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
};

function listItem(r: RequestRow, today: string): RequestListItem {
  return {
    id: r.id,
    requesterName: r.requesterName,
    received: r.received,
    channel: r.channel,
    status: r.status as RequestStatus,
    due: r.due,
    extended: r.extensionMonths !== null,
    urgency: urgency({ due: r.due, today, open: isOpen(r.status) }),
    version: r.version,
  };
}

export function listRequests(db: DbOrTx, input: ListRequestsInput, today = todayUtc()): Page<RequestListItem> {
  const q = listRequestsSchema.parse(input);
  const where: SQL[] = [];
  if (q.search) {
    const pattern = likePattern(q.search);
    where.push(or(sql`${safeguardRequests.requesterName} LIKE ${pattern} ESCAPE '\\'`, sql`${safeguardRequests.requesterContact} LIKE ${pattern} ESCAPE '\\'`, like(safeguardRequests.id, `${q.search}%`))!);
  }
  if (q.status === "open") where.push(inArray(safeguardRequests.status, [...OPEN_REQUEST_STATUSES]));
  else if (q.status) where.push(eq(safeguardRequests.status, q.status));
  if (q.urgency === "overdue") where.push(inArray(safeguardRequests.status, [...OPEN_REQUEST_STATUSES]), sql`${safeguardRequests.due} < ${today}`);
  if (q.urgency === "due_soon") {
    where.push(inArray(safeguardRequests.status, [...OPEN_REQUEST_STATUSES]), sql`${safeguardRequests.due} >= ${today}`, sql`${safeguardRequests.due} <= ${dueSoonUntil(today)}`);
  }
  const cond = where.length ? and(...where) : undefined;
  const column = { due: safeguardRequests.due, received: safeguardRequests.received, requester: safeguardRequests.requesterName, status: safeguardRequests.status }[q.sort];
  const order = q.dir === "desc" ? desc(column) : asc(column);
  const total = db.select({ n: count() }).from(safeguardRequests).where(cond).get()?.n ?? 0;
  const rows = db
    .select()
    .from(safeguardRequests)
    .where(cond)
    .orderBy(order, asc(safeguardRequests.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .all();
  return { items: rows.map((r) => listItem(r, today)), total, page: q.page, pageSize: q.pageSize };
}

export interface RequestDetail extends RequestRow {
  urgency: Urgency;
  firstDue: string;
  parties: { id: string; name: string }[];
  categories: { id: string; label: string }[];
  purposes: { id: string; label: string }[];
  copies: CopyRow[];
  /** The DPO may still extend it (once, within the first month). */
  canExtendUntil: string | null;
}

export const MAX_LISTED_COPIES = 50;

export function getRequest(db: DbOrTx, id: string, today = todayUtc()): RequestDetail {
  const r = db.select().from(safeguardRequests).where(eq(safeguardRequests.id, id)).get();
  if (!r) throw notFound("Request", id);
  const partyIds = parseIds(r.partyIds);
  const categoryIds = parseIds(r.categoryIds);
  const purposeIds = parseIds(r.purposeIds);
  const partyRows = partyIds.length ? db.select({ id: parties.id, name: parties.name }).from(parties).where(inArray(parties.id, partyIds)).all() : [];
  const categoryRows = categoryIds.length ? db.select({ id: dataCategories.id, label: dataCategories.label }).from(dataCategories).where(inArray(dataCategories.id, categoryIds)).all() : [];
  const purposeRows = purposeIds.length ? db.select({ id: purposes.id, label: purposes.label }).from(purposes).where(inArray(purposes.id, purposeIds)).all() : [];
  const byOrder = <T extends { id: string }>(ids: string[], rows: T[], fallback: (id: string) => T) => ids.map((i) => rows.find((x) => x.id === i) ?? fallback(i));
  const copies = db.select().from(requestCopies).where(eq(requestCopies.requestId, id)).orderBy(desc(requestCopies.createdAt), asc(requestCopies.format)).limit(MAX_LISTED_COPIES).all();
  const firstDue = dueDate(r.received);
  return {
    ...r,
    urgency: urgency({ due: r.due, today, open: isOpen(r.status) }),
    firstDue,
    parties: byOrder(partyIds, partyRows, (i) => ({ id: i, name: i })),
    categories: byOrder(categoryIds, categoryRows, (i) => ({ id: i, label: i })),
    purposes: byOrder(purposeIds, purposeRows, (i) => ({ id: i, label: i })),
    copies,
    canExtendUntil: r.extensionMonths === null && isOpen(r.status) && today <= firstDue ? firstDue : null,
  };
}

function checkReferences(tx: DbOrTx, fields: RequestFields): void {
  const missing = (ids: string[], found: { id: string }[]) => ids.filter((i) => !found.some((f) => f.id === i));
  const p = fields.partyIds.length ? missing(fields.partyIds, tx.select({ id: parties.id }).from(parties).where(inArray(parties.id, fields.partyIds)).all()) : [];
  if (p.length) throw new AppError("BAD_REQUEST", `Unknown entity: ${p.join(", ")}.`, { partyIds: `Unknown entity: ${p.join(", ")}.` });
  const c = fields.categoryIds.length ? missing(fields.categoryIds, tx.select({ id: dataCategories.id }).from(dataCategories).where(inArray(dataCategories.id, fields.categoryIds)).all()) : [];
  if (c.length) throw new AppError("BAD_REQUEST", `Unknown data category: ${c.join(", ")}.`, { categoryIds: `Unknown data category: ${c.join(", ")}.` });
  const u = fields.purposeIds.length ? missing(fields.purposeIds, tx.select({ id: purposes.id }).from(purposes).where(inArray(purposes.id, fields.purposeIds)).all()) : [];
  if (u.length) throw new AppError("BAD_REQUEST", `Unknown purpose: ${u.join(", ")}.`, { purposeIds: `Unknown purpose: ${u.join(", ")}.` });
}

function columnsOf(fields: RequestFields) {
  return {
    requesterName: fields.requesterName,
    requesterContact: fields.requesterContact,
    received: fields.received,
    channel: fields.channel,
    question: fields.question,
    partyIds: JSON.stringify([...new Set(fields.partyIds)]),
    categoryIds: JSON.stringify([...new Set(fields.categoryIds)]),
    purposeIds: JSON.stringify([...new Set(fields.purposeIds)]),
    withholdNames: fields.withholdNames,
    notes: fields.notes ?? null,
  };
}

export function createRequest(db: Db, actor: Actor, input: { fields: RequestFields }, today = todayUtc()): RequestRow {
  if (input.fields.received > today) {
    throw new AppError("BAD_REQUEST", "A request cannot be received in the future.", { received: `Enter a date on or before ${today}.` });
  }
  return writeTransaction(db, (tx) => {
    checkReferences(tx, input.fields);
    const id = crypto.randomUUID();
    const at = nowIso();
    tx.insert(safeguardRequests)
      .values({ ...columnsOf(input.fields), id, status: "received", due: dueDate(input.fields.received), createdAt: at, updatedAt: at })
      .run();
    const after = tx.select().from(safeguardRequests).where(eq(safeguardRequests.id, id)).get()!;
    recordAudit(tx, actor, { action: "request.create", entityType: "request", entityId: id, before: null, after });
    return after;
  });
}

/** Reads the request at `version` inside a transaction, or throws not found / stale edit. */
function current(tx: DbOrTx, id: string, version: number): RequestRow {
  const row = tx.select().from(safeguardRequests).where(eq(safeguardRequests.id, id)).get();
  if (!row) throw notFound("Request", id);
  if (row.version !== version) throw staleEdit("request");
  return row;
}

function bump(tx: DbOrTx, before: RequestRow, set: Partial<RequestRow>): RequestRow {
  const changed = tx
    .update(safeguardRequests)
    .set({ ...set, version: sql`${safeguardRequests.version} + 1`, updatedAt: nowIso() })
    .where(and(eq(safeguardRequests.id, before.id), eq(safeguardRequests.version, before.version)))
    .run();
  if (changed.changes !== 1) throw staleEdit("request");
  return tx.select().from(safeguardRequests).where(eq(safeguardRequests.id, before.id)).get()!;
}

export function updateRequest(db: Db, actor: Actor, input: { id: string; version: number; fields: RequestFields }, today = todayUtc()): RequestRow {
  if (input.fields.received > today) {
    throw new AppError("BAD_REQUEST", "A request cannot be received in the future.", { received: `Enter a date on or before ${today}.` });
  }
  return writeTransaction(db, (tx) => {
    const before = current(tx, input.id, input.version);
    checkReferences(tx, input.fields);
    const due = before.extensionMonths !== null ? extendedDueDate(input.fields.received, before.extensionMonths) : dueDate(input.fields.received);
    const after = bump(tx, before, { ...columnsOf(input.fields), due });
    recordAudit(tx, actor, { action: "request.update", entityType: "request", entityId: before.id, before, after });
    return after;
  });
}

/** Extends the due date once by one or two further months, with the reason the requester is told (Art. 12(3)). */
export function extendRequest(db: Db, actor: Actor, input: { id: string; version: number; extraMonths: number; reason: string; on?: string }, today = todayUtc()): RequestRow {
  const on = input.on ?? today;
  if (on > today) throw new AppError("BAD_REQUEST", "An extension cannot be dated in the future.", { on: `Enter a date on or before ${today}.` });
  return writeTransaction(db, (tx) => {
    const before = current(tx, input.id, input.version);
    if (!isOpen(before.status)) throw new AppError("CONFLICT", "This request is closed: only an open request can be extended.");
    const check = checkExtension({ received: before.received, on, alreadyExtended: before.extensionMonths !== null, extraMonths: input.extraMonths, reason: input.reason });
    if (!check.ok) throw new AppError("BAD_REQUEST", check.message!, { reason: check.message! });
    const after = bump(tx, before, {
      extensionMonths: input.extraMonths,
      extensionReason: input.reason.trim(),
      extendedOn: on,
      due: extendedDueDate(before.received, input.extraMonths),
    });
    recordAudit(tx, actor, { action: "request.extend", entityType: "request", entityId: before.id, before, after });
    return after;
  });
}

const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ["in_progress", "refused"],
  in_progress: ["sent", "refused"],
  sent: [],
  refused: [],
};

/** Moves a request along received → in progress → sent, or to refused with a reason. Sent needs a stored copy. */
export function setRequestStatus(db: Db, actor: Actor, input: { id: string; version: number; status: RequestStatus; reason?: string }, today = todayUtc()): RequestRow {
  return writeTransaction(db, (tx) => {
    const before = current(tx, input.id, input.version);
    const from = before.status as RequestStatus;
    if (!TRANSITIONS[from].includes(input.status)) {
      throw new AppError("CONFLICT", `A request that is ${from.replace("_", " ")} cannot become ${input.status.replace("_", " ")}.`);
    }
    if (input.status === "refused" && !input.reason?.trim()) {
      throw new AppError("BAD_REQUEST", "Give the reason for refusing.", { reason: "Give the reason for refusing (Art. 12(4): the requester must be told it)." });
    }
    if (input.status === "sent") {
      const copies = tx.select({ n: count() }).from(requestCopies).where(eq(requestCopies.requestId, before.id)).get()?.n ?? 0;
      if (copies === 0) throw new AppError("CONFLICT", "Generate the copy of the safeguards before marking the request as sent.");
    }
    const closing = input.status === "sent" || input.status === "refused";
    const after = bump(tx, before, {
      status: input.status,
      refusalReason: input.status === "refused" ? input.reason!.trim() : before.refusalReason,
      closedOn: closing ? today : before.closedOn,
    });
    recordAudit(tx, actor, { action: "request.status", entityType: "request", entityId: before.id, before, after });
    return after;
  });
}

export interface DueSummary {
  overdue: number;
  dueSoon: number;
  open: number;
  /** The first open requests by due date (at most 5). */
  next: RequestListItem[];
}

/** For the overview: open requests, how many are overdue or due within a week, and the next five by due date. */
export function dueSummary(db: DbOrTx, today = todayUtc()): DueSummary {
  const openCond = inArray(safeguardRequests.status, [...OPEN_REQUEST_STATUSES]);
  const counts = db
    .select({
      open: count(),
      overdue: sql<number>`coalesce(sum(${safeguardRequests.due} < ${today}), 0)`,
      dueSoon: sql<number>`coalesce(sum(${safeguardRequests.due} >= ${today} AND ${safeguardRequests.due} <= ${dueSoonUntil(today)}), 0)`,
    })
    .from(safeguardRequests)
    .where(openCond)
    .get();
  const next = db.select().from(safeguardRequests).where(openCond).orderBy(asc(safeguardRequests.due), asc(safeguardRequests.id)).limit(5).all();
  return { open: counts?.open ?? 0, overdue: Number(counts?.overdue ?? 0), dueSoon: Number(counts?.dueSoon ?? 0), next: next.map((r) => listItem(r, today)) };
}

// --- Parts of a safeguard as applied (annexes, prices, signatories) and their redactions -------------------------

export const MAX_COPY_PARTS = 100;

export function listCopyParts(db: DbOrTx, safeguardId: string): CopyPartRow[] {
  if (!db.select({ id: safeguards.id }).from(safeguards).where(eq(safeguards.id, safeguardId)).get()) throw notFound("Safeguard", safeguardId);
  return db.select().from(safeguardCopyParts).where(eq(safeguardCopyParts.safeguardId, safeguardId)).orderBy(asc(safeguardCopyParts.createdAt), asc(safeguardCopyParts.id)).limit(MAX_COPY_PARTS).all();
}

const partColumns = (f: CopyPartFields) => ({ part: f.part, content: f.content, redacted: f.redacted, summary: f.redacted ? f.summary : (f.summary ?? null), reason: f.reason ?? null });

export function createCopyPart(db: Db, actor: Actor, input: { safeguardId: string; fields: CopyPartFields }): CopyPartRow {
  return writeTransaction(db, (tx) => {
    if (!tx.select({ id: safeguards.id }).from(safeguards).where(eq(safeguards.id, input.safeguardId)).get()) throw notFound("Safeguard", input.safeguardId);
    const n = tx.select({ n: count() }).from(safeguardCopyParts).where(eq(safeguardCopyParts.safeguardId, input.safeguardId)).get()?.n ?? 0;
    if (n >= MAX_COPY_PARTS) throw new AppError("BAD_REQUEST", `A safeguard has at most ${MAX_COPY_PARTS} parts.`);
    const id = crypto.randomUUID();
    const at = nowIso();
    tx.insert(safeguardCopyParts).values({ ...partColumns(input.fields), id, safeguardId: input.safeguardId, createdAt: at, updatedAt: at }).run();
    const after = tx.select().from(safeguardCopyParts).where(eq(safeguardCopyParts.id, id)).get()!;
    recordAudit(tx, actor, { action: "safeguard_part.create", entityType: "safeguard_part", entityId: id, before: null, after });
    return after;
  });
}

function currentPart(tx: DbOrTx, id: string, version: number): CopyPartRow {
  const row = tx.select().from(safeguardCopyParts).where(eq(safeguardCopyParts.id, id)).get();
  if (!row) throw notFound("Safeguard part", id);
  if (row.version !== version) throw staleEdit("part");
  return row;
}

export function updateCopyPart(db: Db, actor: Actor, input: { id: string; version: number; fields: CopyPartFields }): CopyPartRow {
  return writeTransaction(db, (tx) => {
    const before = currentPart(tx, input.id, input.version);
    const changed = tx
      .update(safeguardCopyParts)
      .set({ ...partColumns(input.fields), version: sql`${safeguardCopyParts.version} + 1`, updatedAt: nowIso() })
      .where(and(eq(safeguardCopyParts.id, input.id), eq(safeguardCopyParts.version, input.version)))
      .run();
    if (changed.changes !== 1) throw staleEdit("part");
    const after = tx.select().from(safeguardCopyParts).where(eq(safeguardCopyParts.id, input.id)).get()!;
    recordAudit(tx, actor, { action: "safeguard_part.update", entityType: "safeguard_part", entityId: input.id, before, after });
    return after;
  });
}

export function deleteCopyPart(db: Db, actor: Actor, input: { id: string; version: number }): { id: string } {
  return writeTransaction(db, (tx) => {
    const before = currentPart(tx, input.id, input.version);
    tx.delete(safeguardCopyParts).where(and(eq(safeguardCopyParts.id, input.id), eq(safeguardCopyParts.version, input.version))).run();
    recordAudit(tx, actor, { action: "safeguard_part.delete", entityType: "safeguard_part", entityId: input.id, before, after: null });
    return { id: input.id };
  });
}
