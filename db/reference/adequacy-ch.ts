/**
 * Swiss adequacy: Annex 1 to the Data Protection Ordinance (binding from 2023-09-01, FADP Art. 16(1), DPO
 * Art. 8(1)); before that the FDPIC's indicative list under the FADP of 1992 Art. 6(1), which verdicts for
 * earlier dates cite. Sources: regulatory-facts.md §4; regulatory-facts-2.md "Switzerland" and "Adequacy
 * decisions" (Israel and the Faroe Islands listed without restriction; Canada including substantially similar
 * provincial laws; US-Swiss Safe Harbor ended with the FDPIC's statement of 2015-10-22).
 * Japan, Korea, Brazil and the EPO are not listed.
 */
import type { AdequacyEntry } from "../../server/domain/kb/types";
import { EEA_STATES, EU_TERRITORIES } from "./eea";
import { SRC, URI } from "./sources";

const ANNEX1 = "Annex 1 DPO (SR 235.11), FADP Art. 16(1); before 2023-09-01 the FDPIC's list";
const ANNEX1_URI = URI.DPO_ANNEX1;
/** What verdicts before 2023-09-01 cite: the FDPIC's list under the FADP of 1992. */
const FORMER = {
  formerInstrument: "FDPIC's list of countries, indicative",
  formerInstrumentUri: URI.FADP_1992,
  formerLegalBasis: "FADP of 1992 Art. 6(1)",
};

type ChAdequacyInput = Pick<AdequacyEntry, "id" | "destination" | "destinationName"> & Partial<AdequacyEntry>;

function createChAdequacy(input: ChAdequacyInput): AdequacyEntry {
  return {
    kind: "adequacy",
    regime: "CH",
    scope: "full",
    scopeCode: null,
    scopeText: "full",
    framework: null,
    instrument: "Annex 1 to the Data Protection Ordinance",
    instrumentUri: ANNEX1_URI,
    officialReference: "SR 235.11",
    legalBasis: "FADP Art. 16(1)",
    ...FORMER,
    adopted: null,
    published: null,
    effectiveFrom: null,
    endDate: null,
    endReason: null,
    status: "in_force",
    notes: ANNEX1,
    sources: [SRC.CH_BJ, SRC.CH_STEIGER, SRC.TMAI, SRC.REVIEW],
    ...input,
  };
}

const listed: [code: string, name: string][] = [
  ...EEA_STATES.map(([code, name]): [string, string] => [code, name]),
  ["AD", "Andorra"], ["AR", "Argentina"], ["GI", "Gibraltar"], ["GG", "Guernsey"], ["IM", "Isle of Man"],
  ["JE", "Jersey"], ["NZ", "New Zealand"], ["GB", "United Kingdom"], ["UY", "Uruguay"],
];

export const chAdequacy: AdequacyEntry[] = [
  ...listed.map(([code, name]) => createChAdequacy({ id: `ch-adequacy-${code.toLowerCase()}`, destination: code, destinationName: name })),
  ...EU_TERRITORIES.filter((t) => t.to === null).map((t) =>
    createChAdequacy({
      id: `ch-adequacy-${t.code.toLowerCase()}`, destination: t.code, destinationName: t.name,
      notes: `Part of ${t.state === "FR" ? "France" : "Finland"} (${t.reference}), which Annex 1 lists.`,
      unconfirmed: "Annex 1 lists states, not their territories: treating this territory as part of its state is derived, not in the facts.",
    }),
  ),
  createChAdequacy({
    id: "ch-adequacy-il", destination: "IL", destinationName: "Israel",
    notes: "Annex 1 lists Israel without a sector restriction (the EU decision is limited to automated processing; the Swiss listing is not).",
  }),
  createChAdequacy({
    id: "ch-adequacy-fo", destination: "FO", destinationName: "Faroe Islands",
    notes: "Annex 1 lists the Faroe Islands without a sector restriction.",
  }),
  createChAdequacy({
    id: "ch-adequacy-ca", destination: "CA", destinationName: "Canada", scope: "partial", scopeCode: "pipeda",
    scopeText: "the private sector where PIPEDA or a substantially similar provincial act applies",
    notes: "Annex 1 lists Canada as adequate where the PIPEDA or a substantially similar provincial act applies to the private sector (regulatory-facts-2.md).",
  }),
  createChAdequacy({
    id: "ch-adequacy-mc", destination: "MC", destinationName: "Monaco", effectiveFrom: "2023-09-01",
    unconfirmed: "Listed in Annex 1 from 2023-09-01; whether the FDPIC's earlier indicative list included Monaco is not in the facts.",
  }),
  createChAdequacy({
    id: "ch-adequacy-us-safe-harbor", destination: "US", destinationName: "United States", scope: "partial", scopeCode: "safe_harbor_ch",
    scopeText: "organisations self-certified under the US-Swiss Safe Harbor",
    framework: "safe_harbor_ch", instrument: "FDPIC's list of countries, US-Swiss Safe Harbor", instrumentUri: URI.FADP_1992,
    formerInstrument: "FDPIC's list of countries, US-Swiss Safe Harbor",
    officialReference: "FADP of 1992, SR 235.1, Art. 6(1)", legalBasis: "FADP of 1992 Art. 6(1)",
    endDate: "2015-10-21", endReason: "not_adequate", status: "withdrawn",
    notes: "The FDPIC declared on 2015-10-22 that the US-Swiss Safe Harbor was no longer a sufficient basis for transfers (companies were asked to adapt by the end of January 2016).",
    sources: [SRC.REVIEW, SRC.CH_PS_NATLAW, SRC.CH_PS_FAQ],
  }),
  createChAdequacy({
    id: "ch-adequacy-us-privacy-shield", destination: "US", destinationName: "United States", scope: "partial", scopeCode: "privacy_shield_ch",
    scopeText: "organisations self-certified under the Swiss-US Privacy Shield (FDPIC: adequate under certain conditions)",
    framework: "privacy_shield_ch", instrument: "FDPIC's list of countries, Swiss-US Privacy Shield", instrumentUri: URI.FADP_1992,
    formerInstrument: "FDPIC's list of countries, Swiss-US Privacy Shield",
    officialReference: "FADP of 1992, SR 235.1, Art. 6(1)", legalBasis: "FADP of 1992 Art. 6(1)",
    adopted: "2017-01-11", effectiveFrom: "2017-04-12", endDate: "2020-09-07", endReason: "not_adequate", status: "withdrawn",
    notes: "US on the FDPIC list from 2017-01-11; self-certification from 2017-04-12. FDPIC position paper of 2020-09-08: no adequate protection; US removed from the list.",
    sources: [SRC.CH_PS_NATLAW, "https://www.technologyslegaledge.com/2017/01/blog-post-swiss-us-privacy-shield-adopted-aligns-with-eu-us-privacy-shield/", SRC.CH_PS_FDPIC, SRC.CH_PS_FAQ],
  }),
  createChAdequacy({
    id: "ch-adequacy-us-dpf", destination: "US", destinationName: "United States", scope: "partial", scopeCode: "dpf_ch",
    scopeText: "organisations on the DPF List certified for the Swiss-U.S. DPF",
    framework: "dpf_ch", instrument: "Annex 1 DPO as amended by the Federal Council on 2024-08-14, Swiss-U.S. Data Privacy Framework",
    adopted: "2024-08-14", effectiveFrom: "2024-09-15",
    notes: "No SCC or TIA needed for certified recipients (Walder Wyss, Homburger).",
    sources: [SRC.CH_WALDER, SRC.CH_HOMBURGER, SRC.DPF_CH_PODCAST],
  }),
];
