/**
 * Transfer use cases. Each mutation writes the change and its audit row in one
 * synchronous better-sqlite3 transaction. Status, regime and issues are never
 * stored: lists and pages evaluate the live verdicts once per request
 * (server/services/verdicts.ts) and filter, sort and paginate in memory.
 */
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import {
  auditLog,
  dataCategories,
  parties,
  partyProcessingLocations,
  purposes,
  safeguardParties,
  safeguards,
  transferDataCategories,
  transferPurposes,
  transfers,
  transferSafeguards,
} from "@/db/schema";
import { recordAudit } from "@/server/audit/record-audit";
import { setArchived, type ArchiveSpec } from "./archiving";
import type { Actor } from "@/server/auth/actor";
import type { RegistryTransfer } from "@/server/domain/registry";
import {
  evaluateTransfer,
  STATUS_RANK,
  suggestSafeguardTypes,
  worstStatus,
  type DestinationDescription,
  type SafeguardSuggestion,
  type Status,
  type KnowledgeBaseInfo,
  type Verdict,
} from "@/server/domain/rules";
import { AppError, notFound, staleEdit } from "@/server/errors";
import {
  describeTransferSchema,
  listTransfersSchema,
  REGISTRY_ID_PATTERN,
  type DataSubject,
  type DescribeTransferInput,
  type ListTransfersInput,
  type TransferFields,
} from "@/server/schemas/transfer";
import { coverageOf, describeDestination, knowledgeUsed, loadEvaluation, today, verdictsAsOf } from "./verdicts";

export type TransferRow = typeof transfers.$inferSelect;

export interface PartyRef {
  id: string;
  name: string;
  country: string;
}

export interface TransferDetail extends Omit<TransferRow, "extra" | "dataSubjects"> {
  dataSubjects: DataSubject[];
  dataCategories: string[];
  purposes: string[];
  safeguardIds: string[];
  extra: Record<string, unknown> | null;
}

export interface TransferListItem {
  id: string;
  exporter: PartyRef;
  recipient: PartyRef;
  destination: string;
  exporterRole: string;
  recipientRole: string;
  frequency: string;
  start: string;
  end: string | null;
  archivedAt: string | null;
  updatedAt: string;
  version: number;
  /** Null for archived transfers: they are not evaluated. */
  verdict: Pick<Verdict, "status" | "regime" | "issues"> | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const nowIso = () => new Date().toISOString();

/** A registry id from free text ("Norvale GmbH → Stratus" → "norvale-gmbh-stratus"), made unique with `exists`. */
export function registryIdFrom(text: string, fallback: string, exists: (id: string) => boolean): string {
  const base =
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9._]+/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "")
      .slice(0, 56) || fallback;
  let id = base;
  for (let n = 2; exists(id); n++) id = `${base}-${n}`;
  return id;
}

function partyRefs(db: DbOrTx, ids: string[]): Map<string, PartyRef> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = db.select({ id: parties.id, name: parties.name, country: parties.country }).from(parties).where(inArray(parties.id, unique)).all();
  return new Map(rows.map((r) => [r.id, r]));
}

const refOf = (refs: Map<string, PartyRef>, id: string): PartyRef => refs.get(id) ?? { id, name: id, country: "" };

// ---------------------------------------------------------------- reading

