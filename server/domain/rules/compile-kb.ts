/**
 * Compiles a knowledge base into per-regime, per-country indexes so that evaluating one transfer is a few
 * map lookups and string comparisons. Compile once, evaluate many.
 */
import { addDays } from "../dates";
import { frozenList, NO_ISSUES, type Basis, type Issue, type SharedVerdictParts } from "./types";
import {
  REGIMES,
  type AdequacyEntry,
  type AreaMembershipEntry,
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
} from "../kb/types";

/** Sentinels so open ranges compare as plain strings. */
export const OPEN_START = "0000-01-01";
export const OPEN_END = "9999-12-31";

export interface CompiledArea {
  entry: AreaMembershipEntry;
  from: string;
  to: string;
  /** `member`/`transition` put exporters under the regime; `bridge` only affects destinations. */
  coversExporters: boolean;
  /** Sentence for verdict reasons. */
  reason: string;
  /** Shared, frozen verdict parts (no allocation per verdict). */
  basis: Readonly<Basis>;
  unconfirmedIssue: Readonly<Issue> | null;
  /** Basis, issues and reasons of every `not_restricted` verdict resting on this membership, shared and frozen. */
  verdictParts: Readonly<SharedVerdictParts>;
}

export interface CompiledFramework {
  entry: FrameworkEntry;
  from: string;
  to: string;
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
  /** e.g. "Commission Implementing Decision (EU) 2019/419 (GDPR Art. 45(3)) finds Japan adequate". */
  reason: string;
  /** Shared, frozen verdict parts (no allocation per verdict). */
  basis: Readonly<Basis>;
  unconfirmedIssue: Readonly<Issue> | null;
  /** For partial decisions without a framework: the `adequacy_scope_condition` issue. */
  scopeIssue: Readonly<Issue> | null;
}

export interface CompiledWindow extends InstrumentWindow {
  from: string;
  lastSign: string;
  until: string;
  /** Reason sentence parts per module key (0 for the old sets): `prefix + signed + suffix + safeguard id + ").` */
  reasonPrefix: Map<number, string>;
  reasonSuffix: string;
}

export interface CompiledInstrument {
  entry: InstrumentEntry;
  windows: Partial<Record<RegimeId, CompiledWindow>>;
  /** Module number (2021/914) → roles; for the old sets, the single roles pair under key 0. */
  modules: Map<number, InstrumentModule>;
}

export interface CompiledKnowledgeBase {
  kb: KnowledgeBase;
  regimes: Map<RegimeId, RegimeEntry>;
  /** Country → intervals in which an exporter there is under a regime. */
  exporterRegimes: Map<string, { regime: RegimeId; from: string; to: string; area: CompiledArea }[]>;
  /** Regime → destination → memberships (incl. bridges). */
  areas: Record<RegimeId, Map<string, CompiledArea[]>>;
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
  /** Every day on which some knowledge-base fact starts or stops applying, sorted, unique. */
  boundaryDates: string[];
}

