/**
 * Inputs of the pickers' search procedures (party.search, safeguard.search) and of the look-ups by id
 * (party.byIds, safeguard.byIds). Every call returns at most SEARCH_LIMIT_MAX options: a picker never
 * receives the whole register, it asks again as the user types or pages on.
 */
import { z } from "zod";
import { SAFEGUARD_TYPES } from "@/server/domain/registry/types";
import { RELATIONSHIPS } from "@/server/domain/choices/party-labels";

/** The most options one search or look-up returns. */
export const SEARCH_LIMIT_MAX = 20;

const searchText = z.string().trim().max(200, "Search for at most 200 characters.").default("");
const limit = z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_MAX);
/** Where the next page starts: the `nextCursor` of the previous page (an offset); absent for the first page. */
const cursor = z.number().int().min(0).nullish();
const id = z.string().min(1).max(100);

export const partySearchSchema = z.object({
  /** Part of the name or of the id (case-insensitive); empty lists the first parties by name. */
  q: searchText,
  relationship: z.enum(RELATIONSHIPS).optional(),
  /** Leave archived parties out (the default): they are not offered for new choices. */
  excludeArchived: z.boolean().default(true),
  limit,
  cursor,
});
export type PartySearchInput = z.input<typeof partySearchSchema>;

export const safeguardSearchSchema = z.object({
  /** Part of the title or of the id (case-insensitive). */
  q: searchText,
  type: z.enum(SAFEGUARD_TYPES).optional(),
  /** Only safeguards that bind every one of these parties (e.g. a transfer's exporter and recipient). */
  partyIds: z.array(id).max(SEARCH_LIMIT_MAX).default([]),
  /** With `partyIds`: also offer safeguards that name no party at all (e.g. an Art. 49 derogation). */
  includeUnbound: z.boolean().default(false),
  excludeArchived: z.boolean().default(true),
  limit,
  cursor,
});
export type SafeguardSearchInput = z.input<typeof safeguardSearchSchema>;

/** Ids whose names a form or filter shows (already chosen values); archived records included. */
export const byIdsSchema = z.object({
  ids: z.array(id).max(SEARCH_LIMIT_MAX, `Look up at most ${SEARCH_LIMIT_MAX} ids at a time.`),
});
export type ByIdsInput = z.input<typeof byIdsSchema>;