export function findTransfer(db: DbOrTx, id: string): TransferDetail | null {
  const row = db.select().from(transfers).where(eq(transfers.id, id)).get();
  if (!row) return null;
  const categories = db
    .select({ id: transferDataCategories.categoryId })
    .from(transferDataCategories)
    .innerJoin(dataCategories, eq(dataCategories.id, transferDataCategories.categoryId))
    .where(eq(transferDataCategories.transferId, id))
    .orderBy(asc(dataCategories.sortOrder), asc(dataCategories.id))
    .all()
    .map((r) => r.id);
  const purposeIds = db
    .select({ id: transferPurposes.purposeId })
    .from(transferPurposes)
    .innerJoin(purposes, eq(purposes.id, transferPurposes.purposeId))
    .where(eq(transferPurposes.transferId, id))
    .orderBy(asc(purposes.sortOrder), asc(purposes.id))
    .all()
    .map((r) => r.id);
  const safeguardIds = db
    .select({ id: transferSafeguards.safeguardId })
    .from(transferSafeguards)
    .where(eq(transferSafeguards.transferId, id))
    .orderBy(asc(transferSafeguards.position), asc(transferSafeguards.safeguardId))
    .all()
    .map((r) => r.id);
  return {
    ...row,
    dataSubjects: JSON.parse(row.dataSubjects) as DataSubject[],
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : null,
    dataCategories: categories,
    purposes: purposeIds,
    safeguardIds,
  };
}

export function getTransfer(db: DbOrTx, id: string): TransferDetail {
  const t = findTransfer(db, id);
  if (!t) throw notFound("Transfer", id);
  return t;
}

export interface TransferView extends TransferDetail {
  exporter: PartyRef;
  recipient: PartyRef;
  safeguards: { id: string; title: string; type: string; archivedAt: string | null }[];
  /** The verdict as of `asOf` (evaluated even when archived, so the page can still explain it). */
  verdict: Verdict;
  asOf: string;
  /** The knowledge base the verdict used; `note` when `asOf` is a past date. */
  knowledgeBase: KnowledgeBaseInfo;
  note: string | null;
}

/** A transfer with its parties, safeguards and live verdict, for the transfer page. */
export function viewTransfer(db: Db, id: string, asOf = today()): TransferView {
  const t = getTransfer(db, id);
  const refs = partyRefs(db, [t.exporterId, t.recipientId]);
  const sgRows = t.safeguardIds.length
    ? db.select({ id: safeguards.id, title: safeguards.title, type: safeguards.type, archivedAt: safeguards.archivedAt }).from(safeguards).where(inArray(safeguards.id, t.safeguardIds)).all()
    : [];
  const byId = new Map(sgRows.map((s) => [s.id, s]));
  const evaluation = loadEvaluation(db);
  const doc = evaluation.document.transfers.find((d) => d.id === id)!;
  return {
    ...t,
    exporter: refOf(refs, t.exporterId),
    recipient: refOf(refs, t.recipientId),
    safeguards: t.safeguardIds.map((sid) => byId.get(sid) ?? { id: sid, title: sid, type: "unknown", archivedAt: null }),
    verdict: evaluateTransfer(evaluation.ctx, doc, asOf),
    asOf,
    ...knowledgeUsed(evaluation, asOf),
  };
}

function matchesSearch(item: TransferListItem, needle: string): boolean {
  const hay = [item.id, item.exporter.name, item.exporter.id, item.recipient.name, item.recipient.id, item.destination].join(" ").toLowerCase();
  return hay.includes(needle.toLowerCase());
}

/** Rank for sorting by status: archived transfers (no verdict) sort below every status. */
const statusRank = (i: TransferListItem) => (i.verdict ? STATUS_RANK[i.verdict.status] : -1);

