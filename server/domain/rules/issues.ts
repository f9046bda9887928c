/** Issues about the transfer impact assessment, ending cover and framework validity. */
import type { RegimeId } from "../kb/types";
import type { RegistryCertification, RegistryTia } from "../registry/types";
import { OPEN_END, type CompiledKnowledgeBase, type CompiledRegime, type Era } from "./compile-kb";
import type { Issue } from "./types";

/** Days before the end of cover at which `safeguard_ending_soon` is raised. */
export const ENDING_SOON_DAYS = 90;

/**
 * Days before a planned transfer's start from which `uncovered_at_start` is an error rather than a warning:
 * from `start - 30` (inclusive) on, the data will flow within a month without cover.
 */
export const UNCOVERED_AT_START_ERROR_DAYS = 30;

/**
 * The assessment's conclusion that the transfer must be suspended: the Art. 46 safeguards then do not cover
 * it. Legal source: SCC 2021/914 Clause 14(f) and 16(b); EDPB Recommendations 01/2020, step 4 ("if none
 * suffice, avoid, suspend or terminate the transfer"). Returns the reason, or `null` when the latest assessment
 * completed by `asOf` does not say suspend.
 */
export function findSuspendingAssessment(tia: RegistryTia | null | undefined, asOf: string): string | null {
  if (tia == null || tia.outcome !== "suspend" || tia.completed > asOf) return null;
  return `The transfer impact assessment of ${tia.completed} concluded that the transfer must be suspended, so no Art. 46 safeguard covers it: SCC 2021/914 Clause 14(f) and 16(b); EDPB Recommendations 01/2020, step 4.`;
}

/**
 * Transfer impact assessment, required when relying on an Art. 46 tool, from the day the regime requires it
 * (CJEU C-311/18 Schrems II of 2020-07-16; no missing TIA is raised before). Legal source: C-311/18; SCC
 * 2021/914 Clause 14(b) and (d); EDPB Recommendations 01/2020 v2.0 (step 4: supplementary measures; step 6:
 * re-evaluate at intervals); UK: ICO transfer risk assessment, from 2026-02-05 the data protection test of UK
 * GDPR Art. 46(1A); CH: FDPIC guidance. Messages never contain `asOf`: a verdict must read the same on every
 * day it holds.
 */
export function checkTransferImpactAssessment(tia: RegistryTia | null | undefined, regime: CompiledRegime, era: Era, asOf: string, issues: Issue[]): void {
  if (tia == null || tia.completed > asOf) {
    if (asOf < regime.assessmentRequiredFrom) return;
    issues.push(regime.tiaMissingIssue[era]);
    return;
  }
  if (tia.outcome === "proceed_with_measures" && !tia.measuresTechnical && !tia.measuresContractual && !tia.measuresOrganisational) {
    issues.push({
      code: "tia_measures_missing",
      severity: "warning",
      message: `The transfer impact assessment of ${tia.completed} concluded to proceed with supplementary measures, but records none (EDPB Recommendations 01/2020, step 4).`,
    });
  }
  if (tia.nextReview != null && tia.nextReview < asOf) {
    issues.push({
      code: "tia_overdue",
      severity: "warning",
      message: `The transfer impact assessment of ${tia.completed} was due for review on ${tia.nextReview} (EDPB Recommendations 01/2020, step 6).`,
    });
  }
}

/** The cover relied on ends within {@link ENDING_SOON_DAYS} days of `asOf` (`end` inclusive; `limit` = asOf + 90). */
export function checkEndingSoon(end: string, limit: string, what: string, issues: Issue[]): void {
  if (end !== OPEN_END && end <= limit) {
    issues.push({ code: "safeguard_ending_soon", severity: "warning", message: `${what} ends on ${end}, within ${ENDING_SOON_DAYS} days.` });
  }
}

/**
 * The recipient still holds a certification under a framework this regime no longer recognises. Legal source:
 * EU: CJEU C-362/14 Schrems I (Safe Harbor invalid from 2015-10-06), C-311/18 Schrems II (Privacy Shield
 * invalid from 2020-07-16, no grace period); CH: FDPIC statement of 2015-10-22 (US-Swiss Safe Harbor), position
 * paper of 2020-09-08 (Swiss-US Privacy Shield).
 */
export function checkInvalidatedFrameworks(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  certifications: readonly RegistryCertification[] | undefined,
  asOf: string,
  issues: Issue[],
): void {
  if (certifications === undefined) return;
  const frameworks = ckb.frameworksByRegime[regime];
  for (let i = 0; i < frameworks.length; i++) {
    const framework = frameworks[i]!;
    if (!framework.invalidated || asOf <= framework.to) continue;
    for (let c = 0; c < certifications.length; c++) {
      const cert = certifications[c]!;
      if (cert.framework === framework.entry.framework && cert.from <= asOf && (cert.to == null || asOf <= cert.to)) {
        issues.push({
          code: "invalidated_framework",
          severity: "warning",
          message: `The recipient still holds a ${framework.label} certification, since ${cert.from}, but ${framework.invalidatedMessage}.`,
        });
      }
    }
  }
}
