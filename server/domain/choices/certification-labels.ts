/** Certification choices and their labels: plain constants without zod, safe to import from client components. */
import { FRAMEWORKS } from "@/server/domain/kb/types";
import { COVERED_DATA, type CoveredData } from "@/server/domain/registry/types";

export { FRAMEWORKS, COVERED_DATA, type CoveredData };
export { COVERED_DATA_LABELS, FRAMEWORK_LABELS } from "@/server/domain/labels";

export type Framework = (typeof FRAMEWORKS)[number];