export function listTransfers(db: Db, input: ListTransfersInput): Page<TransferListItem> & { asOf: string } {
  const q = listTransfersSchema.parse(input);
  const asOf = q.asOf ?? today();
  const rows = db.select().from(transfers).orderBy(asc(transfers.id)).all();
  const refs = partyRefs(db, rows.flatMap((r) => [r.exporterId, r.recipientId]));
  const verdicts = verdictsAsOf(db, asOf);

  let items: TransferListItem[] = rows.map((r) => {
    const v = r.archivedAt ? undefined : verdicts.get(r.id);
    return {
      id: r.id,
      exporter: refOf(refs, r.exporterId),
      recipient: refOf(refs, r.recipientId),
      destination: r.destination,
      exporterRole: r.exporterRole,
      recipientRole: r.recipientRole,
      frequency: r.frequency,
      start: r.start,
      end: r.end,
      archivedAt: r.archivedAt,
      updatedAt: r.updatedAt,
      version: r.version,
      verdict: v ? { status: v.status, regime: v.regime, issues: v.issues } : null,
    };
  });

  items = items.filter((i) => {
    if (q.archived === "active" && i.archivedAt) return false;
    if (q.archived === "archived" && !i.archivedAt) return false;
    if (q.exporterId && i.exporter.id !== q.exporterId) return false;
    if (q.recipientId && i.recipient.id !== q.recipientId) return false;
    if (q.destination && i.destination !== q.destination.toUpperCase()) return false;
    if (q.regime && (i.verdict?.regime ?? "none") !== q.regime) return false;
    if (q.status && i.verdict?.status !== q.status) return false;
    if (q.issue && !i.verdict?.issues.some((is) => is.code === q.issue)) return false;
    if (q.search && !matchesSearch(i, q.search)) return false;
    return true;
  });

  const key: Record<(typeof q)["sort"], (i: TransferListItem) => string | number> = {
    id: (i) => i.id,
    exporter: (i) => i.exporter.name.toLowerCase(),
    recipient: (i) => i.recipient.name.toLowerCase(),
    destination: (i) => i.destination,
    start: (i) => i.start,
    status: statusRank,
    updatedAt: (i) => i.updatedAt,
  };
  const k = key[q.sort];
  const sign = q.dir === "asc" ? 1 : -1;
  items.sort((a, b) => {
    const ka = k(a);
    const kb = k(b);
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

  const total = items.length;
  return { items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total, page: q.page, pageSize: q.pageSize, asOf };
}

export interface PartyTransferItem {
  id: string;
  counterpart: PartyRef;
  destination: string;
  exporterRole: string;
  recipientRole: string;
  start: string;
  end: string | null;
  archivedAt: string | null;
  status: Status | null;
  issueCount: number;
}

/** The transfers a party exports and receives, with their live status and the party's worst status. */
export function transfersOfParty(db: Db, partyId: string, asOf = today()) {
  const rows = db
    .select()
    .from(transfers)
    .where(or(eq(transfers.exporterId, partyId), eq(transfers.recipientId, partyId)))
    .orderBy(asc(transfers.id))
    .all();
  const refs = partyRefs(db, rows.flatMap((r) => [r.exporterId, r.recipientId]));
  const verdicts = verdictsAsOf(db, asOf);
  const toItem = (r: TransferRow, counterpartId: string): PartyTransferItem => {
    const v = r.archivedAt ? undefined : verdicts.get(r.id);
    return {
      id: r.id,
      counterpart: refOf(refs, counterpartId),
      destination: r.destination,
      exporterRole: r.exporterRole,
      recipientRole: r.recipientRole,
      start: r.start,
      end: r.end,
      archivedAt: r.archivedAt,
      status: v?.status ?? null,
      issueCount: v?.issues.length ?? 0,
    };
  };
  const asExporter = rows.filter((r) => r.exporterId === partyId).map((r) => toItem(r, r.recipientId));
  const asRecipient = rows.filter((r) => r.recipientId === partyId).map((r) => toItem(r, r.exporterId));
  const statuses = [...asExporter, ...asRecipient].map((i) => i.status).filter((s): s is Status => s !== null);
  return { asExporter, asRecipient, worstStatus: worstStatus(statuses), asOf };
}

/** The coverage timeline shown on the transfer page: from the start (at the earliest 2015-01-01) to today. */
export function transferCoverageTimeline(db: Db, id: string, asOf = today()) {
  const t = getTransfer(db, id);
  const from = t.start < "2015-01-01" ? "2015-01-01" : t.start;
  if (from > asOf) return { from, to: asOf, intervals: [], gaps: [] };
  return { from, to: asOf, ...coverageOf(db, id, from, asOf) };
}

/** Audit rows of a transfer and of its TIAs, newest first. */
export function transferHistory(db: Db, id: string) {
  getTransfer(db, id);
  return db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.entityType, "transfer"), eq(auditLog.entityId, id)),
        and(eq(auditLog.entityType, "tia"), sql`json_extract(${auditLog.after}, '$.transferId') = ${id}`),
      ),
    )
    .orderBy(desc(auditLog.id))
    .all();
}

