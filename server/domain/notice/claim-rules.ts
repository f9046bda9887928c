/**
 * The claim rules: which words in a privacy notice make a claim about transfers, recipients or CCPA
 * disclosures. Data, versioned like the knowledge base: change a pattern here, bump `version`, and the
 * checks stored from then on say which rules found their claims (older checks keep the version they used).
 *
 * Patterns run on one sentence at a time, lower-cased, with runs of white space folded to one space.
 * Each claim kind lists the phrases that name it; `historical` and `reliance` decide how a sentence that
 * names a transfer mechanism speaks of it.
 */

export const CLAIM_RULES_VERSION = "notice-claims/2026-11-30.1";

/** Transfer mechanisms, as the notice names them and as the registry records them (MechanismId). */
export const MECHANISM_IDS = [
  "adequacy",
  "eu_scc",
  "uk_addendum",
  "uk_idta",
  "swiss_scc",
  "bcr",
  "dpf",
  "privacy_shield",
  "safe_harbor",
  "code_of_conduct",
  "certification",
  "ad_hoc_clauses",
  "derogation",
] as const;
export type MechanismId = (typeof MECHANISM_IDS)[number];

export const MECHANISM_LABELS: Readonly<Record<MechanismId, string>> = {
  adequacy: "Adequacy decisions",
  eu_scc: "EU standard contractual clauses",
  uk_addendum: "UK Addendum to the EU standard contractual clauses",
  uk_idta: "UK International Data Transfer Agreement",
  swiss_scc: "EU standard contractual clauses with the Swiss adaptations",
  bcr: "Binding corporate rules",
  dpf: "EU-U.S. Data Privacy Framework (and its UK Extension and Swiss-U.S. framework)",
  privacy_shield: "EU-U.S. and Swiss-U.S. Privacy Shield",
  safe_harbor: "Safe Harbor",
  code_of_conduct: "Approved codes of conduct",
  certification: "Approved certification mechanisms",
  ad_hoc_clauses: "Ad hoc contractual clauses",
  derogation: "Derogations for specific situations (GDPR Art. 49, FADP Art. 17)",
};

export interface MechanismRule {
  id: MechanismId;
  patterns: readonly RegExp[];
  /** A framework no transfer may rely on after this day (its invalidation); a present-tense claim of it is an error. */
  retiredSince?: string;
  retiredBecause?: string;
}

export const MECHANISM_RULES: readonly MechanismRule[] = [
  { id: "adequacy", patterns: [/\badequa(te|cy) (level of (data )?protection|decisions?)\b/, /\brecogni[sz]ed\b.{0,80}\badequate\b/, /\badequacy\b/] },
  { id: "eu_scc", patterns: [/\bstandard contractual clauses\b/, /\bsccs?\b/, /\bmodel (contract(ual)? )?clauses\b/, /\bstandard data protection clauses\b/] },
  { id: "uk_addendum", patterns: [/\buk addendum\b/, /\binternational data transfer addendum\b/] },
  { id: "uk_idta", patterns: [/\binternational data transfer agreement\b/, /\bidta\b/] },
  { id: "swiss_scc", patterns: [/\bswiss (adaptations?|amendments?|addendum)\b/, /\badapt(ed|ations?) (for|to) (swiss|switzerland)\b/] },
  { id: "bcr", patterns: [/\bbinding corporate rules\b/, /\bbcrs?\b/] },
  { id: "dpf", patterns: [/\bdata privacy framework\b/, /\bdpf\b/] },
  {
    id: "privacy_shield",
    patterns: [/\bprivacy shield\b/],
    retiredSince: "2020-07-16",
    retiredBecause: "the Court of Justice invalidated the EU-U.S. Privacy Shield on 16 July 2020 (C-311/18, Schrems II)",
  },
  {
    id: "safe_harbor",
    patterns: [/\bsafe harbou?r\b/],
    retiredSince: "2015-10-06",
    retiredBecause: "the Court of Justice invalidated Safe Harbor on 6 October 2015 (C-362/14, Schrems I)",
  },
  { id: "code_of_conduct", patterns: [/\bcodes? of conduct\b/] },
  { id: "certification", patterns: [/\bcertification mechanisms?\b/] },
  { id: "ad_hoc_clauses", patterns: [/\bad hoc (contractual )?clauses\b/] },
  { id: "derogation", patterns: [/\bderogations?\b/, /\barticle 49\b/, /\bart\. 49\b/, /\bexplicit(ly)? consent\b.{0,80}\btransfer/, /\btransfer.{0,80}\bexplicit(ly)? consent\b/] },
];

/** A sentence naming a mechanism speaks of the past when one of these matches: accurate, not a present claim. */
export const HISTORICAL_PATTERNS: readonly RegExp[] = [
  /\bno longer\b/,
  /\b(ceased|stopped) (to rely|relying|using)\b/,
  /\bpreviously (relied|used)\b/,
  /\b(was|were|has been|have been) (invalidated|replaced|superseded|withdrawn)\b/,
  /\bformerly\b/,
  /\bdo(es)? not (any more|anymore) rely\b/,
];

