/**
 * EU adequacy decisions (GDPR Art. 45(3); Directive 95/46 Art. 25(6) decisions kept in force by GDPR
 * Art. 45(9), amended by Implementing Decision (EU) 2016/2295, all maintained by COM(2024) 7).
 * Sources: regulatory-facts.md §2; OJ references and publication dates corrected by regulatory-facts-2.md
 * ("Adequacy decisions: references to fill in or correct"). `effectiveFrom` is the adoption date unless the
 * facts say otherwise. Before 2018-05-25 verdicts cite `formerLegalBasis` (Directive 95/46/EC Art. 25(6)).
 */
import type { AdequacyEntry } from "../../server/domain/kb/types";
import { SRC } from "./sources";

type EuAdequacyInput = Omit<AdequacyEntry, "kind" | "regime" | "legalBasis" | "effectiveFrom" | "endDate" | "endReason" | "status"> &
  Partial<Pick<AdequacyEntry, "legalBasis" | "effectiveFrom" | "endDate" | "endReason" | "status">>;

function createEuAdequacy(input: EuAdequacyInput): AdequacyEntry {
  return {
    kind: "adequacy",
    regime: "EU",
    legalBasis: "GDPR Art. 45(3)",
    effectiveFrom: input.adopted,
    endDate: null,
    endReason: null,
    status: "in_force",
    ...input,
  };
}

/** Decisions adopted under the Directive: cited as such before 2018-05-25, as kept in force by the GDPR after. */
const DIRECTIVE_ERA = { legalBasis: "GDPR Art. 45(9)", formerLegalBasis: "Directive 95/46/EC Art. 25(6)" };

