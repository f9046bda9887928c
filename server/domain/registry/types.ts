/**
 * Types of the `transfer-registry/v1` document (../shared/formats/registry-v1.md).
 * Extra fields are allowed and round-trip: the validator returns the very object it was given, so anything
 * not named here (data categories, purposes, contact details…) is kept as is.
 */
import type { DerogationBasis, FrameworkId, PartyRole } from "../kb/types";

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

export const SCC_VERSIONS = ["2001/497", "2004/915", "2010/87", "2021/914"] as const;
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

/** A US framework self-certification held by a party; `to: null` = still certified. */
export interface RegistryCertification {
  framework: FrameworkId;
  from: string;
  to?: string | null;
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

export interface RegistryBcrSafeguard {
  id: string;
  type: "bcr";
  variant: BcrVariant;
  approved: string;
  ended?: string | null;
  members: string[];
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

export interface RegistryTia {
  completed: string;
  nextReview?: string | null;
}

export interface RegistryTransfer {
  id: string;
  exporter: string;
  recipient: string;
  /** ISO alpha-2 where the recipient processes the data. */
  destination: string;
  exporterRole: PartyRole;
  recipientRole: PartyRole;
  start: string;
  end?: string | null;
  frequency: Frequency;
  safeguards?: string[];
  tia?: RegistryTia | null;
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

export type RegistryValidationResult =
  | { ok: true; document: RegistryDocument }
  | { ok: false; errors: RegistryValidationError[] };
