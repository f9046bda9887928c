/**
 * Input schemas for parties, shared by the tRPC router (server-side validation)
 * and the party form (field-level messages before submitting).
 */
import { z } from "zod";
import { isCountryCode } from "@/server/countries";

export const RELATIONSHIPS = [
  "affiliate",
  "service_provider",
  "reseller",
  "advertising_partner",
  "professional_adviser",
  "other",
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  affiliate: "Affiliate (group entity)",
  service_provider: "Service provider",
  reseller: "Reseller",
  advertising_partner: "Advertising partner",
  professional_adviser: "Professional adviser",
  other: "Other",
};

export const SERVICE_CATEGORIES = ["marketing", "analytics", "it_hosting", "payment", "customer_support", "other"] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  marketing: "Marketing",
  analytics: "Analytics",
  it_hosting: "IT hosting",
  payment: "Payment",
  customer_support: "Customer support",
  other: "Other service",
};

export const ADVISER_TYPES = ["accountant", "attorney", "consultant"] as const;
export type AdviserType = (typeof ADVISER_TYPES)[number];
export const ADVISER_TYPE_LABELS: Record<AdviserType, string> = {
  accountant: "Accountant",
  attorney: "Attorney",
  consultant: "Consultant",
};

/** CCPA roles, Cal. Civ. Code §1798.140 (j), (ag), (ai). */
export const CCPA_ROLES = ["service_provider", "contractor", "third_party"] as const;
export type CcpaRole = (typeof CCPA_ROLES)[number];
export const CCPA_ROLE_LABELS: Record<CcpaRole, string> = {
  service_provider: "Service provider",
  contractor: "Contractor",
  third_party: "Third party",
};

/** Registry ids (transfer-registry/v1): lower-case letters, digits, `.`, `_`, `-`; 1–64 characters. */
export const PARTY_ID_PATTERN = /^[a-z0-9._-]{1,64}$/;

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

export const PARTY_SORTS = ["name", "country", "relationship", "status", "updatedAt"] as const;

/** Worst-status filter values: a transfer status, or `none` for parties without live transfers. */
export const PARTY_STATUS_FILTERS = ["unsafeguarded", "derogation", "safeguarded", "adequate", "not_restricted", "inactive", "none"] as const;

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
});
export type ListPartiesInput = z.input<typeof listPartiesSchema>;

export const partyIdSchema = z.object({ id: z.string().min(1) });
export const archivePartySchema = z.object({ id: z.string().min(1), version: z.number().int().positive() });
