/**
 * Safeguard (transfer tool) use cases. Each mutation writes the change and its
 * audit row in one synchronous better-sqlite3 transaction. Beyond the
 * structural checks of the input schema, a safeguard is checked against the
 * knowledge base: old SCC sets cannot be signed after the last day the
 * signing exporter's regime allowed new contracts on them.
 */
import type { z } from "zod";
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { prepared, type Db, type DbOrTx } from "@/db/client";
import { auditLog, parties, safeguardParties, safeguards, transfers, transferSafeguards } from "@/db/schema";
import { setArchived, type ArchiveSpec } from "./archiving";
import type { Actor } from "@/server/auth/actor";
import type { Issue, Status } from "@/server/domain/rules";
import type { PartyFacts } from "@/server/domain/registry/record-rules";
import { AppError, notFound, staleEdit } from "@/server/errors";
import {
  listSafeguardsSchema,
  type ListSafeguardsInput,
  type SafeguardFields,
} from "@/server/schemas/safeguard";
import { REGISTRY_ID_PATTERN } from "@/server/schemas/transfer";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import { findTransfer, partiesAndVerdictOf, registryIdFrom, TRANSFER_ROW_COLUMNS, transferStep, type Page, type PartyRef, type TransferRowWithParties } from "./transfers";
import { cachedRead, today, verdictSource } from "./verdicts";
import { writeTransaction } from "./verdict-store";
import { writeSafeguards, type SafeguardFacts, type SafeguardWriteStep } from "./writers/safeguard-writer";
import { writeTransfers } from "./writers/transfer-writer";
import { likePattern } from "./sql-text";

export type SafeguardRow = typeof safeguards.$inferSelect;

export interface SafeguardDetail extends Omit<SafeguardRow, "extra" | "modules"> {
  modules: number[];
  partyIds: string[];
  extra: Record<string, unknown> | null;
}

export interface SafeguardListItem {
  id: string;
  title: string;
  type: string;
  sccVersion: string | null;
  modules: number[];
  /** Signed (SCC, IDTA) or approved date. */
  date: string | null;
  ended: string | null;
  /** The first {@link LIST_PARTIES_SHOWN} parties; `partyCount` is how many there are. */
  parties: PartyRef[];
  partyCount: number;
  transferCount: number;
  archivedAt: string | null;
  updatedAt: string;
  /** On the list's as-of date: signed/approved and not ended, not signed yet, or ended. */
  state: SafeguardState;
}

export type SafeguardState = "in_force" | "not_yet" | "ended";

/** A safeguard's state on `asOf` from its signing/approval date and its end date (both inclusive). */
export function safeguardStateOn(date: string | null, ended: string | null, asOf: string): SafeguardState {
  if (date && date > asOf) return "not_yet";
  if (ended && ended < asOf) return "ended";
  return "in_force";
}


export function findSafeguard(db: DbOrTx, id: string): SafeguardDetail | null {
  const row = db.select().from(safeguards).where(eq(safeguards.id, id)).get();
  if (!row) return null;
  // A group BCR binds thousands of members: read their ids with one prepared statement.
  const partyIds = (prepared(db, "SELECT party_id AS id FROM safeguard_party WHERE safeguard_id = ? ORDER BY position, party_id").all(id) as { id: string }[]).map((r) => r.id);
  return {
    ...row,
    modules: row.modules ? (JSON.parse(row.modules) as number[]) : [],
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : null,
    partyIds,
  };
}

export function getSafeguard(db: DbOrTx, id: string): SafeguardDetail {
  const sg = findSafeguard(db, id);
  if (!sg) throw notFound("Safeguard", id);
  return sg;
}

/** How many parties a list row names; the safeguard's page names the rest. */
export const LIST_PARTIES_SHOWN = 5;

/** One page of safeguards: filtering, sorting and paging in SQL; parties and transfer counts for the page's rows only. */
export function listSafeguards(db: Db, input: ListSafeguardsInput): Page<SafeguardListItem> & { asOf: string } {
  const q = listSafeguardsSchema.parse(input);
  const todays = q.asOf === undefined || q.asOf === today();
  return cachedRead(db, "safeguards.list", q, () => querySafeguards(db, q), todays ? ["safeguard", "party", "transfer", "verdict", "kb"] : undefined);
}

/**
 * What a safeguards list query selects: its filter and its sort key, shared by the list (one page) and the
 * export (keyset pages over the sort key, then the id), so the two always select the same rows.
 */
