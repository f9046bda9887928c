/**
 * What the pickers ask while the user types: parties and safeguards matching a few letters of their
 * name (or title) or id, at most SEARCH_LIMIT_MAX per call and paged with a cursor, and the look-up of
 * the few already chosen ids whose names a form or a filter shows. Nothing here reads more than one
 * page of the register: the filters run in SQL, and the only IN lists are a page's own ids (≤ 20).
 */
import { and, asc, eq, inArray, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { parties, partyProcessingLocations, safeguardParties, safeguards } from "@/db/schema";
import {
  byIdsSchema,
  partySearchSchema,
  safeguardSearchSchema,
  type ByIdsInput,
  type PartySearchInput,
  type SafeguardSearchInput,
} from "@/server/schemas/search";
import { escapeLike } from "./sql-text";

/** One page of options; `nextCursor` asks for the next page (null on the last one). */
export interface OptionPage<T> {
  items: T[];
  nextCursor: number | null;
}

export interface PartyOption {
  id: string;
  name: string;
  country: string;
  relationship: string;
  archived: boolean;
  /** Where the party processes data (its country of establishment when none is recorded): the transfer form's destinations. */
  processingLocations: string[];
}

export interface SafeguardOption {
  id: string;
  title: string;
  type: string;
  archived: boolean;
  /** The first PARTY_IDS_PER_OPTION parties it binds, in their recorded order; `partyCount` counts them all. */
  partyIds: string[];
  partyCount: number;
}

/** A BCR may bind thousands of group members: an option carries the first few. */
export const PARTY_IDS_PER_OPTION = 10;

/** Escapes LIKE wildcards so "50%" means the text "50%" (as in server/services/parties.ts). */
const like = (column: SQLWrapper, pattern: string) => sql`${column} like ${pattern} escape '\\'`;

/**
 * Ranks matches: the exact id first, then names starting with the text, then names with a word starting
 * with it, then the rest. SQLite's LIKE ignores ASCII case.
 */
function matchRank(name: SQLWrapper, id: SQLWrapper, text: string): SQL {
  const e = escapeLike(text);
  return sql`case when ${id} = ${text.toLowerCase()} then 0 when ${like(name, `${e}%`)} then 1 when ${like(name, `% ${e}%`)} then 2 else 3 end`;
}

function pageOf<T>(rows: T[], limit: number, offset: number): OptionPage<T> {
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? offset + limit : null };
}

// ---------------------------------------------------------------- parties

function partyOptions(db: DbOrTx, rows: { id: string; name: string; country: string; relationship: string; archivedAt: string | null }[]): PartyOption[] {
  const locations = new Map<string, string[]>();
  if (rows.length) {
    const ids = rows.map((r) => r.id);
    for (const l of db.select().from(partyProcessingLocations).where(inArray(partyProcessingLocations.partyId, ids)).orderBy(asc(partyProcessingLocations.country)).all()) {
      locations.set(l.partyId, [...(locations.get(l.partyId) ?? []), l.country]);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    country: r.country,
    relationship: r.relationship,
    archived: r.archivedAt !== null,
    processingLocations: locations.get(r.id) ?? [r.country],
  }));
}

const partyColumns = { id: parties.id, name: parties.name, country: parties.country, relationship: parties.relationship, archivedAt: parties.archivedAt };

/** Parties whose name or id contains the text, best matches first, then by name (case-insensitive). */
export function searchParties(db: DbOrTx, input: PartySearchInput): OptionPage<PartyOption> {
  const q = partySearchSchema.parse(input);
  const where: SQL[] = [];
  if (q.excludeArchived) where.push(isNull(parties.archivedAt));
  if (q.relationship) where.push(eq(parties.relationship, q.relationship));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    where.push(or(like(parties.name, pattern), like(parties.id, pattern))!);
  }
  const offset = q.cursor ?? 0;
  const rows = db
    .select(partyColumns)
    .from(parties)
    .where(where.length ? and(...where) : undefined)
    .orderBy(...(q.q ? [matchRank(parties.name, parties.id, q.q)] : []), sql`${parties.name} collate nocase`, asc(parties.id))
    .limit(q.limit + 1)
    .offset(offset)
    .all();
  const page = pageOf(rows, q.limit, offset);
  return { items: partyOptions(db, page.items), nextCursor: page.nextCursor };
}

