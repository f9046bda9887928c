/** Adequacy: GDPR Art. 45, UK GDPR Art. 45/45A, FADP Art. 16(1) with Annex 1 DPO. */
import type { FrameworkId, RegimeId } from "../kb/types";
import type { RegistryCertification } from "../registry/types";
import type { CompiledAdequacy, CompiledKnowledgeBase } from "./compile-kb";

/**
 * The adequacy decision of `regime` in effect for `destination` on `asOf` (ignoring any certification
 * condition), or `null`. Legal source: GDPR Art. 45(3) and 45(9); UK GDPR Art. 45 (DPA 2018 Sch. 21), Art. 45A
 * from 2026-02-05; Annex 1 DPO.
 */
export function findAdequacyDecision(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  destination: string,
  asOf: string,
): CompiledAdequacy | null {
  const decisions = ckb.adequacy[regime].get(destination);
  if (decisions === undefined) return null;
  for (let i = 0; i < decisions.length; i++) {
    const decision = decisions[i]!;
    if (decision.from <= asOf && asOf <= decision.to) return decision;
  }
  return null;
}

/** The recipient's certification under `framework` active on `asOf` (inclusive `from..to`), or `null`. */
export function findActiveCertification(
  certifications: readonly RegistryCertification[] | undefined,
  framework: FrameworkId,
  asOf: string,
): RegistryCertification | null {
  if (certifications === undefined) return null;
  for (let i = 0; i < certifications.length; i++) {
    const cert = certifications[i]!;
    if (cert.framework === framework && cert.from <= asOf && (cert.to == null || asOf <= cert.to)) return cert;
  }
  return null;
}

/**
 * Whether a framework-conditioned decision (the United States) covers this recipient on `asOf`: the
 * recipient must hold an active certification under the framework the decision recognises, and under any
 * framework that one requires (the UK Extension requires EU-US DPF participation). Legal source: Decision
 * (EU) 2023/1795 Art. 1 (organisations on the DPF List); SI 2023/1028 reg. 2; Annex 1 DPO (Swiss-US DPF).
 * Returns the certification relied on, or `null`. Whether it covers HR data is {@link checkCertificationCoverage}.
 */
export function findCoveringCertification(
  decision: CompiledAdequacy,
  certifications: readonly RegistryCertification[] | undefined,
  asOf: string,
): RegistryCertification | null {
  const framework = decision.framework;
  if (framework === null) return null;
  const cert = findActiveCertification(certifications, framework.entry.framework, asOf);
  if (cert === null) return null;
  const required = framework.entry.requires;
  if (required !== null && findActiveCertification(certifications, required, asOf) === null) return null;
  return cert;
}

/** What a certification's recorded coverage means for a transfer's data. */
export type CoverageCheck = "covered" | "not_covered" | "unknown";

/**
 * Whether a certification covers the transfer's data: HR data (data about employees collected in the context of
 * employment) only where the organisation certified for HR data, other data only where it certified for non-HR
 * data. Legal source: Decision (EU) 2023/1795 Annex I, Supplemental Principle 9 (the same HR rule was in the
 * Privacy Shield and Safe Harbor principles); the DPF List records the covered data per organisation.
 * `hrData` undefined: the registry does not say whether the transfer includes HR data.
 */
export function checkCertificationCoverage(cert: RegistryCertification, hrData: boolean | undefined): CoverageCheck {
  const covered = cert.coveredData;
  if (covered === "both") return "covered";
  if (covered == null) return hrData === true ? "unknown" : "covered";
  if (covered === "non_hr") return hrData === true ? "not_covered" : "covered";
  // HR data only.
  return hrData === true ? "covered" : hrData === false ? "not_covered" : "unknown";
}
