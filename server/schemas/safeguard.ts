/**
 * Input schemas for safeguards (transfer tools), used by the tRPC router on the
 * server; the safeguard form shows their messages (its choices and labels come from
 * server/domain/choices/safeguard-labels.ts, without zod). Structural rules live here (which fields each type
 * needs); rules that depend on the knowledge base (e.g. the last day old SCCs
 * could be signed) are checked by server/services/safeguards.ts.
 */
import { z } from "zod";
import { DEROGATION_BASES } from "@/server/domain/kb/types";
import { BCR_VARIANTS, SAFEGUARD_TYPES, SCC_VERSIONS } from "@/server/domain/registry/types";
import { APPROVED_TYPES, SAFEGUARD_SORTS, SIGNED_TYPES } from "@/server/domain/choices/safeguard-labels";
import { isoDate } from "./dates";
import { optionalDate, optionalRegistryId, optionalText } from "./transfer";

export * from "@/server/domain/choices/safeguard-labels";

export const safeguardFieldsSchema = z
  .object({
    type: z.enum(SAFEGUARD_TYPES, { error: "Choose the type of safeguard." }),
    title: z.string({ error: "Enter a title." }).trim().min(1, "Enter a title.").max(200, "The title must be at most 200 characters."),
    partyIds: z
      .array(z.string().min(1))
      .max(100)
      .default([])
      .refine((a) => new Set(a).size === a.length, { message: "Each party may be listed only once." }),
    sccVersion: z.enum(SCC_VERSIONS).nullable().optional().transform((v) => v ?? null),
    modules: z.array(z.number().int().min(1).max(4)).max(4).default([]),
    signed: optionalDate(),
    approved: optionalDate(),
    ended: optionalDate(),
    dockingClause: z.boolean().default(false),
    ukAddendum: z.boolean().default(false),
    ukAddendumVersion: optionalText(50, "The UK Addendum version"),
    swissAdaptations: z.boolean().default(false),
    supervisoryAuthority: optionalText(200, "The supervisory authority"),
    governingLaw: optionalText(100, "The governing law"),
    idtaVersion: optionalText(50, "The IDTA version"),
    bcrVariant: z.enum(BCR_VARIANTS).nullable().optional().transform((v) => v ?? null),
    approvingAuthority: optionalText(200, "The approving authority"),
    reference: optionalText(300, "The reference"),
    derogationBasis: z.enum(DEROGATION_BASES).nullable().optional().transform((v) => v ?? null),
    justification: optionalText(5000, "The justification"),
    saInformedOn: optionalDate(),
    notes: optionalText(5000, "Notes"),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, ok: unknown, message: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
    };
    switch (v.type) {
      case "scc":
        need("sccVersion", v.sccVersion, "Choose the SCC version (the Commission decision).");
        need("signed", v.signed, "Enter the date the clauses were signed.");
        need("partyIds", v.partyIds.length >= 2, "Add the parties that signed: at least the exporter and the importer.");
        if (v.sccVersion === "2021/914") need("modules", v.modules.length > 0, "Choose at least one module.");
        if (v.sccVersion && v.sccVersion !== "2021/914" && v.modules.length > 0) {
          ctx.addIssue({ code: "custom", path: ["modules"], message: "Only the 2021/914 SCCs have modules." });
        }
        if (v.ukAddendumVersion && !v.ukAddendum) ctx.addIssue({ code: "custom", path: ["ukAddendumVersion"], message: "Tick “UK Addendum attached” or leave the version empty." });
        break;
      case "uk_idta":
        need("signed", v.signed, "Enter the date the IDTA was signed.");
        need("partyIds", v.partyIds.length >= 2, "Add the parties that signed: at least the exporter and the importer.");
        break;
      case "bcr":
        need("bcrVariant", v.bcrVariant, "Choose controller or processor BCR.");
        need("approved", v.approved, "Enter the date the competent authority approved the BCR.");
        need("approvingAuthority", v.approvingAuthority, "Enter the approving (lead) supervisory authority.");
        need("partyIds", v.partyIds.length >= 1, "Add the group members bound by the BCR.");
        break;
      case "code_of_conduct":
      case "certification":
      case "ad_hoc_clauses":
        need("approved", v.approved, "Enter the approval date.");
        need("reference", v.reference, "Enter the approval reference.");
        break;
      case "derogation":
        need("derogationBasis", v.derogationBasis, "Choose the Art. 49 basis.");
        need("justification", v.justification, "Explain why the derogation applies (EDPB Guidelines 2/2018).");
        if (v.derogationBasis === "49(1)-2") need("saInformedOn", v.saInformedOn, "Enter when the supervisory authority was informed (Art. 49(1) second subparagraph).");
        break;
    }
    const start = SIGNED_TYPES.includes(v.type) ? v.signed : v.approved;
    if (v.ended && start && v.ended < start) ctx.addIssue({ code: "custom", path: ["ended"], message: "The end date must be on or after the signing or approval date." });
  })
  .transform((v) => {
    // Keep only the fields that mean something for the chosen type.
    const scc = v.type === "scc";
    const signedType = SIGNED_TYPES.includes(v.type);
    const approvedType = APPROVED_TYPES.includes(v.type);
    return {
      ...v,
      sccVersion: scc ? v.sccVersion : null,
      modules: scc && v.sccVersion === "2021/914" ? [...new Set(v.modules)].sort() : [],
      signed: signedType ? v.signed : null,
      approved: approvedType ? v.approved : null,
      ended: v.type === "derogation" ? null : v.ended,
      dockingClause: scc ? v.dockingClause : false,
      ukAddendum: scc ? v.ukAddendum : false,
      ukAddendumVersion: scc && v.ukAddendum ? v.ukAddendumVersion : null,
      swissAdaptations: scc ? v.swissAdaptations : false,
      supervisoryAuthority: scc ? v.supervisoryAuthority : null,
      governingLaw: scc ? v.governingLaw : null,
      idtaVersion: v.type === "uk_idta" ? v.idtaVersion : null,
      bcrVariant: v.type === "bcr" ? v.bcrVariant : null,
      approvingAuthority: v.type === "bcr" ? v.approvingAuthority : null,
      reference: approvedType && v.type !== "bcr" ? v.reference : null,
      derogationBasis: v.type === "derogation" ? v.derogationBasis : null,
      justification: v.type === "derogation" ? v.justification : null,
      saInformedOn: v.type === "derogation" && v.derogationBasis === "49(1)-2" ? v.saInformedOn : null,
    };
  });

