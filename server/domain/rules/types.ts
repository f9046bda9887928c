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
  "tia_suspend",
  "tia_measures_missing",
  "derogation_for_continuous",
  "derogation_not_available",
  "safeguard_ending_soon",
  "certification_only",
  "certification_scope",
  "module_mismatch",
  "uk_addendum_missing",
  "swiss_adaptations_missing",
  "invalidated_framework",
  "party_mismatch",
  "bcr_approval_missing",
  "instrument_not_recognised",
  "instrument_not_yet_applicable",
  "scc_signed_after_cutoff",
  "safeguard_expired",
  "adequacy_scope_condition",
  "territory_undetermined",
  "unconfirmed_source",
  "uncovered_at_start",
  "cover_ends",
] as const;
/** Issue codes; each is explained in FORMAT.md ("Issues") and has a human label in `server/domain/labels.ts`. */
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueSeverity = "info" | "warning" | "error";

export interface Issue {
  code: IssueCode;
  severity: IssueSeverity;
  message: string;
}

export const BASIS_TYPES = [
  "area",
  "bridge",
  "adequacy",
  "certification",
  "scc",
  "uk_idta",
  "bcr",
  "code_of_conduct",
  "ad_hoc_clauses",
  "derogation",
  "law",
  "scope",
] as const;
/**
 * What a basis entry rests on: an area membership or bridge, an adequacy decision, a framework certification,
 * a safeguard (by its registry type), a derogation; `law`: the regime's transfer rules themselves (an
 * `unsafeguarded` verdict); `scope`: the exporter is under none of the regimes.
 */
export type BasisType = (typeof BASIS_TYPES)[number];

/**
 * What a status rests on, with its official reference: `{ type: "adequacy", ref: "eu-adequacy-jp", citation:
 * "Commission Implementing Decision (EU) 2019/419, OJ L 76, 19.3.2019, p. 1, CELEX 32019D0419; GDPR Art. 45(3)",
 * uri: "http://data.europa.eu/eli/dec_impl/2019/419/oj" }`. `ref` is a knowledge-base id or a registry id, for
 * links; people read `citation`.
 */
export interface Basis {
  type: BasisType;
  ref: string;
  /** The official reference and the article that applies on the verdict's date. */
  citation: string;
  /** A link to the official text (ELI, EUR-Lex, legislation.gov.uk, Fedlex…). */
  uri: string;
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

/** Which knowledge the verdicts used: the knowledge base's version and the day its facts were checked up to. */
export interface KnowledgeBaseInfo {
  version: string;
  /** The day up to which the facts were checked against their sources; `null` when not known. */
  checkedUpTo: string | null;
}

export interface VerdictsDocument {
  format: "transfer-registry/verdicts-v1";
  asOf: string;
  knowledgeBase: KnowledgeBaseInfo;
  /** Present when `asOf` is a past date: the verdicts apply today's knowledge of the law to it. */
  note?: string;
  summary: StatusSummary;
  verdicts: Verdict[];
}