export const euAdequacy: AdequacyEntry[] = [
  createEuAdequacy({
    id: "eu-adequacy-ad", destination: "AD", destinationName: "Andorra", scope: "full", scopeCode: null, scopeText: "full",
    framework: null, instrument: "Commission Decision 2010/625/EU, C(2010) 7084", instrumentUri: "http://data.europa.eu/eli/dec/2010/625/oj",
    officialReference: "OJ L 277, 21.10.2010, p. 27, CELEX 32010D0625",
    ...DIRECTIVE_ERA, adopted: "2010-10-19", published: "2010-10-21",
    sources: ["https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A32010D0625", SRC.DPV, SRC.COM7],
  }),
  createEuAdequacy({
    id: "eu-adequacy-ar", destination: "AR", destinationName: "Argentina", scope: "full", scopeCode: null, scopeText: "full",
    framework: null, instrument: "Commission Decision 2003/490/EC", instrumentUri: "http://data.europa.eu/eli/dec/2003/490/oj",
    officialReference: "OJ L 168, 5.7.2003, p. 19, CELEX 32003D0490",
    ...DIRECTIVE_ERA, adopted: "2003-06-30", published: "2003-07-05",
    sources: ["https://eur-lex.europa.eu/legal-content/FR/ALL/?uri=CELEX%3A02003D0490-20161217", "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/0EGYWY", SRC.COM7],
  }),
  createEuAdequacy({
    id: "eu-adequacy-ca", destination: "CA", destinationName: "Canada", scope: "partial", scopeCode: "pipeda",
    scopeText: "recipients subject to PIPEDA (commercial organisations)",
    framework: null, instrument: "Commission Decision 2002/2/EC, C(2001) 4539", instrumentUri: "http://data.europa.eu/eli/dec/2002/2/oj",
    officialReference: "OJ L 2, 4.1.2002, p. 13, CELEX 32002D0002",
    ...DIRECTIVE_ERA, adopted: "2001-12-20", published: "2002-01-04",
    notes: "EU Monitor shows the decision took effect on notification (2002-01-04); the app uses the adoption date.",
    sources: ["https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32002D0002", SRC.EC_ADQ, "https://eumonitor.eu/9353000/1/j9vvik7m1c3gyxp/vi8rm2yngszr"],
  }),
  createEuAdequacy({
    id: "eu-adequacy-fo", destination: "FO", destinationName: "Faroe Islands", scope: "partial", scopeCode: "faroese_act",
    scopeText: "recipients subject to the Faroese Act on Processing of Personal Data (excludes Danish state authorities in the Faroes)",
    framework: null, instrument: "Commission Decision 2010/146/EU", instrumentUri: "http://data.europa.eu/eli/dec/2010/146/oj",
    officialReference: "CELEX 32010D0146",
    ...DIRECTIVE_ERA, adopted: "2010-03-05", published: "2010-03-09",
    unconfirmed: "Publication date 2010-03-09 is the DPV dct:temporal value; the OJ reference was not seen (facts: Facts not confirmed #3).",
    sources: ["https://www.dat.fo/english", "https://proteuscyber.com/privacy-database/tag/faeroese-adequacy/european", SRC.DPV],
  }),
  createEuAdequacy({
    id: "eu-adequacy-gg", destination: "GG", destinationName: "Guernsey", scope: "full", scopeCode: null, scopeText: "full",
    framework: null, instrument: "Commission Decision 2003/821/EC, C(2003) 4309", instrumentUri: "http://data.europa.eu/eli/dec/2003/821/oj",
    officialReference: "OJ L 308, 25.11.2003, p. 27, CELEX 32003D0821",
    ...DIRECTIVE_ERA, adopted: "2003-11-21", published: "2003-11-25",
    sources: ["https://eur-lex.europa.eu/legal-content/SL/TXT/?uri=CELEX:02003D0821-20161217", SRC.COM7],
  }),
  createEuAdequacy({
    id: "eu-adequacy-il", destination: "IL", destinationName: "Israel", scope: "partial", scopeCode: "israel_automated",
    scopeText: "automated international transfers, or non-automated transfers subject to further automated processing in Israel",
    framework: null, instrument: "Commission Decision 2011/61/EU, C(2011) 332", instrumentUri: "http://data.europa.eu/eli/dec/2011/61/oj",
    officialReference: "OJ L 27, 1.2.2011, p. 39, CELEX 32011D0061",
    ...DIRECTIVE_ERA, adopted: "2011-01-31", published: "2011-02-01",
    sources: ["http://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=CELEX%3A02011D0061-20161217%3Aen%3ANOT", "https://www.lexology.com/library/detail.aspx?g=2ee34ce9-6d9b-4040-88e1-59024d54f253"],
  }),
  createEuAdequacy({
    id: "eu-adequacy-im", destination: "IM", destinationName: "Isle of Man", scope: "full", scopeCode: null, scopeText: "full",
    framework: null, instrument: "Commission Decision 2004/411/EC, C(2004) 1556", instrumentUri: "http://data.europa.eu/eli/dec/2004/411/oj",
    officialReference: "CELEX 32004D0411",
    ...DIRECTIVE_ERA, adopted: "2004-04-28", published: "2004-04-30",
    unconfirmed: "Publication date 2004-04-30 is the DPV dct:temporal value; the OJ reference was not seen (Facts not confirmed #3).",
    sources: ["https://proteuscyber.com/privacy-database/isle-of-man-adequacy-commission-decision-isle-of-man-adequacy-decision", "https://inforights.im/organisations/data-protection-law-2018/legislation-and-case-law/data-protection-act-2002/", SRC.DPV],
  }),
  createEuAdequacy({
    id: "eu-adequacy-je", destination: "JE", destinationName: "Jersey", scope: "full", scopeCode: null, scopeText: "full",
    framework: null, instrument: "Commission Decision 2008/393/EC, C(2008) 1746", instrumentUri: "http://data.europa.eu/eli/dec/2008/393/oj",
    officialReference: "OJ L 138, 28.5.2008, p. 21, CELEX 32008D0393",
    ...DIRECTIVE_ERA, adopted: "2008-05-08", published: "2008-05-28",
    notes: "Published in OJ L 138 of 2008-05-28 (regulatory-facts-2.md corrects the DPV date 2008-05-26).",
    sources: [SRC.REVIEW, "https://lexaris.de/book/version/documentflat/head/2125023", "https://gov.je/News/2024/pages/dataprotectionandprivacystandards.aspx"],
  }),
  createEuAdequacy({
    id: "eu-adequacy-jp", destination: "JP", destinationName: "Japan", scope: "partial", scopeCode: "appi",
    scopeText: "personal information handling business operators subject to the APPI as complemented by the Supplementary Rules (excludes e.g. press, academic, religious and political bodies for those purposes)",
    framework: null, instrument: "Commission Implementing Decision (EU) 2019/419, C(2019) 304", instrumentUri: "http://data.europa.eu/eli/dec_impl/2019/419/oj",
    officialReference: "OJ L 76, 19.3.2019, p. 1, CELEX 32019D0419",
    adopted: "2019-01-23", published: "2019-03-19",
    notes: "First review COM(2023) 275 of 2023-04-03; then every 4 years. OJ reference from regulatory-facts-2.md.",
    sources: [SRC.REVIEW, "https://www.legislation.gov.uk/eudn/2019/419/body/2020-01-31", "https://commission.europa.eu/document/download/c2b3071f-b4fb-4bca-8575-d314bb49f195_en?prefLang=ro", "https://www.lexology.com/library/detail.aspx?g=6c7c3d68-8445-4c89-ab28-9da931daf385"],
  }),
  createEuAdequacy({
    id: "eu-adequacy-kr", destination: "KR", destinationName: "Republic of Korea", scope: "partial", scopeCode: "pipa",
    scopeText: "recipients subject to PIPA and the Supplementary Rules; not personal credit information processed by entities supervised by the Financial Services Commission, nor religious organisations and political parties for those activities",
    framework: null, instrument: "Commission Implementing Decision (EU) 2022/254, C(2021) 9316", instrumentUri: "http://data.europa.eu/eli/dec_impl/2022/254/oj",
    officialReference: "OJ L 44, 24.2.2022, p. 1, CELEX 32022D0254",
    adopted: "2021-12-17", published: "2022-02-24",
    notes: "OJ reference from regulatory-facts-2.md.",
    unconfirmed: "First review concluded 2026-07-23 (COM(2026) 384) only per TMAI, a secondary source (Facts not confirmed #2).",
    sources: [SRC.REVIEW, "https://lexaris.de/de/library/tableofcontents/2056829", "https://cnpd.public.lu/en/actualites/international/2021/12/adequacy-south-korea.html", "https://www.huntonprivacyblog.com/2021/12/20/european-commission-adopts-south-korea-adequacy-decision/"],
  }),
  createEuAdequacy({
    id: "eu-adequacy-nz", destination: "NZ", destinationName: "New Zealand", scope: "full", scopeCode: null, scopeText: "full",
    framework: null, instrument: "Commission Implementing Decision 2013/65/EU, C(2012) 9557", instrumentUri: "http://data.europa.eu/eli/dec_impl/2013/65/oj",
    officialReference: "OJ L 28, 30.1.2013, p. 12, CELEX 32013D0065",
    ...DIRECTIVE_ERA, adopted: "2012-12-19", published: "2013-01-30",
    sources: ["https://eur-lex.europa.eu/legal-content/GA/TXT/?uri=CELLAR%3Ac59c9675-6a69-11e2-9294-01aa75ed71a1"],
  }),
  createEuAdequacy({
    id: "eu-adequacy-ch", destination: "CH", destinationName: "Switzerland", scope: "full", scopeCode: null, scopeText: "full",
    framework: null, instrument: "Commission Decision 2000/518/EC, C(2000) 2304", instrumentUri: "http://data.europa.eu/eli/dec/2000/518/oj",
    officialReference: "OJ L 215, 25.8.2000, p. 1, CELEX 32000D0518",
    ...DIRECTIVE_ERA, adopted: "2000-07-26", published: "2000-08-25",
    sources: ["https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX%3A32000D0518%20"],
  }),
  createEuAdequacy({
    id: "eu-adequacy-uy", destination: "UY", destinationName: "Uruguay", scope: "full", scopeCode: null,
    scopeText: "full (decision title: with regard to automated processing of personal data)",
    framework: null, instrument: "Commission Implementing Decision 2012/484/EU, C(2012) 5704", instrumentUri: "http://data.europa.eu/eli/dec_impl/2012/484/oj",
    officialReference: "OJ L 227, 23.8.2012, p. 11, CELEX 32012D0484",
    ...DIRECTIVE_ERA, adopted: "2012-08-21", published: "2012-08-23",
    sources: ["https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A32012D0484"],
  }),
  // The UK: three consecutive acts with no gap (original, 2025 technical extension, 2025 renewal).
  createEuAdequacy({
    id: "eu-adequacy-gb-2021", destination: "GB", destinationName: "United Kingdom", scope: "full", scopeCode: null,
    scopeText: "general processing under the UK GDPR (the 2021 decision excluded transfers for UK immigration control)",
    framework: null, instrument: "Commission Implementing Decision (EU) 2021/1772", instrumentUri: "http://data.europa.eu/eli/dec_impl/2021/1772/oj",
    officialReference: "published in the OJ on 11.10.2021, CELEX 32021D1772",
    adopted: "2021-06-28", published: "2021-10-11", endDate: "2025-06-27", endReason: "superseded", status: "superseded",
    notes: "Original four-year sunset 2025-06-27; extended by the June 2025 technical extension.",
    unconfirmed: "The OJ number of the publication of 2021-10-11 is not in the facts; the CELEX number follows from the act's number.",
    sources: ["https://uat.reg-track.com/Calendar/D?q=1afd787e31bd49e0afd5da13be137158&r=OQA4ADYANQA4AA2&t=-158512638298658", "https://viewpoints.bakermckenzie.com/post/102h1j5/european-commission-adopts-adequacy-decisions-for-the-united-kingdom", "https://cpdp.bg/en/?p=656"],
  }),
  createEuAdequacy({
    id: "eu-adequacy-gb-2025-extension", destination: "GB", destinationName: "United Kingdom", scope: "full", scopeCode: null,
    scopeText: "general processing under the UK GDPR (as the 2021 decision)",
    framework: null, instrument: "Commission Implementing Decision extending Implementing Decision (EU) 2021/1772 (technical extension, adopted 2025-06-24)", instrumentUri: null,
    adopted: "2025-06-24", published: null, effectiveFrom: "2025-06-28", endDate: "2025-12-27", endReason: "superseded", status: "superseded",
    notes: "The act is likely Implementing Decision (EU) 2025/1226; its law-enforcement twin is (EU) 2025/1225 (regulatory-facts-2.md).",
    unconfirmed: "The GDPR-side June 2025 extension's act number is not confirmed ((EU) 2025/1226 is likely) (Facts not confirmed #1).",
    sources: ["https://uat.reg-track.com/Calendar/D?q=1afd787e31bd49e0afd5da13be137158&r=OQA4ADYANQA4AA2&t=-158512638298658", "https://www.uea.ac.uk/about/law-school/research/research-blog/eu-uk-data-adequacy-decisions-renewed:-stability-in-data-flows-by-dr-karen-mc-cullagh", SRC.TMAI],
  }),
  createEuAdequacy({
    id: "eu-adequacy-gb-2025-renewal", destination: "GB", destinationName: "United Kingdom", scope: "full", scopeCode: null,
    scopeText: "general processing under the UK GDPR (the immigration-control exclusion was removed)",
    framework: null, instrument: "Commission Implementing Decision C(2025) 8771 renewing the UK adequacy decision", instrumentUri: null,
    adopted: "2025-12-19", published: null, effectiveFrom: "2025-12-28", endDate: "2031-12-27", endReason: "sunset",
    notes: "Six-year sunset 2031-12-27, review after four years.",
    unconfirmed: "C(2025) 8771 comes only from TMAI; the OJ implementing-decision number was not found (Facts not confirmed #1).",
    sources: ["https://cna.org.cy/en/press_releases/article/9563124/press-release-european-commission", "https://www.uea.ac.uk/about/law-school/research/research-blog/eu-uk-data-adequacy-decisions-renewed:-stability-in-data-flows-by-dr-karen-mc-cullagh", SRC.TMAI],
  }),
  // The United States: only for recipients certified under the framework the decision recognises.
  createEuAdequacy({
    id: "eu-adequacy-us-safe-harbor", destination: "US", destinationName: "United States", scope: "partial", scopeCode: "safe_harbor_eu",
    scopeText: "organisations self-certified under the EU-US Safe Harbor",
    framework: "safe_harbor_eu", instrument: "Commission Decision 2000/520/EC (Safe Harbor)", instrumentUri: "http://data.europa.eu/eli/dec/2000/520/oj",
    officialReference: "OJ L 215, 25.8.2000, p. 7, CELEX 32000D0520",
    legalBasis: "Directive 95/46/EC Art. 25(6)", formerLegalBasis: "Directive 95/46/EC Art. 25(6)", adopted: "2000-07-26", published: "2000-08-25",
    endDate: "2015-10-05", endReason: "invalidated", status: "invalidated",
    notes: "Invalidated from 2015-10-06 by CJEU C-362/14 Schrems I (ECLI:EU:C:2015:650). OJ reference from regulatory-facts-2.md.",
    unconfirmed: "Operational start date, and any DPA enforcement pause after 2015-10-06 (Facts not confirmed #10).",
    sources: [SRC.REVIEW, SRC.SCHREMS_I, "https://www.ippt.eu/items/ippt20200716-cjeu-data-protection-commissioner-v-facebook-ireland"],
  }),
  createEuAdequacy({
    id: "eu-adequacy-us-privacy-shield", destination: "US", destinationName: "United States", scope: "partial", scopeCode: "privacy_shield_eu",
    scopeText: "organisations self-certified under the EU-US Privacy Shield",
    framework: "privacy_shield_eu", instrument: "Commission Implementing Decision (EU) 2016/1250 (Privacy Shield)", instrumentUri: "http://data.europa.eu/eli/dec_impl/2016/1250/oj",
    officialReference: "OJ L 207, 1.8.2016, p. 1, CELEX 32016D1250",
    ...DIRECTIVE_ERA, adopted: "2016-07-12", published: "2016-08-01",
    effectiveFrom: "2016-08-01", endDate: "2020-07-15", endReason: "invalidated", status: "invalidated",
    notes: "Operational from 2016-08-01 (Commerce accepted self-certifications). Invalid from 2020-07-16: CJEU C-311/18 Schrems II (ECLI:EU:C:2020:559), no grace period (EDPB FAQ 2020-07-23). OJ reference from regulatory-facts-2.md.",
    sources: [SRC.REVIEW, SRC.PS_LAWDP, SRC.SCHREMS_II, "https://www.lexology.com/library/detail.aspx?g=f0f064b2-da88-49e2-8086-0b82189902f7", SRC.EDPB_NO_GRACE],
  }),
  createEuAdequacy({
    id: "eu-adequacy-us-dpf", destination: "US", destinationName: "United States", scope: "partial", scopeCode: "dpf_eu",
    scopeText: "organisations on the Data Privacy Framework List (self-certified, active); HR data only where the organisation's certification covers HR data (Annex I, Supplemental Principle 9)",
    framework: "dpf_eu", instrument: "Commission Implementing Decision (EU) 2023/1795, C(2023) 4745 (EU-U.S. Data Privacy Framework)", instrumentUri: "http://data.europa.eu/eli/dec_impl/2023/1795/oj",
    officialReference: "OJ L 231, 20.9.2023, p. 118, CELEX 32023D1795",
    adopted: "2023-07-10", published: "2023-09-20",
    notes: "Annulment action T-553/23 Latombe dismissed 2025-09-03; appeal C-703/25 P pending. No repeal or suspension found (latest check 2026-08-05).",
    unconfirmed: "Status after 2026-08-05 not verified (Facts not confirmed #7).",
    sources: ["https://lexaris.de/de/library/tableofcontents/4636329", "https://eur-lex.europa.eu/eli/C/2025/6610/oj/eng", SRC.DPF_LEGAL500, "https://eucrim.eu/news/first-periodic-review-of-the-euus-data-privacy-framework", SRC.TMAI],
  }),
  createEuAdequacy({
    id: "eu-adequacy-org-epo", destination: "org:EPO", destinationName: "European Patent Organisation", scope: "full", scopeCode: null,
    scopeText: "the organisation (first adequacy decision for an international organisation)",
    framework: null, instrument: "Commission Implementing Decision (EU) 2025/1382, C(2025) 4626", instrumentUri: "http://data.europa.eu/eli/dec_impl/2025/1382/oj",
    officialReference: "OJ L, 2025/1382, 18.7.2025, CELEX 32025D1382",
    adopted: "2025-07-15", published: "2025-07-18",
    sources: ["https://www.globalpolicywatch.com/2025/07/adequacy-decision-for-the-european-patent-organisation/", "https://epo.org/en/news-events/news/epo-welcomes-european-commissions-adequacy-decision-safe-data-flows"],
  }),
  createEuAdequacy({
    id: "eu-adequacy-br", destination: "BR", destinationName: "Brazil", scope: "partial", scopeCode: "lgpd",
    scopeText: "controllers and processors in Brazil subject to the LGPD",
    framework: null, instrument: "Commission Implementing Decision (EU) 2026/179, C(2026) 373", instrumentUri: "http://data.europa.eu/eli/dec_impl/2026/179/oj",
    officialReference: "OJ L, 2026/179, 28.1.2026, CELEX 32026D0179",
    adopted: "2026-01-26", published: "2026-01-28",
    notes: "Mutual with ANPD Resolution CD/ANPD 32/2026; first evaluation after 4 years.",
    sources: ["https://europalov.no/rettsakt/beskyttelse-av-personopplysninger-ved-datautveksling-med-brasil/id-34841", "https://cms.law/en/prt/news-information/uniao-europeia-e-brasil-adotam-decisao-de-adequacao-mutua-em-materia-de-protecao-de-dados-pessoais", SRC.TMAI],
  }),
];
