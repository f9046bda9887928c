/**
 * Area memberships: which countries and territories lie inside each regime's area, and from when.
 * Sources: regulatory-facts.md §1 (DPV `loc:EU`/`loc:EEA`; UK exit; TCA Art. FINPROV.10A bridge) and
 * regulatory-facts-2.md "EU and EEA membership" (accession dates, EEA EFTA states, outermost regions, Åland,
 * Gibraltar, Svalbard and Jan Mayen).
 */
import type { AreaMembershipEntry } from "../../server/domain/kb/types";
import { SRC, URI } from "./sources";

/** EU 27 + EFTA/EEA states, ISO 3166-1 alpha-2 (Greece is GR, not EL). */
export const EEA_STATES: readonly (readonly [code: string, name: string, eu: boolean])[] = [
  ["AT", "Austria", true], ["BE", "Belgium", true], ["BG", "Bulgaria", true], ["HR", "Croatia", true],
  ["CY", "Cyprus", true], ["CZ", "Czechia", true], ["DK", "Denmark", true], ["EE", "Estonia", true],
  ["FI", "Finland", true], ["FR", "France", true], ["DE", "Germany", true], ["GR", "Greece", true],
  ["HU", "Hungary", true], ["IE", "Ireland", true], ["IT", "Italy", true], ["LV", "Latvia", true],
  ["LT", "Lithuania", true], ["LU", "Luxembourg", true], ["MT", "Malta", true], ["NL", "Netherlands", true],
  ["PL", "Poland", true], ["PT", "Portugal", true], ["RO", "Romania", true], ["SK", "Slovakia", true],
  ["SI", "Slovenia", true], ["ES", "Spain", true], ["SE", "Sweden", true],
  ["IS", "Iceland", false], ["LI", "Liechtenstein", false], ["NO", "Norway", false],
];

/**
 * Territories with their own ISO 3166-1 code that are part of a member state, with the state, the first day
 * they are inside (null: as long as the state) and the reference. Saint-Barthélemy left on 2012-01-01.
 */
export const EU_TERRITORIES: readonly { code: string; name: string; state: string; from: string | null; to: string | null; reference: string }[] = [
  { code: "RE", name: "Réunion", state: "FR", from: null, to: null, reference: "outermost region of France, TFEU Art. 349 and 355(1)" },
  { code: "GP", name: "Guadeloupe", state: "FR", from: null, to: null, reference: "outermost region of France, TFEU Art. 349 and 355(1)" },
  { code: "MQ", name: "Martinique", state: "FR", from: null, to: null, reference: "outermost region of France, TFEU Art. 349 and 355(1)" },
  { code: "GF", name: "French Guiana", state: "FR", from: null, to: null, reference: "outermost region of France, TFEU Art. 349 and 355(1)" },
  { code: "MF", name: "Saint-Martin", state: "FR", from: null, to: null, reference: "outermost region of France, TFEU Art. 349 and 355(1)" },
  { code: "YT", name: "Mayotte", state: "FR", from: "2014-01-01", to: null, reference: "outermost region of France from 2014-01-01, TFEU Art. 349 and 355(1)" },
  { code: "AX", name: "Åland Islands", state: "FI", from: "1995-01-01", to: null, reference: "part of Finland, TFEU Art. 355(4); Protocol No 2 to the 1994 Act of Accession concerns taxation only" },
  { code: "BL", name: "Saint-Barthélemy", state: "FR", from: null, to: "2011-12-31", reference: "outermost region of France until it became an overseas country and territory on 2012-01-01" },
];

