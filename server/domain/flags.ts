/**
 * Flags (issue 10): what the DPO follows up. A flag is derived from a verdict as of a date: a live transfer
 * that is `unsafeguarded` (code `unsafeguarded`), or one of its issues of severity warning or error (code =
 * the issue code; `uncovered_at_start` flags a planned transfer ahead of time). The review workflow's state is
 * kept per (transfer, code); this module holds the pure rules: the effective state as of a date, the allowed
 * moves, and the remedy suggested in plain words. No database, no clock.
 */
import { addDays } from "./dates";
import type { PartyRole, RegimeId } from "./kb/types";
import type { RegistryTransfer } from "./registry/types";
import { collectTransferBoundaries } from "./rules/boundaries";
import type { EvaluationContext } from "./rules/context";
import { evaluateTransfer } from "./rules/evaluate-transfer";
import { ENDING_SOON_DAYS } from "./rules/issues";
import { MODULE_FOR_ROLES } from "./rules/safeguards";
import type { Verdict } from "./rules/types";
import { transferOwnPoints } from "./rules/validity";

export { FLAG_CODES, FLAG_STATES, type FlagCode, type FlagSeverity, type FlagState, type Remedy, type RemedyAction } from "./flag-types";
import type { FlagCode, FlagSeverity, FlagState, Remedy } from "./flag-types";

/** The persisted review of a flag (a `flag` row), as far as the state rules need it. */
export interface FlagReview {
  state: FlagState;
  rereviewDate: string | null;
}

/**
 * The state a flag shows as of `asOf`:
 * - the verdict no longer raises it (`present` false): `resolved`, whatever was decided (it resolves itself);
 * - it is raised and was resolved before: `open` again (cover lost again);
 * - an accepted risk whose re-review date is on or before `asOf`: `open` again, for re-review;
 * - otherwise the decided state, and `open` when nobody has acted on it yet (`review` null).
 */
export function effectiveFlagState(review: FlagReview | null, present: boolean, asOf: string): FlagState {
  if (!present) return "resolved";
  if (review === null) return "open";
  if (review.state === "resolved") return "open";
  if (review.state === "risk_accepted" && review.rereviewDate !== null && review.rereviewDate <= asOf) return "open";
  return review.state;
}

/**
 * The moves the DPO can make from a flag's effective state: open → in remediation → resolved, or risk accepted
 * (with a justification and a re-review date); an accepted risk or a flag in remediation can be reopened.
 * Resolving is only possible once the verdict no longer raises the flag; otherwise it stays raised.
 */
export const FLAG_TRANSITIONS: Readonly<Record<FlagState, readonly FlagState[]>> = {
  open: ["in_remediation", "risk_accepted"],
  in_remediation: ["open", "resolved", "risk_accepted"],
  risk_accepted: ["open", "in_remediation"],
  resolved: ["open"],
};

export function canMoveFlag(from: FlagState, to: FlagState): boolean {
  return FLAG_TRANSITIONS[from].includes(to);
}

export interface RemedyInput {
  code: FlagCode;
  regime: RegimeId | null;
  exporterRole: PartyRole;
  recipientRole: PartyRole;
}

/** The SCCs that fit a regime and roles, in words and as form parameters. */
function sccRemedy(regime: RegimeId | null, exporterRole: PartyRole, recipientRole: PartyRole, why: string): Remedy {
  const moduleNumber = MODULE_FOR_ROLES[exporterRole][recipientRole];
  if (regime === "UK") {
    return {
      text: `Sign the 2021 SCCs, module ${moduleNumber}, with the UK Addendum (or the IDTA)${why}.`,
      actionLabel: "Register the SCCs",
      action: { kind: "safeguard", params: { type: "scc", version: "2021/914", module: moduleNumber, ukAddendum: true } },
    };
  }
  if (regime === "CH") {
    return {
      text: `Sign the 2021 SCCs, module ${moduleNumber}, with the Swiss adaptations${why}.`,
      actionLabel: "Register the SCCs",
      action: { kind: "safeguard", params: { type: "scc", version: "2021/914", module: moduleNumber, swissAdaptations: true } },
    };
  }
  return {
    text: `Sign the 2021 SCCs, module ${moduleNumber}${why}.`,
    actionLabel: "Register the SCCs",
    action: { kind: "safeguard", params: { type: "scc", version: "2021/914", module: moduleNumber } },
  };
}

const TIA: Remedy = { text: "Record a TIA (transfer impact assessment) with its outcome and next review date.", actionLabel: "Record a TIA", action: { kind: "tia" } };
const DPF: Remedy = { text: "Check the DPF List entry of the recipient and record its certification as listed.", actionLabel: "Open the certifications", action: { kind: "certifications" } };

