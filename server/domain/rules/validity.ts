/**
 * How long a verdict holds. A verdict evaluated for one day stays exactly the same (status, regime, basis,
 * issues, reasons) on every day until some fact it depends on changes: a knowledge-base date (a decision
 * applies or ends, a framework is invalidated, an SCC window closes), a date of the transfer itself (start,
 * end), of its safeguards (signed, approved, ended), of its recipient's certifications (from, to) or of its
 * TIA (completed, next review). The "ending soon" warning looks {@link ENDING_SOON_DAYS} days ahead, so a
 * verdict can also change that many days before any such date.
 *
 * `verdictValidity` returns the interval around `asOf` that contains none of these change points: the
 * verdict store keeps a verdict for today until the calendar leaves that interval. A planned transfer's
 * `uncovered_at_start` turns from a warning into an error {@link UNCOVERED_AT_START_ERROR_DAYS} days before
 * its start: that day is a change point too ({@link transferOwnPoints}). The points are a
 * superset of the real changes (a point where nothing changes only shortens the interval), never a subset.
 */
import { addDays } from "../dates";
import type { RegistryTransfer } from "../registry/types";
import type { CompiledKnowledgeBase } from "./compile-kb";
import type { EvaluationContext } from "./context";
import { collectTransferBoundaries } from "./boundaries";
import { ENDING_SOON_DAYS, UNCOVERED_AT_START_ERROR_DAYS } from "./issues";

/** The first and last day (inclusive) of a verdict's validity when nothing bounds it. */
export const VALIDITY_OPEN_FROM = "0000-01-01";
export const VALIDITY_OPEN_UNTIL = "9999-12-31";

export interface VerdictValidity {
  /** First day on which the verdict holds (inclusive). */
  from: string;
  /** Last day on which the verdict holds (inclusive). */
  until: string;
}

/** Days on which a verdict may change because of fact date `d`: `d` itself and the two days its look-ahead window reaches it. */
function changePointsOf(d: string, out: string[]): void {
  out.push(d, addDays(d, -ENDING_SOON_DAYS), addDays(d, -ENDING_SOON_DAYS - 1));
}

const globalPoints = new WeakMap<CompiledKnowledgeBase, string[]>();

/** The knowledge base's change points, sorted and unique (computed once per compiled knowledge base). */
function knowledgeBasePoints(ckb: CompiledKnowledgeBase): string[] {
  let points = globalPoints.get(ckb);
  if (points === undefined) {
    const all: string[] = [];
    for (const d of ckb.boundaryDates) changePointsOf(d, all);
    points = [...new Set(all)].sort();
    globalPoints.set(ckb, points);
  }
  return points;
}

/** Index of the first element of sorted `points` that is > `asOf` (points.length if none). */
function firstAfter(points: readonly string[], asOf: string): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]! <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Days on which something about this transfer itself starts, or the day after it ends. */
function transferDates(ctx: EvaluationContext, transfer: RegistryTransfer): string[] {
  const dates = collectTransferBoundaries(ctx, transfer);
  const tia = transfer.tia;
  if (tia != null) {
    dates.push(tia.completed);
    if (tia.nextReview != null) dates.push(addDays(tia.nextReview, 1));
  }
  return dates;
}

/** Change points of a transfer that are not fact dates with a look-ahead: the day `uncovered_at_start` becomes an error. */
export function transferOwnPoints(transfer: RegistryTransfer): string[] {
  return [addDays(transfer.start, -UNCOVERED_AT_START_ERROR_DAYS)];
}

/**
 * The interval of days around `asOf` over which `transfer`'s verdict cannot change. The caller guarantees
 * that `ctx` describes the registry as it is (a later write re-evaluates the transfers it affects).
 */
export function verdictValidity(ctx: EvaluationContext, transfer: RegistryTransfer, asOf: string): VerdictValidity {
  const points = knowledgeBasePoints(ctx.ckb);
  const i = firstAfter(points, asOf);
  let from = i > 0 ? points[i - 1]! : VALIDITY_OPEN_FROM;
  let next = i < points.length ? points[i]! : null;
  for (const d of transferDates(ctx, transfer)) {
    // Most fact dates lie in the past: then all three of their points are <= asOf and `d` is the latest.
    if (d <= asOf) {
      if (d > from) from = d;
      continue;
    }
    const local: string[] = [];
    changePointsOf(d, local);
    for (const p of local) {
      if (p <= asOf) {
        if (p > from) from = p;
      } else if (next === null || p < next) {
        next = p;
      }
    }
  }
  for (const p of transferOwnPoints(transfer)) {
    if (p <= asOf) {
      if (p > from) from = p;
    } else if (next === null || p < next) {
      next = p;
    }
  }
  return { from, until: next === null ? VALIDITY_OPEN_UNTIL : addDays(next, -1) };
}
