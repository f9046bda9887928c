/**
 * Transfer use cases. Each mutation writes the change, its audit row and the re-evaluated verdicts of what it
 * affects in one synchronous better-sqlite3 transaction (`writeTransaction`). Lists read the verdict store
 * (today) or the what-if tables (another date) with SQL; one transfer's page evaluates only that transfer.
 */
import type { z } from "zod";
import { asc, eq, inArray } from "drizzle-orm";
import { prepared, type Db, type DbOrTx } from "@/db/client";
import {
  type auditLog,
  dataCategories,
  parties,
  partyProcessingLocations,
  purposes,
  safeguards,
  transferDataCategories,
  transferPurposes,
  transfers,
  transferSafeguards,
} from "@/db/schema";
import { setArchived, type ArchiveSpec } from "./archiving";
import type { Actor } from "@/server/auth/actor";
import type { RegistryTransfer } from "@/server/domain/registry";
import type { PartyFacts, TransferRecord, TransferRuleContext } from "@/server/domain/registry/record-rules";
import {
  createEvaluationContext,
  evaluateTransfer,
  STATUS_RANK,
  suggestSafeguardTypes,
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
  type TransferSort,
} from "@/server/schemas/transfer";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import { fillScope, readScopedDocument } from "./registry-document";
import { cachedRead, coverageOf, describeDestination, knowledgeUsed, statusOfRank, today, transferVerdict, verdictSource } from "./verdicts";
import { writeTransaction } from "./verdict-store";
import { writeTransfers, type TransferWriteStep } from "./writers/transfer-writer";
import { likePattern } from "./sql-text";

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

/** A transfer with its parties, safeguards and verdict, for the transfer page: reads only what it depends on. */
export function viewTransfer(db: Db, id: string, asOf = today()): TransferView {
  const t = getTransfer(db, id);
  const refs = partyRefs(db, [t.exporterId, t.recipientId]);
  const sgRows = t.safeguardIds.length
    ? db.select({ id: safeguards.id, title: safeguards.title, type: safeguards.type, archivedAt: safeguards.archivedAt }).from(safeguards).where(inArray(safeguards.id, t.safeguardIds)).all()
    : [];
  const byId = new Map(sgRows.map((s) => [s.id, s]));
  return {
    ...t,
    exporter: refOf(refs, t.exporterId),
    recipient: refOf(refs, t.recipientId),
    safeguards: t.safeguardIds.map((sid) => byId.get(sid) ?? { id: sid, title: sid, type: "unknown", archivedAt: null }),
    verdict: transferVerdict(db, id, asOf),
    asOf,
    ...knowledgeUsed(db, asOf),
  };
}


/**
 * The columns of a transfer with its parties' names and its verdict, as lists show them: `t` the transfer, `e` its
 * exporter, `r` its recipient, `v` the verdict table (no verdict for an archived transfer).
 */
export const TRANSFER_ROW_COLUMNS = `t.id, t.destination, t.exporter_role AS exporterRole, t.recipient_role AS recipientRole, t.archived_at AS archivedAt,
  e.id AS exporterId, e.name AS exporterName, e.country AS exporterCountry,
  r.id AS recipientId, r.name AS recipientName, r.country AS recipientCountry,
  CASE WHEN t.archived_at IS NULL THEN v.status END AS status, v.regime, v.issues`;

export interface TransferRowWithParties {
  id: string;
  destination: string;
  exporterRole: string;
  recipientRole: string;
  archivedAt: string | null;
  exporterId: string;
  exporterName: string;
  exporterCountry: string;
  recipientId: string;
  recipientName: string;
  recipientCountry: string;
  status: Status | null;
  regime: string | null;
  issues: string | null;
}

/** The exporter, the recipient and the verdict (status, regime, issues) of such a row. */
export function partiesAndVerdictOf(r: TransferRowWithParties) {
  return {
    exporter: { id: r.exporterId, name: r.exporterName, country: r.exporterCountry },
    recipient: { id: r.recipientId, name: r.recipientName, country: r.recipientCountry },
    verdict: r.status ? { status: r.status, regime: r.regime === "none" ? null : (r.regime as Verdict["regime"]), issues: JSON.parse(r.issues!) as Verdict["issues"] } : null,
  };
}

