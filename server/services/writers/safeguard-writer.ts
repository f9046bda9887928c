/**
 * The safeguard writer: the safeguard row, its parties (ordered: signatories or BCR members), and its audit row.
 * The safeguard form (create, update, archive, restore) and the registry import write safeguards through it
 * (./aggregate-writer.ts). Each step carries the facts of the safeguard rules (record-rules.ts `safeguardRules`): the
 * compiled knowledge base, the signing parties, and the transfers relying on the safeguard (needed when it is
 * archived or its type changes); the record as stored is the step's `before`. The writer refuses a step that breaks
 * them (SCCs signed after their regime's last day; archiving what live transfers rely on; retyping what transfers
 * rely on) before writing anything.
 */
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { safeguardRules, type SafeguardRuleContext } from "@/server/domain/registry/record-rules";
import type { AggregateSpec, WriteOptions, WriteStep } from "./aggregate-writer";
import { firstViolation, writeAggregate } from "./aggregate-writer";
import { extraColumn } from "./json-columns";

/** A safeguard as the writer takes it: the fields of `SafeguardDetail` (server/services/safeguards.ts) but its stamps. */
export interface SafeguardState {
  type: string;
  title: string;
  sccVersion: string | null;
  /** SCC 2021/914 modules; kept only for that version (the column is null for any other). */
  modules: readonly number[];
  signed: string | null;
  approved: string | null;
  ended: string | null;
  dockingClause: boolean;
  ukAddendum: boolean;
  ukAddendumVersion: string | null;
  swissAdaptations: boolean;
  supervisoryAuthority: string | null;
  governingLaw: string | null;
  idtaVersion: string | null;
  bcrVariant: string | null;
  approvingAuthority: string | null;
  reference: string | null;
  derogationBasis: string | null;
  justification: string | null;
  saInformedOn: string | null;
  notes: string | null;
  extra: Record<string, unknown> | null;
  archivedAt: string | null;
  partyIds: readonly string[];
}

export const SAFEGUARD_SPEC: AggregateSpec = {
  entity: "safeguard",
  table: "safeguard",
  columns: [
    { key: "type", column: "type" },
    { key: "title", column: "title" },
    { key: "sccVersion", column: "scc_version" },
    { key: "modules", column: "modules", encode: (v, s) => (s.type === "scc" && s.sccVersion === "2021/914" ? JSON.stringify(Array.isArray(v) ? v : []) : null) },
    { key: "signed", column: "signed" },
    { key: "approved", column: "approved" },
    { key: "ended", column: "ended" },
    { key: "dockingClause", column: "docking_clause" },
    { key: "ukAddendum", column: "uk_addendum" },
    { key: "ukAddendumVersion", column: "uk_addendum_version" },
    { key: "swissAdaptations", column: "swiss_adaptations" },
    { key: "supervisoryAuthority", column: "supervisory_authority" },
    { key: "governingLaw", column: "governing_law" },
    { key: "idtaVersion", column: "idta_version" },
    { key: "bcrVariant", column: "bcr_variant" },
    { key: "approvingAuthority", column: "approving_authority" },
    { key: "reference", column: "reference" },
    { key: "derogationBasis", column: "derogation_basis" },
    { key: "justification", column: "justification" },
    { key: "saInformedOn", column: "sa_informed_on" },
    { key: "notes", column: "notes" },
    { key: "extra", column: "extra", encode: extraColumn },
    { key: "archivedAt", column: "archived_at" },
  ],
  children: [{ key: "partyIds", table: "safeguard_party", owner: "safeguard_id", value: "party_id", ordered: true }],
  versioned: true,
  timestamps: "created_updated",
};

/** What the safeguard rules need besides the record and its stored state (the step's `before`). */
export type SafeguardFacts = Omit<SafeguardRuleContext, "before">;

export interface SafeguardWriteStep extends WriteStep<SafeguardState> {
  facts: SafeguardFacts;
}

/** Judges every step with the safeguard rules, then writes safeguards (rows, child rows, audit rows) in the caller's transaction. */
export function writeSafeguards(tx: DbOrTx, actor: Actor, steps: readonly SafeguardWriteStep[], at: Date, options: WriteOptions) {
  return writeAggregate<SafeguardState, SafeguardWriteStep>(tx, SAFEGUARD_SPEC, actor, steps, at, options, {
    judge: (s) =>
      safeguardRules(s.next, { ...s.facts, before: s.before ? { type: s.before.type, archivedAt: s.before.archivedAt } : null }),
    // Archiving what transfers rely on is refused as a whole (the archive button has no field to show it at).
    refuse: (v) => firstViolation(v, { withField: v[0]!.field !== "archivedAt" }),
  });
}
