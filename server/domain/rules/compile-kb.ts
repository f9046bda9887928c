/**
 * Compiles a knowledge base into per-regime, per-country indexes so that evaluating one transfer is a few
 * map lookups and string comparisons. Compile once, evaluate many.
 *
 * Citations follow the date: each regime has a current law and the law before it (Directive 95/46/EC before
 * 2018-05-25, in IS, LI and NO before 2018-07-20; the FADP of 1992 before 2023-09-01; UK GDPR before the Data
 * (Use and Access) Act 2025 took effect on 2026-02-05). Everything a verdict cites is compiled twice, once per
 * {@link Era}, and the evaluator picks the era of the exporter's country on the date.
 */
import { addDays } from "../dates";
import { FRAMEWORK_LABELS } from "../labels";
import { frozenList, NO_ISSUES, type Basis, type BasisType, type Issue, type KnowledgeBaseInfo, type SharedVerdictParts } from "./types";
import {
  REGIMES,
  type AdequacyEntry,
  type AreaMembershipEntry,
  type Citation,
  type DerogationBasis,
  type DerogationEntry,
  type FrameworkEntry,
  type FrameworkId,
  type InstrumentEntry,
  type InstrumentModule,
  type InstrumentType,
  type InstrumentWindow,
  type KnowledgeBase,
  type RegimeEntry,
  type RegimeId,
  type RegimeProvisions,
} from "../kb/types";

/** Sentinels so open ranges compare as plain strings. */
export const OPEN_START = "0000-01-01";
export const OPEN_END = "9999-12-31";

/** 0: the law before the regime's `currentLawFrom`; 1: the current law. */
export type Era = 0 | 1;
export const FORMER_LAW: Era = 0;
export const CURRENT_LAW: Era = 1;
/** A value per era, indexed by {@link Era}. */
export type PerEra<T> = readonly [former: T, current: T];

/** What verdicts say when the knowledge base does not say which version it is. */
export const UNVERSIONED_KNOWLEDGE_BASE: KnowledgeBaseInfo = Object.freeze({ version: "unversioned", checkedUpTo: null });

export interface CompiledRegime {
  regime: RegimeId;
  entry: RegimeEntry | null;
  /** "EU/EEA GDPR". */
  title: string;
  /** First day of the current law (OPEN_START when the entry does not say). */
  currentLawFrom: string;
  /** The law's name per era, e.g. ["Directive 95/46/EC", "Regulation (EU) 2016/679 (GDPR)…"]. */
  lawName: PerEra<string>;
  lawUri: PerEra<string>;
  notRestricted: PerEra<Citation>;
  assessment: PerEra<Citation>;
  /** The shared basis list of `unsafeguarded` verdicts: the regime's transfer rules (GDPR Art. 44 and 46(1)). */
  unsafeguardedBasis: PerEra<Basis[]>;
  /** Last reason of an `unsafeguarded` verdict with no safeguard listed / after the failed ones, citing the rules. */
  noSafeguardReason: PerEra<string>;
  nothingElseReason: PerEra<string>;
  /** First day a missing transfer impact assessment is an issue (OPEN_START when not set). */
  assessmentRequiredFrom: string;
  /** The shared `tia_missing` issue, per era. */
  tiaMissingIssue: PerEra<Readonly<Issue>>;
}

export interface CompiledArea {
  entry: AreaMembershipEntry;
  from: string;
  to: string;
  /** `member`/`transition` put exporters under the regime; `bridge` and `undetermined` do not. */
  coversExporters: boolean;
  /** First day exporters here are under the regime's current law (the membership's override, else the regime's). */
  currentLawFrom: string;
  /** Sentence for verdict reasons, per era. */
  reason: PerEra<string>;
  /** Shared, frozen verdict parts (no allocation per verdict). */
  basis: PerEra<Readonly<Basis>>;
  unconfirmedIssue: Readonly<Issue> | null;
  /** Basis, issues and reasons of every `not_restricted` verdict resting on this membership, shared and frozen. */
  verdictParts: PerEra<Readonly<SharedVerdictParts>>;
}

export interface CompiledFramework {
  entry: FrameworkEntry;
  from: string;
  to: string;
  /** "EU-U.S. Data Privacy Framework". */
  label: string;
  /** The framework stopped being a basis because it was invalidated / found not adequate. */
  invalidated: boolean;
  /** For invalidated frameworks: sentence used in `invalidated_framework` issues. */
  invalidatedMessage: string;
  /** Shared, frozen `certification_only` issue and certification basis (they are in most US verdicts). */
  certificationOnlyIssue: Readonly<Issue>;
  certificationBasis: Readonly<Basis>;
}

