/** TIA choices and their labels: plain constants without zod, safe to import from client components. */
export const TIA_OUTCOMES = ["proceed", "proceed_with_measures", "suspend"] as const;
export type TiaOutcome = (typeof TIA_OUTCOMES)[number];
export const TIA_OUTCOME_LABELS: Record<TiaOutcome, string> = {
  proceed: "Proceed",
  proceed_with_measures: "Proceed with supplementary measures",
  suspend: "Suspend the transfer",
};