// ---------------------------------------------------------------- form support

export interface TransferFormOptions {
  parties: { id: string; name: string; relationship: string; country: string; processingLocations: string[]; archived: boolean }[];
  safeguards: { id: string; title: string; type: string; partyIds: string[]; archived: boolean }[];
  purposes: { id: string; label: string; archived: boolean }[];
}

/** The choices of the transfer form, in one request. */
export function transferFormOptions(db: Db): TransferFormOptions {
  const locations = new Map<string, string[]>();
  for (const l of db.select().from(partyProcessingLocations).orderBy(asc(partyProcessingLocations.country)).all()) {
    locations.set(l.partyId, [...(locations.get(l.partyId) ?? []), l.country]);
  }
  const signatories = new Map<string, string[]>();
  const sgParties = db.select().from(safeguardParties).orderBy(asc(safeguardParties.safeguardId), asc(safeguardParties.position)).all();
  for (const s of sgParties) signatories.set(s.safeguardId, [...(signatories.get(s.safeguardId) ?? []), s.partyId]);
  return {
    parties: db
      .select()
      .from(parties)
      .orderBy(sql`${parties.name} collate nocase`)
      .all()
      .map((p) => ({ id: p.id, name: p.name, relationship: p.relationship, country: p.country, processingLocations: locations.get(p.id) ?? [p.country], archived: p.archivedAt !== null })),
    safeguards: db
      .select()
      .from(safeguards)
      .orderBy(sql`${safeguards.title} collate nocase`)
      .all()
      .map((s) => ({ id: s.id, title: s.title, type: s.type, partyIds: signatories.get(s.id) ?? [], archived: s.archivedAt !== null })),
    purposes: db
      .select()
      .from(purposes)
      .orderBy(asc(purposes.sortOrder), asc(purposes.id))
      .all()
      .map((p) => ({ id: p.id, label: p.label, archived: p.archived })),
  };
}

export interface TransferDescription {
  asOf: string;
  exporter: PartyRef | null;
  recipient: PartyRef | null;
  /** Where the recipient processes the data: the destinations the form offers. */
  destinationOptions: string[];
  destination: (DestinationDescription & { country: string }) | null;
  suggestions: SafeguardSuggestion[];
  /** The verdict this draft would get today, when it is complete enough to evaluate. */
  preview: Verdict | null;
}

/**
 * What the transfer form shows while it is filled in: the exporter's regime, what the destination means
 * (inside the area, adequate with its scope, or a third country), the safeguard types that fit the roles,
 * and the verdict the draft would get today (which flags e.g. a module that does not match the roles).
 */
