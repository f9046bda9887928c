/**
 * Input schemas for transfers, shared by the tRPC router (server-side
 * validation) and the transfer form (field-level messages before submitting).
 */
import { z } from "zod";
import { isCountryCode } from "@/server/countries";
import { FREQUENCIES } from "@/server/domain/registry";
import { ISSUE_CODES, STATUSES } from "@/server/domain/rules";
import { isoDate, optionalDate, requiredDate } from "./dates";
import { PARTY_ID_PATTERN } from "./party";

export const PARTY_ROLES = ["controller", "processor"] as const;
export const PARTY_ROLE_LABELS: Record<(typeof PARTY_ROLES)[number], string> = { controller: "Controller", processor: "Processor" };

export const FREQUENCY_LABELS: Record<(typeof FREQUENCIES)[number], string> = {
  continuous: "Continuous (regular, repetitive)",
  occasional: "Occasional (non-repetitive)",
};

export const DATA_SUBJECTS = ["customers", "prospects", "employees", "website_visitors", "healthcare_professionals", "event_attendees"] as const;
export type DataSubject = (typeof DATA_SUBJECTS)[number];
export const DATA_SUBJECT_LABELS: Record<DataSubject, string> = {
  customers: "Customers",
  prospects: "Prospects",
  employees: "Employees",
  website_visitors: "Website visitors",
  healthcare_professionals: "Healthcare professionals",
  event_attendees: "Event attendees",
};

/** Registry ids for transfers and safeguards: the same pattern as party ids (transfer-registry/v1). */
export const REGISTRY_ID_PATTERN = PARTY_ID_PATTERN;

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

export const TRANSFER_SORTS = ["id", "exporter", "recipient", "destination", "start", "status", "updatedAt"] as const;
export type TransferSort = (typeof TRANSFER_SORTS)[number];

export const listTransfersSchema = z.object({
  search: z.string().trim().max(200).optional(),
  exporterId: z.string().min(1).optional(),
  recipientId: z.string().min(1).optional(),
  destination: z.string().length(2).optional(),
  regime: z.enum(["EU", "UK", "CH", "none"]).optional(),
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
export const archiveTransferSchema = z.object({ id: z.string().min(1), version: z.number().int().positive() });
export const transfersOfPartySchema = z.object({ partyId: z.string().min(1) });

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
