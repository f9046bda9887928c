/**
 * Derogations for specific situations: GDPR / UK GDPR Art. 49 (before 2018-05-25: Directive 95/46/EC Art. 26(1));
 * Swiss FADP Art. 17(1) (before 2023-09-01: FADP of 1992 Art. 6(2)).
 * Interpreted restrictively (EDPB Guidelines 2/2018, adopted 2018-05-25): last resort; Art. 49(1)(b), (c) and
 * the second subparagraph cover only occasional, non-repetitive transfers; consent is not meant for systematic
 * transfers. The Swiss exceptions are their own list, without an "occasional" condition and without a
 * compelling-legitimate-interests ground. Sources: regulatory-facts.md §7; regulatory-facts-2.md "Derogations"
 * and "Switzerland".
 */
import type { DerogationBasis, DerogationEntry, RegimeId } from "../../server/domain/kb/types";
import { SRC } from "./sources";

const GDPR_SOURCES = [SRC.REVIEW, SRC.GDPR, SRC.DIRECTIVE, SRC.EDPB_02_2018, SRC.DEROG_MONDAQ, SRC.DEROG_LEXOLOGY, SRC.DEROG_PRIVACAD];
const SWISS_SOURCES = [SRC.REVIEW, SRC.FADP, SRC.FADP_1992];
const OLD_FADP_NOTE = "The FADP of 1992 Art. 6(2) letter is read from the 1992 text (Fedlex); the reviewed facts give only the new Art. 17(1) list.";

interface DerogationInput {
  basis: DerogationBasis;
  title: string;
  occasionalOnly?: boolean;
  occasionalExpected?: boolean;
  references: Partial<Record<RegimeId, string>>;
  formerReferences?: Partial<Record<RegimeId, string | null>>;
  notes?: string;
  swiss?: boolean;
}

