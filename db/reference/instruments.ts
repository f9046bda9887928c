/**
 * Transfer tools and the windows in which each regime accepts them.
 * Sources: regulatory-facts.md §3b (UK), §4 (CH), §6 (SCCs), §7 (other Art. 46 tools); regulatory-facts-2.md
 * "Standard contractual clauses: application dates" (old sets apply from their application dates, 2002/16/EC
 * added) and "Switzerland" (codes of conduct and certifications only from 2023-09-01). Before a regime's
 * current law applies, verdicts cite `formerLegalBasis` (Directive 95/46/EC; FADP of 1992).
 */
import type { InstrumentEntry, InstrumentModule, InstrumentWindow } from "../../server/domain/kb/types";
import { SRC } from "./sources";

const C2C: InstrumentModule = { module: null, exporterRole: "controller", recipientRole: "controller", label: "controller-to-controller" };
const C2P: InstrumentModule = { module: null, exporterRole: "controller", recipientRole: "processor", label: "controller-to-processor" };

/** GDPR Art. 46(5): Commission decisions under Directive Art. 26(4) stay in force until amended, replaced or repealed. */
const OLD_SCC_EU = { legalBasis: "GDPR Art. 46(2)(c) and 46(5)", formerLegalBasis: "Directive 95/46/EC Art. 26(4)" };

/** Old SCC windows: EU (SCC 2021/914 Art. 4(2)–(4)), UK (ICO transitional provisions), CH (FDPIC). */
function createOldSccWindows(usableFromEu: string): InstrumentWindow[] {
  return [
    { regime: "EU", usableFrom: usableFromEu, lastSignDate: "2021-09-26", validUntil: "2022-12-27", requires: null, ...OLD_SCC_EU },
    { regime: "UK", usableFrom: null, lastSignDate: "2022-09-21", validUntil: "2024-03-21", requires: null, legalBasis: "UK GDPR Art. 46(2)(c), transitional provisions", formerLegalBasis: "UK GDPR Art. 46(2)(c), transitional provisions" },
    { regime: "CH", usableFrom: null, lastSignDate: "2021-09-27", validUntil: "2022-12-31", requires: null, legalBasis: "FADP Art. 16(2)(d)", formerLegalBasis: "FADP of 1992 Art. 6(2)(a)" },
  ];
}

const OLD_SCC_SOURCES = [SRC.SCC, SRC.UK_LEWISSILKIN, SRC.UK_FOOTANSTEY, SRC.UK_FARRER, SRC.CH_OLDSCC];

