/**
 * Derogations for specific situations: GDPR / UK GDPR Art. 49; Swiss FADP Art. 17.
 * Interpreted restrictively (EDPB Guidelines 2/2018, adopted 2018-05-25): last resort, and "occasional" means
 * outside the regular course of action. Source: regulatory-facts.md §7.
 */
import type { DerogationBasis, DerogationEntry } from "../../server/domain/kb/types";
import { SRC } from "./sources";

const SWISS_NOTE = "The Swiss FADP Art. 17 exceptions broadly mirror Art. 49; the exact Swiss lettering is not in regulatory-facts.md.";

function createDerogation(basis: DerogationBasis, title: string, occasionalOnly: boolean, notes?: string): DerogationEntry {
  const gdpr = basis === "49(1)-2" ? "Art. 49(1) second subparagraph" : `Art. ${basis}`;
  return {
    id: `derogation-${basis.replace(/\(/g, "-").replace(/\)/g, "")}`,
    kind: "derogation",
    basis,
    title,
    occasionalOnly,
    references: { EU: `GDPR ${gdpr}`, UK: `UK GDPR ${gdpr}`, CH: "FADP Art. 17" },
    ...(notes ? { notes } : {}),
    unconfirmed: SWISS_NOTE,
    sources: [SRC.GDPR, SRC.DEROG_MONDAQ, SRC.DEROG_LEXOLOGY, SRC.DEROG_PRIVACAD],
  };
}

export const derogations: DerogationEntry[] = [
  createDerogation("49(1)(a)", "Explicit consent after being informed of the risks", false, "Not for public authorities exercising public powers (Art. 49(3))."),
  createDerogation("49(1)(b)", "Performance of a contract with the data subject or pre-contractual measures", true, "Occasional only (recital 111)."),
  createDerogation("49(1)(c)", "Contract concluded in the data subject's interest with another person", true, "Occasional only (recital 111)."),
  createDerogation("49(1)(d)", "Important reasons of public interest recognised in Union or Member State law", false, "Art. 49(4)."),
  createDerogation("49(1)(e)", "Establishment, exercise or defence of legal claims", true, "Occasional only (recital 111)."),
  createDerogation("49(1)(f)", "Vital interests where the data subject is incapable of giving consent", false),
  createDerogation("49(1)(g)", "Transfer from a public register", false, "Not the entire register (Art. 49(2))."),
  createDerogation("49(1)-2", "Compelling legitimate interests (not repetitive, limited number of data subjects)", true, "Controller must inform the SA and the data subject and document it (Art. 49(6)). DPV labels it A49-2, which is wrong."),
];
