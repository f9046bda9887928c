/**
 * Coverage of a transfer over a period: the status on every day, as intervals, plus the gaps (days on which
 * the transfer was unsafeguarded). The status can only change on a day when some fact changes, so the period
 * is split at every such boundary (knowledge-base dates and {@link collectTransferBoundaries}), each piece is
 * evaluated once, and equal neighbours are merged.
 */
import { addDays } from "../dates";
import type { RegistryTransfer } from "../registry/types";
import type { EvaluationContext } from "./context";
import { evaluateTransfer } from "./evaluate-transfer";
import type { Basis, Status } from "./types";

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

/**
 * Days on which something relevant to this transfer starts, or the day after something ends: the transfer's
 * run, its safeguards (signature or approval, per-regime BCR approvals, end), the recipient's certifications,
 * and its transfer impact assessment (completion; the day after the review date, when it becomes overdue).
 * Together with the knowledge base's `boundaryDates` these are every day on which the transfer's verdict can
 * change, apart from the "ending soon" warning, which starts `ENDING_SOON_DAYS` (90) days before the day
 * after an end. Not sorted; may repeat.
 */
export function collectTransferBoundaries(ctx: EvaluationContext, transfer: RegistryTransfer): string[] {
  const dates: string[] = [transfer.start];
  const addEnd = (d: string | null | undefined) => {
    if (d != null) dates.push(addDays(d, 1));
  };
  addEnd(transfer.end);
  for (const id of transfer.safeguards ?? []) {
    const sg = ctx.safeguards.get(id);
    if (sg === undefined || sg.type === "derogation") continue;
    dates.push(sg.type === "scc" || sg.type === "uk_idta" ? sg.signed : sg.approved);
    addEnd(sg.ended);
    if (sg.type === "bcr") for (const approval of sg.approvals ?? []) dates.push(approval.approved);
  }
  for (const cert of ctx.parties.get(transfer.recipient)?.certifications ?? []) {
    dates.push(cert.from);
    addEnd(cert.to);
  }
  const tia = transfer.tia;
  if (tia != null) {
    dates.push(tia.completed);
    addEnd(tia.nextReview);
  }
  return dates;
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
