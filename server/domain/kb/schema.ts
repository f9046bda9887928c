/**
 * Zod schemas for knowledge-base entries, one per kind, plus the discriminated union the app uses to
 * validate a stored JSON row or an edit made in the UI.
 */
import { z } from "zod";
import { isValidIsoDate } from "../dates";
import {
  ADEQUACY_SCOPES,
  ADEQUACY_STATUSES,
  AREA_MEMBERSHIP_TYPES,
  DEROGATION_BASES,
  END_REASONS,
  FRAMEWORKS,
  INSTRUMENT_REQUIREMENTS,
  INSTRUMENT_TYPES,
  PARTY_ROLES,
  REGIMES,
  type AdequacyEntry,
  type AreaMembershipEntry,
  type DerogationEntry,
  type FrameworkEntry,
  type InstrumentEntry,
  type KbEntry,
  type KnowledgeBase,
  type RegimeEntry,
} from "./types";

/** A `YYYY-MM-DD` calendar date that exists. */
export const isoDateSchema = z.string().refine(isValidIsoDate, { message: "must be a real date written YYYY-MM-DD" });
const nullableDate = isoDateSchema.nullable();
/** ISO 3166-1 alpha-2 shape; the list check lives in the registry validator. */
const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code");
const kbIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "must be kebab-case, 1–64 characters");

export const regimeIdSchema = z.enum(REGIMES);
export const frameworkIdSchema = z.enum(FRAMEWORKS);
export const partyRoleSchema = z.enum(PARTY_ROLES);

const baseFields = {
  id: kbIdSchema,
  sources: z.array(z.string().min(1)).min(1, "every entry needs at least one source"),
  unconfirmed: z.string().min(1).optional(),
  notes: z.string().optional(),
};

export const citationSchema = z.object({ text: z.string().min(1), uri: z.string().min(1).nullable() });

const regimeProvisionsSchema = z.object({
  territorialScope: citationSchema,
  notRestricted: citationSchema,
  unsafeguarded: citationSchema,
  transferAssessment: citationSchema,
});

export const regimeEntrySchema = z.object({
  ...baseFields,
  kind: z.literal("regime"),
  regime: regimeIdSchema,
  title: z.string().min(1),
  law: z.string().min(1),
  lawUri: z.string().nullable(),
  areaLabel: z.string().min(1),
  authority: z.string().min(1),
  currentLawFrom: isoDateSchema.optional(),
  formerLaw: z.string().min(1).optional(),
  formerLawUri: z.string().min(1).nullable().optional(),
  provisions: regimeProvisionsSchema.optional(),
  formerProvisions: regimeProvisionsSchema.partial().optional(),
  assessmentRequiredFrom: isoDateSchema.optional(),
});

function endNotBeforeStart(from: string | null, to: string | null): boolean {
  return from === null || to === null || from <= to;
}

export const areaMembershipEntrySchema = z
  .object({
    ...baseFields,
    kind: z.literal("area_membership"),
    regime: regimeIdSchema,
    country: countryCodeSchema,
    countryName: z.string().min(1),
    membership: z.enum(AREA_MEMBERSHIP_TYPES),
    from: nullableDate,
    to: nullableDate,
    reference: z.string().min(1).optional(),
    referenceUri: z.string().min(1).nullable().optional(),
    currentLawFrom: isoDateSchema.optional(),
  })
  .refine((e) => endNotBeforeStart(e.from, e.to), { message: "to is before from", path: ["to"] });

export const adequacyEntrySchema = z
  .object({
    ...baseFields,
    kind: z.literal("adequacy"),
    regime: regimeIdSchema,
    destination: z.string().regex(/^([A-Z]{2}|org:[A-Za-z0-9_-]+)$/, "ISO alpha-2 code or org:ID"),
    destinationName: z.string().min(1),
    scope: z.enum(ADEQUACY_SCOPES),
    scopeCode: z.string().min(1).nullable(),
    scopeText: z.string().min(1),
    framework: frameworkIdSchema.nullable(),
    instrument: z.string().min(1),
    instrumentUri: z.string().nullable(),
    legalBasis: z.string().min(1),
    officialReference: z.string().min(1).optional(),
    formerLegalBasis: z.string().min(1).optional(),
    formerInstrument: z.string().min(1).optional(),
    formerInstrumentUri: z.string().min(1).nullable().optional(),
    adopted: nullableDate,
    published: nullableDate,
    effectiveFrom: nullableDate,
    endDate: nullableDate,
    endReason: z.enum(END_REASONS).nullable(),
    status: z.enum(ADEQUACY_STATUSES),
  })
  .refine((e) => endNotBeforeStart(e.effectiveFrom, e.endDate), { message: "endDate is before effectiveFrom", path: ["endDate"] })
  .refine((e) => e.scope === "full" || e.scopeCode !== null, { message: "a partial decision needs a scopeCode", path: ["scopeCode"] });