/** A sentence claims present reliance on a mechanism when one of these matches (else it only mentions it). */
export const RELIANCE_PATTERNS: readonly RegExp[] = [
  /\brel(y|ies|ying) (on|upon)\b/,
  /\bin reliance on\b/,
  /\b(by )?entering into\b/,
  /\bwe use\b/,
  /\bare (based on|covered by|protected by|governed by|subject to)\b/,
  /\bpursuant to\b/,
  /\bwe (have )?(put|implemented|adopted|signed|executed|concluded)\b/,
  /\bensure\b.{0,60}\bsafeguards\b/,
];

/** A sentence says a party holds a certification under a framework: a statement of fact, not of reliance. */
export const CERTIFIED_PATTERNS: readonly RegExp[] = [/\b(is|are|remain|remains) (self-)?certified\b/, /\bparticipates? in\b/];

/** The notice says how to obtain a copy of the safeguards (GDPR Art. 13(1)(f), 14(1)(f)). */
export const SAFEGUARD_COPY_PATTERNS: readonly RegExp[] = [
  /\bcopy of (the |these |such |our )?(relevant )?(appropriate )?(safeguards|standard contractual clauses|sccs|transfer mechanisms?)\b/,
  /\b(request|obtain)\b.{0,40}\b(safeguards|standard contractual clauses)\b.{0,40}\b(contact|writing|email|e-mail)/,
];

/** Registry recipient categories: relationship, or relationship:service category / adviser type. */
export const RECIPIENT_CATEGORY_IDS = [
  "affiliate",
  "service_provider",
  "service_provider:marketing",
  "service_provider:analytics",
  "service_provider:it_hosting",
  "service_provider:payment",
  "service_provider:customer_support",
  "service_provider:other",
  "reseller",
  "advertising_partner",
  "professional_adviser",
  "professional_adviser:accountant",
  "professional_adviser:attorney",
  "professional_adviser:consultant",
  "other",
] as const;
export type RecipientCategoryId = (typeof RECIPIENT_CATEGORY_IDS)[number];

export const RECIPIENT_CATEGORY_LABELS: Readonly<Record<RecipientCategoryId, string>> = {
  affiliate: "Our affiliates and subsidiaries",
  service_provider: "Service providers that perform services on our behalf",
  "service_provider:marketing": "Marketing service providers",
  "service_provider:analytics": "Analytics providers",
  "service_provider:it_hosting": "IT hosting providers",
  "service_provider:payment": "Payment service providers",
  "service_provider:customer_support": "Customer support providers",
  "service_provider:other": "Other service providers",
  reseller: "Resellers",
  advertising_partner: "Advertising partners",
  professional_adviser: "Professional advisers",
  "professional_adviser:accountant": "Accountants",
  "professional_adviser:attorney": "Attorneys",
  "professional_adviser:consultant": "Consultants",
  other: "Other recipients",
};

/** Phrases naming a recipient category the registry keeps. */
export const RECIPIENT_RULES: readonly { id: RecipientCategoryId; patterns: readonly RegExp[] }[] = [
  { id: "affiliate", patterns: [/\baffiliates?\b/, /\bsubsidiar(y|ies)\b/, /\bgroup (companies|entities)\b/] },
  { id: "service_provider:marketing", patterns: [/\bmarketing (service )?providers?\b/, /\bmarketing (agencies|vendors)\b/] },
  { id: "service_provider:analytics", patterns: [/\b(data )?analytics (service )?(providers?|services)\b/] },
  { id: "service_provider:it_hosting", patterns: [/\b(it )?hosting (service )?providers?\b/, /\bcloud (service |hosting )?providers?\b/] },
  { id: "service_provider:payment", patterns: [/\bpayment (service )?(providers?|processors?)\b/] },
  { id: "service_provider:customer_support", patterns: [/\bcustomer (support|service) (service )?providers?\b/, /\bhelp ?desk providers?\b/] },
  { id: "service_provider", patterns: [/(?<!internet )\bservice providers?\b/, /\bvendors\b/, /\bprocessors\b/] },
  { id: "reseller", patterns: [/\bresellers?\b/, /\bdistributors?\b/, /\bdealers?\b/] },
  { id: "advertising_partner", patterns: [/\b(online )?advertising (services|partners|networks)\b/, /\bad (services|networks|partners)\b/] },
  { id: "professional_adviser:accountant", patterns: [/\baccountants?\b/, /\bauditors\b/] },
  { id: "professional_adviser:attorney", patterns: [/\battorneys?\b/, /\blawyers?\b/, /\blaw firms?\b/, /\blegal (advisers|advisors|counsel)\b/] },
  { id: "professional_adviser:consultant", patterns: [/\bconsultants?\b/] },
  { id: "professional_adviser", patterns: [/\bprofessional advis[eo]rs?\b/] },
];

