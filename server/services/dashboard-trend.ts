/**
 * The overview's trend: the share of live transfers per status at each month-end over the registry's life
 * (from its first transfer, and at least from 2015-01, to the month of the as-of date), by regime, with the
 * knowledge base's invalidations to mark on it.
 *
 * Evaluating 100,000 transfers at 140 month-ends would take minutes; `statusTrend` (server/domain/rules/trend.ts)
 * evaluates each transfer only at the month-ends after a day on which its status can change and sweeps the
 * runs between them (about 3–4 evaluations per transfer). The result is cached per data revision (any write to
 * the registry or the knowledge base bumps it) and month.
 */
import { prepared, type Db } from "@/db/client";
import type { RegistryTransfer } from "@/server/domain/registry";
import { createEvaluationContext, monthEnds, STATUSES, statusTrend, TREND_REGIMES, trendEvents, type Status, type TrendEvent, type TrendRegime } from "@/server/domain/rules";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import { readRegistryDocument } from "./registry-document";
import { cachedRead, today } from "./verdicts";

/** The trend starts no later than this month (Safe Harbor's invalidation, 2015-10, must be on it). */
export const TREND_START_MONTH = "2015-01";
/** …and no earlier than this one (Directive 95/46/EC had to be transposed by 1998-10-24; nothing is older). */
export const TREND_EARLIEST_MONTH = "1995-01";

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

export function statusTrendData(db: Db, asOf?: string): StatusTrendData {
  const date = asOf ?? today();
  const untilMonth = date.slice(0, 7);
  const trend = cachedRead(db, "dashboard.trend", { untilMonth }, () => computeTrend(db, untilMonth));
  return { asOf: date, ...trend };
}

function computeTrend(db: Db, untilMonth: string): Omit<StatusTrendData, "asOf"> {
  const earliest = (prepared(db, "SELECT min(start) AS d FROM transfer WHERE archived_at IS NULL").get() as { d: string | null }).d;
  let fromMonth = earliest !== null && earliest.slice(0, 7) < TREND_START_MONTH ? earliest.slice(0, 7) : TREND_START_MONTH;
  if (fromMonth < TREND_EARLIEST_MONTH) fromMonth = TREND_EARLIEST_MONTH;
  if (fromMonth > untilMonth) fromMonth = untilMonth;
  const doc = readRegistryDocument(db);
  const ckb = getCompiledKnowledgeBase(db);
  const ctx = createEvaluationContext(doc, ckb);
  const live = doc.transfers.filter((t) => !(t as RegistryTransfer & { archivedAt?: string | null }).archivedAt);
  const trend = statusTrend(ctx, live, monthEnds(fromMonth, untilMonth));
  return {
    statuses: STATUSES,
    regimes: TREND_REGIMES,
    points: trend.dates.map((d, i) => ({ date: d, counts: trend.counts[i]! })),
    events: trendEvents(ckb.kb).filter((e) => e.date.slice(0, 7) >= fromMonth && e.date.slice(0, 7) <= untilMonth),
  };
}
