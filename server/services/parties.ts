/**
 * Party register use cases. Each mutation writes the change and its audit row
 * in one synchronous better-sqlite3 transaction.
 */
import type { z } from "zod";
import { and, asc, count, desc, eq, exists, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { prepared, type Db, type DbOrTx } from "@/db/client";
import { auditLog, dataCategories, parties, partyDataCategories, partyProcessingLocations } from "@/db/schema";
import { setArchived, type ArchiveSpec } from "./archiving";
import type { Actor } from "@/server/auth/actor";
import { STATUS_RANK, type Status } from "@/server/domain/rules";
import type { PartyDependents, PartyRecord, PartyRuleContext } from "@/server/domain/registry/record-rules";
import { AppError, notFound, staleEdit } from "@/server/errors";
import {
  listPartiesSchema,
  PARTY_ID_PATTERN,
  type ListPartiesInput,
  type PartyFields,
} from "@/server/schemas/party";
import { cachedRead, statusOfRank, verdictSource } from "./verdicts";
import { writeTransaction } from "./verdict-store";
import { writeParties, type PartyWriteStep } from "./writers/party-writer";
import { likePattern } from "./sql-text";

export type PartyRow = typeof parties.$inferSelect;

export interface PartyDetail extends Omit<PartyRow, "extra"> {
  processingLocations: string[];
  dataCategories: string[];
  extra: Record<string, unknown> | null;
}

export interface PartyListItem {
  id: string;
  name: string;
  relationship: string;
  serviceCategory: string | null;
  adviserType: string | null;
  country: string;
  processingLocations: string[];
  archivedAt: string | null;
  updatedAt: string;
  version: number;
  /** Worst status of the party's live transfers today; null when it has none. */
  worstStatus: Status | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}


const PARTY_SORT_SQL = {
  name: sql`${parties.name} collate nocase`,
  country: parties.country,
  relationship: parties.relationship,
  status: parties.name,
  updatedAt: parties.updatedAt,
};

export function listParties(db: Db, input: ListPartiesInput, asOf?: string): Page<PartyListItem> {
  const q = listPartiesSchema.parse(input);
  const date = asOf ?? q.asOf;
  return cachedRead(db, "parties.list", { q, asOf: date }, () => queryParties(db, q, date));
}

/** The SQL of the parties a list query selects (its filters, not its page): the list and the exports share it. */
export function selectParties(db: Db, q: z.output<typeof listPartiesSchema>, asOf?: string) {
  const where: SQL[] = [];
  if (q.archived === "active") where.push(isNull(parties.archivedAt));
  if (q.archived === "archived") where.push(isNotNull(parties.archivedAt));
  if (q.relationship) where.push(eq(parties.relationship, q.relationship));
  if (q.serviceCategory) where.push(eq(parties.serviceCategory, q.serviceCategory));
  if (q.country) {
    const code = q.country.toUpperCase();
    const inLocations = exists(
      db
        .select({ one: sql`1` })
        .from(partyProcessingLocations)
        .where(and(eq(partyProcessingLocations.partyId, parties.id), eq(partyProcessingLocations.country, code))),
    );
    where.push(or(eq(parties.country, code), inLocations)!);
  }
  if (q.search) {
    const p = likePattern(q.search);
    where.push(
      or(
        sql`${parties.name} like ${p} escape '\\'`,
        sql`${parties.id} like ${p} escape '\\'`,
        sql`${parties.registrationNumber} like ${p} escape '\\'`,
        sql`${parties.contactName} like ${p} escape '\\'`,
        sql`${parties.contactEmail} like ${p} escape '\\'`,
      )!,
    );
  }

  // Worst status: the highest status rank over the party's live transfers: today kept with the verdict store
  // (party_verdict), for another date computed from the what-if tables; -1 when it has none.
  const source = verdictSource(db, asOf);
  const verdicts = sql.raw(source.verdicts);
  const worstRank =
    source.verdicts === "transfer_verdict"
      ? sql<number>`coalesce((select pv.worst_rank from party_verdict pv where pv.party_id = party.id), -1)`
      : sql<number>`max(
    coalesce((select max(v.status_rank) from transfer t join ${verdicts} v on v.transfer_id = t.id where t.exporter_id = party.id), -1),
    coalesce((select max(v.status_rank) from transfer t join ${verdicts} v on v.transfer_id = t.id where t.recipient_id = party.id), -1))`;
  if (q.status) where.push(q.status === "none" ? sql`${worstRank} = -1` : sql`${worstRank} = ${STATUS_RANK[q.status as Status]}`);
  const filter = where.length ? and(...where) : undefined;
  /** The ORDER BY expression of the list's sort (then the party id ascending). */
  const sortKey: SQL = q.sort === "status" ? worstRank : sql`${PARTY_SORT_SQL[q.sort]}`;
  return { filter, worstRank, sortKey, asOf: source.asOf };
}

function queryParties(db: Db, q: z.output<typeof listPartiesSchema>, asOf?: string): Page<PartyListItem> {
  const { filter, worstRank } = selectParties(db, q, asOf);
  const direction = q.dir === "asc" ? asc : desc;
  const sortColumn = PARTY_SORT_SQL[q.sort];
  const orderBy =
    q.sort === "status"
      ? [direction(worstRank), asc(sql`${parties.name} collate nocase`), asc(parties.id)]
      : [direction(sortColumn), asc(parties.id)];
  const total = db.select({ n: count() }).from(parties).where(filter).get()?.n ?? 0;
  const pageRows = db
    .select({
      id: parties.id,
      name: parties.name,
      relationship: parties.relationship,
      serviceCategory: parties.serviceCategory,
      adviserType: parties.adviserType,
      country: parties.country,
      archivedAt: parties.archivedAt,
      updatedAt: parties.updatedAt,
      version: parties.version,
      worstRank,
    })
    .from(parties)
    .where(filter)
    .orderBy(...orderBy)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .all()
    .map(({ worstRank: rank, ...r }) => ({ ...r, worstStatus: statusOfRank(rank < 0 ? null : rank) }));

  const locations = locationsOf(
    db,
    pageRows.map((r) => r.id),
  );
  return {
    items: pageRows.map((r) => ({ ...r, processingLocations: locations.get(r.id) ?? [] })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

function locationsOf(db: DbOrTx, ids: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = db
    .select()
    .from(partyProcessingLocations)
    .where(inArray(partyProcessingLocations.partyId, ids))
    .orderBy(asc(partyProcessingLocations.country))
    .all();
  for (const r of rows) {
    const list = map.get(r.partyId) ?? [];
    list.push(r.country);
    map.set(r.partyId, list);
  }
  return map;
}

export function findParty(db: DbOrTx, id: string): PartyDetail | null {
  const row = db.select().from(parties).where(eq(parties.id, id)).get();
  if (!row) return null;
  const processingLocations = db
    .select({ country: partyProcessingLocations.country })
    .from(partyProcessingLocations)
    .where(eq(partyProcessingLocations.partyId, id))
    .orderBy(asc(partyProcessingLocations.country))
    .all()
    .map((r) => r.country);
  const categories = db
    .select({ id: partyDataCategories.categoryId })
    .from(partyDataCategories)
    .innerJoin(dataCategories, eq(dataCategories.id, partyDataCategories.categoryId))
    .where(eq(partyDataCategories.partyId, id))
    .orderBy(asc(dataCategories.sortOrder), asc(dataCategories.id))
    .all()
    .map((r) => r.id);
  return {
    ...row,
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : null,
    processingLocations,
    dataCategories: categories,
  };
}

export function getParty(db: DbOrTx, id: string): PartyDetail {
  const party = findParty(db, id);
  if (!party) throw notFound("Party", id);
  return party;
}

/** A registry id derived from the name ("Acme GmbH" → "acme-gmbh"), made unique. */
export function partyIdFromName(db: DbOrTx, name: string): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 56) || "party";
  let id = base;
  const taken = prepared(db, "SELECT 1 FROM party WHERE id = ?");
  for (let n = 2; taken.get(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The facts of the party rules (server/domain/registry/record-rules.ts), read from the database: which of its data
 * categories exist and, for a stored party (`id`), the live transfers naming it (an exporter stays an affiliate;
 * destinations stay among its locations). The party writer judges with them.
 */
function partyFacts(tx: DbOrTx, fields: PartyRecord, id?: string): PartyRuleContext {
  const ids = [...fields.dataCategories];
  const known = new Set(ids.length ? tx.select({ id: dataCategories.id }).from(dataCategories).where(inArray(dataCategories.id, ids)).all().map((r) => r.id) : []);
  const dependents = id === undefined ? undefined : partyDependents(tx, id, fields.relationship !== "affiliate");
  return { knownDataCategories: known, dependents };
}

/** A step of the party writer with its facts from the database (a stored party's dependents for a change). */
function partyStep(tx: DbOrTx, step: Omit<PartyWriteStep, "facts">): PartyWriteStep {
  return { ...step, facts: partyFacts(tx, step.next, step.action === "change" ? step.id : undefined) };
}

/** The live transfers naming a party: those exporting from it (ids), and one transfer per destination of those to it. */
function partyDependents(tx: DbOrTx, id: string, withExporting: boolean): PartyDependents {
  // Only a party that is not (or no longer) an affiliate needs its exporting transfers listed.
  const exporting = withExporting ? (prepared(tx, "SELECT id FROM transfer WHERE exporter_id = ? AND archived_at IS NULL ORDER BY id").all(id) as { id: string }[]).map((r) => r.id) : [];
  const receiving = prepared(tx, "SELECT destination, min(id) AS id FROM transfer WHERE recipient_id = ? AND archived_at IS NULL GROUP BY destination").all(id) as { id: string; destination: string }[];
  return { exporting, receiving };
}

/** The party writer's options here: a stale version is the form's stale-edit refusal. */
const STALE = { onStale: () => staleEdit("party") };

export function createParty(db: Db, actor: Actor, fields: PartyFields, options: { id?: string; extra?: Record<string, unknown> } = {}): PartyDetail {
  return writeTransaction(db, (tx) => insertParty(tx, actor, fields, options));
}

/**
 * The party form's writer, inside the caller's transaction: checks, the party row, its locations and
 * categories, and its `party.create` audit row. The bulk CSV import (./party-import.ts) writes each row with it.
 */
export function insertParty(tx: DbOrTx, actor: Actor, fields: PartyFields, options: { id?: string; extra?: Record<string, unknown> } = {}): PartyDetail {
  if (options.id !== undefined && !PARTY_ID_PATTERN.test(options.id)) {
    throw new AppError("BAD_REQUEST", `"${options.id}" is not a valid party id.`, { id: "Use 1–64 lower-case letters, digits, dots, dashes or underscores." });
  }
  if (options.id !== undefined && findParty(tx, options.id)) {
    throw new AppError("CONFLICT", `A party with id "${options.id}" already exists.`, { id: "This id is already taken." });
  }
  const id = options.id ?? partyIdFromName(tx, fields.name);
  const locations = [...new Set(fields.processingLocations)].sort();
  const categories = [...new Set(fields.dataCategories)];
  const next = { ...fields, processingLocations: locations, dataCategories: categories, extra: options.extra ?? null, archivedAt: null };
  const [written] = writeParties(tx, actor, [partyStep(tx, { action: "add", id, version: null, next, before: null })], new Date(), STALE);
  // The party as getParty reads it back (the same fields, locations by country, categories in their list order).
  return { ...(written as PartyDetail), dataCategories: categories.length ? getParty(tx, id).dataCategories : [] };
}

export function updateParty(db: Db, actor: Actor, input: { id: string; version: number; fields: PartyFields }): PartyDetail {
  return writeTransaction(db, (tx) => {
    const before = getParty(tx, input.id);
    // The form edits the fields; what it does not show (extra fields of an imported party) stays. The writer judges
    // the result (known categories; the live transfers naming it stay valid) before writing anything.
    writeParties(tx, actor, [partyStep(tx, { action: "change", id: input.id, version: input.version, next: { ...before, ...input.fields }, before })], new Date(), STALE);
    return getParty(tx, input.id);
  });
}

const ARCHIVE_SPEC: ArchiveSpec<PartyDetail> = { entity: "party", load: getParty, write: (tx, actor, step, at) => writeParties(tx, actor, [partyStep(tx, step)], at, STALE) };

export const archiveParty = (db: Db, actor: Actor, input: { id: string; version: number }) => setArchived(db, actor, ARCHIVE_SPEC, input, true);
export const restoreParty = (db: Db, actor: Actor, input: { id: string; version: number }) => setArchived(db, actor, ARCHIVE_SPEC, input, false);

/** The audit rows of one party and of its certifications, newest first. */
export function partyHistory(db: Db, id: string) {
  getParty(db, id);
  return db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.entityType, "party"), eq(auditLog.entityId, id)),
        and(eq(auditLog.entityType, "certification"), sql`coalesce(json_extract(${auditLog.after}, '$.partyId'), json_extract(${auditLog.before}, '$.partyId')) = ${id}`),
      ),
    )
    .orderBy(desc(auditLog.id))
    .all();
}

export function listDataCategories(db: Db) {
  return db.select().from(dataCategories).orderBy(asc(dataCategories.sortOrder), asc(dataCategories.id)).all();
}