export function selectSafeguards(q: z.output<typeof listSafeguardsSchema>): { filter: SQL | undefined; sortColumn: SQL | typeof safeguards.type | typeof safeguards.updatedAt } {
  const where: SQL[] = [];
  if (q.archived === "active") where.push(isNull(safeguards.archivedAt));
  if (q.archived === "archived") where.push(isNotNull(safeguards.archivedAt));
  if (q.type) where.push(eq(safeguards.type, q.type));
  if (q.partyId) where.push(sql`exists (select 1 from safeguard_party sp where sp.safeguard_id = safeguard.id and sp.party_id = ${q.partyId})`);
  if (q.search) {
    const p = likePattern(q.search);
    where.push(
      or(
        sql`${safeguards.title} like ${p} escape '\\'`,
        sql`${safeguards.id} like ${p} escape '\\'`,
        sql`${safeguards.sccVersion} like ${p} escape '\\'`,
        sql`exists (select 1 from safeguard_party sp join party p on p.id = sp.party_id where sp.safeguard_id = safeguard.id and p.name like ${p} escape '\\')`,
      )!,
    );
  }
  const filter = where.length ? and(...where) : undefined;
  const sortColumn = {
    title: sql`${safeguards.title} collate nocase`,
    type: safeguards.type,
    date: sql`coalesce(${safeguards.signed}, ${safeguards.approved}, '')`,
    updatedAt: safeguards.updatedAt,
  }[q.sort];
  return { filter, sortColumn };
}

function querySafeguards(db: Db, q: z.output<typeof listSafeguardsSchema>): Page<SafeguardListItem> & { asOf: string } {
  const { filter, sortColumn } = selectSafeguards(q);
  const direction = q.dir === "asc" ? asc : desc;
  const total = db.select({ n: count() }).from(safeguards).where(filter).get()?.n ?? 0;
  const rows = db
    .select({
      id: safeguards.id,
      title: safeguards.title,
      type: safeguards.type,
      sccVersion: safeguards.sccVersion,
      modules: safeguards.modules,
      signed: safeguards.signed,
      approved: safeguards.approved,
      ended: safeguards.ended,
      archivedAt: safeguards.archivedAt,
      updatedAt: safeguards.updatedAt,
      partyCount: sql<number>`(select count(*) from safeguard_party sp where sp.safeguard_id = safeguard.id)`,
      transferCount: sql<number>`(select count(*) from transfer_safeguard ts join transfer t on t.id = ts.transfer_id where ts.safeguard_id = safeguard.id and t.archived_at is null)`,
    })
    .from(safeguards)
    .where(filter)
    .orderBy(direction(sortColumn), asc(safeguards.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .all();
  const partiesOfRow = (id: string): PartyRef[] =>
    db
      .select({ id: parties.id, name: parties.name, country: parties.country })
      .from(safeguardParties)
      .innerJoin(parties, eq(parties.id, safeguardParties.partyId))
      .where(eq(safeguardParties.safeguardId, id))
      .orderBy(asc(safeguardParties.position), asc(parties.id))
      .limit(LIST_PARTIES_SHOWN)
      .all();
  const asOf = q.asOf ?? today();
  const items: SafeguardListItem[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type,
    sccVersion: r.sccVersion,
    modules: r.modules ? (JSON.parse(r.modules) as number[]) : [],
    date: r.signed ?? r.approved,
    ended: r.ended,
    parties: partiesOfRow(r.id),
    partyCount: r.partyCount,
    transferCount: r.transferCount,
    archivedAt: r.archivedAt,
    updatedAt: r.updatedAt,
    state: safeguardStateOn(r.signed ?? r.approved, r.ended, asOf),
  }));
  return { items, total, page: q.page, pageSize: q.pageSize, asOf };
}

export interface SafeguardView extends SafeguardDetail {
  parties: PartyRef[];
  /** How many parties it binds (`parties` lists the first ones). */
  partyCount: number;
  /** How many transfers rely on it (`transfers` lists the worst first). */
  transferTotal: number;
  /** The transfers that rely on it, with their status and issues as of `asOf`. */
  transfers: {
    id: string;
    exporter: PartyRef;
    recipient: PartyRef;
    destination: string;
    exporterRole: string;
    recipientRole: string;
    archivedAt: string | null;
    status: Status | null;
    issues: Issue[];
  }[];
  asOf: string;
}

/** How many of a safeguard's transfers and parties its page lists (the worst transfers first). */
export const SAFEGUARD_PAGE_SHOWN = 100;

/** Above this many relying transfers, the page reads them in the verdicts' status order and stops after the first page. */
const MANY_RELYING = 1000;

export function viewSafeguard(db: Db, id: string, asOf?: string): SafeguardView {
  return cachedRead(db, "safeguards.view", { id, asOf }, () => querySafeguardView(db, id, asOf));
}