export interface CompiledAdequacy {
  entry: AdequacyEntry;
  /** Effective window, intersected with the framework's window for US decisions. */
  from: string;
  to: string;
  /** Last day of uninterrupted cover by this entry and the ones that follow it without a gap (UK renewals). */
  coverEnd: string;
  framework: CompiledFramework | null;
  /** "Japan (JP) is adequate … (GDPR Art. 45(3))", per era, without the final full stop. */
  reason: PerEra<string>;
  /** `reason` with its full stop: the first reason of an adequate verdict that adds nothing to it. */
  reasonSentence: PerEra<string>;
  /** For decisions that need a certification: "…covers only organisations certified under …", per era. */
  certificationCondition: PerEra<string>;
  /** `certificationCondition`, then "and the recipient holds no such active certification." */
  noCertificationReason: PerEra<string>;
  /** "<reason>; the recipient is certified since <date>.", per era, per certification date, built as needed. */
  certifiedReasons: PerEra<Map<string, string>>;
  /** For partial decisions: the scope in a few words. */
  scopeSummary: string;
  /** Shared, frozen verdict parts (no allocation per verdict). */
  basis: PerEra<Readonly<Basis>>;
  unconfirmedIssue: Readonly<Issue> | null;
  /** For partial decisions without a framework: the `adequacy_scope_condition` issue. */
  scopeIssue: Readonly<Issue> | null;
}

export interface CompiledWindow extends InstrumentWindow {
  from: string;
  lastSign: string;
  until: string;
  /** Reason sentence parts per module key (0 for the old sets): `prefix + signed + suffix`. */
  reasonPrefix: Map<number, string>;
  reasonSuffix: PerEra<string>;
  /**
   * The SCC sentences built so far, per era and module key (`era * 5 + key`), per signing date: thousands of
   * transfers rely on contracts signed on the same day, and one shared string is built (and written) once.
   */
  sccReasons: Map<string, string>[];
  /** The official reference a basis entry on this instrument carries under this regime, per era. */
  citation: PerEra<string>;
  uri: PerEra<string>;
}

export interface CompiledInstrument {
  entry: InstrumentEntry;
  windows: Partial<Record<RegimeId, CompiledWindow>>;
  /** Module number (2021/914) → roles; for the old sets, the single roles pair under key 0. */
  modules: Map<number, InstrumentModule>;
}

export interface CompiledKnowledgeBase {
  kb: KnowledgeBase;
  /** Version and "checked up to" day, for the verdicts document. */
  info: KnowledgeBaseInfo;
  regimes: Map<RegimeId, RegimeEntry>;
  compiledRegimes: Record<RegimeId, CompiledRegime>;
  /** Country → intervals in which an exporter there is under a regime. */
  exporterRegimes: Map<string, { regime: RegimeId; from: string; to: string; area: CompiledArea }[]>;
  /** Regime → destination → memberships (incl. bridges). */
  areas: Record<RegimeId, Map<string, CompiledArea[]>>;
  /** Countries the knowledge base leaves for the DPO to decide (Svalbard and Jan Mayen): the warning to raise. */
  undeterminedTerritories: Map<string, Readonly<Issue>>;
  /** Regime → destination → adequacy entries, sorted by start. */
  adequacy: Record<RegimeId, Map<string, CompiledAdequacy[]>>;
  /** Destinations for which some decision of the regime depends on a framework certification (the US). */
  frameworkDestinations: Record<RegimeId, Set<string>>;
  /** Frameworks recognised by each regime. */
  frameworksByRegime: Record<RegimeId, CompiledFramework[]>;
  frameworks: Map<FrameworkId, CompiledFramework>;
  sccByVersion: Map<string, CompiledInstrument>;
  instrumentsByType: Map<InstrumentType, CompiledInstrument>;
  derogations: Map<DerogationBasis, DerogationEntry>;
  /** The basis of `not_restricted` verdicts of exporters under no regime: the regimes' territorial scope. */
  outsideRegimesBasis: Basis[];
  /** Every day on which some knowledge-base fact starts or stops applying, sorted, unique. */
  boundaryDates: string[];
}

