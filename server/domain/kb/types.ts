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

/** A citation a verdict can carry: the official reference as text and a link to the official text. */
export interface Citation {
  /** e.g. "GDPR Art. 44 and 46(1)" or "Commission Implementing Decision (EU) 2019/419, OJ L 76, 19.3.2019, p. 1, CELEX 32019D0419". */
  text: string;
  /** ELI / EUR-Lex / legislation.gov.uk / Fedlex URI. */
  uri: string | null;
}

/**
 * The provisions a verdict cites for the regime itself, in the regime's current law and (optionally) in the law
 * that applied before `currentLawFrom` (Directive 95/46/EC; the FADP of 1992; UK GDPR before the Data (Use and
 * Access) Act 2025).
 */
export interface RegimeProvisions {
  /** Where the regime applies at all (GDPR Art. 3): cited when an exporter is under none of the regimes. */
  territorialScope: Citation;
  /** Why a destination inside the area is no restricted transfer (GDPR Art. 44: Chapter V covers third countries). */
  notRestricted: Citation;
  /** Why a transfer with no adequacy, safeguard or derogation is not allowed (GDPR Art. 44 and 46(1)). */
  unsafeguarded: Citation;
  /** What requires an assessment of the destination's law when relying on a safeguard (SCC Clause 14; UK GDPR Art. 46(1A)). */
  transferAssessment: Citation;
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
  /**
   * First day of the regime's current law (GDPR 2018-05-25; revised FADP 2023-09-01; UK GDPR as amended by the
   * Data (Use and Access) Act 2025, 2026-02-05). Before it, verdicts cite the `former` provisions. An area
   * membership can set a later day for its country (the GDPR applies in IS, LI and NO from 2018-07-20).
   */
  currentLawFrom?: string;
  /** The law that applied before `currentLawFrom`, e.g. "Directive 95/46/EC". */
  formerLaw?: string;
  formerLawUri?: string | null;
  /** Provisions cited under the current law. */
  provisions?: RegimeProvisions;
  /** Provisions cited before `currentLawFrom`; missing ones fall back to `provisions`. */
  formerProvisions?: Partial<RegimeProvisions>;
  /** First day a missing transfer impact assessment is an issue (CJEU C-311/18 Schrems II, 2020-07-16). */
  assessmentRequiredFrom?: string;
}

export const AREA_MEMBERSHIP_TYPES = ["member", "transition", "bridge", "undetermined"] as const;
/**
 * `member` and `transition`: the country is inside the regime's area (an exporter there is under the regime,
 * and a destination there is not a restricted transfer). `bridge`: only as a destination, transfers there are
 * not treated as transfers to a third country (EU→UK under the TCA, 2021-01-01..2021-06-27); exporters there
 * are not under the regime. `undetermined`: the knowledge base does not decide whether the territory is inside
 * (Svalbard and Jan Mayen); it is treated as outside and every verdict involving it says the DPO must decide.
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
  /** Official reference of the membership: accession treaty, EEA Agreement, TFEU Art. 355… */
  reference?: string;
  referenceUri?: string | null;
  /** Overrides the regime's `currentLawFrom` for exporters established here (GDPR in the EEA EFTA states: 2018-07-20). */
  currentLawFrom?: string;
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
  /** The legal provision the decision rests on under the regime's current law, e.g. "GDPR Art. 45(3)". */
  legalBasis: string;
  /** Official reference beyond the instrument's name: OJ reference and CELEX number (EU), SI number (UK), SR number (CH). */
  officialReference?: string;
  /** The provision cited before the regime's current law applies (Directive 95/46/EC Art. 25(6); FADP of 1992 Art. 6(1)). */
  formerLegalBasis?: string;
  /** The instrument cited before the regime's current law applies, when it differs (the FDPIC's list before Annex 1 DPO). */
  formerInstrument?: string;
  formerInstrumentUri?: string | null;
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
  /** Official reference of the framework's principles, e.g. "EU-U.S. DPF Principles, Annex I to Decision (EU) 2023/1795". */
  reference?: string;
  referenceUri?: string | null;
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
  /** The legal provision under the regime's current law, e.g. "GDPR Art. 46(2)(c)". */
  legalBasis: string;
  /** The provision before the regime's current law applies (Directive 95/46/EC Art. 26(4); FADP of 1992 Art. 6(2)(a)). */
  formerLegalBasis?: string;
}

/** A transfer tool: SCC decision, IDTA, UK Addendum, Swiss adaptations, BCR, code, certification, ad hoc clauses. */
export interface InstrumentEntry extends KbEntryBase<"instrument"> {
  instrumentType: InstrumentType;
  /** For `scc`: the Commission decision number (`2001/497`, `2004/915`, `2010/87`, `2021/914`). */
  version: string | null;
  title: string;
  instrumentUri: string | null;
  /** Official reference: OJ reference and CELEX number (EU), or the issuing authority's publication. */
  officialReference?: string;
  adopted: string | null;
  /** Roles covered. `null` = any roles (IDTA, BCR, codes…). */
  modules: InstrumentModule[] | null;
  /** Regimes that accept it; a regime without a window does not recognise the instrument. */
  windows: InstrumentWindow[];
}

/** GDPR / UK GDPR Art. 49 grounds, then the Swiss FADP Art. 17(1) exceptions (their own list). */
export const DEROGATION_BASES = [
  "49(1)(a)",
  "49(1)(b)",
  "49(1)(c)",
  "49(1)(d)",
  "49(1)(e)",
  "49(1)(f)",
  "49(1)(g)",
  "49(1)-2",
  "17(1)(a)",
  "17(1)(b)",
  "17(1)(c)",
  "17(1)(d)",
  "17(1)(e)",
  "17(1)(f)",
] as const;
export type DerogationBasis = (typeof DEROGATION_BASES)[number];

/** A derogation for specific situations (GDPR / UK GDPR Art. 49; FADP Art. 17). */
export interface DerogationEntry extends KbEntryBase<"derogation"> {
  basis: DerogationBasis;
  title: string;
  /**
   * True where the text confines the ground to occasional, non-repetitive transfers, so a regular transfer
   * cannot rest on it (Art. 49(1)(b), (c) and the second subparagraph: recital 111, EDPB Guidelines 2/2018).
   * Applies to the EU and UK regimes; the FADP has no such condition.
   */
  occasionalOnly: boolean;
  /** Meant for occasional transfers without excluding regular ones (consent, EDPB Guidelines 2/2018 § 2.1): a warning. */
  occasionalExpected?: boolean;
  /**
   * The provision per regime under its current law. A regime without a reference does not know the ground
   * (compelling legitimate interests under the FADP; "made generally accessible" under the GDPR).
   */
  references: Partial<Record<RegimeId, string>>;
  /**
   * The provision before the regime's current law (Directive 95/46/EC Art. 26(1); FADP of 1992 Art. 6(2)).
   * `null`: the ground did not exist then; absent: as `references`.
   */
  formerReferences?: Partial<Record<RegimeId, string | null>>;
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
