/** Certification choices and their labels: plain constants without zod, safe to import from client components. */
import { FRAMEWORKS } from "@/server/domain/kb/types";

export { FRAMEWORKS };

export type Framework = (typeof FRAMEWORKS)[number];
export const FRAMEWORK_LABELS: Record<Framework, string> = {
  safe_harbor_eu: "EU-US Safe Harbor",
  safe_harbor_ch: "Swiss-US Safe Harbor",
  privacy_shield_eu: "EU-US Privacy Shield",
  privacy_shield_ch: "Swiss-US Privacy Shield",
  dpf_eu: "EU-US Data Privacy Framework",
  dpf_uk: "UK Extension to the EU-US DPF",
  dpf_ch: "Swiss-US Data Privacy Framework",
};

export const COVERED_DATA = ["hr", "non_hr", "both"] as const;
export type CoveredData = (typeof COVERED_DATA)[number];
export const COVERED_DATA_LABELS: Record<CoveredData, string> = { hr: "HR data only", non_hr: "Non-HR data only", both: "HR and non-HR data" };