export function describeTransfer(db: Db, input: DescribeTransferInput, asOf = today()): TransferDescription {
  const q = describeTransferSchema.parse(input);
  const refs = partyRefs(db, [q.exporterId, q.recipientId].filter((x): x is string => Boolean(x)));
  const exporter = q.exporterId ? (refs.get(q.exporterId) ?? null) : null;
  const recipient = q.recipientId ? (refs.get(q.recipientId) ?? null) : null;
  const destinationOptions = recipient
    ? (() => {
        const locs = db.select({ c: partyProcessingLocations.country }).from(partyProcessingLocations).where(eq(partyProcessingLocations.partyId, recipient.id)).orderBy(asc(partyProcessingLocations.country)).all().map((r) => r.c);
        return locs.length ? locs : [recipient.country];
      })()
    : [];
  const out: TransferDescription = { asOf, exporter, recipient, destinationOptions, destination: null, suggestions: [], preview: null };
  if (!exporter) return out;

  const evaluation = loadEvaluation(db);
  if (q.destination) {
    const recipientDoc = recipient ? evaluation.ctx.parties.get(recipient.id) : undefined;
    const described = describeDestination(evaluation.ctx.ckb, {
      exporterCountry: exporter.country,
      destination: q.destination,
      recipientCertifications: recipientDoc?.certifications,
      asOf,
    });
    out.destination = { ...described, country: q.destination };
  }
  const regime = out.destination?.regime ?? describeDestination(evaluation.ctx.ckb, { exporterCountry: exporter.country, destination: exporter.country, asOf }).regime;
  if (regime && q.exporterRole && q.recipientRole) out.suggestions = suggestSafeguardTypes(regime, q.exporterRole, q.recipientRole);

  if (recipient && q.destination && q.exporterRole && q.recipientRole) {
    const existing = q.transferId ? evaluation.document.transfers.find((t) => t.id === q.transferId) : undefined;
    const draft: RegistryTransfer = {
      id: q.transferId ?? "draft",
      exporter: exporter.id,
      recipient: recipient.id,
      destination: q.destination,
      exporterRole: q.exporterRole,
      recipientRole: q.recipientRole,
      start: q.start && /^\d{4}-\d{2}-\d{2}$/.test(q.start) ? q.start : asOf,
      end: q.end && /^\d{4}-\d{2}-\d{2}$/.test(q.end) ? q.end : null,
      frequency: q.frequency ?? "continuous",
      safeguards: q.safeguardIds,
      tia: existing?.tia ?? null,
    };
    out.preview = evaluateTransfer(evaluation.ctx, draft, asOf);
  }
  return out;
}

// ---------------------------------------------------------------- writing

function assertReferences(tx: DbOrTx, fields: TransferFields): void {
  const errors: Record<string, string> = {};
  const refs = tx.select().from(parties).where(inArray(parties.id, [fields.exporterId, fields.recipientId])).all();
  const exporter = refs.find((p) => p.id === fields.exporterId);
  const recipient = refs.find((p) => p.id === fields.recipientId);
  if (!exporter) errors.exporterId = `Unknown party "${fields.exporterId}".`;
  else if (exporter.relationship !== "affiliate") errors.exporterId = "The exporter must be one of the group's affiliates.";
  if (!recipient) errors.recipientId = `Unknown party "${fields.recipientId}".`;
  if (recipient) {
    const locations = tx.select({ c: partyProcessingLocations.country }).from(partyProcessingLocations).where(eq(partyProcessingLocations.partyId, recipient.id)).all().map((r) => r.c);
    if (!locations.includes(fields.destination) && recipient.country !== fields.destination) {
      errors.destination = `${recipient.name} does not process data in ${fields.destination}: choose one of its processing locations (${locations.join(", ") || recipient.country}), or add the country to the party first.`;
    }
  }
  const missing = (table: { id: string }[], wanted: string[]) => {
    const known = new Set(table.map((r) => r.id));
    return wanted.filter((id) => !known.has(id));
  };
  if (fields.dataCategories.length) {
    const unknown = missing(tx.select({ id: dataCategories.id }).from(dataCategories).where(inArray(dataCategories.id, fields.dataCategories)).all(), fields.dataCategories);
    if (unknown.length) errors.dataCategories = `Unknown data categories: ${unknown.join(", ")}.`;
  }
  if (fields.purposes.length) {
    const unknown = missing(tx.select({ id: purposes.id }).from(purposes).where(inArray(purposes.id, fields.purposes)).all(), fields.purposes);
    if (unknown.length) errors.purposes = `Unknown purposes: ${unknown.join(", ")}.`;
  }
  if (fields.safeguardIds.length) {
    const unknown = missing(tx.select({ id: safeguards.id }).from(safeguards).where(inArray(safeguards.id, fields.safeguardIds)).all(), fields.safeguardIds);
    if (unknown.length) errors.safeguardIds = `Unknown safeguards: ${unknown.join(", ")}.`;
  }
  const keys = Object.keys(errors);
  if (keys.length) throw new AppError("BAD_REQUEST", Object.values(errors).join(" "), errors);
}