function querySafeguardView(db: Db, id: string, asOf?: string): SafeguardView {
  const sg = getSafeguard(db, id);
  const source = verdictSource(db, asOf);
  const transferTotal = (prepared(db, "SELECT count(*) AS n FROM transfer_safeguard WHERE safeguard_id = ?").get(id) as { n: number }).n;
  const columns = TRANSFER_ROW_COLUMNS;
  // A safeguard most transfers rely on (a group BCR): walk the verdicts worst first and keep those relying on it,
  // instead of sorting thousands of rows. Otherwise: its own few transfers, sorted.
  const rows = prepared(
    db,
    transferTotal > MANY_RELYING
      ? `SELECT ${columns}
           FROM ${source.verdicts} v CROSS JOIN transfer_safeguard ts ON ts.transfer_id = v.transfer_id AND ts.safeguard_id = ?
           JOIN transfer t ON t.id = v.transfer_id JOIN party e ON e.id = t.exporter_id JOIN party r ON r.id = t.recipient_id
          ORDER BY v.status_rank DESC, v.transfer_id
          LIMIT ?`
      : `SELECT ${columns}
           FROM transfer_safeguard ts JOIN transfer t ON t.id = ts.transfer_id
           JOIN party e ON e.id = t.exporter_id JOIN party r ON r.id = t.recipient_id
           LEFT JOIN ${source.verdicts} v ON v.transfer_id = t.id
          WHERE ts.safeguard_id = ?
          ORDER BY t.archived_at IS NOT NULL, coalesce(v.status_rank, -1) DESC, t.id
          LIMIT ?`,
  ).all(id, SAFEGUARD_PAGE_SHOWN) as TransferRowWithParties[];
  const partyRows = db
    .select({ id: parties.id, name: parties.name, country: parties.country })
    .from(safeguardParties)
    .innerJoin(parties, eq(parties.id, safeguardParties.partyId))
    .where(eq(safeguardParties.safeguardId, id))
    .orderBy(asc(safeguardParties.position), asc(parties.id))
    .limit(SAFEGUARD_PAGE_SHOWN)
    .all();
  return {
    ...sg,
    partyIds: sg.partyIds,
    parties: partyRows,
    partyCount: sg.partyIds.length,
    transferTotal,
    transfers: rows.map((t) => {
      const { exporter, recipient, verdict } = partiesAndVerdictOf(t);
      return {
        id: t.id,
        exporter,
        recipient,
        destination: t.destination,
        exporterRole: t.exporterRole,
        recipientRole: t.recipientRole,
        archivedAt: t.archivedAt,
        status: verdict?.status ?? null,
        issues: verdict?.issues ?? [],
      };
    }),
    asOf: source.asOf,
  };
}

export function safeguardHistory(db: Db, id: string) {
  getSafeguard(db, id);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "safeguard"), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .all();
}

// ---------------------------------------------------------------- the facts of the record rules

/** The fields the safeguard rules read of the record. */
type JudgedFields = { type: string; sccVersion: string | null; signed: string | null; partyIds: readonly string[]; archivedAt: string | null };

/** The signing parties, as the record rules need them (only SCCs are checked against their regimes). */
function signersOf(tx: DbOrTx, fields: JudgedFields): PartyFacts[] {
  if (fields.archivedAt !== null || fields.type !== "scc" || !fields.sccVersion || !fields.signed || fields.partyIds.length === 0) return [];
  return tx
    .select({ id: parties.id, name: parties.name, relationship: parties.relationship, country: parties.country })
    .from(parties)
    .where(inArray(parties.id, [...fields.partyIds]))
    .all()
    .map((p) => ({ ...p, processingLocations: [] }));
}

/**
 * The facts of the safeguard rules (server/domain/registry/record-rules.ts), read from the database: the compiled
 * knowledge base, the signing parties (old SCC sets cannot be signed after the last day the signing exporter's
 * regime allowed new contracts on them), and the transfers relying on the safeguard when the write archives it
 * (the live ones: archiving must not silently change verdicts) or changes its type (any one). The safeguard
 * writer judges with them.
 */
function safeguardFacts(tx: DbOrTx, id: string, next: JudgedFields, before: { type: string; archivedAt: string | null } | null): SafeguardFacts {
  const archiving = before !== null && before.archivedAt === null && next.archivedAt !== null;
  const retyping = before !== null && before.type !== next.type;
  const relying = archiving
    ? tx
        .select({ id: transfers.id })
        .from(transferSafeguards)
        .innerJoin(transfers, eq(transfers.id, transferSafeguards.transferId))
        .where(and(eq(transferSafeguards.safeguardId, id), sql`${transfers.archivedAt} is null`))
        .all()
    : retyping
      ? tx.select({ id: transferSafeguards.transferId }).from(transferSafeguards).where(eq(transferSafeguards.safeguardId, id)).limit(1).all()
      : [];
  return { ckb: getCompiledKnowledgeBase(tx), parties: signersOf(tx, next), relyingTransfers: relying.map((r) => ({ id: r.id, archived: false })) };
}

