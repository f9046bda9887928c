/**
 * The three transfer regimes, with the provisions verdicts cite under each regime's current law and the law
 * before it. Sources: regulatory-facts.md §1, §3, §4; regulatory-facts-2.md (EU and EEA membership, Switzerland,
 * Transfer impact assessments).
 */
import type { RegimeEntry } from "../../server/domain/kb/types";
import { SRC, URI } from "./sources";

/** CJEU C-311/18 Schrems II, 2020-07-16: the duty to assess the destination's law and practice (regulatory-facts-2.md). */
const SCHREMS_II_DAY = "2020-07-16";

export const regimes: RegimeEntry[] = [
  {
    id: "regime-eu",
    kind: "regime",
    regime: "EU",
    title: "EU/EEA GDPR",
    law: "Regulation (EU) 2016/679 (GDPR), Chapter V (before 2018-05-25: Directive 95/46/EC, Arts 25–26)",
    lawUri: URI.GDPR,
    areaLabel: "European Economic Area (EU 27 + Iceland, Liechtenstein, Norway); the United Kingdom until 2020-12-31",
    authority: "EU Member State supervisory authorities, EDPB; adequacy decided by the European Commission",
    currentLawFrom: "2018-05-25",
    formerLaw: "Directive 95/46/EC",
    formerLawUri: URI.DIRECTIVE,
    provisions: {
      territorialScope: { text: "GDPR Art. 3", uri: URI.GDPR },
      notRestricted: { text: "GDPR Art. 44", uri: URI.GDPR },
      unsafeguarded: { text: "GDPR Art. 44 and 46(1)", uri: URI.GDPR },
      transferAssessment: { text: "CJEU C-311/18 Schrems II, ECLI:EU:C:2020:559; SCC 2021/914 Clause 14", uri: URI.SCHREMS_II },
    },
    formerProvisions: {
      notRestricted: { text: "Directive 95/46/EC Art. 1(2) and 25(1)", uri: URI.DIRECTIVE },
      unsafeguarded: { text: "Directive 95/46/EC Art. 25(1) and 26", uri: URI.DIRECTIVE },
    },
    assessmentRequiredFrom: SCHREMS_II_DAY,
    notes: "The GDPR applies from 2018-05-25 (Art. 99(2)), in IS, LI and NO from 2018-07-20 (EEA Joint Committee Decision 154/2018); before that Directive 95/46/EC (transposition deadline 1998-10-24) applied EEA-wide.",
    sources: [SRC.GDPR, SRC.DIRECTIVE, SRC.EEA_JCD_154_2018, SRC.SCHREMS_II_CELEX, SRC.EC_ADQ, SRC.DPV, SRC.REVIEW],
  },
  {
    id: "regime-uk",
    kind: "regime",
    regime: "UK",
    title: "UK GDPR",
    law: "UK GDPR and Data Protection Act 2018 (as amended by the Data (Use and Access) Act 2025 from 2026-02-05)",
    lawUri: URI.UK_GDPR,
    areaLabel: "United Kingdom, from 2021-01-01 (before that the UK was inside the EU's rules)",
    authority: "Information Commissioner's Office (ICO); adequacy regulations made by the Secretary of State",
    currentLawFrom: "2026-02-05",
    formerLaw: "UK GDPR before the Data (Use and Access) Act 2025",
    formerLawUri: URI.UK_GDPR,
    provisions: {
      territorialScope: { text: "UK GDPR Art. 3", uri: URI.UK_GDPR },
      notRestricted: { text: "UK GDPR Art. 44A", uri: URI.UK_GDPR },
      unsafeguarded: { text: "UK GDPR Art. 44A and 46(1)", uri: URI.UK_GDPR },
      transferAssessment: { text: "UK GDPR Art. 46(1A), the data protection test", uri: URI.UK_GDPR_46 },
    },
    formerProvisions: {
      notRestricted: { text: "UK GDPR Art. 44", uri: URI.UK_GDPR },
      unsafeguarded: { text: "UK GDPR Art. 44 and 46(1)", uri: URI.UK_GDPR },
      transferAssessment: { text: "UK GDPR Art. 46(1); ICO transfer risk assessment guidance", uri: URI.ICO_TRA },
    },
    assessmentRequiredFrom: SCHREMS_II_DAY,
    notes: "Sections 85 and Schs 7–9 of the Data (Use and Access) Act 2025 commenced on 2026-02-05 (SI 2026/82): Art. 44A, 45A and the data protection test of Art. 46(1A).",
    sources: [SRC.LEXOLOGY_BREXIT, SRC.HANDLEY_GILL, SRC.UK_ART46, SRC.DUAA, SRC.UK_COMMENCEMENT_2026, SRC.REVIEW],
  },
  {
    id: "regime-ch",
    kind: "regime",
    regime: "CH",
    title: "Swiss FADP",
    law: "Federal Act on Data Protection (FADP, SR 235.1) and Data Protection Ordinance (DPO, SR 235.11), revised in force 2023-09-01",
    lawUri: URI.FADP,
    areaLabel: "Switzerland",
    authority: "Federal Data Protection and Information Commissioner (FDPIC); adequacy decided by the Federal Council (Annex 1 DPO)",
    currentLawFrom: "2023-09-01",
    formerLaw: "Federal Act on Data Protection of 19 June 1992 (FADP of 1992)",
    formerLawUri: URI.FADP_1992,
    provisions: {
      territorialScope: { text: "FADP, SR 235.1, Art. 3", uri: URI.FADP },
      notRestricted: { text: "FADP, SR 235.1, Art. 16", uri: URI.FADP },
      unsafeguarded: { text: "FADP, SR 235.1, Art. 16(1) and 16(2)", uri: URI.FADP },
      transferAssessment: { text: "FADP, SR 235.1, Art. 16(2); FDPIC guidance on the 2021 SCCs, Clause 14", uri: URI.FADP },
    },
    formerProvisions: {
      notRestricted: { text: "FADP of 1992, SR 235.1, Art. 6", uri: URI.FADP_1992 },
      unsafeguarded: { text: "FADP of 1992, SR 235.1, Art. 6(1) and 6(2)", uri: URI.FADP_1992 },
      transferAssessment: { text: "FADP of 1992 Art. 6(2)(a); FDPIC guidance on the 2021 SCCs, Clause 14", uri: URI.FADP_1992 },
    },
    assessmentRequiredFrom: SCHREMS_II_DAY,
    notes: "Before 2023-09-01 the FADP of 1992 applied: Art. 6, the FDPIC's list of countries was indicative only (the exporter decided).",
    sources: [SRC.CH_BJ, SRC.FADP, SRC.FADP_1992, SRC.REVIEW],
  },
];
