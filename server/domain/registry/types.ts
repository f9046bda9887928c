/**
 * Types of the `transfer-registry/v1` document (specification: FORMAT.md in this folder).
 * Extra fields are allowed and round-trip: the validator returns the very object it was given, so anything
 * not named here (data categories, purposes, contact details…) is kept as is.
 */
import type { DerogationBasis, FrameworkId, PartyRole, RegimeId } from "../kb/types";

export const REGISTRY_FORMAT = "transfer-registry/v1";
export const VERDICTS_FORMAT = "transfer-registry/verdicts-v1";

export const PARTY_RELATIONSHIPS = [
  "affiliate",
  "service_provider",
  "reseller",
  "advertising_partner",
  "professional_adviser",
  "other",
] as const;
export type PartyRelationship = (typeof PARTY_RELATIONSHIPS)[number];

export const SCC_VERSIONS = ["2001/497", "2002/16", "2004/915", "2010/87", "2021/914"] as const;
export type SccVersion = (typeof SCC_VERSIONS)[number];

export const SAFEGUARD_TYPES = [
  "scc",
  "uk_idta",
  "bcr",
  "code_of_conduct",
  "certification",
  "ad_hoc_clauses",
  "derogation",
] as const;
export type SafeguardType = (typeof SAFEGUARD_TYPES)[number];

export const BCR_VARIANTS = ["controller", "processor"] as const;
export type BcrVariant = (typeof BCR_VARIANTS)[number];

export const FREQUENCIES = ["continuous", "occasional"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** What a framework certification covers on the DPF List: HR data, non-HR data, or both. */
export const COVERED_DATA = ["hr", "non_hr", "both"] as const;
export type CoveredData = (typeof COVERED_DATA)[number];

/** A US framework self-certification held by a party; `to: null` = still certified. */
export interface RegistryCertification {
  framework: FrameworkId;
  from: string;
  to?: string | null;
  /** What the certification covers (DPF List "covered data"); absent: not recorded. */
  coveredData?: CoveredData | null;
}

export interface RegistryParty {
  id: string;
  name: string;
  relationship: PartyRelationship;
  /** ISO 3166-1 alpha-2 of establishment. */
  country: string;
  certifications?: RegistryCertification[];
}

export interface RegistrySccSafeguard {
  id: string;
  type: "scc";
  version: SccVersion;
  /** Only for 2021/914: 1 C→C, 2 C→P, 3 P→P, 4 P→C. */
  modules?: number[];
  parties: string[];
  signed: string;
  ended?: string | null;
  ukAddendum?: boolean;
  swissAdaptations?: boolean;
}

export interface RegistryIdtaSafeguard {
  id: string;
  type: "uk_idta";
  parties: string[];
  signed: string;
  ended?: string | null;
}

/** An approval of a BCR by the authority of one regime (an EEA supervisory authority, the ICO, the FDPIC). */
export interface RegistryBcrApproval {
  regime: RegimeId;
  /** The approving authority's name, e.g. "CNIL (lead authority)", "ICO". */
  authority?: string;
  approved: string;
}

export interface RegistryBcrSafeguard {
  id: string;
  type: "bcr";
  variant: BcrVariant;
  approved: string;
  ended?: string | null;
  members: string[];
  /** Which regimes' authorities approved the BCR, and when; absent: not recorded (the BCR counts for every regime from `approved`). */
  approvals?: RegistryBcrApproval[];
}

export interface RegistryApprovedToolSafeguard {
  id: string;
  type: "code_of_conduct" | "certification" | "ad_hoc_clauses";
  approved: string;
  ended?: string | null;
  reference: string;
  /** Not in the format's field list; when given, the exporter and recipient must both be listed. */
  parties?: string[];
}

export interface RegistryDerogationSafeguard {
  id: string;
  type: "derogation";
  basis: DerogationBasis;
}

/** A safeguard, discriminated by `type`. */
export type RegistrySafeguard =
  | RegistrySccSafeguard
  | RegistryIdtaSafeguard
  | RegistryBcrSafeguard
  | RegistryApprovedToolSafeguard
  | RegistryDerogationSafeguard;

export const TIA_OUTCOMES = ["proceed", "proceed_with_measures", "suspend"] as const;
export type TiaOutcome = (typeof TIA_OUTCOMES)[number];

export interface RegistryTia {
  completed: string;
  nextReview?: string | null;
  /** What the assessment concluded; `suspend` means the Art. 46 safeguards do not cover the transfer. */
  outcome?: TiaOutcome | null;
  /** Supplementary measures adopted (EDPB Recommendations 01/2020, step 4), in words. */
  measuresTechnical?: string | null;
  measuresContractual?: string | null;
  measuresOrganisational?: string | null;
}

/** Whether a recipient is within a partial adequacy decision's scope (PIPEDA, APPI, PIPA, LGPD…). */
export const ADEQUACY_SCOPE_ANSWERS = ["in", "out", "unknown"] as const;
export type AdequacyScopeAnswer = (typeof ADEQUACY_SCOPE_ANSWERS)[number];

export interface RegistryTransfer {
  id: string;
  exporter: string;
  recipient: string;
  /** ISO alpha-2 where the recipient processes the data, or `org:ID` for an international organisation (`org:EPO`). */
  destination: string;
  exporterRole: PartyRole;
  recipientRole: PartyRole;
  start: string;
  end?: string | null;
  frequency: Frequency;
  safeguards?: string[];
  tia?: RegistryTia | null;
  /** The transfer includes HR data: data about employees collected in the context of employment (DPF Supplemental Principle 9). */
  hrData?: boolean;
  /** Whether the recipient is within the scope of a partial adequacy decision; absent = unknown. */
  adequacyScope?: AdequacyScopeAnswer | null;
  /** The data includes special categories (GDPR Art. 9 and 10; sensitive data, FADP Art. 5(c)). */
  specialCategory?: boolean;
}

export interface RegistryDocument {
  format: typeof REGISTRY_FORMAT;
  parties: RegistryParty[];
  safeguards?: RegistrySafeguard[];
  transfers: RegistryTransfer[];
}

/** One validation error: the JSON path (`transfers[3].recipient`) and what is wrong. */
export interface RegistryValidationError {
  path: string;
  message: string;
}

/** Parties and safeguards by id, as the validator builds them for its checks. */
export interface RegistryIndex {
  parties: Map<string, RegistryParty>;
  safeguards: Map<string, RegistrySafeguard>;
  /**
   * Each transfer's exporter and recipient, by the transfer's position in the document: the validator looks them
   * up anyway, so the evaluation need not look up the same 200k ids again.
   */
  exporters?: readonly (RegistryParty | undefined)[];
  recipients?: readonly (RegistryParty | undefined)[];
}

export type RegistryValidationResult =
  | { ok: true; document: RegistryDocument; index?: RegistryIndex }
  | { ok: false; errors: RegistryValidationError[] };
