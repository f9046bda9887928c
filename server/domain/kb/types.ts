/**
 * Knowledge-base types: the legal facts the rules engine reads, as plain data.
 *
 * Every entry has an `id`, a `kind`, its `sources` (URLs or source keys from regulatory-facts.md) and, where
 * the facts could not be confirmed, an `unconfirmed` note saying why. Dates are `YYYY-MM-DD`; every range in
 * the knowledge base is inclusive at both ends, like the ranges of the registry format, so an `endDate` or
 * `to` is the LAST day something applies (Privacy Shield: `to` 2020-07-15, because Schrems II invalidated it
 * from 2020-07-16). `null` means open ended.
 */

export const REGIMES = ["EU", "UK", "CH"] as const;
/** The transfer regimes the app knows: EU/EEA GDPR, UK GDPR, Swiss FADP. */
export type RegimeId = (typeof REGIMES)[number];

export const PARTY_ROLES = ["controller", "processor"] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const FRAMEWORKS = [
  "safe_harbor_eu",
  "safe_harbor_ch",
  "privacy_shield_eu",
  "privacy_shield_ch",
  "dpf_eu",
  "dpf_uk",
  "dpf_ch",
] as const;
/** US self-certification frameworks (the registry's `certifications[].framework`). */
export type FrameworkId = (typeof FRAMEWORKS)[number];

export const KB_KINDS = ["regime", "area_membership", "adequacy", "framework", "instrument", "derogation"] as const;
export type KbKind = (typeof KB_KINDS)[number];

interface KbEntryBase<K extends KbKind> {
  /** Stable id, kebab-case (`eu-adequacy-jp`). Verdict bases refer to it. */
  id: string;
  kind: K;
  /** URLs or source keys (DPV, EC-ADQ, COM7, TMAI, SCC, GDPR) from regulatory-facts.md. */
  sources: string[];
  /** Present when the facts mark the entry (or one of its dates) UNCONFIRMED: what is not confirmed, and why. */
  unconfirmed?: string;
  notes?: string;
}

/** A transfer regime: the law whose Chapter V-style rules restrict exports from its area. */
export interface RegimeEntry extends KbEntryBase<"regime"> {
  regime: RegimeId;
  title: string;
  /** The statute, e.g. "Regulation (EU) 2016/679 (GDPR), Chapter V". */
  law: string;
  lawUri: string | null;
  /** Human description of the area inside which data flows freely. */
  areaLabel: string;
  authority: string;
}

export const AREA_MEMBERSHIP_TYPES = ["member", "transition", "bridge"] as const;
/**
 * `member` and `transition`: the country is inside the regime's area (an exporter there is under the regime,
 * and a destination there is not a restricted transfer). `bridge`: only as a destination, transfers there are
 * not treated as transfers to a third country (EU→UK under the TCA, 2021-01-01..2021-06-27); exporters there
 * are not under the regime.
 */
export type AreaMembershipType = (typeof AREA_MEMBERSHIP_TYPES)[number];

export interface AreaMembershipEntry extends KbEntryBase<"area_membership"> {
  regime: RegimeId;
  /** ISO 3166-1 alpha-2. */
  country: string;
  countryName: string;
  membership: AreaMembershipType;
  from: string | null;
  to: string | null;
}

export const ADEQUACY_SCOPES = ["full", "partial"] as const;
export type AdequacyScope = (typeof ADEQUACY_SCOPES)[number];
export const ADEQUACY_STATUSES = ["in_force", "expired", "invalidated", "withdrawn", "superseded"] as const;
export type AdequacyStatus = (typeof ADEQUACY_STATUSES)[number];
export const END_REASONS = ["sunset", "invalidated", "withdrawn", "superseded", "not_adequate"] as const;
export type EndReason = (typeof END_REASONS)[number];

/** An adequacy decision (EU), adequacy regulation / data bridge (UK) or Annex 1 DPO listing (CH). */
export interface AdequacyEntry extends KbEntryBase<"adequacy"> {
  regime: RegimeId;
  /** ISO 3166-1 alpha-2, or an international organisation id such as `org:EPO`. */
  destination: string;
  destinationName: string;
  scope: AdequacyScope;
  /** For partial decisions, what part is adequate: `pipeda`, `appi`, `pipa`, `israel_automated`, `lgpd`, `faroese_act`, `dpf_eu`… */
  scopeCode: string | null;
  /** The scope in words, shown in verdicts and forms. */
  scopeText: string;
  /** For the United States: the framework a recipient must be certified under for this decision to cover it. */
  framework: FrameworkId | null;
  /** e.g. "Commission Implementing Decision (EU) 2023/1795". */
  instrument: string;
  /** ELI / EUR-Lex / legislation.gov.uk / Fedlex URI. */
  instrumentUri: string | null;
  /** The legal provision the decision rests on, e.g. "GDPR Art. 45(3)". */
  legalBasis: string;
  adopted: string | null;
  published: string | null;
  /** First day the decision covers transfers (defaults to `adopted`). */
  effectiveFrom: string | null;
  /** Last day the decision covers transfers (inclusive): sunset, or the day before invalidity. */
  endDate: string | null;
  endReason: EndReason | null;
  status: AdequacyStatus;
}

