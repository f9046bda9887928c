/**
 * Evaluates one transfer on one date: status, regime, basis, issues and reasons.
 *
 * Order of the tests follows the structure of GDPR Chapter V (and its UK and Swiss counterparts): is there a
 * restricted transfer at all (Art. 44), is it covered by adequacy (Art. 45), otherwise by an appropriate
 * safeguard (Art. 46), otherwise only by a derogation (Art. 49)? Pure and clock-free: `asOf` is a parameter.
 * Hot path: called ~100k times per registry, so it only does map lookups and string comparisons.
 */
import type { RegistryDerogationSafeguard, RegistryTransfer } from "../registry/types";
import { findAdequacyDecision, findCoveringCertification, findActiveCertification } from "./adequacy";
import { OPEN_END } from "./compile-kb";
import { getEndingSoonLimit, getNoAdequacyReason, type EvaluationContext } from "./context";
import type { CompiledAdequacy } from "./compile-kb";
import { checkDerogationFrequency, describeDerogation } from "./derogations";
import { checkEndingSoon, checkInvalidatedFrameworks, checkTransferImpactAssessment } from "./issues";
import { findDestinationArea, findExporterArea } from "./regime";
import { assessSafeguard } from "./safeguards";
import { frozenList, NO_BASIS, NO_ISSUES, type Basis, type Issue, type SharedVerdictParts, type Verdict } from "./types";
import type { RegistryCertification, RegistryParty } from "../registry/types";

/**
 * Basis, issues and first reason of an `adequate` verdict resting on `decision` (and, for the United States,
 * the recipient's certification `cert`). `certificationOnly`: no Art. 46 safeguard backs the certification.
 */
function describeAdequacy(
  decision: CompiledAdequacy,
  cert: RegistryCertification | null,
  certs: readonly RegistryCertification[] | undefined,
  recipientId: string,
  certificationOnly: boolean,
  asOf: string,
  limit: string,
): SharedVerdictParts {
  const basis: Basis[] = [decision.basis];
  const issues: Issue[] = [];
  let reason = decision.reason;
  let end = decision.coverEnd;
  if (cert !== null && decision.framework !== null) {
    basis.push(decision.framework.certificationBasis);
    reason += `; ${recipientId} is certified since ${cert.from}`;
    if (cert.to != null && cert.to < end) end = cert.to;
    const required = decision.framework.entry.requires;
    if (required !== null) {
      const requiredCert = findActiveCertification(certs, required, asOf);
      if (requiredCert?.to != null && requiredCert.to < end) end = requiredCert.to;
    }
    if (certificationOnly) issues.push(decision.framework.certificationOnlyIssue);
  } else if (decision.scopeIssue !== null) {
    issues.push(decision.scopeIssue);
  }
  if (decision.unconfirmedIssue !== null) issues.push(decision.unconfirmedIssue);
  checkEndingSoon(end, limit, `The adequacy cover (${decision.entry.id})`, issues);
  return { basis, issues, reasons: [reason + "."] };
}

/**
 * The shared, frozen parts of an `adequate` verdict resting on adequacy alone (no valid or defective Art. 46
 * safeguard), cached on the context per decision and recipient for the context's date. `recipient` is `null`
 * for decisions without a certification condition: their parts do not depend on the recipient.
 */
function getAdequacyParts(
  ctx: EvaluationContext,
  decision: CompiledAdequacy,
  recipient: RegistryParty | null,
  certs: readonly RegistryCertification[] | undefined,
  cert: RegistryCertification | null,
  recipientId: string,
  asOf: string,
  limit: string,
): Readonly<SharedVerdictParts> {
  let byRecipient = ctx.adequacyParts.get(decision);
  if (byRecipient === undefined) {
    byRecipient = new Map();
    ctx.adequacyParts.set(decision, byRecipient);
  }
  let parts = byRecipient.get(recipient);
  if (parts === undefined) {
    const fresh = describeAdequacy(decision, cert, certs, recipientId, true, asOf, limit);
    parts = Object.freeze({
      basis: frozenList(fresh.basis),
      issues: fresh.issues.length === 0 ? NO_ISSUES : frozenList(fresh.issues),
      reasons: frozenList(fresh.reasons),
    });
    byRecipient.set(recipient, parts);
  }
  return parts;
}

