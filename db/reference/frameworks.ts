/**
 * US self-certification frameworks and the windows in which each regime recognises them.
 * Source: regulatory-facts.md §2 (historical US decisions), §4 (Swiss), §5 (US frameworks); regulatory-facts-2.md
 * (US-Swiss Safe Harbor ended with the FDPIC's statement of 2015-10-22; DPF and HR data).
 */
import type { FrameworkEntry } from "../../server/domain/kb/types";
import { SRC, URI } from "./sources";

export const frameworks: FrameworkEntry[] = [
  {
    id: "framework-safe-harbor-eu", kind: "framework", framework: "safe_harbor_eu", regime: "EU",
    title: "EU-US Safe Harbor", from: null, to: "2015-10-05", endReason: "invalidated", requires: null,
    reference: "Safe Harbor Principles, Annex I to Decision 2000/520/EC",
    referenceUri: "http://data.europa.eu/eli/dec/2000/520/oj",
    notes: "CJEU C-362/14 Schrems I, judgment of 2015-10-06.",
    unconfirmed: "Operational start date not confirmed (Facts not confirmed #10).",
    sources: [SRC.SCHREMS_I],
  },
  {
    id: "framework-privacy-shield-eu", kind: "framework", framework: "privacy_shield_eu", regime: "EU",
    title: "EU-US Privacy Shield", from: "2016-08-01", to: "2020-07-15", endReason: "invalidated", requires: null,
    reference: "Privacy Shield List; Annex II to Decision (EU) 2016/1250",
    referenceUri: "http://data.europa.eu/eli/dec_impl/2016/1250/oj",
    notes: "CJEU C-311/18 Schrems II, judgment of 2020-07-16; no grace period (EDPB FAQ 2020-07-23). Self-certification had opened on 2016-08-01.",
    sources: [SRC.PS_LAWDP, SRC.SCHREMS_II, SRC.EDPB_NO_GRACE],
  },
  {
    id: "framework-dpf-eu", kind: "framework", framework: "dpf_eu", regime: "EU",
    title: "EU-U.S. Data Privacy Framework", from: "2023-07-10", to: null, endReason: null, requires: null,
    reference: "DPF List; Annex I to Decision (EU) 2023/1795",
    referenceUri: URI.DPF_LIST,
    notes: "Principles effective 2023-07-10; self-certification portal 2023-07-17; Privacy Shield participants became DPF participants automatically. HR data is covered only where the organisation's certification covers HR data (Annex I, Supplemental Principle 9).",
    sources: [SRC.DPF_ZWILLGEN, SRC.DPF_LEGAL500],
  },
  {
    id: "framework-dpf-uk", kind: "framework", framework: "dpf_uk", regime: "UK",
    title: "UK Extension to the EU-U.S. DPF", from: "2023-10-12", to: null, endReason: null, requires: "dpf_eu",
    reference: "DPF List, UK Extension; SI 2023/1028",
    referenceUri: "https://www.legislation.gov.uk/uksi/2023/1028/made",
    notes: "Self-certification from 2023-07-17; usable from 2023-10-12 (SI 2023/1028). Participation in the EU-US DPF is a precondition. Covers UK and Gibraltar exporters.",
    sources: [SRC.DPF_UK_ICDR, SRC.UK_US_REGS],
  },
  {
    id: "framework-safe-harbor-ch", kind: "framework", framework: "safe_harbor_ch", regime: "CH",
    title: "US-Swiss Safe Harbor", from: null, to: "2015-10-21", endReason: "not_adequate", requires: null,
    reference: "US-Swiss Safe Harbor; FADP of 1992 Art. 6(1)",
    referenceUri: URI.FADP_1992,
    notes: "FDPIC statement of 2015-10-22: no longer a sufficient basis for transfers (companies were asked to adapt by the end of January 2016). The earlier end 2017-04-11 was wrong.",
    sources: [SRC.REVIEW, SRC.CH_PS_NATLAW],
  },
  {
    id: "framework-privacy-shield-ch", kind: "framework", framework: "privacy_shield_ch", regime: "CH",
    title: "Swiss-US Privacy Shield", from: "2017-04-12", to: "2020-09-07", endReason: "not_adequate", requires: null,
    reference: "Swiss-U.S. Privacy Shield List; FADP of 1992 Art. 6(1)",
    referenceUri: URI.FADP_1992,
    notes: "FDPIC position paper of 2020-09-08; the US programme persisted but is no longer an adequacy basis.",
    sources: [SRC.CH_PS_NATLAW, SRC.CH_PS_FDPIC, SRC.CH_PS_FAQ],
  },
  {
    id: "framework-dpf-ch", kind: "framework", framework: "dpf_ch", regime: "CH",
    title: "Swiss-U.S. Data Privacy Framework", from: "2024-09-15", to: null, endReason: null, requires: null,
    reference: "DPF List, Swiss-U.S. DPF; SR 235.11, Annex 1",
    referenceUri: URI.DPO_ANNEX1,
    notes: "Principles effective 2023-07-17; usable from 2024-09-15 (Federal Council decision 2024-08-14).",
    sources: [SRC.CH_WALDER, SRC.DPF_CH_PODCAST],
  },
];
