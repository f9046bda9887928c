/**
 * The check of a published notice: its claims (./claims.ts) compared with the registry facts of a date.
 * Pure. Every finding quotes the sentence it is about (or says what is missing) and links to the registry
 * rows behind it.
 */
import { ccpaCategoriesWith, DATA_CATEGORY_TO_CCPA } from "./ccpa";
import {
  CCPA_CATEGORY_LABELS,
  CLAIM_RULES_VERSION,
  COUNTRY_ALIASES,
  MECHANISM_IDS,
  MECHANISM_LABELS,
  MECHANISM_RULES,
  RECIPIENT_CATEGORY_LABELS,
  REGIONS,
  type CcpaCategoryId,
  type MechanismId,
  type RecipientCategoryId,
} from "./claim-rules";
import { extractClaims, mentionsCountry, type Claim, type NoticeSentence } from "./claims";
import { ccpaSection, countryName } from "./generate";
import type { RegistryFacts, RegistryLink } from "./types";

export const FINDING_SEVERITIES = ["error", "warning", "info", "ok"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_KINDS = [
  "mechanism_matches",
  "historical_accepted",
  "historical_contradicted",
  "mechanism_not_in_use",
  "mechanism_undisclosed",
  "safeguard_copy_present",
  "safeguard_copy_missing",
  "country_unmentioned",
  "recipient_matches",
  "recipient_generic_only",
  "recipient_undisclosed",
  "recipient_not_in_registry",
  "recipient_unregistered",
  "ccpa_matches",
  "ccpa_undisclosed",
  "ccpa_not_in_registry",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Readonly<Record<FindingKind, string>> = {
  mechanism_matches: "Mechanism matches the registry",
  historical_accepted: "Historical statement, accurate",
  historical_contradicted: "Historical statement contradicted by the registry",
  mechanism_not_in_use: "Mechanism claimed but not in use",
  mechanism_undisclosed: "Mechanism in use but not disclosed",
  safeguard_copy_present: "How to obtain a copy of the safeguards",
  safeguard_copy_missing: "No way to obtain a copy of the safeguards",
  country_unmentioned: "Destination country not mentioned",
  recipient_matches: "Recipient category matches the registry",
  recipient_generic_only: "Recipient category covered only in general terms",
  recipient_undisclosed: "Recipient category in the registry, not in the notice",
  recipient_not_in_registry: "Recipient category in the notice, not in the registry",
  recipient_unregistered: "Recipient category the registry does not track",
  ccpa_matches: "CCPA table matches the registry",
  ccpa_undisclosed: "CCPA category sold or shared, not in the notice",
  ccpa_not_in_registry: "CCPA category in the notice, not sold or shared in the registry",
};

export const FINDING_SEVERITY_LABELS: Readonly<Record<FindingSeverity, string>> = { error: "Error", warning: "Warning", info: "Note", ok: "Matches" };

export interface Finding {
  kind: FindingKind;
  severity: FindingSeverity;
  /** What the finding is about: a mechanism, a country, a recipient category, a CCPA category. */
  subject: string;
  message: string;
  /** The notice's sentence, as written; null when the finding is about something the notice does not say. */
  quote: string | null;
  line: number | null;
  links: RegistryLink[];
}

export interface NoticeCheck {
  asOf: string;
  rulesVersion: string;
  claims: number;
  findings: Finding[];
  counts: Record<FindingSeverity, number>;
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2, ok: 3 };
const ART46: readonly MechanismId[] = ["eu_scc", "uk_addendum", "uk_idta", "swiss_scc", "bcr", "code_of_conduct", "certification", "ad_hoc_clauses"];
/** Mechanisms a mention of the EU SCCs partly covers (the UK Addendum and the Swiss adaptations amend them). */
const SCC_VARIANTS: readonly MechanismId[] = ["uk_addendum", "swiss_scc"];

/** The longest quote a finding carries (a notice without full stops can make one "sentence" of a whole page). */
export const MAX_QUOTE = 600;
const quoteOf = (s: NoticeSentence | undefined) => (s ? { quote: s.text.length > MAX_QUOTE ? `${s.text.slice(0, MAX_QUOTE - 1)}…` : s.text, line: s.line } : { quote: null, line: null });

function recipientQuery(category: RecipientCategoryId): string {
  const [relationship, sub] = category.split(":") as [string, string | undefined];
  if (relationship === "service_provider" && sub) return `/parties?relationship=service_provider&category=${sub}`;
  return `/parties?relationship=${relationship}`;
}

/** Compares the notice's text with the registry facts of `facts.asOf`. */
export function checkNoticeText(text: string, facts: RegistryFacts): NoticeCheck {
  const claims = extractClaims(text);
  const findings: Finding[] = [];
  const normText = text.replace(/\s+/g, " ").toLowerCase();

  // --- Mechanisms ---------------------------------------------------------------------------------------------
  const inUse = new Map<MechanismId, { transfers: number; destinations: Set<string>; sample: string }>();
  for (const fact of facts.mechanisms) {
    const entry = inUse.get(fact.mechanism) ?? { transfers: 0, destinations: new Set<string>(), sample: fact.sampleTransferId };
    entry.transfers += fact.transfers;
    entry.destinations.add(fact.destination);
    if (fact.sampleTransferId < entry.sample) entry.sample = fact.sampleTransferId;
    inUse.set(fact.mechanism, entry);
  }
  const mechanismLinks = (id: MechanismId): RegistryLink[] => {
    const use = inUse.get(id);
    if (!use) return [];
    return [
      { label: `Transfer ${use.sample}`, href: `/transfers/${encodeURIComponent(use.sample)}` },
      ...[...use.destinations].sort().slice(0, 6).map((d) => ({ label: `Transfers to ${countryName(d)}`, href: `/transfers?destination=${d}` })),
    ];
  };
  const mechanismClaims = claims.filter((c): c is Extract<Claim, { kind: "mechanism" }> => c.kind === "mechanism");
  const claimedNow = new Set(mechanismClaims.filter((c) => c.stance !== "historical").map((c) => c.mechanism));
  const hasHistorical = new Set(mechanismClaims.filter((c) => c.stance === "historical").map((c) => c.mechanism));
  const matched = new Set<MechanismId>();
  for (const claim of mechanismClaims) {
    const rule = MECHANISM_RULES.find((r) => r.id === claim.mechanism)!;
    const label = MECHANISM_LABELS[claim.mechanism];
    const use = inUse.get(claim.mechanism);
    const base = { subject: label, ...quoteOf(claim.sentence) };
    if (claim.stance === "historical") {
      if (use) {
        findings.push({ ...base, kind: "historical_contradicted", severity: "error", message: `The notice says this is no longer relied on, but ${use.transfers} transfer(s) rely on it as of ${facts.asOf}.`, links: mechanismLinks(claim.mechanism) });
      } else {
        findings.push({ ...base, kind: "historical_accepted", severity: "ok", message: `Accurate: no transfer in the registry relies on it as of ${facts.asOf}.`, links: [] });
      }
      continue;
    }
    if (use) {
      if (matched.has(claim.mechanism)) continue;
      matched.add(claim.mechanism);
      findings.push({ ...base, kind: "mechanism_matches", severity: "ok", message: `${use.transfers} transfer(s) rely on it as of ${facts.asOf}, to ${[...use.destinations].map(countryName).sort().join(", ")}.`, links: mechanismLinks(claim.mechanism) });
      continue;
    }
    const retired = rule.retiredSince && facts.asOf >= rule.retiredSince ? ` No transfer may rely on it since ${rule.retiredSince}: ${rule.retiredBecause}.` : "";
    let severity: FindingSeverity;
    if (claim.stance === "reliance") severity = retired ? "error" : "warning";
    else if (claim.stance === "certified") severity = "warning";
    else severity = hasHistorical.has(claim.mechanism) ? "info" : retired ? "warning" : "info";
    const how = { reliance: "claims to rely on", certified: "states a certification under", mention: "mentions", historical: "" }[claim.stance];
    findings.push({
      ...base,
      kind: "mechanism_not_in_use",
      severity,
      message: `The notice ${how} this mechanism, but no transfer in the registry relies on it as of ${facts.asOf}.${retired}${claim.stance === "mention" && hasHistorical.has(claim.mechanism) ? " The notice says elsewhere that it is no longer relied on." : ""}`,
      links: [],
    });
  }
  for (const id of MECHANISM_IDS) {
    const use = inUse.get(id);
    if (!use || claimedNow.has(id)) continue;
    const partly = SCC_VARIANTS.includes(id) && claimedNow.has("eu_scc");
    findings.push({
      kind: "mechanism_undisclosed",
      severity: partly ? "info" : "warning",
      subject: MECHANISM_LABELS[id],
      message: `${use.transfers} transfer(s) rely on it as of ${facts.asOf} (to ${[...use.destinations].map(countryName).sort().join(", ")}), but the notice does not name it.${partly ? " The notice names the EU standard contractual clauses, which it amends." : ""}`,
      quote: null,
      line: null,
      links: mechanismLinks(id),
    });
  }
  if (ART46.some((id) => inUse.has(id))) {
    const copy = claims.find((c) => c.kind === "safeguard_copy");
    if (copy) findings.push({ kind: "safeguard_copy_present", severity: "ok", subject: "Copy of the safeguards", message: "The notice says how to obtain a copy of the safeguards (GDPR Art. 13(1)(f)).", ...quoteOf(copy.sentence), links: [] });
    else findings.push({ kind: "safeguard_copy_missing", severity: "warning", subject: "Copy of the safeguards", message: "Transfers rely on safeguards, but the notice does not say how to obtain a copy of them (GDPR Art. 13(1)(f), 14(1)(f)).", quote: null, line: null, links: [{ label: "Safeguards", href: "/safeguards" }] });
  }

  // --- Countries ----------------------------------------------------------------------------------------------
  const destinations = new Map<string, number>();
  for (const f of [...facts.mechanisms, ...facts.unsafeguarded]) destinations.set(f.destination, (destinations.get(f.destination) ?? 0) + f.transfers);
  for (const [code, transfers] of [...destinations].sort(([a], [b]) => a.localeCompare(b))) {
    const names = [countryName(code), ...(COUNTRY_ALIASES[code] ?? [])];
    const region = REGIONS.find((r) => r.countries.includes(code) && r.patterns.some((p) => p.test(normText)));
    if (region || mentionsCountry(normText, names)) continue;
    findings.push({
      kind: "country_unmentioned",
      severity: "warning",
      subject: countryName(code),
      message: `${transfers} restricted transfer(s) go to ${countryName(code)} as of ${facts.asOf}; the notice names neither the country nor a region that contains it.`,
      quote: null,
      line: null,
      links: [{ label: `Transfers to ${countryName(code)}`, href: `/transfers?destination=${code}` }],
    });
  }

  // --- Recipients ---------------------------------------------------------------------------------------------
  const present = new Map(facts.recipients.map((r) => [r.category, r] as const));
  const named = new Map<RecipientCategoryId, NoticeSentence>();
  for (const c of claims) if (c.kind === "recipient" && !named.has(c.category)) named.set(c.category, c.sentence);
  const parentOf = (id: RecipientCategoryId): RecipientCategoryId | null => (id.includes(":") ? (id.split(":")[0] as RecipientCategoryId) : null);
  const presentUnder = (id: RecipientCategoryId) => [...present.keys()].filter((p) => p === id || parentOf(p) === id);
  for (const [id, sentence] of named) {
    const found = presentUnder(id);
    const label = RECIPIENT_CATEGORY_LABELS[id];
    if (found.length > 0) {
      const parties = found.reduce((n, p) => n + present.get(p)!.parties, 0);
      findings.push({ kind: "recipient_matches", severity: "ok", subject: label, message: `${parties} recipient(s) of this category have a live transfer as of ${facts.asOf}.`, ...quoteOf(sentence), links: [{ label: `${label} in the registry`, href: recipientQuery(id) }] });
    } else {
      findings.push({ kind: "recipient_not_in_registry", severity: "info", subject: label, message: `The notice names this category, but no recipient of it has a live transfer in the registry as of ${facts.asOf}.`, ...quoteOf(sentence), links: [{ label: "Parties", href: recipientQuery(id) }] });
    }
  }
  for (const [id, fact] of [...present].sort(([a], [b]) => a.localeCompare(b))) {
    if (named.has(id)) continue;
    const parent = parentOf(id);
    const label = RECIPIENT_CATEGORY_LABELS[id];
    const links = [{ label: `${label} in the registry`, href: recipientQuery(id) }, { label: `Party ${fact.samplePartyId}`, href: `/parties/${encodeURIComponent(fact.samplePartyId)}` }];
    if (parent && named.has(parent)) {
      findings.push({ kind: "recipient_generic_only", severity: "info", subject: label, message: `${fact.parties} recipient(s) of this category have a live transfer as of ${facts.asOf}; the notice covers them only as "${RECIPIENT_CATEGORY_LABELS[parent].toLowerCase()}".`, ...quoteOf(named.get(parent)), links });
    } else {
      findings.push({ kind: "recipient_undisclosed", severity: "warning", subject: label, message: `${fact.parties} recipient(s) of this category have a live transfer as of ${facts.asOf}, but the notice does not name the category.`, quote: null, line: null, links });
    }
  }
  const unregistered = new Set<string>();
  for (const c of claims) {
    if (c.kind !== "unregistered_recipient" || unregistered.has(c.id)) continue;
    unregistered.add(c.id);
    findings.push({ kind: "recipient_unregistered", severity: "info", subject: c.label, message: "The notice names this category of recipients; the registry does not record such recipients as parties, so it cannot confirm it.", ...quoteOf(c.sentence), links: [] });
  }

  // --- CCPA sold / shared -------------------------------------------------------------------------------------
  const { table } = ccpaSection(facts);
  for (const mark of ["sold", "shared"] as const) {
    const registry = ccpaCategoriesWith(table, mark);
    const lists = claims.filter((c): c is Extract<Claim, { kind: "ccpa_list" }> => c.kind === "ccpa_list" && c.mark === mark);
    const notice = new Set<CcpaCategoryId>(lists.flatMap((l) => l.categories));
    const heading = lists[0]?.sentence;
    const partyLinks = (category: CcpaCategoryId): RegistryLink[] => {
      const ids = new Set<string>();
      for (const f of facts.ccpa) if (f.marks.includes(mark) && (DATA_CATEGORY_TO_CCPA[f.dataCategory] ?? []).includes(category)) ids.add(f.samplePartyId);
      return [...ids].sort().slice(0, 5).map((id) => ({ label: `Party ${id}`, href: `/parties/${encodeURIComponent(id)}` }));
    };
    const both = registry.filter((c) => notice.has(c));
    if (both.length > 0) {
      findings.push({ kind: "ccpa_matches", severity: "ok", subject: `Categories ${mark}`, message: `The notice and the registry agree that these categories were ${mark}: ${both.map((c) => CCPA_CATEGORY_LABELS[c]).join("; ")}.`, ...quoteOf(heading), links: both.flatMap(partyLinks).slice(0, 5) });
    }
    for (const c of registry.filter((c) => !notice.has(c))) {
      findings.push({
        kind: "ccpa_undisclosed",
        severity: "error",
        subject: CCPA_CATEGORY_LABELS[c],
        message: `In the 12 months to ${facts.asOf} the registry marks this category ${mark} (parties with the CCPA ${mark === "sold" ? "sale" : "share"} flag), but ${heading ? "the notice's list of categories " + mark + " does not include it" : "the notice has no list of categories " + mark}.`,
        ...quoteOf(heading),
        links: partyLinks(c),
      });
    }
    for (const c of [...notice].filter((c) => !registry.includes(c))) {
      findings.push({ kind: "ccpa_not_in_registry", severity: "info", subject: CCPA_CATEGORY_LABELS[c], message: `The notice lists this category as ${mark}, but no party in the registry with the CCPA ${mark === "sold" ? "sale" : "share"} flag received it in the 12 months to ${facts.asOf}.`, ...quoteOf(heading), links: [] });
    }
  }

  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.line ?? Infinity) - (b.line ?? Infinity));
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0, ok: 0 };
  for (const f of findings) counts[f.severity]++;
  return { asOf: facts.asOf, rulesVersion: CLAIM_RULES_VERSION, claims: claims.length, findings, counts };
}
