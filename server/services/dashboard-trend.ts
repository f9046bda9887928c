/**
 * The overview's trend: the share of live transfers per status at each month-end over the registry's life
 * (from its first transfer, and at least from 2015-01, to the month of the as-of date), by regime, with the
 * knowledge base's invalidations to mark on it.
 *
 * Evaluating 100,000 transfers at 140 month-ends would take minutes; `createTrendEvaluator`
 * (server/domain/rules/trend.ts) evaluates each transfer only at the month-ends after a day on which its status
 * can change (about 3–4 evaluations per transfer) and keeps its runs of equal status as +1/−1 events.
 *
 * Kept per connection and month range, and cached per data revision:
 * - the first request (or after a knowledge-base change, an import, or a write this process did not see)
 *   computes every transfer's runs, {@link TREND_PASS_CHUNK} transfers at a time (a slice of the registry each),
 *   giving way to other requests between slices: at 100,000 transfers a pass in one go held the server for
 *   2.3–4 s. Requests for the same range while it runs wait for the same pass; writes made meanwhile through this
 *   process are noted as they happen and applied when it ends;
 * - after a write made through this process, the verdict store tells which transfers it re-evaluated
 *   (`onVerdictsSynced`, inside the writing transaction): only those are read (`readRegistrySlice`) and their
 *   runs replaced, so the trend right after an edit costs a few evaluations, not a full pass.
 * A write this process did not see (another process) shows as a data revision the state does not know: then it
 * is computed afresh.
 */
import { prepared, rawClient, type Db, type DbOrTx } from "@/db/client";
import type { RegistryDocument, RegistryTransfer } from "@/server/domain/registry";
import {
  applyRuns,
  countsFromEvents,
  createEvaluationContext,
  createTrendEvaluator,
  emptyTrendEvents,
  monthEnds,
  STATUSES,
  TREND_REGIMES,
  trendEvents,
  type Status,
  type TransferRuns,
  type TrendEvent,
  type TrendRegime,
} from "@/server/domain/rules";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import { readRegistrySlice } from "./registry-document";
import { dataRevision, onVerdictsSynced } from "./verdict-store";
import { today } from "./verdicts";

/** The trend starts no later than this month (Safe Harbor's invalidation, 2015-10, must be on it). */
export const TREND_START_MONTH = "2015-01";
/** …and no earlier than this one (Directive 95/46/EC had to be transposed by 1998-10-24; nothing is older). */
export const TREND_EARLIEST_MONTH = "1995-01";
/** Above this many re-evaluated transfers, a full pass is cheaper than reading them one slice at a time. */
const INCREMENTAL_LIMIT = 5_000;
/**
 * Transfers per slice of a full pass; the event loop turns between slices. At 100,000 transfers (measured): 1,000
 * per slice hold the loop 30–60 ms at a time and take 3.6 s in all; 2,000, 60–85 ms and 3.2 s; one pass in one go,
 * 2.3 s at a stretch.
 */
export const TREND_PASS_CHUNK = 1_000;

export interface TrendPoint {
  /** A month-end (the last point may be the end of the as-of date's month). */
  date: string;
  counts: Record<TrendRegime, Record<Status, number>>;
}

export interface StatusTrendData {
  asOf: string;
  statuses: readonly Status[];
  regimes: readonly TrendRegime[];
  points: TrendPoint[];
  events: TrendEvent[];
}

/** How many full passes and incremental updates this process made (tests check which path a request took). */
export const trendComputations = { full: 0, incremental: 0 };

interface TrendState {
  fromMonth: string;
  untilMonth: string;
  dates: string[];
  /** The data revision the state is exact for, or that the last sync it was told about produced. */
  revision: number;
  /** Transfers re-evaluated by syncs since the state was exact at `revision`'s predecessor. */
  pending: Set<string>;
  runs: Map<string, TransferRuns>;
  events: Int32Array;
  result: Omit<StatusTrendData, "asOf"> | null;
}

/** Per connection: month range (`from|until`) → state. A few ranges at most (today's month and what-if months). */
const states = new WeakMap<object, Map<string, TrendState>>();
const MAX_STATES = 4;
/** Per connection: month range → the full pass running for it, and the state it is filling. */
const passes = new WeakMap<object, Map<string, { state: TrendState; done: Promise<TrendState> }>>();

onVerdictsSynced((db: DbOrTx, transfers) => {
  const client = rawClient(db);
  const running = [...(passes.get(client)?.values() ?? [])].map((p) => p.state);
  const kept = [...(states.get(client)?.values() ?? [])];
  if (transfers === "all") {
    states.get(client)?.clear();
    // A pass that has read part of the registry under the old knowledge base starts again (see fullPass).
    for (const state of running) state.revision = STALE;
    return;
  }
  const revision = dataRevision(db);
  for (const state of [...kept, ...running]) {
    for (const id of transfers) state.pending.add(id);
    if (state.revision !== STALE) state.revision = revision;
    state.result = null;
  }
});

/** The revision of a state that no longer matches any data: the next request computes it afresh. */
const STALE = -1;