export const frameworkEntrySchema = z
  .object({
    ...baseFields,
    kind: z.literal("framework"),
    framework: frameworkIdSchema,
    regime: regimeIdSchema,
    title: z.string().min(1),
    from: nullableDate,
    to: nullableDate,
    endReason: z.enum(END_REASONS).nullable(),
    requires: frameworkIdSchema.nullable(),
    reference: z.string().min(1).optional(),
    referenceUri: z.string().min(1).nullable().optional(),
  })
  .refine((e) => endNotBeforeStart(e.from, e.to), { message: "to is before from", path: ["to"] });

const instrumentModuleSchema = z.object({
  module: z.number().int().min(1).max(4).nullable(),
  exporterRole: partyRoleSchema,
  recipientRole: partyRoleSchema,
  label: z.string().min(1),
});

const instrumentWindowSchema = z.object({
  regime: regimeIdSchema,
  usableFrom: nullableDate,
  lastSignDate: nullableDate,
  validUntil: nullableDate,
  requires: z.enum(INSTRUMENT_REQUIREMENTS).nullable(),
  legalBasis: z.string().min(1),
  formerLegalBasis: z.string().min(1).optional(),
});

export const instrumentEntrySchema = z.object({
  ...baseFields,
  kind: z.literal("instrument"),
  instrumentType: z.enum(INSTRUMENT_TYPES),
  version: z.string().min(1).nullable(),
  title: z.string().min(1),
  instrumentUri: z.string().nullable(),
  officialReference: z.string().min(1).optional(),
  adopted: nullableDate,
  modules: z.array(instrumentModuleSchema).nullable(),
  windows: z.array(instrumentWindowSchema),
});

export const derogationEntrySchema = z.object({
  ...baseFields,
  kind: z.literal("derogation"),
  basis: z.enum(DEROGATION_BASES),
  title: z.string().min(1),
  occasionalOnly: z.boolean(),
  occasionalExpected: z.boolean().optional(),
  references: z.object({ EU: z.string().min(1).optional(), UK: z.string().min(1).optional(), CH: z.string().min(1).optional() }),
  formerReferences: z
    .object({ EU: z.string().min(1).nullable().optional(), UK: z.string().min(1).nullable().optional(), CH: z.string().min(1).nullable().optional() })
    .optional(),
});

/** One knowledge-base entry of any kind, discriminated on `kind` (what the app stores per row). */
export const knowledgeBaseEntrySchema = z.discriminatedUnion("kind", [
  regimeEntrySchema,
  areaMembershipEntrySchema,
  adequacyEntrySchema,
  frameworkEntrySchema,
  instrumentEntrySchema,
  derogationEntrySchema,
]);

/** Schema per kind, for forms that edit one kind. */
export const kbEntrySchemaByKind = {
  regime: regimeEntrySchema,
  area_membership: areaMembershipEntrySchema,
  adequacy: adequacyEntrySchema,
  framework: frameworkEntrySchema,
  instrument: instrumentEntrySchema,
  derogation: derogationEntrySchema,
} as const;

/** The whole knowledge base; ids must be unique across all kinds. */
export const knowledgeBaseSchema = z
  .object({
    regime: z.array(regimeEntrySchema),
    area_membership: z.array(areaMembershipEntrySchema),
    adequacy: z.array(adequacyEntrySchema),
    framework: z.array(frameworkEntrySchema),
    instrument: z.array(instrumentEntrySchema),
    derogation: z.array(derogationEntrySchema),
  })
  .superRefine((kb, ctx) => {
    const seen = new Set<string>();
    for (const [kind, entries] of Object.entries(kb)) {
      entries.forEach((entry, index) => {
        if (seen.has(entry.id)) ctx.addIssue({ code: "custom", message: `duplicate id ${entry.id}`, path: [kind, index, "id"] });
        seen.add(entry.id);
      });
    }
  });

// Compile-time checks that the schemas produce exactly the hand-written types.
type Equals<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaTypeChecks: [
  Equals<z.infer<typeof regimeEntrySchema>, RegimeEntry>,
  Equals<z.infer<typeof areaMembershipEntrySchema>, AreaMembershipEntry>,
  Equals<z.infer<typeof adequacyEntrySchema>, AdequacyEntry>,
  Equals<z.infer<typeof frameworkEntrySchema>, FrameworkEntry>,
  Equals<z.infer<typeof instrumentEntrySchema>, InstrumentEntry>,
  Equals<z.infer<typeof derogationEntrySchema>, DerogationEntry>,
  Equals<z.infer<typeof knowledgeBaseEntrySchema>, KbEntry>,
  Equals<z.infer<typeof knowledgeBaseSchema>, KnowledgeBase>,
] = [true, true, true, true, true, true, true, true];
void schemaTypeChecks;
