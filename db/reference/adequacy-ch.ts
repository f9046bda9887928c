/**
 * Swiss adequacy: Annex 1 to the Data Protection Ordinance (binding from 2023-09-01, FADP Art. 16(1), DPO
 * Art. 8(1)); before that the FDPIC's indicative list. Source: regulatory-facts.md §4.
 * Japan, Korea, Brazil and the EPO are not listed.
 */
import type { AdequacyEntry } from "../../server/domain/kb/types";
import { EEA_STATES } from "./eea";
import { SRC } from "./sources";

const ANNEX1 = "Annex 1 DPO (SR 235.11), FADP Art. 16(1); before 2023-09-01 the FDPIC's list";
const ANNEX1_URI = "https://www.fedlex.admin.ch/eli/cc/2022/568/en#annex_1";

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
    legalBasis: "FADP Art. 16(1)",
    adopted: null,
    published: null,
    effectiveFrom: null,
    endDate: null,
    endReason: null,
    status: "in_force",
    notes: ANNEX1,
    sources: [SRC.CH_BJ, SRC.CH_STEIGER, SRC.TMAI],
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
  createChAdequacy({
    id: "ch-adequacy-il", destination: "IL", destinationName: "Israel", scope: "partial", scopeCode: "israel_automated",
    scopeText: "as listed in Annex 1 DPO (the EU decision covers automated transfers)",
  }),
  createChAdequacy({
    id: "ch-adequacy-fo", destination: "FO", destinationName: "Faroe Islands", scope: "partial", scopeCode: "faroese_act",
    scopeText: "recipients subject to the Faroese Act on Processing of Personal Data",
  }),
  createChAdequacy({
    id: "ch-adequacy-ca", destination: "CA", destinationName: "Canada", scope: "partial", scopeCode: "pipeda",
    scopeText: "recipients subject to PIPEDA (assumed, as under the EU decision)",
    unconfirmed: "Whether Annex 1 limits Canada to PIPEDA was not verified on Fedlex (Facts not confirmed #6).",
  }),
  createChAdequacy({
    id: "ch-adequacy-mc", destination: "MC", destinationName: "Monaco", effectiveFrom: "2023-09-01",
    unconfirmed: "Listed in Annex 1 from 2023-09-01; whether the FDPIC's earlier indicative list included Monaco is not in the facts.",
  }),
  createChAdequacy({
    id: "ch-adequacy-us-safe-harbor", destination: "US", destinationName: "United States", scope: "partial", scopeCode: "safe_harbor_ch",
    scopeText: "organisations self-certified under the US-Swiss Safe Harbor",
    framework: "safe_harbor_ch", instrument: "FDPIC list (US-Swiss Safe Harbor)", instrumentUri: null, legalBasis: "FADP (1992) Art. 6(1)",
    endDate: "2017-04-11", endReason: "superseded", status: "superseded",
    unconfirmed: "The facts only say the Swiss-US Privacy Shield (self-certification from 2017-04-12) replaced the US-Swiss Safe Harbor; the FDPIC's own end date for Safe Harbor is not recorded.",
    sources: [SRC.CH_PS_NATLAW, SRC.CH_PS_FAQ],
  }),
  createChAdequacy({
    id: "ch-adequacy-us-privacy-shield", destination: "US", destinationName: "United States", scope: "partial", scopeCode: "privacy_shield_ch",
    scopeText: "organisations self-certified under the Swiss-US Privacy Shield (FDPIC: adequate under certain conditions)",
    framework: "privacy_shield_ch", instrument: "FDPIC list (Swiss-US Privacy Shield)", instrumentUri: null, legalBasis: "FADP (1992) Art. 6(1)",
    adopted: "2017-01-11", effectiveFrom: "2017-04-12", endDate: "2020-09-07", endReason: "not_adequate", status: "withdrawn",
    notes: "US on the FDPIC list from 2017-01-11; self-certification from 2017-04-12. FDPIC position paper of 2020-09-08: no adequate protection; US removed from the list.",
    sources: [SRC.CH_PS_NATLAW, "https://www.technologyslegaledge.com/2017/01/blog-post-swiss-us-privacy-shield-adopted-aligns-with-eu-us-privacy-shield/", SRC.CH_PS_FDPIC, SRC.CH_PS_FAQ],
  }),
  createChAdequacy({
    id: "ch-adequacy-us-dpf", destination: "US", destinationName: "United States", scope: "partial", scopeCode: "dpf_ch",
    scopeText: "organisations on the DPF List certified for the Swiss-U.S. DPF",
    framework: "dpf_ch", instrument: "Annex 1 DPO as amended by the Federal Council on 2024-08-14 (Swiss-U.S. Data Privacy Framework)",
    adopted: "2024-08-14", effectiveFrom: "2024-09-15",
    notes: "No SCC or TIA needed for certified recipients (Walder Wyss, Homburger).",
    sources: [SRC.CH_WALDER, SRC.CH_HOMBURGER, SRC.DPF_CH_PODCAST],
  }),
];