function isInactive(transfer: RegistryTransfer, asOf: string): boolean {
  return asOf < transfer.start || (transfer.end != null && asOf > transfer.end);
}

/** Evaluates `transfer` as of `asOf` (`YYYY-MM-DD`). See registry-v1.md for the meaning of each status. */
export function evaluateTransfer(ctx: EvaluationContext, transfer: RegistryTransfer, asOf: string): Verdict {
  const ckb = ctx.ckb;
  const exporter = ctx.parties.get(transfer.exporter);
  const recipient = ctx.parties.get(transfer.recipient);
  const exporterArea = exporter === undefined ? null : findExporterArea(ckb, exporter.country, asOf);
  const regime = exporterArea === null ? null : exporterArea.entry.regime;

  if (isInactive(transfer, asOf)) {
    return {
      transfer: transfer.id, status: "inactive", regime, basis: NO_BASIS, issues: NO_ISSUES,
      reasons: [`The transfer runs ${transfer.start}..${transfer.end ?? "(open)"}; ${asOf} is outside that period.`],
    };
  }
  if (exporter === undefined) {
    return {
      transfer: transfer.id, status: "unsafeguarded", regime: null, basis: NO_BASIS, issues: NO_ISSUES,
      reasons: [`Exporter ${transfer.exporter} is not a party of this registry; the transfer cannot be assessed.`],
    };
  }
  // Per-date caches (the shared verdict parts below are valid for one date).
  const limit = getEndingSoonLimit(ctx, asOf);
  if (regime === null) {
    let parts = ctx.outsideRegimeParts.get(exporter);
    if (parts === undefined) {
      parts = Object.freeze({
        basis: NO_BASIS, issues: NO_ISSUES,
        reasons: frozenList([`Exporter ${exporter.id} is established in ${exporter.country}, under none of the EU/EEA GDPR, UK GDPR or Swiss FADP transfer regimes on ${asOf}.`]),
      });
      ctx.outsideRegimeParts.set(exporter, parts);
    }
    return { transfer: transfer.id, status: "not_restricted", regime: null, basis: parts.basis, issues: parts.issues, reasons: parts.reasons };
  }

  const area = findDestinationArea(ckb, regime, transfer.destination, asOf);
  if (area !== null) {
    const parts = area.verdictParts;
    return { transfer: transfer.id, status: "not_restricted", regime, basis: parts.basis, issues: parts.issues, reasons: parts.reasons };
  }

  // Art. 45: adequacy (for the US, only with the recipient's certification under the recognised framework).
  const decision = findAdequacyDecision(ckb, regime, transfer.destination, asOf);
  const certs = recipient?.certifications;
  let adequate = false;
  let cert = null;
  if (decision !== null) {
    if (decision.framework === null) adequate = true;
    else {
      cert = findCoveringCertification(decision, certs, asOf);
      adequate = cert !== null;
    }
  }

  // Art. 46: the safeguards the exporter lists for this flow. Art. 49 derogations are kept aside.
  let validBasis: Basis[] | null = null;
  let validReasons: string[] | null = null;
  let failReasons: string[] | null = null;
  let defects: Issue[] | null = null;
  let safeguardEnd = "";
  let derogation: RegistryDerogationSafeguard | null = null;
  const ids = transfer.safeguards;
  if (ids !== undefined) {
    for (let i = 0; i < ids.length; i++) {
      const sg = ctx.safeguards.get(ids[i]!);
      if (sg === undefined) {
        (failReasons ??= []).push(`Safeguard ${ids[i]} is not in this registry.`);
        continue;
      }
      if (sg.type === "derogation") {
        if (derogation === null) derogation = sg;
        continue;
      }
      const assessment = assessSafeguard(ckb, regime, transfer, sg, asOf, sg.type === "bcr" ? ctx.bcrMembers.get(sg.id) : undefined);
      if (assessment.valid) {
        (validBasis ??= []).push({ type: sg.type, ref: sg.id });
        (validReasons ??= []).push(assessment.reason);
        if (assessment.end > safeguardEnd) safeguardEnd = assessment.end;
      } else {
        (failReasons ??= []).push(assessment.reason);
        if (assessment.issueCode !== null) (defects ??= []).push({ code: assessment.issueCode, severity: "warning", message: assessment.reason });
      }
    }
  }

  const issues: Issue[] = [];
  let verdict: Verdict;
  if (adequate && decision !== null && validBasis === null && defects === null) {
    // Adequacy alone: the parts depend only on the decision, the recipient and the date, so they are shared.
    const parts = getAdequacyParts(ctx, decision, decision.framework === null ? null : recipient!, certs, cert, transfer.recipient, asOf, limit);
    return { transfer: transfer.id, status: "adequate", regime, basis: parts.basis, issues: parts.issues, reasons: parts.reasons };
  } else if (adequate && decision !== null) {
    const parts = describeAdequacy(decision, cert, certs, transfer.recipient, validBasis === null, asOf, limit);
    if (validReasons !== null) for (const r of validReasons) parts.reasons.push(r);
    verdict = { transfer: transfer.id, status: "adequate", regime, basis: parts.basis, issues: parts.issues, reasons: parts.reasons };
  } else {
    const noAdequacy =
      decision !== null && decision.framework !== null
        ? `${decision.reason}${decision.framework.entry.requires ? ` (and ${decision.framework.entry.requires})` : ""}, but ${transfer.recipient} is not certified on ${asOf}.`
        : getNoAdequacyReason(ctx, regime, transfer.destination, asOf);
    if (ckb.frameworkDestinations[regime].has(transfer.destination)) checkInvalidatedFrameworks(ckb, regime, certs, asOf, issues);
    if (validBasis !== null && validReasons !== null) {
      validReasons.push(noAdequacy);
      checkTransferImpactAssessment(transfer, asOf, issues);
      checkEndingSoon(safeguardEnd === "" ? OPEN_END : safeguardEnd, limit, "The safeguard relied on", issues);
      verdict = { transfer: transfer.id, status: "safeguarded", regime, basis: validBasis, issues, reasons: validReasons };
    } else if (derogation !== null) {
      const frequencyIssue = checkDerogationFrequency(ckb, transfer, derogation);
      if (frequencyIssue !== null) issues.push(frequencyIssue);
      const reasons = [describeDerogation(ckb, regime, derogation), noAdequacy];
      if (failReasons !== null) for (const r of failReasons) reasons.push(r);
      verdict = { transfer: transfer.id, status: "derogation", regime, basis: [{ type: "derogation", ref: derogation.id }], issues, reasons };
    } else {
      const reasons = [noAdequacy];
      if (failReasons !== null) for (const r of failReasons) reasons.push(r);
      else reasons.push("No safeguard listed for this transfer is valid for it.");
      verdict = { transfer: transfer.id, status: "unsafeguarded", regime, basis: NO_BASIS, issues, reasons };
    }
  }

  if (verdict.issues.length === 0 && defects === null) verdict.issues = NO_ISSUES;
  if (defects !== null) {
    // A defective safeguard is an error when nothing better covers the transfer, otherwise a warning.
    const severe = verdict.status === "unsafeguarded" || verdict.status === "derogation";
    for (const defect of defects) {
      if (severe) defect.severity = "error";
      verdict.issues.push(defect);
    }
  }
  return verdict;
}
