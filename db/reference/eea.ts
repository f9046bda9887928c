/**
 * Area memberships: which countries lie inside each regime's area, and when.
 * Source: regulatory-facts.md §1 (DPV `loc:EU`/`loc:EEA`; UK exit; TCA Art. FINPROV.10A bridge).
 * Accession dates before the GDPR era are not in the facts, so EEA memberships are open ended.
 */
import type { AreaMembershipEntry } from "../../server/domain/kb/types";
import { SRC } from "./sources";

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

const eeaMembers: AreaMembershipEntry[] = EEA_STATES.map(([code, name, eu]) => ({
  id: `eu-area-${code.toLowerCase()}`,
  kind: "area_membership",
  regime: "EU",
  country: code,
  countryName: name,
  membership: "member",
  from: null,
  to: null,
  sources: [SRC.DPV, SRC.EC_ADQ],
  ...(eu ? {} : { notes: "EFTA state in the EEA: adequacy decisions let data flow from the EU and Norway, Liechtenstein and Iceland." }),
  ...(code === "DK" ? { notes: "Faroe Islands (FO) and Greenland (GL) are outside the EU/EEA." } : {}),
}));

export const areaMemberships: AreaMembershipEntry[] = [
  ...eeaMembers,
  {
    id: "eu-area-gb-member",
    kind: "area_membership",
    regime: "EU",
    country: "GB",
    countryName: "United Kingdom",
    membership: "member",
    from: null,
    to: "2020-01-31",
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
    notes: "Brexit transition period: EU law, including the GDPR, kept applying in the UK until 2020-12-31.",
    sources: [SRC.LEXOLOGY_BREXIT, SRC.CNMV_BREXIT],
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
    sources: [SRC.CH_BJ],
  },
];