/** The remedy suggested for a flag, in plain words, with what its button starts. */
export function suggestRemedy(input: RemedyInput): Remedy {
  const { code, regime, exporterRole, recipientRole } = input;
  switch (code) {
    case "unsafeguarded":
    case "uncovered_at_start":
    case "derogation_for_continuous":
    case "derogation_not_available":
    case "instrument_not_recognised":
    case "instrument_not_yet_applicable":
      return sccRemedy(regime, exporterRole, recipientRole, "");
    case "cover_ends":
    case "safeguard_ending_soon":
      return sccRemedy(regime, exporterRole, recipientRole, " before the current cover ends");
    case "safeguard_expired":
    case "scc_signed_after_cutoff":
      return sccRemedy(regime, exporterRole, recipientRole, " to replace the old clauses");
    case "certification_only":
      return sccRemedy(regime, exporterRole, recipientRole, " as a fallback to the certification");
    case "module_mismatch":
      return sccRemedy(regime, exporterRole, recipientRole, " (the module for these roles)");
    case "uk_addendum_missing":
      return { text: "Attach the UK Addendum to the EU SCCs the transfer relies on.", actionLabel: "Open the transfer's safeguards", action: { kind: "transfer" } };
    case "swiss_adaptations_missing":
      return { text: "Make the Swiss adaptations to the EU SCCs the transfer relies on.", actionLabel: "Open the transfer's safeguards", action: { kind: "transfer" } };
    case "tia_missing":
    case "tia_overdue":
    case "tia_measures_missing":
    case "tia_suspend":
      return TIA;
    case "certification_scope":
    case "invalidated_framework":
      return DPF;
    case "party_mismatch":
      return { text: "Make the exporter and the recipient parties to the safeguard (or members of the BCR).", actionLabel: "Open the transfer's safeguards", action: { kind: "transfer" } };
    case "bcr_approval_missing":
      return { text: "Record the BCR approval by this regime's authority, or sign SCCs instead.", actionLabel: "Open the transfer's safeguards", action: { kind: "transfer" } };
    case "adequacy_scope_condition":
      return { text: "Record whether the recipient is within the adequacy decision's scope.", actionLabel: "Edit the transfer", action: { kind: "edit_transfer" } };
    case "territory_undetermined":
      return { text: "Decide how the territory is treated and record the safeguard you rely on.", actionLabel: "Open the transfer", action: { kind: "transfer" } };
    case "unconfirmed_source":
      return { text: "Check the knowledge-base entry the verdict rests on against its source.", actionLabel: "Open the transfer", action: { kind: "transfer" } };
  }
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The flags a verdict raises, by code: `unsafeguarded` (an error) and every warning or error issue (the worst severity per code). */
export function flagsOf(verdict: Pick<Verdict, "status" | "issues">): Map<FlagCode, FlagSeverity> {
  const out = new Map<FlagCode, FlagSeverity>();
  if (verdict.status === "unsafeguarded") out.set("unsafeguarded", "error");
  for (const issue of verdict.issues) {
    if (issue.severity === "info") continue;
    if (out.get(issue.code) !== "error") out.set(issue.code, issue.severity);
  }
  return out;
}

/** At most this many earlier periods are judged to find when a flag was first raised. */
const SINCE_STEPS = 400;

/**
 * The first day of the uninterrupted run of days, up to `asOf`, on which the verdict raises flag `code`: the
 * coverage timeline read backwards. The verdict can only change on its announced change days (validity.ts), so
 * one evaluation per period suffices. Returns `floor` when the flag was already raised then (or further back
 * than {@link SINCE_STEPS} periods), and `asOf` when it is not raised on `asOf`.
 */
export function flagRaisedSince(ctx: EvaluationContext, transfer: RegistryTransfer, code: FlagCode, asOf: string, floor: string): string {
  if (!flagsOf(evaluateTransfer(ctx, transfer, asOf)).has(code)) return asOf;
  const cuts = new Set<string>();
  const add = (d: string) => {
    if (d > floor && d <= asOf) cuts.add(d);
  };
  const addWithLookAhead = (d: string) => {
    add(d);
    add(addDays(d, -ENDING_SOON_DAYS));
    add(addDays(d, -ENDING_SOON_DAYS - 1));
  };
  for (const d of ctx.ckb.boundaryDates) addWithLookAhead(d);
  for (const d of collectTransferBoundaries(ctx, transfer)) addWithLookAhead(d);
  const tia = transfer.tia;
  if (tia?.nextReview != null) addWithLookAhead(addDays(tia.nextReview, 1));
  for (const d of transferOwnPoints(transfer)) add(d);
  const starts = [...cuts].sort().reverse();
  // starts[0] is the first day of the period containing asOf (the flag is raised there); walk to earlier periods.
  let since = starts[0] ?? floor;
  for (let i = 1; i < starts.length && i <= SINCE_STEPS; i++) {
    if (!flagsOf(evaluateTransfer(ctx, transfer, starts[i]!)).has(code)) return since;
    since = starts[i]!;
  }
  if (starts.length > SINCE_STEPS) return since;
  return starts.length === 0 || flagsOf(evaluateTransfer(ctx, transfer, floor)).has(code) ? floor : since;
}
