/** Verdict types of the rules engine (the `transfer-registry/verdicts-v1` shapes). */
import type { RegimeId } from "../kb/types";

export const STATUSES = ["unsafeguarded", "derogation", "safeguarded", "adequate", "not_restricted", "inactive"] as const;
/** Exactly one per verdict; see registry-v1.md "Verdicts". */
export type Status = (typeof STATUSES)[number];

/** Higher is worse: unsafeguarded, then derogation, safeguarded, adequate, not_restricted, inactive. */
export const STATUS_RANK: Readonly<Record<Status, number>> = {
  unsafeguarded: 5,
  derogation: 4,
  safeguarded: 3,
  adequate: 2,
  not_restricted: 1,
  inactive: 0,
};

/** The worst of some statuses (e.g. a party's transfers), or `null` when there are none. */
export function worstStatus(statuses: Iterable<Status>): Status | null {
  let worst: Status | null = null;
  for (const status of statuses) if (worst === null || STATUS_RANK[status] > STATUS_RANK[worst]) worst = status;
  return worst;
}

export const ISSUE_CODES = [
  "tia_missing",
  "tia_overdue",
  "derogation_for_continuous",
  "safeguard_ending_soon",
  "certification_only",
  "module_mismatch",
  "uk_addendum_missing",
  "swiss_adaptations_missing",
  "invalidated_framework",
  "party_mismatch",
  "instrument_not_recognised",
  "instrument_not_yet_applicable",
  "scc_signed_after_cutoff",
  "safeguard_expired",
  "adequacy_scope_condition",
  "unconfirmed_source",
] as const;
/**
 * Issue codes. Beyond the registry-v1 list: `party_mismatch` (exporter or recipient not a party to / member
 * of the safeguard), `instrument_not_recognised` (the regime does not accept that tool, e.g. an IDTA for an
 * EU exporter), `instrument_not_yet_applicable` (e.g. an IDTA before 2022-03-21), `scc_signed_after_cutoff`
 * (old SCCs concluded after the last signing day), `safeguard_expired` (old SCCs after their validity end),
 * `adequacy_scope_condition` (a partial adequacy decision: check the recipient is in scope),
 * `unconfirmed_source` (the basis rests on a knowledge-base entry marked UNCONFIRMED).
 */
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueSeverity = "info" | "warning" | "error";

export interface Issue {
  code: IssueCode;
  severity: IssueSeverity;
  message: string;
}

/** What a status rests on: `{ type: "adequacy", ref: "eu-adequacy-jp" }`, `{ type: "scc", ref: "scc-cloudco" }`. */
export interface Basis {
  type: string;
  ref: string;
}

/**
 * One transfer's verdict. Constant issue and basis objects (e.g. `certification_only`, an adequacy basis) and
 * empty `issues`/`basis` lists are shared between verdicts and frozen, to keep 100k evaluations cheap: copy
 * them before changing anything.
 */
export interface Verdict {
  transfer: string;
  status: Status;
  regime: RegimeId | null;
  basis: Basis[];
  issues: Issue[];
  reasons: string[];
}

/**
 * Parts of a verdict shared by every verdict with the same outcome (same area, same adequacy decision and
 * recipient, …): frozen, so they can be shared between verdicts and their JSON text cached by identity
 * (verdicts-json.ts).
 */
export interface SharedVerdictParts {
  basis: Basis[];
  issues: Issue[];
  reasons: string[];
}

/** Freezes a list for sharing between verdicts (typed mutable like Verdict's fields; see {@link Verdict}). */
export function frozenList<T>(items: T[]): T[] {
  return Object.freeze(items) as T[];
}

/**
 * Shared, frozen empty lists for verdicts without issues or basis: about half of all verdicts, and not
 * allocating (and retaining) two arrays each measurably cuts garbage collection on 100k transfers.
 */
export const NO_ISSUES: Issue[] = frozenList<Issue>([]);
export const NO_BASIS: Basis[] = frozenList<Basis>([]);

export type StatusSummary = Record<Status, number>;

export interface VerdictsDocument {
  format: "transfer-registry/verdicts-v1";
  asOf: string;
  summary: StatusSummary;
  verdicts: Verdict[];
}
