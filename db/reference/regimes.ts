/** The three transfer regimes. Source: regulatory-facts.md §1, §3, §4. */
import type { RegimeEntry } from "../../server/domain/kb/types";
import { SRC } from "./sources";

export const regimes: RegimeEntry[] = [
  {
    id: "regime-eu",
    kind: "regime",
    regime: "EU",
    title: "EU/EEA GDPR",
    law: "Regulation (EU) 2016/679 (GDPR), Chapter V (before 2018-05-25: Directive 95/46/EC, Arts 25–26)",
    lawUri: "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
    areaLabel: "European Economic Area (EU 27 + Iceland, Liechtenstein, Norway); the United Kingdom until 2020-12-31",
    authority: "EU Member State supervisory authorities, EDPB; adequacy decided by the European Commission",
    sources: [SRC.GDPR, SRC.EC_ADQ, SRC.DPV],
  },
  {
    id: "regime-uk",
    kind: "regime",
    regime: "UK",
    title: "UK GDPR",
    law: "UK GDPR and Data Protection Act 2018 (as amended by the Data (Use and Access) Act 2025 from 2026-02-05)",
    lawUri: "https://www.legislation.gov.uk/eur/2016/679/contents",
    areaLabel: "United Kingdom, from 2021-01-01 (before that the UK was inside the EU's rules)",
    authority: "Information Commissioner's Office (ICO); adequacy regulations made by the Secretary of State",
    sources: [SRC.LEXOLOGY_BREXIT, SRC.HANDLEY_GILL, "https://www.legislation.gov.uk/eur/2016/679/article/46/data.html"],
  },
  {
    id: "regime-ch",
    kind: "regime",
    regime: "CH",
    title: "Swiss FADP",
    law: "Federal Act on Data Protection (FADP, SR 235.1) and Data Protection Ordinance (DPO, SR 235.11), revised in force 2023-09-01",
    lawUri: "https://www.fedlex.admin.ch/eli/cc/2022/491/en",
    areaLabel: "Switzerland",
    authority: "Federal Data Protection and Information Commissioner (FDPIC); adequacy decided by the Federal Council (Annex 1 DPO)",
    sources: [SRC.CH_BJ],
  },
];