/** A US self-certification framework and the window in which a regime recognises it. */
export interface FrameworkEntry extends KbEntryBase<"framework"> {
  framework: FrameworkId;
  regime: RegimeId;
  title: string;
  /** First day a certification under it is a basis for transfers. */
  from: string | null;
  /** Last day (inclusive). */
  to: string | null;
  endReason: EndReason | null;
  /** Another framework the recipient must also participate in (UK Extension requires the EU-US DPF). */
  requires: FrameworkId | null;
}

export const INSTRUMENT_TYPES = [
  "scc",
  "uk_idta",
  "uk_addendum",
  "swiss_adaptations",
  "bcr",
  "code_of_conduct",
  "certification",
  "ad_hoc_clauses",
] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

export const INSTRUMENT_REQUIREMENTS = ["uk_addendum", "swiss_adaptations"] as const;
export type InstrumentRequirement = (typeof INSTRUMENT_REQUIREMENTS)[number];

/** The roles one SCC module (or an old SCC set) covers. */
export interface InstrumentModule {
  /** 1–4 for Decision 2021/914; `null` for the pre-2021 sets, which have no modules. */
  module: number | null;
  exporterRole: PartyRole;
  recipientRole: PartyRole;
  label: string;
}

/** When a regime accepts an instrument. */
export interface InstrumentWindow {
  regime: RegimeId;
  /** First day the instrument can be relied on under this regime. */
  usableFrom: string | null;
  /** Last day a NEW contract on it may be signed under this regime (inclusive). */
  lastSignDate: string | null;
  /** Last day existing contracts on it still count (inclusive). */
  validUntil: string | null;
  /** An extra the contract must carry to count under this regime (UK Addendum, Swiss adaptations). */
  requires: InstrumentRequirement | null;
  /** The legal provision, e.g. "GDPR Art. 46(2)(c)". */
  legalBasis: string;
}

/** A transfer tool: SCC decision, IDTA, UK Addendum, Swiss adaptations, BCR, code, certification, ad hoc clauses. */
export interface InstrumentEntry extends KbEntryBase<"instrument"> {
  instrumentType: InstrumentType;
  /** For `scc`: the Commission decision number (`2001/497`, `2004/915`, `2010/87`, `2021/914`). */
  version: string | null;
  title: string;
  instrumentUri: string | null;
  adopted: string | null;
  /** Roles covered. `null` = any roles (IDTA, BCR, codes…). */
  modules: InstrumentModule[] | null;
  /** Regimes that accept it; a regime without a window does not recognise the instrument. */
  windows: InstrumentWindow[];
}

export const DEROGATION_BASES = [
  "49(1)(a)",
  "49(1)(b)",
  "49(1)(c)",
  "49(1)(d)",
  "49(1)(e)",
  "49(1)(f)",
  "49(1)(g)",
  "49(1)-2",
] as const;
export type DerogationBasis = (typeof DEROGATION_BASES)[number];

/** A derogation for specific situations (GDPR / UK GDPR Art. 49; FADP Art. 17). */
export interface DerogationEntry extends KbEntryBase<"derogation"> {
  basis: DerogationBasis;
  title: string;
  /** True where the text or EDPB Guidelines 2/2018 confine it to occasional, non-repetitive transfers. */
  occasionalOnly: boolean;
  /** Citation per regime. */
  references: Record<RegimeId, string>;
}

export type KbEntry =
  | RegimeEntry
  | AreaMembershipEntry
  | AdequacyEntry
  | FrameworkEntry
  | InstrumentEntry
  | DerogationEntry;

/** Entry type for one kind. */
export type KbEntryOfKind<K extends KbKind> = Extract<KbEntry, { kind: K }>;

/** The whole knowledge base: one array per kind, keyed by the kind. */
export type KnowledgeBase = { [K in KbKind]: KbEntryOfKind<K>[] };