/** Recipient categories a notice may name that the registry does not keep as parties (reported as a note). */
export const UNREGISTERED_RECIPIENT_RULES: readonly { id: string; label: string; patterns: readonly RegExp[] }[] = [
  { id: "internet_service_providers", label: "Internet service providers", patterns: [/\binternet service providers?\b/] },
  { id: "operating_systems", label: "Operating systems and platforms", patterns: [/\boperating systems and platforms\b/] },
  { id: "social_networks", label: "Social networks", patterns: [/\bsocial networks?\b/] },
  { id: "government", label: "Government entities and authorities", patterns: [/\bgovernment entities\b/, /\blaw enforcement\b/, /\bpublic authorities\b/] },
  { id: "data_brokers", label: "Data brokers", patterns: [/\bdata brokers?\b/] },
];

/** A sentence that introduces recipients (so a named category is a disclosure, not a source of data). */
export const RECIPIENT_CONTEXT_PATTERNS: readonly RegExp[] = [
  /\b(share|shared|sharing|disclose|disclosed|transfer|transferred|provide|sold|sell)\b/,
  /\bthird[- ]part(y|ies)\b/,
  /\bcollected (directly )?by\b/,
];
/** A sentence about where data comes from, not whom it goes to. */
export const SOURCE_CONTEXT_PATTERNS: readonly RegExp[] = [/\bcategories of sources\b/, /\bobtained personal information about you from\b/];

/** CCPA categories of personal information (Cal. Civ. Code §1798.140(v)(1); sensitive: §1798.140(ae)). */
export const CCPA_CATEGORY_IDS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"] as const;
export type CcpaCategoryId = (typeof CCPA_CATEGORY_IDS)[number];

export const CCPA_CATEGORY_LABELS: Readonly<Record<CcpaCategoryId, string>> = {
  A: "Identifiers",
  B: "Personal information categories listed in Cal. Civ. Code §1798.80(e)",
  C: "Characteristics of protected classifications",
  D: "Commercial information",
  E: "Biometric information",
  F: "Internet or other electronic network activity information",
  G: "Geolocation data",
  H: "Sensory data",
  I: "Professional or employment-related information",
  J: "Education information",
  K: "Inferences",
  L: "Sensitive personal information",
};

/** How a notice's list items name each CCPA category (matched against a whole list line). */
export const CCPA_CATEGORY_RULES: readonly { id: CcpaCategoryId; patterns: readonly RegExp[] }[] = [
  { id: "A", patterns: [/^identifiers\b/] },
  { id: "B", patterns: [/1798\.80/, /^customer records\b/, /^personal information categories listed\b/] },
  { id: "C", patterns: [/^protected classifications?\b/, /^characteristics of protected/] },
  { id: "D", patterns: [/^commercial information\b/] },
  { id: "E", patterns: [/^biometric\b/] },
  { id: "F", patterns: [/^online activity\b/, /^internet (or|and) other electronic network activity\b/, /^internet activity\b/] },
  { id: "G", patterns: [/^geolocation\b/] },
  { id: "H", patterns: [/^sensory\b/, /^audio, electronic, visual\b/] },
  { id: "I", patterns: [/^(professional or )?employment(-related)? information\b/, /^professional information\b/] },
  { id: "J", patterns: [/^education(al)? information\b/] },
  { id: "K", patterns: [/^inferences\b/] },
  { id: "L", patterns: [/^sensitive personal information\b/] },
];

/** A line that opens the list of categories sold, or shared (CPRA: cross-context behavioural advertising). */
export const CCPA_LIST_HEADINGS: readonly { mark: "sold" | "shared"; patterns: readonly RegExp[] }[] = [
  { mark: "sold", patterns: [/\b(sold|sell) the following categories of personal information\b/] },
  { mark: "shared", patterns: [/\bshared the following categories of personal information\b/, /\bshare the following categories of personal information\b.{0,60}\b(cross-context|behavio(u)?ral)\b/] },
];

/** Abbreviations that end with a full stop without ending a sentence. */
export const ABBREVIATIONS: readonly string[] = ["u.s.", "u.k.", "e.g.", "i.e.", "inc.", "ltd.", "co.", "corp.", "no.", "art.", "arts.", "civ.", "cal.", "b.v.", "srl.", "st.", "etc.", "vs.", "mr.", "ms.", "dr."];

/** Names a notice may use for a country or region beside its English name (ISO 3166-1 alpha-2). */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ["united states", "u.s.", "usa", "u.s.a.", "america"],
  GB: ["united kingdom", "u.k.", "great britain", "britain", "england"],
  KR: ["south korea", "republic of korea", "korea"],
  CH: ["switzerland", "swiss"],
  NL: ["netherlands", "holland"],
  CZ: ["czech republic", "czechia"],
  AE: ["united arab emirates", "uae"],
};

/** Regions a notice may name, each standing for its countries (EEA: the EU 27 plus Iceland, Liechtenstein, Norway). */
export const REGIONS: readonly { label: string; patterns: readonly RegExp[]; countries: readonly string[] }[] = [
  {
    label: "European Economic Area",
    patterns: [/\beuropean economic area\b/, /\beea\b/, /\beuropean union\b/, /\bthe eu\b/],
    countries: ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"],
  },
];
