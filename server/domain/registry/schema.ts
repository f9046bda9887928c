/**
 * Zod schemas for `transfer-registry/v1`, for the app's forms and API inputs. Objects are loose: unknown
 * fields are kept, so they round-trip. Cross-references (unknown ids, duplicates) are checked by
 * {@link validateRegistryDocument} in validate.ts, which is also much faster on large documents.
 */
import { z } from "zod";
import { isValidIsoDate } from "../dates";
import { DEROGATION_BASES, FRAMEWORKS, PARTY_ROLES, REGIMES } from "../kb/types";
import { isDestinationCode, isIsoCountryCode } from "./iso-countries";
import {
  ADEQUACY_SCOPE_ANSWERS,
  BCR_VARIANTS,
  COVERED_DATA,
  TIA_OUTCOMES,
  FREQUENCIES,
  PARTY_RELATIONSHIPS,
  REGISTRY_FORMAT,
  SCC_VERSIONS,
  type RegistryDocument,
  type RegistryParty,
  type RegistrySafeguard,
  type RegistryTransfer,
} from "./types";

export const registryDateSchema = z.string().refine(isValidIsoDate, { message: "must be a real date written YYYY-MM-DD" });
const optionalEnd = registryDateSchema.nullable().optional();
export const countryCodeSchema = z.string().refine(isIsoCountryCode, { message: "must be an ISO 3166-1 alpha-2 country code" });
/** A transfer destination: ISO 3166-1 alpha-2, or `org:ID` for an international organisation. */
export const destinationSchema = z.string().refine(isDestinationCode, { message: "must be an ISO 3166-1 alpha-2 country code or org:ID for an international organisation" });
/** Party ids: `[a-z0-9._-]`, 1–64 characters. */
export const partyIdSchema = z.string().regex(/^[a-z0-9._-]{1,64}$/, "must be 1–64 characters of a-z 0-9 . _ -");
const refIdSchema = z.string().min(1);

/** An inclusive range's end may not come before its start (both already checked as dates). */
function endNotBefore(startKey: string, endKey: string): [(value: Record<string, unknown>) => boolean, { message: string; path: PropertyKey[] }] {
  return [
    (value) => {
      const start = value[startKey];
      const end = value[endKey];
      return typeof end !== "string" || typeof start !== "string" || end >= start;
    },
    { message: `${endKey} is before ${startKey}`, path: [endKey] },
  ];
}

export const registryCertificationSchema = z.looseObject({
  framework: z.enum(FRAMEWORKS),
  from: registryDateSchema,
  to: optionalEnd,
  coveredData: z.enum(COVERED_DATA).nullable().optional(),
}).refine(...endNotBefore("from", "to"));

export const registryPartySchema = z.looseObject({
  id: partyIdSchema,
  name: z.string().min(1),
  relationship: z.enum(PARTY_RELATIONSHIPS),
  country: countryCodeSchema,
  certifications: z.array(registryCertificationSchema).optional(),
});

const sccSafeguardSchema = z.looseObject({
  id: refIdSchema,
  type: z.literal("scc"),
  version: z.enum(SCC_VERSIONS),
  modules: z.array(z.number().int().min(1).max(4)).optional(),
  parties: z.array(refIdSchema),
  signed: registryDateSchema,
  ended: optionalEnd,
  ukAddendum: z.boolean().optional(),
  swissAdaptations: z.boolean().optional(),
})
  .refine(...endNotBefore("signed", "ended"))
  .refine((sg) => (sg.version === "2021/914" ? (sg.modules?.length ?? 0) > 0 : (sg.modules?.length ?? 0) === 0), {
    message: "modules are required for 2021/914 and exist only for it",
    path: ["modules"],
  });

const idtaSafeguardSchema = z.looseObject({
  id: refIdSchema,
  type: z.literal("uk_idta"),
  parties: z.array(refIdSchema),
  signed: registryDateSchema,
  ended: optionalEnd,
}).refine(...endNotBefore("signed", "ended"));

const bcrSafeguardSchema = z.looseObject({
  id: refIdSchema,
  type: z.literal("bcr"),
  variant: z.enum(BCR_VARIANTS),
  approved: registryDateSchema,
  ended: optionalEnd,
  members: z.array(refIdSchema),
  approvals: z.array(z.looseObject({ regime: z.enum(REGIMES), authority: z.string().min(1).optional(), approved: registryDateSchema })).optional(),
}).refine(...endNotBefore("approved", "ended"));

const approvedToolSafeguardSchema = z.looseObject({
  id: refIdSchema,
  type: z.enum(["code_of_conduct", "certification", "ad_hoc_clauses"]),
  approved: registryDateSchema,
  ended: optionalEnd,
  reference: z.string().min(1),
  parties: z.array(refIdSchema).optional(),
}).refine(...endNotBefore("approved", "ended"));

const derogationSafeguardSchema = z.looseObject({
  id: refIdSchema,
  type: z.literal("derogation"),
  basis: z.enum(DEROGATION_BASES),
});

export const registrySafeguardSchema = z.union([
  sccSafeguardSchema,
  idtaSafeguardSchema,
  bcrSafeguardSchema,
  approvedToolSafeguardSchema,
  derogationSafeguardSchema,
]);

export const registryTransferSchema = z.looseObject({
  id: refIdSchema,
  exporter: refIdSchema,
  recipient: refIdSchema,
  destination: destinationSchema,
  exporterRole: z.enum(PARTY_ROLES),
  recipientRole: z.enum(PARTY_ROLES),
  start: registryDateSchema,
  end: optionalEnd,
  frequency: z.enum(FREQUENCIES),
  safeguards: z.array(refIdSchema).optional(),
  tia: z
    .looseObject({
      completed: registryDateSchema,
      nextReview: optionalEnd,
      outcome: z.enum(TIA_OUTCOMES).nullable().optional(),
      measuresTechnical: z.string().nullable().optional(),
      measuresContractual: z.string().nullable().optional(),
      measuresOrganisational: z.string().nullable().optional(),
    })
    .refine(...endNotBefore("completed", "nextReview"))
    .nullable()
    .optional(),
  hrData: z.boolean().optional(),
  adequacyScope: z.enum(ADEQUACY_SCOPE_ANSWERS).nullable().optional(),
  specialCategory: z.boolean().optional(),
}).refine(...endNotBefore("start", "end"));

export const registryDocumentSchema = z.looseObject({
  format: z.literal(REGISTRY_FORMAT),
  parties: z.array(registryPartySchema),
  safeguards: z.array(registrySafeguardSchema).optional(),
  transfers: z.array(registryTransferSchema),
});

/** Formats a zod issue path as the JSON path used in validation errors (`transfers[3].recipient`). */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "$" : out;
}

// The zod output types must be usable as the hand-written registry types.
type Assignable<A, B> = [A] extends [B] ? true : false;
const schemaTypeChecks: [
  Assignable<z.infer<typeof registryPartySchema>, RegistryParty>,
  Assignable<z.infer<typeof registrySafeguardSchema>, RegistrySafeguard>,
  Assignable<z.infer<typeof registryTransferSchema>, RegistryTransfer>,
  Assignable<z.infer<typeof registryDocumentSchema>, RegistryDocument>,
] = [true, true, true, true];
void schemaTypeChecks;
