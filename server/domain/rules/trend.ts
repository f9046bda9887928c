/**
 * The status trend: how many live transfers had each status at each of a series of dates (month-ends), without
 * evaluating every transfer on every date.
 *
 * A transfer's status can only change on a day when some fact it depends on changes (see `coverage.ts`): a
 * knowledge-base boundary date or one of the transfer's own dates (`collectTransferBoundaries`). So between two
 * consecutive points of the series, the status at the later point equals the status at the earlier one unless
 * such a day lies in between; the transfer is evaluated only at the points where one does, and its status is kept
 * as a run (a +1/−1 sweep over the points) otherwise.
 *
 * Most knowledge-base dates concern one regime or one country (a decision for Japan, the Swiss-US Privacy
 * Shield), so each transfer only looks at the dates that can concern it: dates of the regimes its exporter's
 * country can ever be under, and dates about the countries it touches (the exporter's and the recipient's
 * establishment and the destination). Area memberships count for their country under any regime. This is a
 * superset of the days on which the status can change (tested against direct evaluation at every point).
 */
import { addDays } from "../dates";
import type { KnowledgeBase, RegimeId } from "../kb/types";
import type { RegistryTransfer } from "../registry/types";
import type { CompiledKnowledgeBase } from "./compile-kb";
import type { EvaluationContext } from "./context";
import { collectTransferBoundaries } from "./coverage";
import { evaluateTransfer } from "./evaluate-transfer";
import { STATUSES, type Status } from "./types";

/** The regimes of the trend's breakdown; "none" for exporters under no regime on that date. */
export const TREND_REGIMES = ["EU", "UK", "CH", "none"] as const;
export type TrendRegime = (typeof TREND_REGIMES)[number];

/** The last day of every month from `fromMonth` to `toMonth` (both `YYYY-MM`, inclusive). */
export function monthEnds(fromMonth: string, toMonth: string): string[] {
  const out: string[] = [];
  let [y, m] = fromMonth.split("-").map(Number) as [number, number];
  const [ty, tm] = toMonth.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    const ny = m === 12 ? y + 1 : y;
    const nm = m === 12 ? 1 : m + 1;
    out.push(addDays(`${ny}-${String(nm).padStart(2, "0")}-01`, -1));
    y = ny;
    m = nm;
  }
  return out;
}

interface TaggedDate {
  date: string;
  /** null: any regime. */
  regime: RegimeId | null;
  /** null: any country. */
  country: string | null;
  /** A US framework's date: matters only to a recipient holding certifications. */
  framework?: true;
  /** An instrument's date: `scc:<version>` for SCCs, `other` for the rest; matters only to a transfer relying on it. */
  instrument?: string;
}

const taggedCache = new WeakMap<CompiledKnowledgeBase, TaggedDate[]>();

/** Every knowledge-base boundary date with the regime and country it concerns (the same dates as `boundaryDates`). */
function taggedBoundaryDates(ckb: CompiledKnowledgeBase): TaggedDate[] {
  let tagged = taggedCache.get(ckb);
  if (tagged !== undefined) return tagged;
  tagged = [];
  const out = tagged;
  const add = (date: string | null | undefined, regime: RegimeId | null, country: string | null, extra: Partial<TaggedDate> = {}) => {
    if (date) out.push({ date, regime, country, ...extra });
  };
  const end = (date: string | null | undefined) => (date ? addDays(date, 1) : null);
  const kb = ckb.kb;
  for (const r of kb.regime) {
    add(r.currentLawFrom, r.regime, null);
    add(r.assessmentRequiredFrom, r.regime, null);
  }
  for (const a of kb.area_membership) {
    add(a.from, null, a.country);
    add(end(a.to), null, a.country);
    add(a.currentLawFrom, null, a.country);
  }
  for (const a of kb.adequacy) {
    add(a.effectiveFrom ?? a.adopted, a.regime, a.destination);
    add(end(a.endDate), a.regime, a.destination);
  }
  for (const f of kb.framework) {
    add(f.from, f.regime, null, { framework: true });
    add(end(f.to), f.regime, null, { framework: true });
  }
  for (const i of kb.instrument) {
    const instrument = i.instrumentType === "scc" ? `scc:${i.version ?? ""}` : "other";
    for (const w of i.windows) {
      add(w.usableFrom, w.regime, null, { instrument });
      add(end(w.validUntil), w.regime, null, { instrument });
    }
  }
  taggedCache.set(ckb, tagged);
  return tagged;
}

/** Index of the first element of sorted `points` that is > `d` (points.length if none). */
function firstAfter(points: readonly string[], d: string): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]! <= d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of sorted `points` that is >= `d` (points.length if none). */
function firstAtOrAfter(points: readonly string[], d: string): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface StatusTrend {
  dates: string[];
  /** counts[i][regime][status]: live transfers running on dates[i] (inactive ones are left out). */
  counts: Record<TrendRegime, Record<Status, number>>[];
}