function columnsOf(fields: TransferFields) {
  const { dataCategories: _c, purposes: _p, safeguardIds: _s, dataSubjects, ...columns } = fields;
  return { ...columns, dataSubjects: JSON.stringify([...new Set(dataSubjects)]) };
}

function writeChildren(tx: DbOrTx, id: string, fields: TransferFields): void {
  tx.delete(transferDataCategories).where(eq(transferDataCategories.transferId, id)).run();
  for (const categoryId of new Set(fields.dataCategories)) tx.insert(transferDataCategories).values({ transferId: id, categoryId }).run();
  tx.delete(transferPurposes).where(eq(transferPurposes.transferId, id)).run();
  for (const purposeId of new Set(fields.purposes)) tx.insert(transferPurposes).values({ transferId: id, purposeId }).run();
  tx.delete(transferSafeguards).where(eq(transferSafeguards.transferId, id)).run();
  fields.safeguardIds.forEach((safeguardId, position) => tx.insert(transferSafeguards).values({ transferId: id, safeguardId, position }).run());
}

export function createTransfer(db: Db, actor: Actor, input: { id?: string; fields: TransferFields }, options: { extra?: Record<string, unknown> } = {}): TransferDetail {
  return db.transaction((tx) => {
    const { fields } = input;
    if (input.id !== undefined && !REGISTRY_ID_PATTERN.test(input.id)) {
      throw new AppError("BAD_REQUEST", `"${input.id}" is not a valid transfer id.`, { id: "Use 1–64 lower-case letters, digits, dots, dashes or underscores." });
    }
    if (input.id !== undefined && findTransfer(tx, input.id)) {
      throw new AppError("CONFLICT", `A transfer with id "${input.id}" already exists.`, { id: "This id is already taken." });
    }
    assertReferences(tx, fields);
    const id =
      input.id ??
      registryIdFrom(`${fields.exporterId}-${fields.recipientId}`, "transfer", (candidate) => Boolean(tx.select({ id: transfers.id }).from(transfers).where(eq(transfers.id, candidate)).get()));
    const at = nowIso();
    tx.insert(transfers)
      .values({ ...columnsOf(fields), id, extra: options.extra ? JSON.stringify(options.extra) : null, createdAt: at, updatedAt: at })
      .run();
    writeChildren(tx, id, fields);
    const after = getTransfer(tx, id);
    recordAudit(tx, actor, { action: "transfer.create", entityType: "transfer", entityId: id, before: null, after });
    return after;
  });
}

export function updateTransfer(db: Db, actor: Actor, input: { id: string; version: number; fields: TransferFields }): TransferDetail {
  return db.transaction((tx) => {
    const before = getTransfer(tx, input.id);
    if (before.archivedAt) throw new AppError("CONFLICT", "This transfer is archived: restore it before editing.");
    assertReferences(tx, input.fields);
    const result = tx
      .update(transfers)
      .set({ ...columnsOf(input.fields), version: sql`${transfers.version} + 1`, updatedAt: nowIso() })
      .where(and(eq(transfers.id, input.id), eq(transfers.version, input.version)))
      .run();
    if (result.changes !== 1) throw staleEdit("transfer");
    writeChildren(tx, input.id, input.fields);
    const after = getTransfer(tx, input.id);
    recordAudit(tx, actor, { action: "transfer.update", entityType: "transfer", entityId: input.id, before, after });
    return after;
  });
}

const ARCHIVE_SPEC: ArchiveSpec<TransferDetail> = { entity: "transfer", load: getTransfer };

export const archiveTransfer = (db: Db, actor: Actor, input: { id: string; version: number }) => setArchived(db, actor, ARCHIVE_SPEC, input, true);
export const restoreTransfer = (db: Db, actor: Actor, input: { id: string; version: number }) => setArchived(db, actor, ARCHIVE_SPEC, input, false);