export type SafeguardFieldsInput = z.input<typeof safeguardFieldsSchema>;
export type SafeguardFields = z.output<typeof safeguardFieldsSchema>;

export const createSafeguardSchema = z.object({
  id: optionalRegistryId,
  fields: safeguardFieldsSchema,
  /** A transfer that relies on the new safeguard from now on (the remedy of a flag): linked in the same transaction. */
  attachToTransferId: z.string().min(1).max(200).optional(),
});
export const updateSafeguardSchema = z.object({ id: z.string().min(1), version: z.number().int().positive(), fields: safeguardFieldsSchema });

export const listSafeguardsSchema = z.object({
  search: z.string().trim().max(200).optional(),
  type: z.enum(SAFEGUARD_TYPES).optional(),
  partyId: z.string().min(1).optional(),
  archived: z.enum(["active", "archived", "all"]).default("active"),
  sort: z.enum(SAFEGUARD_SORTS).default("title"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
  /** The date whose state ("in force", "not yet signed", "ended") the list shows (absent: today). */
  asOf: isoDate().optional(),
});
export type ListSafeguardsInput = z.input<typeof listSafeguardsSchema>;

export const safeguardIdSchema = z.object({ id: z.string().min(1) });
/** One safeguard with the statuses of the transfers relying on it as of a date (absent: today). */
export const safeguardAtSchema = z.object({ id: z.string().min(1), asOf: isoDate().optional() });
export const archiveSafeguardSchema = z.object({ id: z.string().min(1), version: z.number().int().positive() });
