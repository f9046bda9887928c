/**
 * Input schemas for transfers: the tRPC router validates with them on the server, and the transfer form
 * shows their messages next to its fields. The choices and labels (no zod) are in server/domain/choices/transfer-labels.ts,
 * which client components import instead of this file.
 */
import { z } from "zod";
import { isCountryCode } from "@/server/countries";
import { FREQUENCIES } from "@/server/domain/registry/types";
import { ISSUE_CODES, STATUSES } from "@/server/domain/rules/types";
import { isoDate, optionalDate, requiredDate } from "./dates";
import { DATA_SUBJECTS, PARTY_ROLES, REGISTRY_ID_PATTERN, TRANSFER_SORTS } from "@/server/domain/choices/transfer-labels";

export * from "@/server/domain/choices/transfer-labels";

/** Dates: the one shared schema (./dates), re-exported here where the forms have always found them. */
export { optionalDate, requiredDate } from "./dates";

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** An optional registry id given by the user; "" means "generate one". */
export const optionalRegistryId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || REGISTRY_ID_PATTERN.test(v), { message: "Use 1–64 lower-case letters, digits, dots, dashes or underscores." });

export const transferFieldsSchema = z
  .object({
    exporterId: z.string({ error: "Choose the exporter." }).min(1, "Choose the exporter."),
    recipientId: z.string({ error: "Choose the recipient." }).min(1, "Choose the recipient."),
    destination: z
      .string({ error: "Choose the destination country." })
      .min(1, "Choose the destination country.")
      .refine(isCountryCode, { message: "Choose the destination country from the list." }),
    exporterRole: z.enum(PARTY_ROLES, { error: "Choose the exporter's role." }),
    recipientRole: z.enum(PARTY_ROLES, { error: "Choose the recipient's role." }),
    dataCategories: z.array(z.string().min(1)).max(50).default([]),
    specialCategory: z.boolean().default(false),
    dataSubjects: z.array(z.enum(DATA_SUBJECTS)).max(DATA_SUBJECTS.length).default([]),
    purposes: z.array(z.string().min(1)).max(50).default([]),
    frequency: z.enum(FREQUENCIES, { error: "Choose how often the data is transferred." }),
    start: requiredDate("Enter the date the transfer started."),
    end: optionalDate(),
    safeguardIds: z
      .array(z.string().min(1))
      .max(20)
      .default([])
      .refine((a) => new Set(a).size === a.length, { message: "Each safeguard may be listed only once." }),
    notes: optionalText(5000, "Notes"),
  })
  .superRefine((v, ctx) => {
    if (v.end && v.start && v.end < v.start) ctx.addIssue({ code: "custom", path: ["end"], message: "The end date must be on or after the start date." });
    if (v.exporterId && v.exporterId === v.recipientId) {
      ctx.addIssue({ code: "custom", path: ["recipientId"], message: "The recipient must be another party than the exporter." });
    }
  });

export type TransferFieldsInput = z.input<typeof transferFieldsSchema>;
export type TransferFields = z.output<typeof transferFieldsSchema>;

export const createTransferSchema = z.object({ id: optionalRegistryId, fields: transferFieldsSchema });
export const updateTransferSchema = z.object({
  id: z.string().min(1),
  /** The version the editor loaded; a different current version means a stale edit. */
  version: z.number().int().positive(),
  fields: transferFieldsSchema,
});

export const listTransfersSchema = z.object({
  search: z.string().trim().max(200).optional(),
  exporterId: z.string().min(1).optional(),
  recipientId: z.string().min(1).optional(),
  destination: z.string().length(2).optional(),
  regime: z.enum(["EU", "UK", "CH", "none"]).optional(),
  /** The exporter's country of establishment (the overview's map links here). */
  exporterCountry: z.string().length(2).optional(),
  status: z.enum(STATUSES).optional(),
  issue: z.enum(ISSUE_CODES).optional(),
  archived: z.enum(["active", "archived", "all"]).default("active"),
  /** Evaluate as of this date instead of today (a what-if view). */
  asOf: isoDate().optional(),
  sort: z.enum(TRANSFER_SORTS).default("status"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
});
export type ListTransfersInput = z.input<typeof listTransfersSchema>;

export const transferIdSchema = z.object({ id: z.string().min(1) });
/** One transfer as of a date (absent: today): its page and its coverage up to that date. */
export const transferAtSchema = z.object({ id: z.string().min(1), asOf: isoDate().optional() });
export const archiveTransferSchema = z.object({ id: z.string().min(1), version: z.number().int().positive() });
export const transfersOfPartySchema = z.object({ partyId: z.string().min(1), asOf: isoDate().optional() });

/** What the transfer form asks while it is filled in: the regime, the destination, fitting safeguards, a preview verdict. */
export const describeTransferSchema = z.object({
  exporterId: z.string().optional(),
  recipientId: z.string().optional(),
  destination: z.string().optional(),
  exporterRole: z.enum(PARTY_ROLES).optional(),
  recipientRole: z.enum(PARTY_ROLES).optional(),
  frequency: z.enum(FREQUENCIES).optional(),
  start: z.string().optional(),
  end: z.string().nullable().optional(),
  safeguardIds: z.array(z.string()).max(20).default([]),
  /** When editing: the transfer's id, so its recorded TIA counts in the preview. */
  transferId: z.string().optional(),
});
export type DescribeTransferInput = z.input<typeof describeTransferSchema>;