/** `chunk`: transfers per slice of a full pass this call starts (tests use small ones). */
export async function statusTrendData(db: Db, asOf?: string, options: { chunk?: number } = {}): Promise<StatusTrendData> {
  const date = asOf ?? today();
  const untilMonth = date.slice(0, 7);
  const earliest = (prepared(db, "SELECT min(start) AS d FROM transfer WHERE archived_at IS NULL").get() as { d: string | null }).d;
  let fromMonth = earliest !== null && earliest.slice(0, 7) < TREND_START_MONTH ? earliest.slice(0, 7) : TREND_START_MONTH;
  if (fromMonth < TREND_EARLIEST_MONTH) fromMonth = TREND_EARLIEST_MONTH;
  if (fromMonth > untilMonth) fromMonth = untilMonth;

  const client = rawClient(db);
  let byRange = states.get(client);
  if (!byRange) {
    byRange = new Map();
    states.set(client, byRange);
  }
  const key = `${fromMonth}|${untilMonth}`;
  const revision = dataRevision(db);
  let state = byRange.get(key);
  if (state && state.revision !== revision) state = undefined;
  if (state && state.pending.size > INCREMENTAL_LIMIT) state = undefined;
  if (!state) {
    state = await fullPass(db, key, fromMonth, untilMonth, options.chunk ?? TREND_PASS_CHUNK);
    if (state.revision !== STALE && byRange.get(key) !== state) {
      byRange.delete(key);
      byRange.set(key, state);
      if (byRange.size > MAX_STATES) byRange.delete(byRange.keys().next().value!);
    }
  }
  if (state.pending.size > 0) updateState(db, state);
  state.result ??= resultOf(db, state);
  return { asOf: date, ...state.result };
}

/** The full pass for `key`: the one running, or a new one. */
function fullPass(db: Db, key: string, fromMonth: string, untilMonth: string, chunk: number): Promise<TrendState> {
  const client = rawClient(db);
  let running = passes.get(client);
  if (!running) {
    running = new Map();
    passes.set(client, running);
  }
  const current = running.get(key);
  if (current) return current.done;
  const state = emptyState(db, fromMonth, untilMonth);
  const byKey = running;
  const done = computeState(db, state, chunk).finally(() => byKey.delete(key));
  running.set(key, { state, done });
  return done;
}

function emptyState(db: Db, fromMonth: string, untilMonth: string): TrendState {
  const dates = monthEnds(fromMonth, untilMonth);
  return { fromMonth, untilMonth, dates, revision: dataRevision(db), pending: new Set(), runs: new Map(), events: emptyTrendEvents(dates.length), result: null };
}

const isLive = (t: RegistryTransfer) => !(t as RegistryTransfer & { archivedAt?: string | null }).archivedAt;

function evaluatorFor(db: DbOrTx, doc: RegistryDocument, dates: string[]) {
  return createTrendEvaluator(createEvaluationContext(doc, getCompiledKnowledgeBase(db)), dates);
}

/**
 * Fills `state` with the runs of every live transfer, a slice of `chunk` transfers (in id order)
 * per turn of the event loop. Each slice is read and evaluated in one synchronous step, so it is consistent in
 * itself; a write between two slices is noted in `state.pending` by onVerdictsSynced and applied afterwards.
 * A knowledge-base change or an import meanwhile (`STALE`) restarts the pass, at most a few times.
 */
async function computeState(db: Db, state: TrendState, chunk: number): Promise<TrendState> {
  for (let attempt = 0; ; attempt++) {
    trendComputations.full++;
    let after = "";
    for (;;) {
      const ids = (prepared(db, "SELECT id FROM transfer WHERE archived_at IS NULL AND id > ? ORDER BY id LIMIT ?").all(after, chunk) as { id: string }[]).map((r) => r.id);
      if (ids.length === 0) break;
      after = ids[ids.length - 1]!;
      addRuns(db, state, ids);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (state.revision !== STALE || attempt >= 2) return state;
    Object.assign(state, emptyState(db, state.fromMonth, state.untilMonth));
  }
}

/** Replaces the runs of the transfers re-evaluated since (edited, archived or deleted ones included). */
function updateState(db: Db, state: TrendState): void {
  trendComputations.incremental++;
  const ids = [...state.pending];
  state.pending.clear();
  for (const id of ids) {
    const old = state.runs.get(id);
    if (old) applyRuns(state.events, old, -1);
    state.runs.delete(id);
  }
  addRuns(db, state, ids);
  state.result = null;
}

/** Reads the transfers `ids` (a slice of the registry) and adds the runs of the live ones to `state`. */
function addRuns(db: Db, state: TrendState, ids: string[]): void {
  const doc = readRegistrySlice(db, "SELECT value FROM json_each(?)", [JSON.stringify(ids)]);
  const evaluator = evaluatorFor(db, doc, state.dates);
  for (const t of doc.transfers) {
    if (!isLive(t)) continue;
    const r = evaluator.runsOf(t);
    if (r.length === 0) continue;
    state.runs.set(t.id, r);
    applyRuns(state.events, r, 1);
  }
}

function resultOf(db: DbOrTx, state: TrendState): Omit<StatusTrendData, "asOf"> {
  const counts = countsFromEvents(state.events, state.dates.length);
  return {
    statuses: STATUSES,
    regimes: TREND_REGIMES,
    points: state.dates.map((d, i) => ({ date: d, counts: counts[i]! })),
    events: trendEvents(getCompiledKnowledgeBase(db).kb).filter((e) => e.date.slice(0, 7) >= state.fromMonth && e.date.slice(0, 7) <= state.untilMonth),
  };
}
