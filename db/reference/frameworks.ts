/**
 * US self-certification frameworks and the windows in which each regime recognises them.
 * Source: regulatory-facts.md §2 (historical US decisions), §4 (Swiss), §5 (US frameworks).
 */
import type { FrameworkEntry } from "../../server/domain/kb/types";
import { SRC } from "./sources";

export const frameworks: FrameworkEntry[] = [
  {
    id: "framework-safe-harbor-eu", kind: "framework", framework: "safe_harbor_eu", regime: "EU",
    title: "EU-US Safe Harbor", from: null, to: "2015-10-05", endReason: "invalidated", requires: null,
    notes: "CJEU C-362/14 Schrems I, judgment of 2015-10-06.",
    unconfirmed: "Operational start date not confirmed (Facts not confirmed #10).",
    sources: [SRC.SCHREMS_I],
  },
  {
    id: "framework-privacy-shield-eu", kind: "framework", framework: "privacy_shield_eu", regime: "EU",
    title: "EU-US Privacy Shield", from: "2016-08-01", to: "2020-07-15", endReason: "invalidated", requires: null,
    notes: "CJEU C-311/18 Schrems II, judgment of 2020-07-16; no grace period (EDPB FAQ 2020-07-23). Self-certification had opened on 2016-08-01.",
    sources: [SRC.PS_LAWDP, SRC.SCHREMS_II, SRC.EDPB_NO_GRACE],
  },
  {
    id: "framework-dpf-eu", kind: "framework", framework: "dpf_eu", regime: "EU",
    title: "EU-U.S. Data Privacy Framework", from: "2023-07-10", to: null, endReason: null, requires: null,
    notes: "Principles effective 2023-07-10; self-certification portal 2023-07-17; Privacy Shield participants became DPF participants automatically.",
    sources: [SRC.DPF_ZWILLGEN, SRC.DPF_LEGAL500],
  },
  {
    id: "framework-dpf-uk", kind: "framework", framework: "dpf_uk", regime: "UK",
    title: "UK Extension to the EU-U.S. DPF", from: "2023-10-12", to: null, endReason: null, requires: "dpf_eu",
    notes: "Self-certification from 2023-07-17; usable from 2023-10-12 (SI 2023/1028). Participation in the EU-US DPF is a precondition. Covers UK and Gibraltar exporters.",
    sources: [SRC.DPF_UK_ICDR, SRC.UK_US_REGS],
  },
  {
    id: "framework-safe-harbor-ch", kind: "framework", framework: "safe_harbor_ch", regime: "CH",
    title: "US-Swiss Safe Harbor", from: null, to: "2017-04-11", endReason: "superseded", requires: null,
    unconfirmed: "End date inferred from the start of the Swiss-US Privacy Shield (2017-04-12); the FDPIC's own position on Safe Harbor after Schrems I is not in the facts.",
    sources: [SRC.CH_PS_NATLAW],
  },
  {
    id: "framework-privacy-shield-ch", kind: "framework", framework: "privacy_shield_ch", regime: "CH",
    title: "Swiss-US Privacy Shield", from: "2017-04-12", to: "2020-09-07", endReason: "not_adequate", requires: null,
    notes: "FDPIC position paper of 2020-09-08; the US programme persisted but is no longer an adequacy basis.",
    sources: [SRC.CH_PS_NATLAW, SRC.CH_PS_FDPIC, SRC.CH_PS_FAQ],
  },
  {
    id: "framework-dpf-ch", kind: "framework", framework: "dpf_ch", regime: "CH",
    title: "Swiss-U.S. Data Privacy Framework", from: "2024-09-15", to: null, endReason: null, requires: null,
    notes: "Principles effective 2023-07-17; usable from 2024-09-15 (Federal Council decision 2024-08-14).",
    sources: [SRC.CH_WALDER, SRC.DPF_CH_PODCAST],
  },
];