export const instruments: InstrumentEntry[] = [
  {
    id: "scc-2001-497", kind: "instrument", instrumentType: "scc", version: "2001/497",
    title: "Commission Decision 2001/497/EC, standard contractual clauses set I",
    instrumentUri: "http://data.europa.eu/eli/dec/2001/497/oj", officialReference: "OJ L 181, 4.7.2001, p. 19, CELEX 32001D0497", adopted: "2001-06-15",
    modules: [C2C], windows: createOldSccWindows("2001-09-03"),
    notes: "Applies from 2001-09-03 (Art. 6), not from adoption. Repealed with effect 2021-09-27 (Art. 4(2) Decision 2021/914); contracts concluded before then counted until 2022-12-27 if processing unchanged (Art. 4(4)).",
    sources: [SRC.REVIEW, SRC.SCC_2001_EURLEX, ...OLD_SCC_SOURCES],
  },
  {
    id: "scc-2002-16", kind: "instrument", instrumentType: "scc", version: "2002/16",
    title: "Commission Decision 2002/16/EC, standard contractual clauses controller-to-processor, first set",
    instrumentUri: "http://data.europa.eu/eli/dec/2002/16/oj", officialReference: "OJ L 6, 10.1.2002, p. 52, CELEX 32002D0016", adopted: "2001-12-27",
    modules: [C2P],
    windows: [{ regime: "EU", usableFrom: "2002-04-03", lastSignDate: "2010-05-14", validUntil: "2022-12-27", requires: null, ...OLD_SCC_EU }],
    notes: "Repealed by Decision 2010/87/EU from 2010-05-15; contracts concluded under it remained valid while the processing was unchanged, until the 2021 transition ended them (2022-12-27).",
    unconfirmed: "The application date 2002-04-03 is read from Art. 6 of the decision, not from the reviewed facts; how UK and Swiss exporters' contracts on this set were treated is not in the facts, so only the EU regime recognises it.",
    sources: [SRC.REVIEW, SRC.SCC_2002_EURLEX, SRC.SCC],
  },
  {
    id: "scc-2004-915", kind: "instrument", instrumentType: "scc", version: "2004/915",
    title: "Commission Decision 2004/915/EC, standard contractual clauses set II",
    instrumentUri: "http://data.europa.eu/eli/dec/2004/915/oj", officialReference: "OJ L 385, 29.12.2004, p. 74, CELEX 32004D0915", adopted: "2004-12-27",
    modules: [C2C], windows: createOldSccWindows("2005-04-01"),
    notes: "Applies from 2005-04-01 (Art. 2). End of validity 2021-09-26; implicitly repealed by Decision 2021/914.",
    sources: [SRC.REVIEW, SRC.SCC_2004_EURLEX, ...OLD_SCC_SOURCES],
  },
  {
    id: "scc-2010-87", kind: "instrument", instrumentType: "scc", version: "2010/87",
    title: "Commission Decision 2010/87/EU, standard contractual clauses controller-to-processor",
    instrumentUri: "http://data.europa.eu/eli/dec/2010/87/oj", officialReference: "OJ L 39, 12.2.2010, p. 5, CELEX 32010D0087", adopted: "2010-02-05",
    modules: [C2P], windows: createOldSccWindows("2010-05-15"),
    notes: "Applies from 2010-05-15. Held valid in Schrems II; repealed with effect 2021-09-27 (Art. 4(3) Decision 2021/914).",
    sources: [SRC.REVIEW, SRC.SCC_2010_EURLEX, SRC.SCC_2010_CPDP, ...OLD_SCC_SOURCES],
  },
  {
    id: "scc-2021-914", kind: "instrument", instrumentType: "scc", version: "2021/914",
    title: "Commission Implementing Decision (EU) 2021/914",
    instrumentUri: "http://data.europa.eu/eli/dec_impl/2021/914/oj", officialReference: "OJ L 199, 7.6.2021, p. 31, CELEX 32021D0914", adopted: "2021-06-04",
    modules: [
      { module: 1, exporterRole: "controller", recipientRole: "controller", label: "Module 1, controller-to-controller" },
      { module: 2, exporterRole: "controller", recipientRole: "processor", label: "Module 2, controller-to-processor" },
      { module: 3, exporterRole: "processor", recipientRole: "processor", label: "Module 3, processor-to-processor" },
      { module: 4, exporterRole: "processor", recipientRole: "controller", label: "Module 4, processor-to-controller" },
    ],
    windows: [
      { regime: "EU", usableFrom: "2021-06-27", lastSignDate: null, validUntil: null, requires: null, legalBasis: "GDPR Art. 46(2)(c)" },
      {
        regime: "UK", usableFrom: "2022-03-21", lastSignDate: null, validUntil: null, requires: "uk_addendum",
        legalBasis: "UK GDPR Art. 46(2)(d) and 46(1A), with the ICO's International Data Transfer Addendum",
        formerLegalBasis: "UK GDPR Art. 46(2)(d), with the ICO's International Data Transfer Addendum",
      },
      {
        regime: "CH", usableFrom: "2021-08-27", lastSignDate: null, validUntil: null, requires: "swiss_adaptations",
        legalBasis: "FADP Art. 16(2)(d), with the FDPIC's Swiss adaptations", formerLegalBasis: "FADP of 1992 Art. 6(2)(a), with the FDPIC's Swiss adaptations",
      },
    ],
    notes: "OJ L 199, 2021-06-07; in force 2021-06-27 (Art. 4(1)). For importers whose processing is not subject to the GDPR (recital 7). Art. 3(2) SCCs not adopted as of 2026-08-05 (TMAI).",
    sources: [SRC.SCC, SRC.SCC_2021_BCLP, SRC.UK_FOOTANSTEY, SRC.CH_SCC_DATENRECHT, SRC.CH_SCC_COVINGTON],
  },
  {
    id: "uk-idta", kind: "instrument", instrumentType: "uk_idta", version: "A1.0",
    title: "ICO International Data Transfer Agreement A1.0",
    instrumentUri: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/international-data-transfer-agreement-and-guidance/",
    officialReference: "issued by the ICO under DPA 2018 s.119A, laid before Parliament 2022-02-02",
    adopted: "2022-02-02", modules: null,
    windows: [{
      regime: "UK", usableFrom: "2022-03-21", lastSignDate: null, validUntil: null, requires: null,
      legalBasis: "UK GDPR Art. 46(2)(d) and 46(1A); DPA 2018 s.119A", formerLegalBasis: "UK GDPR Art. 46(2)(d); DPA 2018 s.119A",
    }],
    notes: "Laid before Parliament 2022-02-02, in force 2022-03-21.",
    unconfirmed: "ICO plans to update the IDTA/Addendum during 2026 (only via TMAI) (Facts not confirmed #9).",
    sources: [SRC.UK_IDTA_LAW365, SRC.UK_IDTA_OCTILLO, SRC.TMAI],
  },
  {
    id: "uk-addendum", kind: "instrument", instrumentType: "uk_addendum", version: "B1.0",
    title: "ICO International Data Transfer Addendum to the EU SCCs B1.0",
    instrumentUri: "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/international-data-transfer-agreement-and-guidance/",
    officialReference: "issued by the ICO under DPA 2018 s.119A, laid before Parliament 2022-02-02",
    adopted: "2022-02-02", modules: null,
    windows: [{ regime: "UK", usableFrom: "2022-03-21", lastSignDate: null, validUntil: null, requires: null, legalBasis: "UK GDPR Art. 46(2)(d); DPA 2018 s.119A" }],
    notes: "EU SCCs (2021/914) alone are not valid for UK restricted transfers; they are with the Addendum.",
    sources: [SRC.UK_IDTA_LAW365, SRC.UK_FOOTANSTEY],
  },
  {
    id: "swiss-adaptations", kind: "instrument", instrumentType: "swiss_adaptations", version: null,
    title: "FDPIC recognition of the EU SCCs 2021/914 with Swiss adaptations",
    instrumentUri: null, adopted: "2021-08-27", modules: null,
    windows: [{ regime: "CH", usableFrom: "2021-08-27", lastSignDate: null, validUntil: null, requires: null, legalBasis: "FADP Art. 16(2)(d)", formerLegalBasis: "FADP of 1992 Art. 6(2)(a)" }],
    notes: "FDPIC as competent authority (Clause 13), Swiss or third-party-beneficiary law (Clause 17), forum for Swiss data subjects, GDPR references read as FADP.",
    sources: [SRC.CH_SCC_DATENRECHT, SRC.CH_SCC_COVINGTON, "https://www.scribd.com/document/716016762/Paper-SCC-Def-en-24082021-2"],
  },
  {
    id: "bcr", kind: "instrument", instrumentType: "bcr", version: null,
    title: "Binding corporate rules", instrumentUri: null, adopted: null, modules: null,
    windows: [
      { regime: "EU", usableFrom: null, lastSignDate: null, validUntil: null, requires: null, legalBasis: "GDPR Art. 46(2)(b) and 47", formerLegalBasis: "Directive 95/46/EC Art. 26(2)" },
      { regime: "UK", usableFrom: null, lastSignDate: null, validUntil: null, requires: null, legalBasis: "UK GDPR Art. 46(2)(b) and 47" },
      { regime: "CH", usableFrom: null, lastSignDate: null, validUntil: null, requires: null, legalBasis: "FADP Art. 16(2)(e)", formerLegalBasis: "FADP of 1992 Art. 6(2)(g)" },
    ],
    notes: "Intra-group only: bind the members listed. BCR-C covers transfers by group controllers; BCR-P transfers by group processors. EDPB Recommendations 1/2022 (BCR-C), WP257rev (BCR-P). A BCR counts for UK exporters only with the ICO's approval (UK GDPR Art. 47); under FADP Art. 16(2)(e) an approval by the FDPIC or by the authority of a state with adequate protection counts; under the FADP of 1992, Art. 6(2)(g) covered intra-group rules without approval.",
    unconfirmed: "The Swiss article references and the Swiss approval rule are read from the FADP texts, not from the reviewed facts.",
    sources: [SRC.GDPR, SRC.BCR_CNPD, "https://www.huntonprivacyblog.com/2023/07/03/edpb-adopts-guidance-on-controller-binding-corporate-rules/", SRC.FADP, SRC.FADP_1992],
  },
  {
    id: "code-of-conduct", kind: "instrument", instrumentType: "code_of_conduct", version: null,
    title: "Approved code of conduct with binding and enforceable commitments of the importer", instrumentUri: null, adopted: null, modules: null,
    windows: [
      { regime: "EU", usableFrom: "2018-05-25", lastSignDate: null, validUntil: null, requires: null, legalBasis: "GDPR Art. 46(2)(e) and 40(3)" },
      { regime: "UK", usableFrom: null, lastSignDate: null, validUntil: null, requires: null, legalBasis: "UK GDPR Art. 46(2)(e)" },
      { regime: "CH", usableFrom: "2023-09-01", lastSignDate: null, validUntil: null, requires: null, legalBasis: "FADP Art. 16(3); DPO Art. 12" },
    ],
    notes: "A transfer tool only from 2018-05-25 (GDPR; Directive 95/46/EC Art. 26 had none) and, in Switzerland, from 2023-09-01 (FADP Art. 16(3); DPO Art. 12). EDPB Guidelines 04/2021, adopted 2022-02-22.",
    unconfirmed: "The UK article reference is not in the facts.",
    sources: [SRC.REVIEW, SRC.GDPR, SRC.COC_HUNTON],
  },
  {
    id: "certification", kind: "instrument", instrumentType: "certification", version: null,
    title: "Approved certification mechanism with binding and enforceable commitments of the importer", instrumentUri: null, adopted: null, modules: null,
    windows: [
      { regime: "EU", usableFrom: "2018-05-25", lastSignDate: null, validUntil: null, requires: null, legalBasis: "GDPR Art. 46(2)(f) and 42" },
      { regime: "UK", usableFrom: null, lastSignDate: null, validUntil: null, requires: null, legalBasis: "UK GDPR Art. 46(2)(f)" },
      { regime: "CH", usableFrom: "2023-09-01", lastSignDate: null, validUntil: null, requires: null, legalBasis: "FADP Art. 16(3); DPO Art. 12" },
    ],
    notes: "A transfer tool only from 2018-05-25 (GDPR) and, in Switzerland, from 2023-09-01. EDPB Guidelines 07/2022, final 2023-02.",
    unconfirmed: "The UK article reference is not in the facts.",
    sources: [SRC.REVIEW, SRC.GDPR, SRC.CERT_STREAMLEX],
  },
  {
    id: "ad-hoc-clauses", kind: "instrument", instrumentType: "ad_hoc_clauses", version: null,
    title: "Ad hoc contractual clauses authorised by the competent supervisory authority", instrumentUri: null, adopted: null, modules: null,
    windows: [
      { regime: "EU", usableFrom: null, lastSignDate: null, validUntil: null, requires: null, legalBasis: "GDPR Art. 46(3)(a)", formerLegalBasis: "Directive 95/46/EC Art. 26(2)" },
      { regime: "UK", usableFrom: null, lastSignDate: null, validUntil: null, requires: null, legalBasis: "UK GDPR Art. 46(3)(a)" },
      { regime: "CH", usableFrom: null, lastSignDate: null, validUntil: null, requires: null, legalBasis: "FADP Art. 16(2)(b)", formerLegalBasis: "FADP of 1992 Art. 6(2)(a)" },
    ],
    notes: "Needs authorisation by the competent SA (consistency mechanism); the `approved` date of the registry safeguard is that authorisation.",
    unconfirmed: "UK and Swiss article references are not in regulatory-facts.md.",
    sources: [SRC.GDPR],
  },
];
