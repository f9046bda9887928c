/**
 * UK adequacy regulations ("data bridges"; from 2026-02-05 "transfers approved by regulations", UK GDPR
 * Art. 45A). DPA 2018 Sch. 21 paras 4–5 carried the EEA and the EU's then-existing decisions over from the end
 * of the transition period (2021-01-01). Source: regulatory-facts.md §3a.
 */
import type { AdequacyEntry } from "../../server/domain/kb/types";
import { EEA_STATES, EU_TERRITORIES } from "./eea";
import { SRC, URI } from "./sources";

/**
 * From 2026-02-05 existing adequacy regulations and the Sch. 21 listings are treated as approvals under UK GDPR
 * Art. 45A (DPA 2018 Sch. 21 para. 4 as amended by the Data (Use and Access) Act 2025 Sch. 9 para. 25).
 */
const CURRENT = "UK GDPR Art. 45A";
const FORMER = "UK GDPR Art. 45";
const SCH21_URI = URI.DPA_SCH21;

type UkAdequacyInput = Pick<AdequacyEntry, "id" | "destination" | "destinationName"> & Partial<AdequacyEntry>;

function createUkAdequacy(input: UkAdequacyInput): AdequacyEntry {
  return {
    kind: "adequacy",
    regime: "UK",
    scope: "full",
    scopeCode: null,
    scopeText: "full",
    framework: null,
    instrument: "Data Protection Act 2018 Sch. 21 para. 5, carried-over EU adequacy decision",
    instrumentUri: SCH21_URI,
    legalBasis: CURRENT,
    formerLegalBasis: FORMER,
    adopted: null,
    published: null,
    effectiveFrom: "2021-01-01",
    endDate: null,
    endReason: null,
    status: "in_force",
    sources: [SRC.HANDLEY_GILL, SRC.DLA_GB, SRC.DUAA_SCH9_25],
    ...input,
  };
}

const eea: AdequacyEntry[] = EEA_STATES.map(([code, name]) =>
  createUkAdequacy({
    id: `uk-adequacy-${code.toLowerCase()}`,
    destination: code,
    destinationName: name,
    instrument: "Data Protection Act 2018 Sch. 21 para. 4, EEA states",
    sources: [SRC.HANDLEY_GILL, SRC.DPA_SCH21, SRC.DUAA_SCH9_25],
  }),
);

/** EU territories with their own ISO code, covered as parts of their EEA state (regulatory-facts-2.md). */
const eeaTerritories: AdequacyEntry[] = EU_TERRITORIES.filter((t) => t.to === null).map((t) =>
  createUkAdequacy({
    id: `uk-adequacy-${t.code.toLowerCase()}`,
    destination: t.code,
    destinationName: t.name,
    instrument: "Data Protection Act 2018 Sch. 21 para. 4, EEA states",
    notes: `Part of ${t.state === "FR" ? "France" : "Finland"} (${t.reference}).`,
    unconfirmed: "Sch. 21 lists EEA states, not their territories: treating this territory as part of its state is derived, not in the facts.",
    sources: [SRC.REVIEW, SRC.DPA_SCH21],
  }),
);

const carriedOver: [code: string, name: string][] = [
  ["CH", "Switzerland"], ["AR", "Argentina"], ["GG", "Guernsey"], ["IM", "Isle of Man"], ["JE", "Jersey"],
  ["AD", "Andorra"], ["UY", "Uruguay"], ["NZ", "New Zealand"],
];

export const ukAdequacy: AdequacyEntry[] = [
  ...eea,
  ...eeaTerritories,
  createUkAdequacy({ id: "uk-adequacy-gi", destination: "GI", destinationName: "Gibraltar", instrument: "Data Protection Act 2018 Sch. 21 para. 5, Gibraltar" }),
  ...carriedOver.map(([code, name]) => createUkAdequacy({ id: `uk-adequacy-${code.toLowerCase()}`, destination: code, destinationName: name })),
  createUkAdequacy({
    id: "uk-adequacy-il", destination: "IL", destinationName: "Israel", scope: "partial", scopeCode: "israel_automated",
    scopeText: "as under EU Decision 2011/61/EU: automated international transfers, or non-automated transfers subject to further automated processing in Israel",
  }),
  createUkAdequacy({
    id: "uk-adequacy-ca", destination: "CA", destinationName: "Canada", scope: "partial", scopeCode: "pipeda",
    scopeText: "recipients subject to PIPEDA",
  }),
  createUkAdequacy({
    id: "uk-adequacy-jp", destination: "JP", destinationName: "Japan", scope: "partial", scopeCode: "appi",
    scopeText: "personal data subject to the APPI",
  }),
  createUkAdequacy({
    id: "uk-adequacy-fo", destination: "FO", destinationName: "Faroe Islands", scope: "partial", scopeCode: "faroese_act",
    scopeText: "as the EU decision: recipients subject to the Faroese Act on Processing of Personal Data",
    unconfirmed: "Listed by DLA Piper, omitted by Handley Gill's Sch. 21 list; statute text not retrieved (Facts not confirmed #4).",
    sources: [SRC.DLA_GB],
  }),
  createUkAdequacy({
    id: "uk-adequacy-kr", destination: "KR", destinationName: "Republic of Korea", scope: "partial", scopeCode: "pipa",
    scopeText: "persons subject to PIPA",
    instrument: "Data Protection (Adequacy) (Republic of Korea) Regulations 2022, SI 2022/1213",
    instrumentUri: "https://www.legislation.gov.uk/uksi/2022/1213/made",
    legalBasis: CURRENT,
    formerLegalBasis: "UK GDPR Art. 45; DPA 2018 s.17A",
    adopted: "2022-11-21", effectiveFrom: "2022-12-19",
    sources: [SRC.UK_KR_REGS],
  }),
  createUkAdequacy({
    id: "uk-adequacy-us-dpf", destination: "US", destinationName: "United States", scope: "partial", scopeCode: "dpf_uk",
    scopeText: "persons on the DPF List participating in the UK Extension to the EU-US DPF, for data subject to the DPF Principles",
    framework: "dpf_uk",
    instrument: "Data Protection (Adequacy) (United States of America) Regulations 2023, SI 2023/1028, UK Extension to the EU-U.S. DPF",
    instrumentUri: "https://www.legislation.gov.uk/uksi/2023/1028/made",
    legalBasis: CURRENT,
    formerLegalBasis: "UK GDPR Art. 45; DPA 2018 s.17A",
    adopted: "2023-09-21", effectiveFrom: "2023-10-12",
    sources: [SRC.UK_US_REGS, SRC.DPF_UK_ICDR],
  }),
];