const STATUS_INDEX = new Map<Status, number>(STATUSES.map((s, i) => [s, i]));
const REGIME_INDEX = new Map<string, number>(TREND_REGIMES.map((r, i) => [r, i]));
/** Cells of the breakdown: regimes × statuses. */
export const TREND_CELLS = TREND_REGIMES.length * STATUSES.length;

/**
 * A transfer's runs over the points: `[i0, cell0, i1, cell1, …, last]`, where from point `i_k` on the transfer
 * counts in (regime, status) cell `cell_k` (regime index × statuses + status index), until point `last`
 * (exclusive; the first point after its end, or the number of points). Empty when it runs on no point.
 */
export type TransferRuns = number[];

/** Evaluates transfers' runs over a fixed series of points; keep one per evaluation context and series. */
export interface TrendEvaluator {
  dates: readonly string[];
  runsOf(transfer: RegistryTransfer): TransferRuns;
}

/** Adds (`sign` 1) or removes (−1) a transfer's runs to/from a +1/−1 event array of `(dates.length + 1) × TREND_CELLS`. */
export function applyRuns(diff: Int32Array, runs: TransferRuns, sign: 1 | -1): void {
  if (runs.length === 0) return;
  for (let k = 0; k + 1 < runs.length; k += 2) {
    const i = runs[k]!;
    const cell = runs[k + 1]!;
    const until = runs[k + 2]!;
    diff[i * TREND_CELLS + cell]! += sign;
    diff[until * TREND_CELLS + cell]! -= sign;
  }
}

/** An empty event array for `n` points. */
export function emptyTrendEvents(n: number): Int32Array {
  return new Int32Array((n + 1) * TREND_CELLS);
}

/** The counts per point from an event array (a running sum over the points). */
export function countsFromEvents(diff: Int32Array, n: number): StatusTrend["counts"] {
  const running = new Int32Array(TREND_CELLS);
  const counts: StatusTrend["counts"] = [];
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < TREND_CELLS; c++) running[c]! += diff[i * TREND_CELLS + c]!;
    const point = {} as Record<TrendRegime, Record<Status, number>>;
    TREND_REGIMES.forEach((r, ri) => {
      point[r] = Object.fromEntries(STATUSES.map((s, si) => [s, running[ri * STATUSES.length + si]!])) as Record<Status, number>;
    });
    counts.push(point);
  }
  return counts;
}

export function createTrendEvaluator(ctx: EvaluationContext, dates: readonly string[]): TrendEvaluator {
  const n = dates.length;
  const tagged = taggedBoundaryDates(ctx.ckb);
  // Per (exporter country, recipient country, destination, certifications held, instruments relied on): at which
  // points a relevant knowledge-base date lies in (dates[i-1], dates[i]].
  const kbChanges = new Map<string, Uint8Array>();
  const kbChangesFor = (transfer: RegistryTransfer): Uint8Array => {
    const exporterCountry = ctx.parties.get(transfer.exporter)?.country ?? "";
    const recipient = ctx.parties.get(transfer.recipient);
    const recipientCountry = recipient?.country ?? "";
    const certified = (recipient?.certifications?.length ?? 0) > 0;
    let relies = false;
    const sccs: string[] = [];
    for (const id of transfer.safeguards ?? []) {
      const sg = ctx.safeguards.get(id);
      if (sg === undefined || sg.type === "derogation") continue;
      relies = true;
      if (sg.type === "scc") sccs.push(`scc:${sg.version}`);
    }
    if (sccs.length > 1) sccs.sort();
    const key = `${exporterCountry}|${recipientCountry}|${transfer.destination}|${certified ? 1 : 0}|${relies ? 1 : 0}|${sccs.join(",")}`;
    let marks = kbChanges.get(key);
    if (marks !== undefined) return marks;
    const instruments = new Set(sccs);
    marks = new Uint8Array(n);
    const regimes = new Set<RegimeId>((ctx.ckb.exporterRegimes.get(exporterCountry) ?? []).map((r) => r.regime));
    for (const t of tagged) {
      if (t.regime !== null && !regimes.has(t.regime)) continue;
      if (t.country !== null && t.country !== exporterCountry && t.country !== recipientCountry && t.country !== transfer.destination) continue;
      if (t.framework && !certified) continue;
      // Any instrument's dates matter to a transfer relying on some instrument (addenda, adaptations); an old
      // SCC set's dates only to one relying on that set.
      if (t.instrument !== undefined && (!relies || (t.instrument.startsWith("scc:") && !instruments.has(t.instrument)))) continue;
      const i = firstAtOrAfter(dates, t.date);
      if (i > 0 && i < n) marks[i] = 1;
    }
    kbChanges.set(key, marks);
    return marks;
  };

  // Point index of a date (the first point on or after it), memoised: many transfers share their dates.
  const indexCache = new Map<string, number>();
  const indexOf = (d: string): number => {
    let i = indexCache.get(d);
    if (i === undefined) {
      i = firstAtOrAfter(dates, d);
      indexCache.set(d, i);
    }
    return i;
  };

  // The points at which a transfer's own dates fall (reset after each transfer).
  const own = new Uint8Array(n);
  const touched: number[] = [];

  /**
   * Evaluated at its first point within its run and after each date that can concern it; between those its
   * (regime, status) cell cannot change.
   */
  const runsOf = (transfer: RegistryTransfer): TransferRuns => {
    const first = indexOf(transfer.start);
    // One past the last point within the run (the first point after the end).
    const last = transfer.end == null ? n : firstAfter(dates, transfer.end);
    if (first >= last) return [];
    const marks = kbChangesFor(transfer);
    touched.length = 0;
    for (const d of collectTransferBoundaries(ctx, transfer)) {
      const i = indexOf(d);
      if (i > first && i < last && own[i] === 0) {
        own[i] = 1;
        touched.push(i);
      }
    }
    const runs: TransferRuns = [];
    let cell = -1;
    for (let i = first; i < last; i++) {
      if (i !== first && marks[i] === 0 && own[i] === 0) continue;
      const v = evaluateTransfer(ctx, transfer, dates[i]!);
      const next = REGIME_INDEX.get(v.regime ?? "none")! * STATUSES.length + STATUS_INDEX.get(v.status)!;
      if (next === cell) continue;
      runs.push(i, next);
      cell = next;
    }
    runs.push(last);
    for (const i of touched) own[i] = 0;
    return runs;
  };
  return { dates, runsOf };
}

