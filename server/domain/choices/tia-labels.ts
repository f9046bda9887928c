/** TIA choices and their labels: plain constants without zod, safe to import from client components. */
export { TIA_OUTCOMES, type TiaOutcome } from "@/server/domain/registry/types";
export { TIA_OUTCOME_LABELS } from "@/server/domain/labels";