/** A step of the safeguard writer with its facts from the database. */
function safeguardStep(tx: DbOrTx, step: Omit<SafeguardWriteStep, "facts">): SafeguardWriteStep {
  return { ...step, facts: safeguardFacts(tx, step.id, step.next, step.before) };
}

function assertPartiesExist(tx: DbOrTx, ids: string[]): void {
  if (!ids.length) return;
  const known = new Set(tx.select({ id: parties.id }).from(parties).where(inArray(parties.id, ids)).all().map((r) => r.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new AppError("BAD_REQUEST", `Unknown parties: ${unknown.join(", ")}.`, { partyIds: `Unknown parties: ${unknown.join(", ")}.` });
}

/** The safeguard writer's options here: a stale version is the form's stale-edit refusal. */
const STALE = { onStale: () => staleEdit("safeguard") };

/**
 * Links safeguard `safeguardId` to transfer `transferId` (last in its list), bumping the transfer's version (an
 * editor holding the older list gets a stale-edit refusal rather than dropping the link), audited as a transfer edit
 * (the transfer writer's row, as any edit of the transfer).
 */
function attachToTransfer(tx: DbOrTx, actor: Actor, transferId: string, safeguardId: string, at: Date): void {
  const t = findTransfer(tx, transferId);
  if (!t) throw new AppError("BAD_REQUEST", `Transfer "${transferId}" was not found: the safeguard was not registered.`);
  if (t.archivedAt) throw new AppError("CONFLICT", "This transfer is archived: restore it before attaching a safeguard to it.");
  writeTransfers(tx, actor, [transferStep(tx, { action: "change", id: transferId, version: t.version, next: { ...t, safeguardIds: [...t.safeguardIds, safeguardId] }, before: t })], at, {
    onStale: () => staleEdit("transfer"),
  });
}

export function createSafeguard(
  db: Db,
  actor: Actor,
  input: { id?: string; fields: SafeguardFields; attachToTransferId?: string },
  options: { extra?: Record<string, unknown> } = {},
): SafeguardDetail {
  return writeTransaction(db, (tx) => {
    if (input.id !== undefined && !REGISTRY_ID_PATTERN.test(input.id)) {
      throw new AppError("BAD_REQUEST", `"${input.id}" is not a valid safeguard id.`, { id: "Use 1–64 lower-case letters, digits, dots, dashes or underscores." });
    }
    if (input.id !== undefined && findSafeguard(tx, input.id)) {
      throw new AppError("CONFLICT", `A safeguard with id "${input.id}" already exists.`, { id: "This id is already taken." });
    }
    assertPartiesExist(tx, input.fields.partyIds);
    const id =
      input.id ?? registryIdFrom(input.fields.title, "safeguard", (candidate) => Boolean(tx.select({ id: safeguards.id }).from(safeguards).where(eq(safeguards.id, candidate)).get()));
    const at = new Date();
    // The writer judges it (SCCs signed within their regime's window) before writing anything.
    writeSafeguards(tx, actor, [safeguardStep(tx, { action: "add", id, version: null, next: { ...input.fields, extra: options.extra ?? null, archivedAt: null }, before: null })], at, STALE);
    const after = getSafeguard(tx, id);
    if (input.attachToTransferId !== undefined) attachToTransfer(tx, actor, input.attachToTransferId, id, at);
    return after;
  });
}

export function updateSafeguard(db: Db, actor: Actor, input: { id: string; version: number; fields: SafeguardFields }): SafeguardDetail {
  return writeTransaction(db, (tx) => {
    const before = getSafeguard(tx, input.id);
    if (before.archivedAt) throw new AppError("CONFLICT", "This safeguard is archived: restore it before editing.");
    assertPartiesExist(tx, input.fields.partyIds);
    // The form edits the fields; what it does not show (extra fields of an imported safeguard) stays. The writer
    // judges the result (signing window; a type transfers rely on does not change) before writing anything.
    writeSafeguards(tx, actor, [safeguardStep(tx, { action: "change", id: input.id, version: input.version, next: { ...before, ...input.fields }, before })], new Date(), STALE);
    return getSafeguard(tx, input.id);
  });
}

/** Archiving must not silently change verdicts: the writer refuses to archive what live transfers rely on. */
const ARCHIVE_SPEC: ArchiveSpec<SafeguardDetail> = {
  entity: "safeguard",
  load: getSafeguard,
  write: (tx, actor, step, at) => writeSafeguards(tx, actor, [safeguardStep(tx, step)], at, STALE),
};

export const archiveSafeguard = (db: Db, actor: Actor, input: { id: string; version: number }) => setArchived(db, actor, ARCHIVE_SPEC, input, true);
export const restoreSafeguard = (db: Db, actor: Actor, input: { id: string; version: number }) => setArchived(db, actor, ARCHIVE_SPEC, input, false);
