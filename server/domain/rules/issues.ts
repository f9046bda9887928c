/** Issues that do not change a verdict's status: TIA, ending cover, certification-only, framework validity. */
import type { RegimeId } from "../kb/types";
import type { RegistryCertification, RegistryTransfer } from "../registry/types";
import { OPEN_END, type CompiledKnowledgeBase } from "./compile-kb";
import type { Issue } from "./types";

/** Days before the end of cover at which `safeguard_ending_soon` is raised. */
export const ENDING_SOON_DAYS = 90;

/**
 * Transfer impact assessment, required when relying on an Art. 46 tool. Legal source: CJEU C-311/18
 * Schrems II; SCC 2021/914 Clause 14(b) and (d); EDPB Recommendations 01/2020 v2.0 (step 6: re-evaluate at
 * intervals); UK: ICO transfer risk assessment; CH: FDPIC guidance.
 */
export function checkTransferImpactAssessment(transfer: RegistryTransfer, asOf: string, issues: Issue[]): void {
  const tia = transfer.tia;
  if (tia == null || tia.completed > asOf) {
    issues.push({
      code: "tia_missing",
      severity: "warning",
      message: `No transfer impact assessment completed by ${asOf}; one is required when relying on an Art. 46 safeguard (Schrems II, SCC Clause 14).`,
    });
    return;
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
 * invalid from 2020-07-16, no grace period); CH: FDPIC position paper of 2020-09-08 (Swiss-US Privacy Shield).
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
          message: `The recipient still holds a ${cert.framework} certification (since ${cert.from}), but ${framework.invalidatedMessage}.`,
        });
      }
    }
  }
}