/**
 * How many of `transfers` had each status under each regime on each of `dates` (sorted ascending). A transfer
 * counts on the dates within its run (`start`..`end`); on the others it is inactive and left out.
 */
export function statusTrend(ctx: EvaluationContext, transfers: Iterable<RegistryTransfer>, dates: readonly string[]): StatusTrend {
  const evaluator = createTrendEvaluator(ctx, dates);
  const diff = emptyTrendEvents(dates.length);
  for (const transfer of transfers) applyRuns(diff, evaluator.runsOf(transfer), 1);
  return { dates: [...dates], counts: countsFromEvents(diff, dates.length) };
}

/** A day in the knowledge base on which many transfers' status changed, to mark on the trend. */
export interface TrendEvent {
  /** The first day on which the change applies. */
  date: string;
  regime: RegimeId;
  title: string;
  /** The legal source, as the knowledge base cites it. */
  citation: string;
  uri: string | null;
  /** The knowledge-base entries it comes from. */
  entryIds: string[];
}

/** The first clause of a note ("CJEU C-311/18 Schrems II, judgment of 2020-07-16; no grace period …"). */
function firstClause(text: string): string {
  return text.split(/;\s|\.\s|\.$/)[0]!.trim();
}

/**
 * The knowledge base's invalidations, sorted by date: US frameworks a court invalidated (Safe Harbor, Privacy
 * Shield), and the days on which the old SCC sets stopped counting (the end of the transition to Decision
 * 2021/914; the UK and Swiss transitions), each with its citation.
 */
export function trendEvents(kb: KnowledgeBase): TrendEvent[] {
  const events: TrendEvent[] = [];
  for (const f of kb.framework) {
    if (f.endReason !== "invalidated" || f.to === null) continue;
    events.push({
      date: addDays(f.to, 1),
      regime: f.regime,
      title: `${f.title} invalidated`,
      citation: firstClause(f.notes ?? "") || f.reference || f.title,
      uri: f.referenceUri ?? null,
      entryIds: [f.id],
    });
  }
  const ends = new Map<string, { regime: RegimeId; date: string; versions: string[]; ids: string[] }>();
  for (const i of kb.instrument) {
    if (i.instrumentType !== "scc") continue;
    for (const w of i.windows) {
      if (w.validUntil === null) continue;
      const date = addDays(w.validUntil, 1);
      const key = `${w.regime}|${date}`;
      const end = ends.get(key) ?? { regime: w.regime, date, versions: [], ids: [] };
      end.versions.push(i.version ?? i.title);
      end.ids.push(i.id);
      ends.set(key, end);
    }
  }
  for (const end of ends.values()) {
    // The set that replaced them: an SCC set this regime accepts from before that day, with no end.
    const successor = kb.instrument.find((i) => i.instrumentType === "scc" && i.windows.some((w) => w.regime === end.regime && w.validUntil === null && (w.usableFrom ?? "") < end.date));
    events.push({
      date: end.date,
      regime: end.regime,
      title: `Old SCCs (${end.versions.sort().join(", ")}) no longer valid`,
      citation: successor ? `${successor.title}${successor.officialReference ? ` (${successor.officialReference})` : ""}` : end.versions.join(", "),
      uri: successor?.instrumentUri ?? null,
      entryIds: successor ? [...end.ids, successor.id] : end.ids,
    });
  }
  return events.sort((a, b) => (a.date === b.date ? a.regime.localeCompare(b.regime) : a.date < b.date ? -1 : 1));
}