interface ListRow extends TransferRowWithParties {
  frequency: string;
  start: string;
  end: string | null;
  updatedAt: string;
  version: number;
}

const SORT_SQL: Record<TransferSort, string> = {
  id: "t.id",
  exporter: "e.name COLLATE NOCASE",
  recipient: "r.name COLLATE NOCASE",
  destination: "t.destination",
  start: "t.start",
  status: "coalesce(v.status_rank, -1)",
  updatedAt: "t.updated_at",
};

/**
 * One page of transfers with their verdicts as of `asOf` (today: the verdict store; another date: the
 * what-if tables). Filtering, counting, sorting and paging are SQL; only the page's rows are read.
 */
export function listTransfers(db: Db, input: ListTransfersInput): Page<TransferListItem> & { asOf: string } {
  const q = listTransfersSchema.parse(input);
  return cachedRead(db, "transfers.list", q, () => queryTransfers(db, q));
}

/** The SQL of the transfers a list query selects (its filters, not its page): the list and the exports share it. */
export interface TransferSelection {
  source: ReturnType<typeof verdictSource>;
  /** Only live transfers: driven from the verdict table. */
  activeOnly: boolean;
  /** `FROM` clause (without the parties' joins): `v` the verdicts, `t` the transfers. */
  base: string;
  /** The cheapest `FROM` for counting. */
  countFrom: string;
  whereSql: string;
  where: string[];
  params: unknown[];
  /** The ORDER BY expression of the list's sort (then `tie` ascending). */
  sortKey: string;
  tie: string;
}

export function selectTransfers(db: Db, q: z.output<typeof listTransfersSchema>): TransferSelection {
  const source = verdictSource(db, q.asOf);
  // Live transfers are exactly the rows of the verdict tables, so the active list is driven from them (and its
  // first page by status is read in index order); archived ones have no verdict and come from the transfers.
  const activeOnly = q.archived === "active";
  const where: string[] = [];
  const params: unknown[] = [];
  let needsTransfer = false;
  const onTransfer = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
    needsTransfer = true;
  };
  if (q.archived === "archived") onTransfer("t.archived_at IS NOT NULL");
  if (q.exporterId) onTransfer("t.exporter_id = ?", q.exporterId);
  if (q.recipientId) onTransfer("t.recipient_id = ?", q.recipientId);
  if (q.destination) onTransfer("t.destination = ?", q.destination.toUpperCase());
  if (q.exporterCountry) onTransfer("t.exporter_id IN (SELECT id FROM party WHERE country = ?)", q.exporterCountry.toUpperCase());
  const onVerdict = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (q.regime) onVerdict("coalesce(v.regime, 'none') = ?", q.regime);
  if (q.status) onVerdict("v.status_rank = ?", STATUS_RANK[q.status]);
  if (q.issue) onVerdict(`v.transfer_id IN (SELECT transfer_id FROM ${source.issues} WHERE code = ?)`, q.issue);
  if (q.search) {
    // Names are matched on the parties first (20k rows), then transfers by their party ids: no LIKE per transfer row on joined names.
    const p = likePattern(q.search);
    onTransfer(
      `(t.id LIKE ? ESCAPE '\\' OR t.destination LIKE ? ESCAPE '\\'
        OR t.exporter_id IN (SELECT id FROM party WHERE name LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\')
        OR t.recipient_id IN (SELECT id FROM party WHERE name LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\'))`,
      p,
      p,
      p,
      p,
      p,
      p,
    );
  }
  const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const base = activeOnly ? `${source.verdicts} v JOIN transfer t ON t.id = v.transfer_id` : `transfer t LEFT JOIN ${source.verdicts} v ON v.transfer_id = t.id`;
  const countFrom = activeOnly && !needsTransfer ? `${source.verdicts} v` : base;
  const statusSort = q.sort === "status";
  const sortKey = statusSort ? (activeOnly ? "v.status_rank" : "coalesce(v.status_rank, -1)") : SORT_SQL[q.sort];
  const tie = statusSort && activeOnly ? "v.transfer_id" : "t.id";
  return { source, activeOnly, base, countFrom, whereSql, where, params, sortKey, tie };
}