function startOf(date: string | null): string {
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

function createRegimeRecord<T>(create: () => T): Record<RegimeId, T> {
  return { EU: create(), UK: create(), CH: create() };
}

function describeArea(entry: AreaMembershipEntry, regime: RegimeEntry | undefined): string {
  const title = regime?.title ?? entry.regime;
  if (entry.membership === "bridge") {
    return `${entry.countryName} is treated as inside the ${title} area ${entry.from ?? "…"}..${entry.to ?? "…"} (${entry.id}): ${entry.notes ?? "interim bridge"}`;
  }
  return `${entry.countryName} (${entry.country}) is inside the ${title} area (${entry.id}); no transfer rules apply.`;
}

/** Kept short: it is in every adequate verdict. The full scope text goes into the scope issue. */
function describeAdequacy(entry: AdequacyEntry): string {
  const scope = entry.framework ? ` for recipients certified under ${entry.framework}` : entry.scope === "full" ? "" : ` (partial: ${entry.scopeCode})`;
  return `${entry.instrument} (${entry.legalBasis}) finds ${entry.destinationName} adequate${scope}`;
}

/** The first clause of a scope text (up to ";" or " ("): the full text stays on the knowledge-base entry. */
function summariseScope(scopeText: string): string {
  const cut = scopeText.search(/;| \(/);
  return cut > 0 ? scopeText.slice(0, cut) : scopeText;
}

function createUnconfirmedIssue(entry: { id: string; unconfirmed?: string }): Readonly<Issue> | null {
  return entry.unconfirmed
    ? Object.freeze({ code: "unconfirmed_source", severity: "info", message: `Rests on ${entry.id}, marked UNCONFIRMED.` })
    : null;
}

/** Collects the days on which facts change: each start, and the day after each (inclusive) end. */
function collectBoundaryDates(kb: KnowledgeBase): string[] {
  const dates = new Set<string>();
  const addStart = (d: string | null) => {
    if (d) dates.add(d);
  };
  const addEnd = (d: string | null) => {
    if (d) dates.add(addDays(d, 1));
  };
  for (const a of kb.area_membership) {
    addStart(a.from);
    addEnd(a.to);
  }
  for (const a of kb.adequacy) {
    addStart(a.effectiveFrom);
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

/** Builds the indexes the evaluator uses. Pure; call once per knowledge-base version. */
export function compileKnowledgeBase(kb: KnowledgeBase): CompiledKnowledgeBase {
  const regimes = new Map(kb.regime.map((r) => [r.regime, r] as const));

  const exporterRegimes: CompiledKnowledgeBase["exporterRegimes"] = new Map();
  const areas = createRegimeRecord(() => new Map<string, CompiledArea[]>());
  for (const entry of kb.area_membership) {
    const reason = describeArea(entry, regimes.get(entry.regime));
    const basis: Readonly<Basis> = Object.freeze({ type: entry.membership === "bridge" ? "bridge" : "area", ref: entry.id });
    const unconfirmedIssue = createUnconfirmedIssue(entry);
    const area: CompiledArea = {
      entry,
      from: startOf(entry.from),
      to: endOf(entry.to),
      coversExporters: entry.membership !== "bridge",
      reason,
      basis,
      unconfirmedIssue,
      verdictParts: Object.freeze({
        basis: frozenList([basis]),
        issues: unconfirmedIssue === null ? NO_ISSUES : frozenList([unconfirmedIssue]),
        reasons: frozenList([reason]),
      }),
    };
    pushTo(areas[entry.regime], entry.country, area);
    if (area.coversExporters) pushTo(exporterRegimes, entry.country, { regime: entry.regime, from: area.from, to: area.to, area });
  }

  const frameworks = new Map<FrameworkId, CompiledFramework>();
  const frameworksByRegime = createRegimeRecord((): CompiledFramework[] => []);
  for (const entry of kb.framework) {
    const compiled: CompiledFramework = {
      entry,
      from: startOf(entry.from),
      to: endOf(entry.to),
      invalidated: entry.endReason === "invalidated" || entry.endReason === "not_adequate",
      certificationOnlyIssue: Object.freeze({
        code: "certification_only",
        severity: "warning",
        message: `The ${entry.framework} certification is the only cover; if it lapses or the framework falls, nothing covers the transfer (consider fallback SCCs).`,
      }),
      certificationBasis: Object.freeze({ type: "certification", ref: entry.framework }),
      invalidatedMessage:
        entry.to === null
          ? ""
          : `${entry.title} is no transfer basis under the ${entry.regime} regime from ${addDays(entry.to, 1)} (${entry.endReason === "not_adequate" ? "found not adequate" : "invalidated"}${entry.notes ? `: ${entry.notes}` : ""})`,
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
    pushTo(adequacy[entry.regime], entry.destination, {
      entry, from, to, coverEnd: to, framework, reason: describeAdequacy(entry),
      basis: Object.freeze({ type: "adequacy", ref: entry.id }),
      unconfirmedIssue: createUnconfirmedIssue(entry),
      scopeIssue:
        entry.scope === "partial" && framework === null
          ? Object.freeze({
              code: "adequacy_scope_condition",
              severity: "info",
              message: `Partial adequacy (${entry.scopeCode}): only ${summariseScope(entry.scopeText)}; check that the recipient is in scope.`,
            })
          : null,
    });
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
      const extra = w.requires === "uk_addendum" ? " with the UK Addendum" : w.requires === "swiss_adaptations" ? " with the Swiss adaptations" : "";
      const reasonPrefix = new Map<number, string>();
      for (const [key, m] of modules) reasonPrefix.set(key, `${entry.title}, ${m.module === null ? `(${m.label})` : m.label}${extra}, signed `);
      windows[w.regime] = {
        ...w, from: startOf(w.usableFrom), lastSign: endOf(w.lastSignDate), until: endOf(w.validUntil),
        reasonPrefix, reasonSuffix: `, covers this transfer under ${w.legalBasis} (`,
      };
    }
    const compiled: CompiledInstrument = { entry, windows, modules };
    if (entry.instrumentType === "scc" && entry.version) sccByVersion.set(entry.version, compiled);
    else instrumentsByType.set(entry.instrumentType, compiled);
  }

  return {
    kb,
    regimes,
    exporterRegimes,
    areas,
    adequacy,
    frameworkDestinations,
    frameworksByRegime,
    frameworks,
    sccByVersion,
    instrumentsByType,
    derogations: new Map(kb.derogation.map((d) => [d.basis, d] as const)),
    boundaryDates: collectBoundaryDates(kb),
  };
}
