/**
 * Safeguard choices and their labels: plain constants without zod, safe to import from client components
 * (the zod schemas in ./safeguard.ts validate on the server and re-export these).
 */
import { DEROGATION_BASES } from "@/server/domain/kb/types";
import { BCR_VARIANTS, SAFEGUARD_TYPES, SCC_VERSIONS } from "@/server/domain/registry/types";

export { BCR_VARIANTS, DEROGATION_BASES, SAFEGUARD_TYPES, SCC_VERSIONS };

export type SafeguardType = (typeof SAFEGUARD_TYPES)[number];
export const SAFEGUARD_TYPE_LABELS: Record<SafeguardType, string> = {
  scc: "EU standard contractual clauses (SCCs)",
  uk_idta: "UK International Data Transfer Agreement (IDTA)",
  bcr: "Binding corporate rules (BCR)",
  code_of_conduct: "Approved code of conduct",
  certification: "Approved certification mechanism",
  ad_hoc_clauses: "Ad hoc contractual clauses",
  derogation: "Art. 49 derogation",
};
export const SAFEGUARD_TYPE_SHORT: Record<SafeguardType, string> = {
  scc: "SCCs",
  uk_idta: "UK IDTA",
  bcr: "BCR",
  code_of_conduct: "Code of conduct",
  certification: "Certification",
  ad_hoc_clauses: "Ad hoc clauses",
  derogation: "Derogation",
};

export type SccVersion = (typeof SCC_VERSIONS)[number];
export { SCC_VERSION_LABELS } from "@/server/domain/labels";

export const SCC_MODULES = [1, 2, 3, 4] as const;
export const SCC_MODULE_LABELS: Record<number, string> = {
  1: "Module 1: controller → controller",
  2: "Module 2: controller → processor",
  3: "Module 3: processor → processor",
  4: "Module 4: processor → controller",
};

export const BCR_VARIANT_LABELS: Record<(typeof BCR_VARIANTS)[number], string> = { controller: "BCR-C (controllers)", processor: "BCR-P (processors)" };

export type DerogationBasis = (typeof DEROGATION_BASES)[number];
export { DEROGATION_LABELS as DEROGATION_BASIS_LABELS } from "@/server/domain/labels";

/** Types signed by their parties (the others are approved). */
export const SIGNED_TYPES: readonly SafeguardType[] = ["scc", "uk_idta"];
export const APPROVED_TYPES: readonly SafeguardType[] = ["bcr", "code_of_conduct", "certification", "ad_hoc_clauses"];

export const SAFEGUARD_SORTS = ["title", "type", "date", "updatedAt"] as const;
export type SafeguardSort = (typeof SAFEGUARD_SORTS)[number];
