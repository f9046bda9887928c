/**
 * Transfer impact assessments (EDPB Recommendations 01/2020; SCC 2021/914 Clause 14): input schemas
 * the router validates with; the "Record TIA" form shows their messages (labels: server/domain/choices/tia-labels.ts).
 */
import { z } from "zod";
import { TIA_OUTCOMES } from "@/server/domain/choices/tia-labels";
import { optionalDate, optionalText, requiredDate } from "./transfer";

export * from "@/server/domain/choices/tia-labels";

export const tiaFieldsSchema = z
  .object({
    completed: requiredDate("Enter the date the assessment was completed."),
    assessor: z.string({ error: "Enter who carried out the assessment." }).trim().min(1, "Enter who carried out the assessment.").max(200, "At most 200 characters."),
    outcome: z.enum(TIA_OUTCOMES, { error: "Choose the outcome." }),
    measuresTechnical: optionalText(2000, "Technical measures"),
    measuresContractual: optionalText(2000, "Contractual measures"),
    measuresOrganisational: optionalText(2000, "Organisational measures"),
    nextReview: optionalDate(),
    documentRef: optionalText(500, "The document reference"),
  })
  .superRefine((v, ctx) => {
    if (v.nextReview && v.completed && v.nextReview <= v.completed) {
      ctx.addIssue({ code: "custom", path: ["nextReview"], message: "The next review must come after the completion date." });
    }
    if (v.outcome === "proceed_with_measures" && !v.measuresTechnical && !v.measuresContractual && !v.measuresOrganisational) {
      ctx.addIssue({ code: "custom", path: ["measuresTechnical"], message: "Describe at least one supplementary measure." });
    }
  });
export type TiaFieldsInput = z.input<typeof tiaFieldsSchema>;
export type TiaFields = z.output<typeof tiaFieldsSchema>;

export const createTiaSchema = z.object({ transferId: z.string().min(1), fields: tiaFieldsSchema });
export const listTiasSchema = z.object({ transferId: z.string().min(1) });