const ORIGINAL = { from: null, reference: "EU member state, TEU Art. 52(1)", referenceUri: URI.TEU };
const ACCESSIONS: Record<string, { from: string; reference: string; referenceUri: string }> = {};
for (const code of ["AT", "FI", "SE"]) ACCESSIONS[code] = { from: "1995-01-01", reference: "EU member state from 1995-01-01, Act of Accession 1994, OJ C 241, 29.8.1994", referenceUri: URI.TEU };
for (const code of ["CY", "CZ", "EE", "HU", "LV", "LT", "MT", "PL", "SK", "SI"]) {
  ACCESSIONS[code] = { from: "2004-05-01", reference: "EU member state from 2004-05-01, Act of Accession 2003, OJ L 236, 23.9.2003", referenceUri: URI.TEU };
}
for (const code of ["BG", "RO"]) ACCESSIONS[code] = { from: "2007-01-01", reference: "EU member state from 2007-01-01, Act of Accession 2005, OJ L 157, 21.6.2005", referenceUri: URI.TEU };
ACCESSIONS.HR = { from: "2013-07-01", reference: "EU member state from 2013-07-01, Treaty of Accession of Croatia, OJ L 112, 24.4.2012", referenceUri: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:L:2012:112:TOC" };
ACCESSIONS.IS = { from: "1994-01-01", reference: "EEA EFTA state from 1994-01-01, EEA Agreement, OJ L 1, 3.1.1994, p. 3", referenceUri: URI.EEA_AGREEMENT };
ACCESSIONS.NO = { from: "1994-01-01", reference: "EEA EFTA state from 1994-01-01, EEA Agreement, OJ L 1, 3.1.1994, p. 3", referenceUri: URI.EEA_AGREEMENT };
ACCESSIONS.LI = { from: "1995-05-01", reference: "EEA EFTA state from 1995-05-01, EEA Agreement, OJ L 1, 3.1.1994, p. 3", referenceUri: URI.EEA_AGREEMENT };

const MEMBERSHIP_SOURCES = [SRC.REVIEW, SRC.DPV, SRC.EC_ADQ, SRC.TEU];

const eeaMembers: AreaMembershipEntry[] = EEA_STATES.map(([code, name, eu]) => {
  const accession = ACCESSIONS[code] ?? ORIGINAL;
  return {
    id: `eu-area-${code.toLowerCase()}`,
    kind: "area_membership",
    regime: "EU",
    country: code,
    countryName: name,
    membership: "member",
    from: accession.from,
    to: null,
    reference: accession.reference,
    referenceUri: accession.referenceUri,
    sources: eu ? MEMBERSHIP_SOURCES : [SRC.REVIEW, SRC.EEA_AGREEMENT, SRC.EEA_JCD_154_2018],
    ...(eu
      ? {}
      : {
          currentLawFrom: "2018-07-20",
          notes: "EFTA state in the EEA: the GDPR applies here from 2018-07-20 (EEA Joint Committee Decision 154/2018); before, Directive 95/46/EC.",
        }),
    ...(code === "DK" ? { notes: "Faroe Islands (FO) and Greenland (GL) are outside the EU/EEA." } : {}),
    ...(code === "FR" ? { notes: "The outermost regions RE, GP, MQ, GF, MF and YT have their own entries; the overseas countries and territories are outside." } : {}),
  };
});

const territories: AreaMembershipEntry[] = EU_TERRITORIES.map((t) => ({
  id: `eu-area-${t.code.toLowerCase()}`,
  kind: "area_membership",
  regime: "EU",
  country: t.code,
  countryName: t.name,
  membership: "member",
  from: t.from,
  to: t.to,
  reference: t.reference,
  referenceUri: URI.TFEU,
  sources: [SRC.REVIEW, SRC.TFEU],
}));

export const areaMemberships: AreaMembershipEntry[] = [
  ...eeaMembers,
  ...territories,
  {
    id: "eu-area-gb-member",
    kind: "area_membership",
    regime: "EU",
    country: "GB",
    countryName: "United Kingdom",
    membership: "member",
    from: null,
    to: "2020-01-31",
    reference: "EU member state until 2020-01-31, TEU Art. 50",
    referenceUri: URI.TEU,
    notes: "The UK left the EU on 2020-01-31 (23:00 GMT).",
    sources: [SRC.LEXOLOGY_BREXIT, SRC.CNMV_BREXIT],
  },
  {
    id: "eu-area-gb-transition",
    kind: "area_membership",
    regime: "EU",
    country: "GB",
    countryName: "United Kingdom",
    membership: "transition",
    from: "2020-02-01",
    to: "2020-12-31",
    reference: "transition period, Withdrawal Agreement Art. 126 and 127, OJ L 29, 31.1.2020",
    referenceUri: SRC.WITHDRAWAL_AGREEMENT,
    notes: "Brexit transition period: EU law, including the GDPR, kept applying in the UK until 2020-12-31.",
    sources: [SRC.LEXOLOGY_BREXIT, SRC.CNMV_BREXIT],
  },
  {
    id: "eu-area-gi-member",
    kind: "area_membership",
    regime: "EU",
    country: "GI",
    countryName: "Gibraltar",
    membership: "member",
    from: null,
    to: "2020-01-31",
    reference: "European territory for whose external relations a member state is responsible, TFEU Art. 355(3)",
    referenceUri: URI.TFEU,
    notes: "Within EU law under TFEU Art. 355(3) while the UK was a member.",
    sources: [SRC.REVIEW, SRC.TFEU],
  },
  {
    id: "eu-area-gi-transition",
    kind: "area_membership",
    regime: "EU",
    country: "GI",
    countryName: "Gibraltar",
    membership: "transition",
    from: "2020-02-01",
    to: "2020-12-31",
    reference: "transition period, Withdrawal Agreement Art. 3(1)(b) and 127, OJ L 29, 31.1.2020",
    referenceUri: SRC.WITHDRAWAL_AGREEMENT,
    notes: "EU law applied in Gibraltar until the end of the transition period. The TCA bridge (FINPROV.10A) does not extend to Gibraltar, and no EU adequacy decision covers it.",
    sources: [SRC.REVIEW, SRC.WITHDRAWAL_AGREEMENT],
  },
  {
    id: "eu-area-sj-undetermined",
    kind: "area_membership",
    regime: "EU",
    country: "SJ",
    countryName: "Svalbard and Jan Mayen",
    membership: "undetermined",
    from: null,
    to: null,
    reference: "EEA Agreement Art. 126: the Agreement does not apply to Svalbard and Jan Mayen",
    referenceUri: URI.EEA_AGREEMENT,
    notes: "Norwegian territory outside the EEA Agreement: the facts do not settle how transfers there are treated, so the DPO decides.",
    sources: [SRC.REVIEW, SRC.EEA_AGREEMENT],
  },
  {
    id: "eu-bridge-gb-tca",
    kind: "area_membership",
    regime: "EU",
    country: "GB",
    countryName: "United Kingdom",
    membership: "bridge",
    from: "2021-01-01",
    to: "2021-06-27",
    reference: "EU-UK Trade and Cooperation Agreement Art. FINPROV.10A, OJ L 149, 30.4.2021",
    referenceUri: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:22021A0430(01)",
    notes:
      "EU-UK Trade and Cooperation Agreement Art. FINPROV.10A: transmissions from the EU to the UK were not considered transfers to a third country (4 months, extended to 6) until the EU adequacy decision for the UK of 2021-06-28.",
    sources: [SRC.TCA_MILLS_REEVE, SRC.TCA_CARSON, SRC.TCA_KEMP],
  },
  {
    id: "uk-area-gb",
    kind: "area_membership",
    regime: "UK",
    country: "GB",
    countryName: "United Kingdom",
    membership: "member",
    from: "2021-01-01",
    to: null,
    reference: "UK GDPR, in force for the United Kingdom from the end of the transition period",
    referenceUri: URI.UK_GDPR,
    notes: "UK GDPR applies from the end of the transition period.",
    sources: [SRC.LEXOLOGY_BREXIT, SRC.HANDLEY_GILL],
  },
  {
    id: "ch-area-ch",
    kind: "area_membership",
    regime: "CH",
    country: "CH",
    countryName: "Switzerland",
    membership: "member",
    from: null,
    to: null,
    reference: "Switzerland, FADP SR 235.1",
    referenceUri: URI.FADP,
    sources: [SRC.CH_BJ],
  },
];