function startOf(date: string | null | undefined): string {
  return date ?? OPEN_START;
}

function endOf(date: string | null): string {
  return date ?? OPEN_END;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function createRegimeRecord<T>(create: (regime: RegimeId) => T): Record<RegimeId, T> {
  return { EU: create("EU"), UK: create("UK"), CH: create("CH") };
}

function freezeBasis(type: BasisType, ref: string, citation: string, uri: string): Readonly<Basis> {
  return Object.freeze({ type, ref, citation, uri });
}

const MISSING_PROVISION: Citation = { text: "", uri: null };

/** A regime's provision for an era: the former one when given, else the current one, else a generic article. */
function provisionOf(entry: RegimeEntry | null, era: Era, key: keyof RegimeProvisions, fallback: string): Citation {
  const former = era === FORMER_LAW ? entry?.formerProvisions?.[key] : undefined;
  const citation = former ?? entry?.provisions?.[key] ?? MISSING_PROVISION;
  return citation.text === "" ? { text: fallback, uri: entry?.lawUri ?? null } : citation;
}

function compileRegime(regime: RegimeId, entry: RegimeEntry | null): CompiledRegime {
  const title = entry?.title ?? regime;
  const currentUri = entry?.lawUri ?? "";
  const lawUri: PerEra<string> = [entry?.formerLawUri ?? currentUri, currentUri];
  const lawName: PerEra<string> = [entry?.formerLaw ?? entry?.law ?? title, entry?.law ?? title];
  const perEra = <T>(f: (era: Era) => T): PerEra<T> => [f(FORMER_LAW), f(CURRENT_LAW)];
  const unsafeguarded = perEra((era) => provisionOf(entry, era, "unsafeguarded", `${title}: transfer rules`));
  return {
    regime,
    entry,
    title,
    currentLawFrom: startOf(entry?.currentLawFrom),
    lawName,
    lawUri,
    notRestricted: perEra((era) => provisionOf(entry, era, "notRestricted", `${title}: transfer rules`)),
    assessment: perEra((era) => provisionOf(entry, era, "transferAssessment", "CJEU C-311/18 Schrems II; SCC Clause 14")),
    unsafeguardedBasis: perEra((era) =>
      frozenList([freezeBasis("law", entry?.id ?? `regime-${regime.toLowerCase()}`, unsafeguarded[era].text, unsafeguarded[era].uri ?? lawUri[era])]),
    ),
    noSafeguardReason: perEra((era) => `No safeguard is listed for this transfer, so it is not allowed: ${unsafeguarded[era].text}.`),
    nothingElseReason: perEra((era) => `Nothing else covers it, so it is not allowed: ${unsafeguarded[era].text}.`),
    assessmentRequiredFrom: startOf(entry?.assessmentRequiredFrom),
    tiaMissingIssue: perEra((era) =>
      Object.freeze({
        code: "tia_missing",
        severity: "warning",
        message: `No transfer impact assessment is recorded; one is required when relying on an Art. 46 safeguard: ${provisionOf(entry, era, "transferAssessment", "CJEU C-311/18 Schrems II; SCC Clause 14").text}.`,
      } satisfies Issue),
    ),
  };
}

function joinReference(...parts: (string | null | undefined)[]): string {
  return parts.filter((p): p is string => Boolean(p)).join(", ");
}

/**
 * An instrument's name as cited: without the Commission's C(yyyy) document number and a trailing nickname in
 * brackets, which the official reference makes redundant ("Commission Implementing Decision (EU) 2023/1795,
 * C(2023) 4745 (EU-U.S. Data Privacy Framework)" → "Commission Implementing Decision (EU) 2023/1795").
 */
export function citedInstrumentName(instrument: string): string {
  return instrument.replace(/, C\(\d{4}\) \d+/, "").replace(/ \([^()]*\)$/, "");
}

function describeArea(entry: AreaMembershipEntry, regime: CompiledRegime, era: Era): string {
  const provision = regime.notRestricted[era].text;
  if (entry.membership === "bridge") {
    return `${entry.countryName} (${entry.country}) is treated as inside the ${regime.title} area as a destination from ${entry.from ?? "the start"} to ${entry.to ?? "further notice"}: ${entry.reference ?? "interim bridge"}.`;
  }
  const when = entry.membership === "transition" && entry.to ? ` until ${entry.to}, the end of the transition period` : "";
  return `${entry.countryName} (${entry.country}) is inside the ${regime.title} area${when}, so no transfer rules apply: ${provision}.`;
}

/** The first clause of a scope text (up to ";" or " ("): the full text stays on the knowledge-base entry. */
function summariseScope(scopeText: string): string {
  const cut = scopeText.search(/;| \(/);
  return cut > 0 ? scopeText.slice(0, cut) : scopeText;
}

/** "Rests on … which the knowledge base marks unconfirmed": names the fact, never the entry's id. */
function createUnconfirmedIssue(entry: { unconfirmed?: string }, what: string): Readonly<Issue> | null {
  return entry.unconfirmed
    ? Object.freeze({ code: "unconfirmed_source", severity: "info", message: `Rests on ${what}, marked unconfirmed in the knowledge base.` })
    : null;
}

/** Collects the days on which facts change: each start, and the day after each (inclusive) end. */
function collectBoundaryDates(kb: KnowledgeBase): string[] {
  const dates = new Set<string>();
  const addStart = (d: string | null | undefined) => {
    if (d) dates.add(d);
  };
  const addEnd = (d: string | null) => {
    if (d) dates.add(addDays(d, 1));
  };
  for (const r of kb.regime) {
    addStart(r.currentLawFrom);
    addStart(r.assessmentRequiredFrom);
  }
  for (const a of kb.area_membership) {
    addStart(a.from);
    addEnd(a.to);
    addStart(a.currentLawFrom);
  }
  for (const a of kb.adequacy) {
    addStart(a.effectiveFrom ?? a.adopted);
    addEnd(a.endDate);
  }
  for (const f of kb.framework) {
    addStart(f.from);
    addEnd(f.to);
  }
  for (const i of kb.instrument)
    for (const w of i.windows) {
      addStart(w.usableFrom);
      addEnd(w.validUntil);
    }
  return [...dates].sort();
}

function compileAdequacy(entry: AdequacyEntry, regime: CompiledRegime, framework: CompiledFramework | null, from: string, to: string): CompiledAdequacy {
  const place = entry.destination.startsWith("org:") ? entry.destinationName : `${entry.destinationName} (${entry.destination})`;
  const scopeSummary = summariseScope(entry.scopeText);
  const perEra = <T>(f: (era: Era) => T): PerEra<T> => [f(FORMER_LAW), f(CURRENT_LAW)];
  const legalBasis = perEra((era) => (era === FORMER_LAW ? (entry.formerLegalBasis ?? entry.legalBasis) : entry.legalBasis));
  const instrument = perEra((era) => (era === FORMER_LAW ? (entry.formerInstrument ?? entry.instrument) : entry.instrument));
  const uri = perEra((era) => (era === FORMER_LAW && entry.formerInstrument !== undefined ? entry.formerInstrumentUri : entry.instrumentUri) ?? regime.lawUri[era]);
  const scope = framework
    ? ` for organisations certified under the ${framework.label}`
    : entry.scope === "partial"
      ? " within the decision's scope"
      : "";
  // The sentences verdicts repeat are built here once: a string built per verdict is built again, and flattened
  // again when the verdicts are written, for every one of 100k transfers.
  const reason = perEra((era) => `${place} is adequate${scope}: ${legalBasis[era]}`);
  const certificationCondition = perEra((era) =>
    framework
      ? `${place}: ${instrument[era]}, ${legalBasis[era]}, covers only organisations certified under the ${framework.label}${
          framework.entry.requires ? ` together with the ${FRAMEWORK_LABELS[framework.entry.requires]}` : ""
        }`
      : "",
  );
  return {
    entry,
    from,
    to,
    coverEnd: to,
    framework,
    reason,
    reasonSentence: perEra((era) => `${reason[era]}.`),
    certificationCondition,
    noCertificationReason: perEra((era) => (framework ? `${certificationCondition[era]}, and the recipient holds no such active certification.` : "")),
    certifiedReasons: perEra(() => new Map<string, string>()),
    scopeSummary,
    basis: perEra((era) =>
      freezeBasis(
        "adequacy",
        entry.id,
        `${joinReference(citedInstrumentName(instrument[era]), era === CURRENT_LAW || entry.formerInstrument === undefined ? entry.officialReference : undefined)}; ${legalBasis[era]}`,
        uri[era],
      ),
    ),
    unconfirmedIssue: createUnconfirmedIssue(entry, `the adequacy decision for ${entry.destinationName}`),
    scopeIssue:
      entry.scope === "partial" && framework === null
        ? Object.freeze({
            code: "adequacy_scope_condition",
            severity: "warning",
            message: `The adequacy decision for ${entry.destinationName} covers only ${scopeSummary}; record whether the recipient is within this scope.`,
          })
        : null,
  };
}

/** Builds the indexes the evaluator uses. Pure; call once per knowledge-base version. */
export function compileKnowledgeBase(kb: KnowledgeBase, info: KnowledgeBaseInfo = UNVERSIONED_KNOWLEDGE_BASE): CompiledKnowledgeBase {
  const regimes = new Map(kb.regime.map((r) => [r.regime, r] as const));
  const compiledRegimes = createRegimeRecord((regime) => compileRegime(regime, regimes.get(regime) ?? null));

  const exporterRegimes: CompiledKnowledgeBase["exporterRegimes"] = new Map();
  const areas = createRegimeRecord(() => new Map<string, CompiledArea[]>());
  const undeterminedTerritories = new Map<string, Readonly<Issue>>();
  for (const entry of kb.area_membership) {
    const regime = compiledRegimes[entry.regime];
    if (entry.membership === "undetermined") {
      undeterminedTerritories.set(
        entry.country,
        Object.freeze({
          code: "territory_undetermined",
          severity: "warning",
          message: `${entry.countryName} (${entry.country}): ${entry.reference ?? entry.notes ?? "its status is not settled"}. The knowledge base does not decide whether it lies inside the ${regime.title} area, so the DPO must decide; it is treated as outside.`,
        }),
      );
      continue;
    }
    const unconfirmedIssue = createUnconfirmedIssue(entry, `the membership of ${entry.countryName} in the ${regime.title} area`);
    const perEra = <T>(f: (era: Era) => T): PerEra<T> => [f(FORMER_LAW), f(CURRENT_LAW)];
    const reason = perEra((era) => describeArea(entry, regime, era));
    const basis = perEra((era) => {
      const provision = regime.notRestricted[era];
      const citation = entry.membership === "bridge" ? (entry.reference ?? provision.text) : `${provision.text}; ${entry.reference ?? `${entry.countryName}, inside the area`}`;
      return freezeBasis(entry.membership === "bridge" ? "bridge" : "area", entry.id, citation, (entry.membership === "bridge" ? entry.referenceUri : provision.uri) ?? regime.lawUri[era]);
    });
    const area: CompiledArea = {
      entry,
      from: startOf(entry.from),
      to: endOf(entry.to),
      coversExporters: entry.membership !== "bridge",
      currentLawFrom: entry.currentLawFrom ?? regime.currentLawFrom,
      reason,
      basis,
      unconfirmedIssue,
      verdictParts: perEra((era) =>
        Object.freeze({
          basis: frozenList([basis[era]]),
          issues: unconfirmedIssue === null ? NO_ISSUES : frozenList([unconfirmedIssue]),
          reasons: frozenList([reason[era]]),
        }),
      ),
    };
    pushTo(areas[entry.regime], entry.country, area);
    if (area.coversExporters) pushTo(exporterRegimes, entry.country, { regime: entry.regime, from: area.from, to: area.to, area });
  }

  const frameworks = new Map<FrameworkId, CompiledFramework>();
  const frameworksByRegime = createRegimeRecord((): CompiledFramework[] => []);
  for (const entry of kb.framework) {
    const label = FRAMEWORK_LABELS[entry.framework] ?? entry.title;
    const regime = compiledRegimes[entry.regime];
    const compiled: CompiledFramework = {
      entry,
      from: startOf(entry.from),
      to: endOf(entry.to),
      label,
      invalidated: entry.endReason === "invalidated" || entry.endReason === "not_adequate",
      certificationOnlyIssue: Object.freeze({
        code: "certification_only",
        severity: "warning",
        message: `Only the ${label} certification covers the transfer; if it lapses or the framework falls, nothing does.`,
      }),
      certificationBasis: freezeBasis("certification", entry.framework, entry.reference ?? label, entry.referenceUri ?? regime.lawUri[CURRENT_LAW]),
      invalidatedMessage:
        entry.to === null
          ? ""
          : `the ${label} is no transfer basis under the ${regime.title} from ${addDays(entry.to, 1)}: ${entry.endReason === "not_adequate" ? "found not adequate" : "invalidated"}`,
    };
    frameworks.set(entry.framework, compiled);
    frameworksByRegime[entry.regime].push(compiled);
  }

  const adequacy = createRegimeRecord(() => new Map<string, CompiledAdequacy[]>());
  const frameworkDestinations = createRegimeRecord(() => new Set<string>());
  for (const entry of kb.adequacy) {
    const framework = entry.framework ? (frameworks.get(entry.framework) ?? null) : null;
    let from = startOf(entry.effectiveFrom ?? entry.adopted);
    let to = endOf(entry.endDate);
    if (framework) {
      if (framework.from > from) from = framework.from;
      if (framework.to < to) to = framework.to;
    }
    if (framework) frameworkDestinations[entry.regime].add(entry.destination);
    pushTo(adequacy[entry.regime], entry.destination, compileAdequacy(entry, compiledRegimes[entry.regime], framework, from, to));
  }
  // Chain consecutive decisions (UK 2021 → 2025 extension → renewal) so "ends soon" looks at the real end.
  for (const regime of REGIMES)
    for (const list of adequacy[regime].values()) {
      list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      for (let i = list.length - 1; i >= 0; i--) {
        const current = list[i]!;
        const next = list[i + 1];
        if (next && current.to !== OPEN_END && next.framework === current.framework && next.from === addDays(current.to, 1)) {
          current.coverEnd = next.coverEnd;
        }
      }
    }

  const sccByVersion = new Map<string, CompiledInstrument>();
  const instrumentsByType = new Map<InstrumentType, CompiledInstrument>();
  for (const entry of kb.instrument) {
    const modules = new Map<number, InstrumentModule>();
    for (const m of entry.modules ?? []) modules.set(m.module ?? 0, m);
    const windows: CompiledInstrument["windows"] = {};
    for (const w of entry.windows) {
      const regime = compiledRegimes[w.regime];
      const extra = w.requires === "uk_addendum" ? " with the UK Addendum" : w.requires === "swiss_adaptations" ? " with the Swiss adaptations" : "";
      const reasonPrefix = new Map<number, string>();
      for (const [key, m] of modules) reasonPrefix.set(key, `${entry.title}${m.module === null ? "" : `, ${m.label}`}${extra}, signed `);
      const legalBasis: PerEra<string> = [w.formerLegalBasis ?? w.legalBasis, w.legalBasis];
      windows[w.regime] = {
        ...w, from: startOf(w.usableFrom), lastSign: endOf(w.lastSignDate), until: endOf(w.validUntil),
        reasonPrefix,
        reasonSuffix: [`, covers this transfer: ${legalBasis[0]}.`, `, covers this transfer: ${legalBasis[1]}.`],
        sccReasons: Array.from({ length: 10 }, () => new Map<string, string>()),
        citation: [`${joinReference(entry.title, entry.officialReference)}; ${legalBasis[0]}`, `${joinReference(entry.title, entry.officialReference)}; ${legalBasis[1]}`],
        uri: [entry.instrumentUri ?? regime.lawUri[FORMER_LAW], entry.instrumentUri ?? regime.lawUri[CURRENT_LAW]],
      };
    }
    const compiled: CompiledInstrument = { entry, windows, modules };
    if (entry.instrumentType === "scc" && entry.version) sccByVersion.set(entry.version, compiled);
    else instrumentsByType.set(entry.instrumentType, compiled);
  }

  const scopes = REGIMES.map((r) => compiledRegimes[r].entry?.provisions?.territorialScope).filter((c): c is Citation => c !== undefined);
  const outsideRegimesBasis = frozenList([
    freezeBasis(
      "scope",
      "outside-regimes",
      scopes.length > 0 ? scopes.map((c) => c.text).join("; ") : "Territorial scope of the EU/EEA GDPR, UK GDPR and Swiss FADP",
      scopes[0]?.uri ?? compiledRegimes.EU.lawUri[CURRENT_LAW],
    ),
  ]);

  return {
    kb,
    info,
    regimes,
    compiledRegimes,
    exporterRegimes,
    areas,
    undeterminedTerritories,
    adequacy,
    frameworkDestinations,
    frameworksByRegime,
    frameworks,
    sccByVersion,
    instrumentsByType,
    derogations: new Map(kb.derogation.map((d) => [d.basis, d] as const)),
    outsideRegimesBasis,
    boundaryDates: collectBoundaryDates(kb),
  };
}
