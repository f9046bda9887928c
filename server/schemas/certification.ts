/**
 * US framework self-certifications held by a party (Safe Harbor, Privacy Shield, Data Privacy Framework):
 * input schemas the router validates with; the party page's certification form shows their messages
 * (labels: server/domain/choices/certification-labels.ts).
 */
import { z } from "zod";
import { FRAMEWORKS } from "@/server/domain/kb/types";
import { COVERED_DATA } from "@/server/domain/choices/certification-labels";
import { optionalDate, requiredDate } from "./transfer";

export * from "@/server/domain/choices/certification-labels";

export const certificationFieldsSchema = z
  .object({
    framework: z.enum(FRAMEWORKS, { error: "Choose the framework." }),
    from: requiredDate("Enter the date the certification started."),
    to: optionalDate(),
    coveredData: z.enum(COVERED_DATA).nullable().optional().transform((v) => v ?? null),
    verifiedOn: optionalDate(),
    verifiedBy: z
      .string()
      .trim()
      .max(200, "At most 200 characters.")
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.to && v.from && v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be on or after the start date." });
    if (v.verifiedOn && !v.verifiedBy) ctx.addIssue({ code: "custom", path: ["verifiedBy"], message: "Say who checked the DPF List entry." });
    if (v.verifiedBy && !v.verifiedOn) ctx.addIssue({ code: "custom", path: ["verifiedOn"], message: "Enter when the DPF List entry was checked." });
  });
export type CertificationFieldsInput = z.input<typeof certificationFieldsSchema>;
export type CertificationFields = z.output<typeof certificationFieldsSchema>;

export const createCertificationSchema = z.object({ partyId: z.string().min(1), fields: certificationFieldsSchema });
export const updateCertificationSchema = z.object({ id: z.string().min(1), version: z.number().int().positive(), fields: certificationFieldsSchema });
export const deleteCertificationSchema = z.object({ id: z.string().min(1), version: z.number().int().positive() });
export const listCertificationsSchema = z.object({ partyId: z.string().min(1) });
