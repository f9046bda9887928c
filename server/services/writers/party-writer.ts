/**
 * The party writer: the party row, its processing locations and data categories, and its audit row. The party
 * form (create, update, archive, restore), the bulk CSV import and the registry import all write parties through
 * it (./aggregate-writer.ts). Each step carries the facts of the party rules (record-rules.ts `partyRules`): the
 * data categories the registry knows and, for a stored party, the live transfers naming it; the writer refuses a
 * step that breaks them (an exporter of live transfers stays an affiliate, their destinations stay among its
 * locations) before writing anything.
 */
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { partyRules, type PartyRuleContext } from "@/server/domain/registry/record-rules";
import type { AggregateSpec, WriteOptions, WriteStep } from "./aggregate-writer";
import { firstViolation, writeAggregate } from "./aggregate-writer";
import { extraColumn } from "./json-columns";

/** A party as the writer takes it: the fields of `PartyDetail` (server/services/parties.ts) but its stamps. */
export interface PartyState {
  name: string;
  relationship: string;
  serviceCategory: string | null;
  adviserType: string | null;
  country: string;
  registrationNumber: string | null;
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
  ccpaRole: string | null;
  ccpaSale: boolean;
  ccpaShare: boolean;
  notes: string | null;
  extra: Record<string, unknown> | null;
  archivedAt: string | null;
  processingLocations: readonly string[];
  dataCategories: readonly string[];
}

export const PARTY_SPEC: AggregateSpec = {
  entity: "party",
  table: "party",
  columns: [
    { key: "name", column: "name" },
    { key: "relationship", column: "relationship" },
    { key: "serviceCategory", column: "service_category" },
    { key: "adviserType", column: "adviser_type" },
    { key: "country", column: "country" },
    { key: "registrationNumber", column: "registration_number" },
    { key: "website", column: "website" },
    { key: "contactName", column: "contact_name" },
    { key: "contactEmail", column: "contact_email" },
    { key: "ccpaRole", column: "ccpa_role" },
    { key: "ccpaSale", column: "ccpa_sale" },
    { key: "ccpaShare", column: "ccpa_share" },
    { key: "notes", column: "notes" },
    { key: "extra", column: "extra", encode: extraColumn },
    { key: "archivedAt", column: "archived_at" },
  ],
  children: [
    { key: "processingLocations", table: "party_processing_location", owner: "party_id", value: "country", ordered: false },
    { key: "dataCategories", table: "party_data_category", owner: "party_id", value: "category_id", ordered: false },
  ],
  versioned: true,
  timestamps: "created_updated",
};

/** A party write with what its rules need: the known data categories and, for a stored party, its dependents. */
export interface PartyWriteStep extends WriteStep<PartyState> {
  facts: PartyRuleContext;
}

/** Judges every step with the party rules, then writes parties (rows, child rows, audit rows) in the caller's transaction. */
export function writeParties(tx: DbOrTx, actor: Actor, steps: readonly PartyWriteStep[], at: Date, options: WriteOptions) {
  return writeAggregate<PartyState, PartyWriteStep>(tx, PARTY_SPEC, actor, steps, at, options, {
    judge: (s) => partyRules(s.next, s.facts),
    refuse: (v) => firstViolation(v),
  });
}
