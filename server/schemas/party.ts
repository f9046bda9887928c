/**
 * Input schemas for parties: the tRPC router validates with them on the server, and the party form shows
 * their messages next to its fields. The choices and labels (no zod) are in server/domain/choices/party-labels.ts, which
 * client components import instead of this file.
 */
import { z } from "zod";
import { isCountryCode } from "@/server/countries";
import { isoDate } from "./dates";
import { ADVISER_TYPES, CCPA_ROLES, PARTY_SORTS, PARTY_STATUS_FILTERS, RELATIONSHIPS, SERVICE_CATEGORIES } from "@/server/domain/choices/party-labels";

export * from "@/server/domain/choices/party-labels";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const countryCode = (label: string) =>
  z
    .string({ error: `Choose a ${label}.` })
    .min(1, `Choose a ${label}.`)
    .refine(isCountryCode, { message: `Choose a ${label} from the list.` });

export const partyFieldsSchema = z
  .object({
    name: z.string({ error: "Enter the legal name." }).trim().min(1, "Enter the legal name.").max(200, "The legal name must be at most 200 characters."),
    relationship: z.enum(RELATIONSHIPS, { error: "Choose the relationship." }),
    serviceCategory: z.enum(SERVICE_CATEGORIES).nullable().optional().transform((v) => v ?? null),
    adviserType: z.enum(ADVISER_TYPES).nullable().optional().transform((v) => v ?? null),
    country: countryCode("country of establishment"),
    registrationNumber: optionalText(100, "The registration number"),
    website: optionalText(300, "The website").refine((v) => v === null || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), {
      message: "Enter a full web address starting with https://",
    }),
    contactName: optionalText(200, "The contact name"),
    contactEmail: optionalText(320, "The contact e-mail").refine((v) => v === null || z.email().safeParse(v).success, {
      message: "Enter a valid e-mail address.",
    }),
    processingLocations: z
      .array(countryCode("processing location"))
      .min(1, "Add at least one processing location: where the party stores, processes or accesses the data.")
      .max(50)
      .refine((a) => new Set(a).size === a.length, { message: "Each processing location may appear only once." }),
    ccpaRole: z.enum(CCPA_ROLES).nullable().optional().transform((v) => v ?? null),
    ccpaSale: z.boolean().default(false),
    ccpaShare: z.boolean().default(false),
    dataCategories: z.array(z.string().min(1)).max(50).default([]),
    notes: optionalText(5000, "Notes"),
  })
  .superRefine((v, ctx) => {
    if (v.relationship === "service_provider" && !v.serviceCategory) {
      ctx.addIssue({ code: "custom", path: ["serviceCategory"], message: "Choose the service category of this service provider." });
    }
    if (v.relationship === "professional_adviser" && !v.adviserType) {
      ctx.addIssue({ code: "custom", path: ["adviserType"], message: "Choose the kind of professional adviser." });
    }
  })
  .transform((v) => ({
    ...v,
    serviceCategory: v.relationship === "service_provider" ? v.serviceCategory : null,
    adviserType: v.relationship === "professional_adviser" ? v.adviserType : null,
  }));

export type PartyFieldsInput = z.input<typeof partyFieldsSchema>;
export type PartyFields = z.output<typeof partyFieldsSchema>;

export const createPartySchema = partyFieldsSchema;

export const updatePartySchema = z.object({
  id: z.string().min(1),
  /** The version the editor loaded; a different current version means a stale edit. */
  version: z.number().int().positive(),
  fields: partyFieldsSchema,
});

export const listPartiesSchema = z.object({
  search: z.string().trim().max(200).optional(),
  relationship: z.enum(RELATIONSHIPS).optional(),
  country: z.string().length(2).optional(),
  serviceCategory: z.enum(SERVICE_CATEGORIES).optional(),
  archived: z.enum(["active", "archived", "all"]).default("active"),
  /** The party's worst transfer status today (computed live, never stored). */
  status: z.enum(PARTY_STATUS_FILTERS).optional(),
  sort: z.enum(PARTY_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
  /** The date the worst status is evaluated for (absent: today). */
  asOf: isoDate().optional(),
});
export type ListPartiesInput = z.input<typeof listPartiesSchema>;

export const partyIdSchema = z.object({ id: z.string().min(1) });
export const archivePartySchema = z.object({ id: z.string().min(1), version: z.number().int().positive() });
