/**
 * Coverage of a transfer over a period: the status on every day, as intervals, plus the gaps (days on which
 * the transfer was unsafeguarded). The status can only change on a day when some fact changes, so the period
 * is split at every such boundary (knowledge-base dates and {@link collectTransferBoundaries}), each piece is
 * evaluated once, and equal neighbours are merged.
 */
import { addDays } from "../dates";
import type { RegistryTransfer } from "../registry/types";
import { collectTransferBoundaries } from "./boundaries";
import type { EvaluationContext } from "./context";
import { evaluateTransfer } from "./evaluate-transfer";
import type { Basis, Status } from "./types";

export { collectTransferBoundaries };

export interface CoverageInterval {
  from: string;
  to: string;
  status: Status;
  basis: Basis[];
}

export interface TransferCoverage {
  intervals: CoverageInterval[];
  gaps: { from: string; to: string }[];
}

function sameBasis(a: readonly Basis[], b: readonly Basis[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.type !== b[i]!.type || a[i]!.ref !== b[i]!.ref) return false;
  return true;
}

/**
 * Status intervals of `transfer` over `from..to` (inclusive) and the unsafeguarded gaps. Adjacent intervals
 * with the same status and basis are merged.
 */
export function transferCoverage(ctx: EvaluationContext, transfer: RegistryTransfer, from: string, to: string): TransferCoverage {
  const cuts = new Set<string>([from]);
  for (const d of ctx.ckb.boundaryDates) if (d > from && d <= to) cuts.add(d);
  for (const d of collectTransferBoundaries(ctx, transfer)) if (d > from && d <= to) cuts.add(d);
  const starts = [...cuts].sort();

  const intervals: CoverageInterval[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const next = starts[i + 1];
    const end = next === undefined ? to : addDays(next, -1);
    const verdict = evaluateTransfer(ctx, transfer, start);
    const last = intervals[intervals.length - 1];
    if (last !== undefined && last.status === verdict.status && sameBasis(last.basis, verdict.basis)) last.to = end;
    else intervals.push({ from: start, to: end, status: verdict.status, basis: verdict.basis });
  }
  const gaps = intervals.filter((iv) => iv.status === "unsafeguarded").map((iv) => ({ from: iv.from, to: iv.to }));
  return { intervals, gaps };
}
