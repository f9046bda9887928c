/** The days on which something about one transfer itself changes (see {@link collectTransferBoundaries}). */
import { addDays } from "../dates";
import type { RegistryTransfer } from "../registry/types";
import type { EvaluationContext } from "./context";

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