function createDerogation(input: DerogationInput): DerogationEntry {
  const id = `derogation-${input.basis.replace(/\(/g, "-").replace(/\)/g, "")}`;
  const formerCh = input.formerReferences?.CH;
  return {
    id,
    kind: "derogation",
    basis: input.basis,
    title: input.title,
    occasionalOnly: input.occasionalOnly ?? false,
    ...(input.occasionalExpected ? { occasionalExpected: true } : {}),
    references: input.references,
    ...(input.formerReferences ? { formerReferences: input.formerReferences } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
    ...(typeof formerCh === "string" ? { unconfirmed: OLD_FADP_NOTE } : {}),
    sources: input.swiss ? SWISS_SOURCES : GDPR_SOURCES,
  };
}

const gdpr = (letter: string) => ({ EU: `GDPR Art. 49(1)(${letter})`, UK: `UK GDPR Art. 49(1)(${letter})` });

export const derogations: DerogationEntry[] = [
  createDerogation({
    basis: "49(1)(a)", title: "Explicit consent after being informed of the risks", occasionalExpected: true,
    references: { ...gdpr("a"), CH: "FADP Art. 17(1)(a)" },
    formerReferences: { EU: "Directive 95/46/EC Art. 26(1)(a)", CH: "FADP of 1992 Art. 6(2)(b)" },
    notes: "Not for public authorities exercising public powers (Art. 49(3)). Not meant for systematic transfers (EDPB Guidelines 2/2018 § 2.1).",
  }),
  createDerogation({
    basis: "49(1)(b)", title: "Performance of a contract with the data subject or pre-contractual measures", occasionalOnly: true,
    references: { ...gdpr("b"), CH: "FADP Art. 17(1)(b)(1)" },
    formerReferences: { EU: "Directive 95/46/EC Art. 26(1)(b)", CH: "FADP of 1992 Art. 6(2)(c)" },
    notes: "Occasional only (recital 111; EDPB Guidelines 2/2018 § 2.2).",
  }),
  createDerogation({
    basis: "49(1)(c)", title: "Contract concluded in the data subject's interest with another person", occasionalOnly: true,
    references: { ...gdpr("c"), CH: "FADP Art. 17(1)(b)(2)" },
    formerReferences: { EU: "Directive 95/46/EC Art. 26(1)(c)", CH: null },
    notes: "Occasional only (recital 111; EDPB Guidelines 2/2018 § 2.2). The FADP of 1992 Art. 6(2)(c) covered only the data of a contracting party.",
  }),
  createDerogation({
    basis: "49(1)(d)", title: "Important reasons of public interest recognised in Union or Member State law",
    references: { ...gdpr("d"), CH: "FADP Art. 17(1)(c)(1)" },
    formerReferences: { EU: "Directive 95/46/EC Art. 26(1)(d)", CH: "FADP of 1992 Art. 6(2)(d)" },
    notes: "Art. 49(4).",
  }),
  createDerogation({
    basis: "49(1)(e)", title: "Establishment, exercise or defence of legal claims", occasionalExpected: true,
    references: { ...gdpr("e"), CH: "FADP Art. 17(1)(c)(2)" },
    formerReferences: { EU: "Directive 95/46/EC Art. 26(1)(d)", CH: "FADP of 1992 Art. 6(2)(d)" },
    notes: "Recital 111 speaks of occasional transfers in relation to legal claims; the regulatory review confines only (b), (c) and the second subparagraph, so a regular transfer here is a warning.",
  }),
  createDerogation({
    basis: "49(1)(f)", title: "Vital interests where the data subject is incapable of giving consent",
    references: { ...gdpr("f"), CH: "FADP Art. 17(1)(d)" },
    formerReferences: { EU: "Directive 95/46/EC Art. 26(1)(e)", CH: "FADP of 1992 Art. 6(2)(e)" },
  }),
  createDerogation({
    basis: "49(1)(g)", title: "Transfer from a public register",
    references: { ...gdpr("g"), CH: "FADP Art. 17(1)(f)" },
    formerReferences: { EU: "Directive 95/46/EC Art. 26(1)(f)", CH: null },
    notes: "Not the entire register (Art. 49(2)). The FADP of 1992 had no register exception.",
  }),
  createDerogation({
    basis: "49(1)-2", title: "Compelling legitimate interests, not repetitive, limited number of data subjects", occasionalOnly: true,
    references: { EU: "GDPR Art. 49(1) second subparagraph", UK: "UK GDPR Art. 49(1) second subparagraph" },
    formerReferences: { EU: null },
    notes: "Exists only from 2018-05-25 (Directive 95/46/EC Art. 26 had no such ground) and has no Swiss counterpart. The controller must inform the SA and the data subject and document the assessment in the Art. 30 record (Art. 49(1) second subparagraph, 49(6)). DPV labels it A49-2, which is wrong.",
  }),
  // The Swiss list (FADP Art. 17(1)); the FADP of 1992 letters in Art. 6(2) are one later.
  createDerogation({ basis: "17(1)(a)", title: "Explicit consent to the disclosure", swiss: true, references: { CH: "FADP Art. 17(1)(a)" }, formerReferences: { CH: "FADP of 1992 Art. 6(2)(b)" } }),
  createDerogation({
    basis: "17(1)(b)", title: "Directly connected with a contract with the data subject, or with a contracting partner in the data subject's interest", swiss: true,
    references: { CH: "FADP Art. 17(1)(b)" }, formerReferences: { CH: "FADP of 1992 Art. 6(2)(c)" },
    notes: "The FADP of 1992 Art. 6(2)(c) covered only the data of a contracting party.",
  }),
  createDerogation({
    basis: "17(1)(c)", title: "Overriding public interest, or legal claims before a court or another competent foreign authority", swiss: true,
    references: { CH: "FADP Art. 17(1)(c)" }, formerReferences: { CH: "FADP of 1992 Art. 6(2)(d)" },
  }),
  createDerogation({
    basis: "17(1)(d)", title: "Life or physical integrity of the data subject or a third party, consent not obtainable in reasonable time", swiss: true,
    references: { CH: "FADP Art. 17(1)(d)" }, formerReferences: { CH: "FADP of 1992 Art. 6(2)(e)" },
  }),
  createDerogation({
    basis: "17(1)(e)", title: "Data made generally accessible by the data subject, who did not expressly object", swiss: true,
    references: { CH: "FADP Art. 17(1)(e)" }, formerReferences: { CH: "FADP of 1992 Art. 6(2)(f)" },
    notes: "No GDPR counterpart.",
  }),
  createDerogation({
    basis: "17(1)(f)", title: "Data from a register provided for by law, accessible to the public or to persons with a legitimate interest", swiss: true,
    references: { CH: "FADP Art. 17(1)(f)" }, formerReferences: { CH: null },
    notes: "New in the revised FADP; the FADP of 1992 Art. 6(2)(g) concerned intra-group rules, which the registry records as binding corporate rules.",
  }),
];
