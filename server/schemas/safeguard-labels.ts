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
export const SCC_VERSION_LABELS: Record<SccVersion, string> = {
  "2001/497": "Decision 2001/497/EC (set I, controller→controller)",
  "2004/915": "Decision 2004/915/EC (set II, controller→controller)",
  "2010/87": "Decision 2010/87/EU (controller→processor)",
  "2021/914": "Implementing Decision (EU) 2021/914 (modular)",
};

export const SCC_MODULES = [1, 2, 3, 4] as const;
export const SCC_MODULE_LABELS: Record<number, string> = {
  1: "Module 1: controller → controller",
  2: "Module 2: controller → processor",
  3: "Module 3: processor → processor",
  4: "Module 4: processor → controller",
};

export const BCR_VARIANT_LABELS: Record<(typeof BCR_VARIANTS)[number], string> = { controller: "BCR-C (controllers)", processor: "BCR-P (processors)" };

export type DerogationBasis = (typeof DEROGATION_BASES)[number];
export const DEROGATION_BASIS_LABELS: Record<DerogationBasis, string> = {
  "49(1)(a)": "49(1)(a) explicit consent",
  "49(1)(b)": "49(1)(b) performance of a contract with the data subject",
  "49(1)(c)": "49(1)(c) contract in the data subject's interest",
  "49(1)(d)": "49(1)(d) important reasons of public interest",
  "49(1)(e)": "49(1)(e) legal claims",
  "49(1)(f)": "49(1)(f) vital interests",
  "49(1)(g)": "49(1)(g) public register",
  "49(1)-2": "49(1) second subparagraph: compelling legitimate interests",
};

/** Types signed by their parties (the others are approved). */
export const SIGNED_TYPES: readonly SafeguardType[] = ["scc", "uk_idta"];
export const APPROVED_TYPES: readonly SafeguardType[] = ["bcr", "code_of_conduct", "certification", "ad_hoc_clauses"];

export const SAFEGUARD_SORTS = ["title", "type", "date", "updatedAt"] as const;
export type SafeguardSort = (typeof SAFEGUARD_SORTS)[number];