/** The parties with these ids (at most 20), in the order asked; unknown ids are left out. */
export function partiesByIds(db: DbOrTx, input: ByIdsInput): PartyOption[] {
  const { ids } = byIdsSchema.parse(input);
  if (ids.length === 0) return [];
  const byId = new Map(partyOptions(db, db.select(partyColumns).from(parties).where(inArray(parties.id, ids)).all()).map((p) => [p.id, p]));
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}

// ---------------------------------------------------------------- safeguards

function safeguardOptions(db: DbOrTx, rows: { id: string; title: string; type: string; archivedAt: string | null }[]): SafeguardOption[] {
  const bound = new Map<string, { partyIds: string[]; partyCount: number }>();
  if (rows.length) {
    const ids = rows.map((r) => r.id);
    const firstParties = db.all<{ safeguardId: string; partyId: string; partyCount: number }>(sql`
      select safeguard_id as safeguardId, party_id as partyId, party_count as partyCount from (
        select safeguard_id, party_id,
               row_number() over (partition by safeguard_id order by position, party_id) as n,
               count(*) over (partition by safeguard_id) as party_count
        from ${safeguardParties} where ${inArray(safeguardParties.safeguardId, ids)}
      ) where n <= ${PARTY_IDS_PER_OPTION} order by safeguard_id, n`);
    for (const r of firstParties) {
      const entry = bound.get(r.safeguardId) ?? { partyIds: [], partyCount: r.partyCount };
      entry.partyIds.push(r.partyId);
      bound.set(r.safeguardId, entry);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type,
    archived: r.archivedAt !== null,
    ...(bound.get(r.id) ?? { partyIds: [], partyCount: 0 }),
  }));
}

const safeguardColumns = { id: safeguards.id, title: safeguards.title, type: safeguards.type, archivedAt: safeguards.archivedAt };

/** Safeguards that bind one party: a subquery on the party index, never a list of ids. */
const boundTo = (partyId: string) => sql`select ${safeguardParties.safeguardId} from ${safeguardParties} where ${safeguardParties.partyId} = ${partyId}`;

/**
 * Safeguards whose title or id contains the text; with `partyIds`, only those that bind every one of
 * them (and, with `includeUnbound`, those that name no party). Best matches first, then by title.
 */
export function searchSafeguards(db: DbOrTx, input: SafeguardSearchInput): OptionPage<SafeguardOption> {
  const q = safeguardSearchSchema.parse(input);
  const where: SQL[] = [];
  if (q.excludeArchived) where.push(isNull(safeguards.archivedAt));
  if (q.type) where.push(eq(safeguards.type, q.type));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    where.push(or(like(safeguards.title, pattern), like(safeguards.id, pattern))!);
  }
  const partyIds = [...new Set(q.partyIds)];
  if (partyIds.length) {
    const bindsAll = sql`${safeguards.id} in (${sql.join(partyIds.map(boundTo), sql` intersect `)})`;
    const bindsNobody = sql`not exists (select 1 from ${safeguardParties} where ${safeguardParties.safeguardId} = ${safeguards.id})`;
    where.push(q.includeUnbound ? or(bindsAll, bindsNobody)! : bindsAll);
  }
  const offset = q.cursor ?? 0;
  const rows = db
    .select(safeguardColumns)
    .from(safeguards)
    .where(where.length ? and(...where) : undefined)
    .orderBy(...(q.q ? [matchRank(safeguards.title, safeguards.id, q.q)] : []), sql`${safeguards.title} collate nocase`, asc(safeguards.id))
    .limit(q.limit + 1)
    .offset(offset)
    .all();
  const page = pageOf(rows, q.limit, offset);
  return { items: safeguardOptions(db, page.items), nextCursor: page.nextCursor };
}

/** The safeguards with these ids (at most 20), in the order asked; unknown ids are left out. */
export function safeguardsByIds(db: DbOrTx, input: ByIdsInput): SafeguardOption[] {
  const { ids } = byIdsSchema.parse(input);
  if (ids.length === 0) return [];
  const byId = new Map(safeguardOptions(db, db.select(safeguardColumns).from(safeguards).where(inArray(safeguards.id, ids)).all()).map((s) => [s.id, s]));
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}