function queryTransfers(db: Db, q: z.output<typeof listTransfersSchema>): Page<TransferListItem> & { asOf: string } {
  const { source, base, countFrom, whereSql, params, sortKey, tie } = selectTransfers(db, q);
  const total = (prepared(db, `SELECT count(*) AS n FROM ${countFrom} ${whereSql}`).get(...params) as { n: number }).n;
  const dir = q.dir === "asc" ? "ASC" : "DESC";
  const order = `${sortKey} ${dir}, ${tie} ASC`;
  const rows = prepared(
    db,
    `SELECT ${TRANSFER_ROW_COLUMNS}, t.frequency, t.start, t."end", t.updated_at AS updatedAt, t.version
       FROM ${base} JOIN party e ON e.id = t.exporter_id JOIN party r ON r.id = t.recipient_id
       ${whereSql}
      ORDER BY ${order}
      LIMIT ? OFFSET ?`,
  ).all(...params, q.pageSize, (q.page - 1) * q.pageSize) as ListRow[];

  const items: TransferListItem[] = rows.map((r) => ({
    id: r.id,
    ...partiesAndVerdictOf(r),
    destination: r.destination,
    exporterRole: r.exporterRole,
    recipientRole: r.recipientRole,
    frequency: r.frequency,
    start: r.start,
    end: r.end,
    archivedAt: r.archivedAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize, asOf: source.asOf };
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

/** How many of a party's transfers its page lists per side; the rest are one click away in the filtered list. */
export const PARTY_TRANSFERS_SHOWN = 50;

/**
 * The transfers a party exports and receives (the worst first, at most {@link PARTY_TRANSFERS_SHOWN} per side,
 * with the totals) and the party's worst status over all its live transfers.
 */
export function transfersOfParty(db: Db, partyId: string, asOf?: string) {
  return cachedRead(db, "transfers.ofParty", { partyId, asOf }, () => queryTransfersOfParty(db, partyId, asOf));
}

function queryTransfersOfParty(db: Db, partyId: string, asOf?: string) {
  const source = verdictSource(db, asOf);
  const side = (column: "exporter_id" | "recipient_id", other: "exporter_id" | "recipient_id") => {
    const rows = prepared(
      db,
      `SELECT t.id, t.destination, t.exporter_role AS exporterRole, t.recipient_role AS recipientRole, t.start, t."end", t.archived_at AS archivedAt,
              c.id AS counterpartId, c.name AS counterpartName, c.country AS counterpartCountry,
              CASE WHEN t.archived_at IS NULL THEN v.status_rank END AS rank, CASE WHEN t.archived_at IS NULL THEN v.issue_count END AS issueCount
         FROM transfer t JOIN party c ON c.id = t.${other} LEFT JOIN ${source.verdicts} v ON v.transfer_id = t.id
        WHERE t.${column} = ?
        ORDER BY t.archived_at IS NOT NULL, coalesce(v.status_rank, -1) DESC, t.id
        LIMIT ?`,
    ).all(partyId, PARTY_TRANSFERS_SHOWN) as {
      id: string;
      destination: string;
      exporterRole: string;
      recipientRole: string;
      start: string;
      end: string | null;
      archivedAt: string | null;
      counterpartId: string;
      counterpartName: string;
      counterpartCountry: string;
      rank: number | null;
      issueCount: number | null;
    }[];
    const summary = prepared(
      db,
      `SELECT count(*) AS total, max(CASE WHEN t.archived_at IS NULL THEN v.status_rank END) AS worst
         FROM transfer t LEFT JOIN ${source.verdicts} v ON v.transfer_id = t.id WHERE t.${column} = ?`,
    ).get(partyId) as { total: number; worst: number | null };
    const items: PartyTransferItem[] = rows.map((r) => ({
      id: r.id,
      counterpart: { id: r.counterpartId, name: r.counterpartName, country: r.counterpartCountry },
      destination: r.destination,
      exporterRole: r.exporterRole,
      recipientRole: r.recipientRole,
      start: r.start,
      end: r.end,
      archivedAt: r.archivedAt,
      status: statusOfRank(r.rank),
      issueCount: r.issueCount ?? 0,
    }));
    return { items, total: summary.total, worst: summary.worst };
  };
  const exported = side("exporter_id", "recipient_id");
  const received = side("recipient_id", "exporter_id");
  const worstRank = Math.max(exported.worst ?? -1, received.worst ?? -1);
  return {
    asExporter: exported.items,
    asRecipient: received.items,
    exporterTotal: exported.total,
    recipientTotal: received.total,
    worstStatus: statusOfRank(worstRank < 0 ? null : worstRank),
    asOf: source.asOf,
  };
}

/**
 * The coverage timeline shown on the transfer page: from the start (at the earliest 2015-01-01) to `asOf`. A
 * transfer that has not started by `asOf` (`planned`) gets its start day instead (from = to = start): what
 * would cover it on that day, never an inverted range.
 */
export function transferCoverageTimeline(db: Db, id: string, asOf = today()) {
  const t = getTransfer(db, id);
  const from = t.start < "2015-01-01" ? "2015-01-01" : t.start;
  if (from > asOf) return { from, to: from, planned: true, ...coverageOf(db, id, from, from) };
  return { from, to: asOf, planned: false, ...coverageOf(db, id, from, asOf) };
}

/** Audit rows of a transfer and of its TIAs, newest first. */
/** The most audit rows a History tab lists. */
export const HISTORY_SHOWN = 500;

export function transferHistory(db: Db, id: string) {
  getTransfer(db, id);
  // Two indexed reads (the transfer's own rows; its TIAs' rows by the transfer id they carry), newest first.
  const columns = `id, "at", actor_id AS actorId, actor_email AS actorEmail, action, entity_type AS entityType, entity_id AS entityId, "before", "after"`;
  return prepared(
    db,
    `SELECT ${columns} FROM audit_log WHERE entity_type = 'transfer' AND entity_id = ?
     UNION ALL
     SELECT ${columns} FROM audit_log
      WHERE entity_type = 'tia' AND coalesce(json_extract("after", '$.transferId'), json_extract("before", '$.transferId')) = ?
     ORDER BY id DESC
     LIMIT ?`,
  ).all(id, id, HISTORY_SHOWN) as (typeof auditLog.$inferSelect)[];
}

// ---------------------------------------------------------------- form support

/** The evaluation of a draft: the given parties and safeguards (at most a form's worth) and the edited transfer. */
function loadDraftEvaluation(db: DbOrTx, partyIds: (string | undefined)[], safeguardIds: string[], transferId: string | undefined) {
  fillScope(db, "SELECT id FROM transfer WHERE id = ?", [transferId ?? ""]);
  const insertParty = prepared(db, "INSERT OR IGNORE INTO temp.scope_party (id) VALUES (?)");
  for (const id of partyIds) if (id) insertParty.run(id);
  const insertSafeguard = prepared(db, "INSERT OR IGNORE INTO temp.scope_safeguard (id) VALUES (?)");
  for (const id of safeguardIds.slice(0, 20)) insertSafeguard.run(id);
  const document = readScopedDocument(db);
  return { document, ctx: createEvaluationContext(document, getCompiledKnowledgeBase(db)) };
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

  // Only what the draft depends on: the two parties (with certifications), the chosen safeguards, the edited transfer's TIA.
  const evaluation = loadDraftEvaluation(db, [exporter.id, recipient?.id], q.safeguardIds, q.transferId);
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

/**
 * The facts of the transfer rules (server/domain/registry/record-rules.ts), read from the database: the transfer's
 * parties as they are, and which of the codes and safeguards it names exist. The transfer writer judges with them.
 */
export function transferFacts(tx: DbOrTx, fields: TransferRecord): TransferRuleContext {
  const refs = tx.select().from(parties).where(inArray(parties.id, [fields.exporterId, fields.recipientId])).all();
  const facts = (id: string): PartyFacts | undefined => {
    const row = refs.find((p) => p.id === id);
    if (!row) return undefined;
    const processingLocations = tx.select({ c: partyProcessingLocations.country }).from(partyProcessingLocations).where(eq(partyProcessingLocations.partyId, id)).all().map((r) => r.c);
    return { id: row.id, name: row.name, relationship: row.relationship, country: row.country, processingLocations };
  };
  const known = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  return {
    exporter: facts(fields.exporterId),
    recipient: facts(fields.recipientId),
    knownDataCategories: fields.dataCategories.length ? known(tx.select({ id: dataCategories.id }).from(dataCategories).where(inArray(dataCategories.id, fields.dataCategories)).all()) : undefined,
    knownPurposes: fields.purposes.length ? known(tx.select({ id: purposes.id }).from(purposes).where(inArray(purposes.id, fields.purposes)).all()) : undefined,
    knownSafeguards: fields.safeguardIds.length ? known(tx.select({ id: safeguards.id }).from(safeguards).where(inArray(safeguards.id, fields.safeguardIds)).all()) : undefined,
  };
}

/** A step of the transfer writer with its facts from the database (none needed for a transfer left archived). */
export function transferStep(tx: DbOrTx, step: Omit<TransferWriteStep, "facts">): TransferWriteStep {
  return { ...step, facts: step.next.archivedAt === null ? transferFacts(tx, step.next) : null };
}

/** The transfer writer's options here: a stale version is the form's stale-edit refusal. */
const STALE = { onStale: () => staleEdit("transfer") };

export function createTransfer(db: Db, actor: Actor, input: { id?: string; fields: TransferFields }, options: { extra?: Record<string, unknown> } = {}): TransferDetail {
  return writeTransaction(db, (tx) => {
    const { fields } = input;
    if (input.id !== undefined && !REGISTRY_ID_PATTERN.test(input.id)) {
      throw new AppError("BAD_REQUEST", `"${input.id}" is not a valid transfer id.`, { id: "Use 1–64 lower-case letters, digits, dots, dashes or underscores." });
    }
    if (input.id !== undefined && findTransfer(tx, input.id)) {
      throw new AppError("CONFLICT", `A transfer with id "${input.id}" already exists.`, { id: "This id is already taken." });
    }
    const id =
      input.id ??
      registryIdFrom(`${fields.exporterId}-${fields.recipientId}`, "transfer", (candidate) => Boolean(tx.select({ id: transfers.id }).from(transfers).where(eq(transfers.id, candidate)).get()));
    writeTransfers(tx, actor, [transferStep(tx, { action: "add", id, version: null, next: { ...fields, extra: options.extra ?? null, archivedAt: null }, before: null })], new Date(), STALE);
    return getTransfer(tx, id);
  });
}

export function updateTransfer(db: Db, actor: Actor, input: { id: string; version: number; fields: TransferFields }): TransferDetail {
  return writeTransaction(db, (tx) => {
    const before = getTransfer(tx, input.id);
    if (before.archivedAt) throw new AppError("CONFLICT", "This transfer is archived: restore it before editing.");
    // The form edits the fields; what it does not show (extra fields of an imported transfer) stays.
    writeTransfers(tx, actor, [transferStep(tx, { action: "change", id: input.id, version: input.version, next: { ...before, ...input.fields }, before })], new Date(), STALE);
    return getTransfer(tx, input.id);
  });
}

/**
 * Archived, a transfer is history and is not judged; restored, it is live again and the writer judges it as a form
 * edit (its parties may have changed since).
 */
const ARCHIVE_SPEC: ArchiveSpec<TransferDetail> = {
  entity: "transfer",
  load: getTransfer,
  write: (tx, actor, step, at) => writeTransfers(tx, actor, [transferStep(tx, step)], at, STALE),
};

export const archiveTransfer = (db: Db, actor: Actor, input: { id: string; version: number }) => setArchived(db, actor, ARCHIVE_SPEC, input, true);
export const restoreTransfer = (db: Db, actor: Actor, input: { id: string; version: number }) => setArchived(db, actor, ARCHIVE_SPEC, input, false);
