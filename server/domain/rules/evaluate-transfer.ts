/**
 * Evaluates one transfer on one date: status, regime, basis, issues and reasons.
 *
 * Order of the tests follows the structure of GDPR Chapter V (and its UK and Swiss counterparts): is there a
 * restricted transfer at all (Art. 44), is it covered by adequacy (Art. 45), otherwise by an appropriate
 * safeguard (Art. 46), otherwise only by a derogation (Art. 49)? Pure and clock-free: `asOf` is a parameter.
 * Hot path: called ~100k times per registry, so it only does map lookups and string comparisons.
 *
 * A verdict never mentions `asOf` in its reasons or issue messages, only fixed dates of facts: the verdict
 * store keeps a verdict for as long as nothing changes, and it must read the same on every day it holds.
 */
import type { RegimeId } from "../kb/types";
import type { RegistryCertification, RegistryDerogationSafeguard, RegistryParty, RegistryTransfer } from "../registry/types";
import { isOrganisationDestination } from "../registry/iso-countries";
import { checkCertificationCoverage, findAdequacyDecision, findCoveringCertification, findActiveCertification } from "./adequacy";
import { CURRENT_LAW, FORMER_LAW, OPEN_END, type CompiledAdequacy, type Era } from "./compile-kb";
import { getEndingSoonLimit, getNoAdequacyReason, type EvaluationContext } from "./context";
import { assessDerogation } from "./derogations";
import { addDays } from "../dates";
import { collectTransferBoundaries } from "./boundaries";
import {
  checkEndingSoon,
  checkInvalidatedFrameworks,
  checkTransferImpactAssessment,
  ENDING_SOON_DAYS,
  findSuspendingAssessment,
  UNCOVERED_AT_START_ERROR_DAYS,
} from "./issues";
import { findDestinationArea, findExporterArea } from "./regime";
import { assessSafeguard, safeguardBasis } from "./safeguards";
import { frozenList, NO_BASIS, NO_ISSUES, STATUS_RANK, type Basis, type Issue, type SharedVerdictParts, type Verdict } from "./types";

/**
 * Basis, issues and first reason of an `adequate` verdict resting on `decision` in `era` (and, for the United
 * States, the recipient's certification `cert`). `certificationOnly`: no Art. 46 safeguard backs the
 * certification. `scopeKnownIn`: the registry says the recipient is within a partial decision's scope.
 */
function describeAdequacy(
  decision: CompiledAdequacy,
  era: Era,
  cert: RegistryCertification | null,
  certs: readonly RegistryCertification[] | undefined,
  certificationOnly: boolean,
  scopeKnownIn: boolean,
  coverageIssue: Issue | null,
  asOf: string,
  limit: string,
): SharedVerdictParts {
  const framework = cert === null ? null : decision.framework;
  // Lists built at their final length: see exactIssues.
  const basis: Basis[] = framework === null ? [decision.basis[era]] : [decision.basis[era], framework.certificationBasis];
  const issues: Issue[] = [];
  let reason = decision.reasonSentence[era];
  let end = decision.coverEnd;
  if (cert !== null && decision.framework !== null) {
    const sentences = decision.certifiedReasons[era];
    const known = sentences.get(cert.from);
    if (known === undefined) sentences.set(cert.from, (reason = `${decision.reason[era]}; the recipient is certified since ${cert.from}.`));
    else reason = known;
    if (cert.to != null && cert.to < end) end = cert.to;
    const required = decision.framework.entry.requires;
    if (required !== null) {
      const requiredCert = findActiveCertification(certs, required, asOf);
      if (requiredCert?.to != null && requiredCert.to < end) end = requiredCert.to;
    }
    if (certificationOnly) issues.push(decision.framework.certificationOnlyIssue);
    if (coverageIssue !== null) issues.push(coverageIssue);
  } else if (decision.scopeIssue !== null) {
    if (scopeKnownIn) reason = `${decision.reason[era]}; the registry records the recipient as within it: ${decision.scopeSummary}.`;
    else issues.push(decision.scopeIssue);
  }
  if (decision.unconfirmedIssue !== null) issues.push(decision.unconfirmedIssue);
  checkEndingSoon(end, limit, "The adequacy cover", issues);
  return { basis, issues, reasons: [reason] };
}

/**
 * The shared, frozen parts of an `adequate` verdict resting on adequacy alone (no valid or defective Art. 46
 * safeguard, nothing recorded about the decision's scope or HR data), cached on the context per era, decision
 * and recipient for the context's date. `recipient` is `null` for decisions without a certification
 * condition: their parts do not depend on the recipient.
 */
function getAdequacyParts(
  ctx: EvaluationContext,
  decision: CompiledAdequacy,
  era: Era,
  recipient: RegistryParty | null,
  certs: readonly RegistryCertification[] | undefined,
  cert: RegistryCertification | null,
  coverageIssue: Issue | null,
  asOf: string,
  limit: string,
): Readonly<SharedVerdictParts> {
  const cache = ctx.adequacyParts[era];
  let byRecipient = cache.get(decision);
  if (byRecipient === undefined) {
    byRecipient = new Map();
    cache.set(decision, byRecipient);
  }
  let parts = byRecipient.get(recipient);
  if (parts === undefined) {
    const fresh = describeAdequacy(decision, era, cert, certs, true, false, coverageIssue, asOf, limit);
    parts = Object.freeze({
      basis: frozenList(fresh.basis),
      issues: fresh.issues.length === 0 ? NO_ISSUES : frozenList(fresh.issues),
      reasons: frozenList(fresh.reasons),
    });
    byRecipient.set(recipient, parts);
  }
  return parts;
}

/**
 * `issues` without spare room: the shared empty list, or an exact copy. V8 gives an array 17 slots on its first
 * push, and verdicts live until they are written, through many young-generation collections that copy them.
 */
function exactIssues(issues: Issue[]): Issue[] {
  return issues.length === 0 ? NO_ISSUES : issues.slice();
}

function isInactive(transfer: RegistryTransfer, asOf: string): boolean {
  return asOf < transfer.start || (transfer.end != null && asOf > transfer.end);
}

/** Why an inactive transfer is inactive, without naming the date asked about. */
function describeInactive(transfer: RegistryTransfer): string {
  return transfer.end != null
    ? `The transfer runs from ${transfer.start} to ${transfer.end}, so it is not running on this date.`
    : `The transfer runs from ${transfer.start}, so it is not running on this date.`;
}

/**
 * A restricted transfer evaluated for one `location` (the destination, or the recipient's country of
 * establishment): adequacy there, then the listed safeguards, then derogations.
 */
function evaluateRestricted(
  ctx: EvaluationContext,
  transfer: RegistryTransfer,
  recipient: RegistryParty | undefined,
  regime: RegimeId,
  era: Era,
  location: string,
  asOf: string,
  limit: string,
): Verdict {
  const ckb = ctx.ckb;
  const compiledRegime = ckb.compiledRegimes[regime];

  // Art. 45: adequacy (for the US, only with the recipient's certification under the recognised framework,
  // covering the transfer's data; for partial decisions, unless the registry records the recipient outside).
  const decision = findAdequacyDecision(ckb, regime, location, asOf);
  const certs = recipient?.certifications;
  let adequate = false;
  let cert: RegistryCertification | null = null;
  let adequacyFailure: string | null = null;
  let coverageIssue: Issue | null = null;
  let defects: Issue[] | null = null;
  if (decision !== null) {
    if (decision.framework === null) {
      if (decision.scopeIssue !== null && transfer.adequacyScope === "out") {
        adequacyFailure = `${decision.reason[era]}, but the registry records this recipient as outside that scope, so the decision does not cover the transfer.`;
      } else adequate = true;
    } else {
      cert = findCoveringCertification(decision, certs, asOf);
      if (cert !== null) {
        const coverage = checkCertificationCoverage(cert, transfer.hrData);
        if (coverage === "not_covered") {
          const covers = cert.coveredData === "hr" ? "HR data only" : "non-HR data only";
          adequacyFailure = `${decision.certificationCondition[era]}; the recipient's certification covers ${covers}, and this transfer ${transfer.hrData ? "includes" : "does not include"} HR data, so the decision does not cover it.`;
          (defects ??= []).push({
            code: "certification_scope",
            severity: "warning",
            message: `The recipient's ${decision.framework.label} certification covers ${covers}, which does not match this transfer's data (DPF Supplemental Principle 9 on HR data).`,
          });
          cert = null;
        } else {
          adequate = true;
          if (coverage === "unknown") {
            coverageIssue = {
              code: "certification_scope",
              severity: "warning",
              message:
                cert.coveredData === "hr"
                  ? `The recipient's ${decision.framework.label} certification covers HR data only; record whether this transfer includes HR data.`
                  : `This transfer includes HR data, and the registry does not record whether the recipient's ${decision.framework.label} certification covers HR data: check the DPF List (Supplemental Principle 9).`,
            };
          }
        }
      }
    }
  }

  // Art. 46: the safeguards the exporter lists for this flow. Art. 49 derogations are kept aside.
  let validBasis: Basis[] | null = null;
  let validReasons: string[] | null = null;
  let failReasons: string[] | null = null;
  let safeguardEnd = "";
  let derogations: RegistryDerogationSafeguard[] | null = null;
  const ids = transfer.safeguards;
  if (ids !== undefined) {
    for (let i = 0; i < ids.length; i++) {
      const sg = ctx.safeguards.get(ids[i]!);
      if (sg === undefined) {
        (failReasons ??= []).push(`A safeguard listed for this transfer is not in this registry.`);
        continue;
      }
      if (sg.type === "derogation") {
        (derogations ??= []).push(sg);
        continue;
      }
      const assessment = assessSafeguard(ckb, regime, transfer, sg, asOf, sg.type === "bcr" ? ctx.bcrMembers.get(sg.id) : undefined, era);
      if (assessment.valid) {
        const basis = safeguardBasis(sg, assessment);
        if (validBasis === null || validReasons === null) {
          validBasis = [basis];
          validReasons = [assessment.reason];
        } else {
          validBasis.push(basis);
          validReasons.push(assessment.reason);
        }
        if (assessment.end > safeguardEnd) safeguardEnd = assessment.end;
      } else {
        (failReasons ??= []).push(assessment.reason);
        if (assessment.issueCode !== null) (defects ??= []).push({ code: assessment.issueCode, severity: "warning", message: assessment.reason });
      }
    }
  }
  // An assessment that concluded "suspend" takes the Art. 46 safeguards' cover away (not adequacy's).
  if (validBasis !== null && !adequate) {
    const suspended = findSuspendingAssessment(transfer.tia, asOf);
    if (suspended !== null) {
      (failReasons ??= []).push(suspended);
      (defects ??= []).push({ code: "tia_suspend", severity: "warning", message: suspended });
      validBasis = null;
      validReasons = null;
    }
  }

  const issues: Issue[] = [];
  let verdict: Verdict;
  if (adequate && decision !== null && validBasis === null && defects === null && transfer.adequacyScope == null && transfer.hrData === undefined) {
    // Adequacy alone: the parts depend only on the era, the decision, the recipient and the date, so they are shared.
    const parts = getAdequacyParts(ctx, decision, era, decision.framework === null ? null : recipient!, certs, cert, coverageIssue, asOf, limit);
    return { transfer: transfer.id, status: "adequate", regime, basis: parts.basis, issues: parts.issues, reasons: parts.reasons };
  } else if (adequate && decision !== null) {
    const parts = describeAdequacy(decision, era, cert, certs, validBasis === null, transfer.adequacyScope === "in", coverageIssue, asOf, limit);
    const reasons = validReasons === null ? parts.reasons : parts.reasons.concat(validReasons);
    verdict = { transfer: transfer.id, status: "adequate", regime, basis: parts.basis, issues: parts.issues, reasons };
  } else {
    const noAdequacy =
      adequacyFailure ??
      (decision !== null && decision.framework !== null
        ? decision.noCertificationReason[era]
        : getNoAdequacyReason(ctx, regime, location));
    if (ckb.frameworkDestinations[regime].has(location)) checkInvalidatedFrameworks(ckb, regime, certs, asOf, issues);
    if (validBasis !== null && validReasons !== null) {
      checkTransferImpactAssessment(transfer.tia, compiledRegime, era, asOf, issues);
      checkEndingSoon(safeguardEnd === "" ? OPEN_END : safeguardEnd, limit, "The safeguard relied on", issues);
      verdict = { transfer: transfer.id, status: "safeguarded", regime, basis: validBasis, issues, reasons: validReasons.concat(noAdequacy) };
    } else {
      // Art. 49: the first listed derogation that can cover the transfer; the others say why not.
      let chosen: { basis: Basis; reason: string; warning: Issue | null } | null = null;
      if (derogations !== null) {
        for (const sg of derogations) {
          const assessment = assessDerogation(ckb, regime, era, transfer, sg);
          if (assessment.valid) chosen ??= assessment;
          else {
            (failReasons ??= []).push(assessment.reason);
            (defects ??= []).push({ code: assessment.issueCode, severity: "warning", message: assessment.reason });
          }
        }
      }
      if (chosen !== null) {
        if (chosen.warning !== null) issues.push(chosen.warning);
        const reasons = failReasons === null ? [chosen.reason, noAdequacy] : [chosen.reason, noAdequacy].concat(failReasons);
        verdict = { transfer: transfer.id, status: "derogation", regime, basis: [chosen.basis], issues, reasons };
      } else {
        const reasons =
          failReasons === null
            ? [noAdequacy, compiledRegime.noSafeguardReason[era]]
            : [noAdequacy].concat(failReasons, compiledRegime.nothingElseReason[era]);
        verdict = { transfer: transfer.id, status: "unsafeguarded", regime, basis: compiledRegime.unsafeguardedBasis[era], issues, reasons };
      }
    }
  }

  if (defects !== null) {
    // A defective safeguard is an error when nothing better covers the transfer, otherwise a warning.
    const severe = verdict.status === "unsafeguarded" || verdict.status === "derogation";
    for (const defect of defects) if (severe) defect.severity = "error";
    verdict.issues = verdict.issues.concat(defects);
  } else verdict.issues = exactIssues(verdict.issues);
  return verdict;
}

/** The reason that says which of two locations decided, per EDPB Guidelines 05/2021, criterion 3. */
function describeLocations(regimeTitle: string, regime: RegimeId, establishment: string, destination: string, decider: "establishment" | "destination" | "only_establishment"): string {
  const source = `EDPB Guidelines 05/2021, criterion 3${regime === "EU" ? "" : ", applied here by analogy"}`;
  if (decider === "only_establishment") {
    return `The recipient is established in ${establishment}, outside the ${regimeTitle} area: receiving the data in ${destination} does not make the transfer an internal one (${source}), so its country of establishment decides.`;
  }
  return `The recipient is established in ${establishment} and receives the data in ${destination}, both outside the ${regimeTitle} area, so both are assessed (${source}); ${
    decider === "establishment" ? `its country of establishment, ${establishment}` : `the processing location, ${destination}`
  }, decides.`;
}

/** Adds a leading reason and a trailing issue to a verdict whose lists may be shared: copies them first. */
function annotate(verdict: Verdict, reason: string | null, issue: Readonly<Issue> | undefined): Verdict {
  return {
    ...verdict,
    reasons: reason === null ? verdict.reasons : [reason, ...verdict.reasons],
    issues: issue === undefined ? verdict.issues : [...verdict.issues, issue],
  };
}

/**
 * Evaluates `transfer` as of `asOf` (`YYYY-MM-DD`). See FORMAT.md for the meaning of each status. `exporter` and
 * `recipient` are the transfer's parties when the caller has looked them up already (the validator does).
 *
 * Forward-looking issues: a transfer that has not started yet is judged as of its start date too
 * (`uncovered_at_start` when nothing covers it then), and a running transfer whose cover ends within the
 * look-ahead window is judged on the days after (`cover_ends` when nothing takes over).
 */
export function evaluateTransfer(
  ctx: EvaluationContext,
  transfer: RegistryTransfer,
  asOf: string,
  exporter: RegistryParty | undefined = ctx.parties.get(transfer.exporter),
  recipient: RegistryParty | undefined = ctx.parties.get(transfer.recipient),
): Verdict {
  const verdict = evaluateOnDay(ctx, transfer, asOf, exporter, recipient);
  if (verdict.status === "inactive") return asOf < transfer.start ? checkUncoveredAtStart(ctx, transfer, asOf, verdict, exporter, recipient) : verdict;
  if (verdict.status === "unsafeguarded" || verdict.issues.length === 0) return verdict;
  for (let i = 0; i < verdict.issues.length; i++) if (verdict.issues[i]!.code === "safeguard_ending_soon") return checkCoverEnds(ctx, transfer, asOf, verdict, exporter, recipient);
  return verdict;
}

/**
 * A planned transfer (`asOf` before its start) with no cover on its start date: `uncovered_at_start`, a warning,
 * or an error from {@link UNCOVERED_AT_START_ERROR_DAYS} days before the start. The message names the start
 * date (a fact), never `asOf`; the severity's change day is one of the verdict's announced change points
 * (validity.ts).
 */
function checkUncoveredAtStart(
  ctx: EvaluationContext,
  transfer: RegistryTransfer,
  asOf: string,
  verdict: Verdict,
  exporter: RegistryParty | undefined,
  recipient: RegistryParty | undefined,
): Verdict {
  const atStart = evaluateOnDay(ctx, transfer, transfer.start, exporter, recipient);
  if (atStart.status !== "unsafeguarded") return verdict;
  const citation = atStart.basis[0]?.citation;
  const issue: Issue = {
    code: "uncovered_at_start",
    severity: asOf >= addDays(transfer.start, -UNCOVERED_AT_START_ERROR_DAYS) ? "error" : "warning",
    message: `The transfer starts on ${transfer.start} and nothing covers it on that day: no adequacy decision, safeguard or derogation applies${citation === undefined ? "" : ` (${citation})`}.`,
  };
  return {
    ...verdict,
    regime: atStart.regime,
    issues: [issue],
    reasons: [...verdict.reasons, `Judged as of its start date, ${transfer.start}, the transfer would be unsafeguarded:`, ...atStart.reasons],
  };
}

/**
 * The cover relied on ends within the look-ahead window: the first day within it on which some fact changes
 * and the transfer, still running, would be unsafeguarded gives `cover_ends` with the day the cover ends.
 * Only the announced change days are judged (knowledge-base and transfer boundaries), so the result is the
 * same on every day between two of the verdict's change points.
 */
function checkCoverEnds(
  ctx: EvaluationContext,
  transfer: RegistryTransfer,
  asOf: string,
  verdict: Verdict,
  exporter: RegistryParty | undefined,
  recipient: RegistryParty | undefined,
): Verdict {
  const horizon = addDays(asOf, ENDING_SOON_DAYS + 1);
  const candidates = new Set<string>();
  for (const d of ctx.ckb.boundaryDates) if (d > asOf && d <= horizon) candidates.add(d);
  for (const d of collectTransferBoundaries(ctx, transfer)) if (d > asOf && d <= horizon) candidates.add(d);
  for (const day of [...candidates].sort()) {
    if (transfer.end != null && day > transfer.end) break;
    const later = evaluateOnDay(ctx, transfer, day, exporter, recipient);
    if (later.status !== "unsafeguarded") continue;
    const end = addDays(day, -1);
    const issue: Issue = {
      code: "cover_ends",
      severity: "warning",
      message: `The cover ends on ${end} and nothing takes over: from ${day} the transfer is unsafeguarded unless a new safeguard is in place.`,
    };
    return { ...verdict, issues: [...verdict.issues, issue] };
  }
  return verdict;
}

/** The verdict on one day, without the forward-looking issues. */
function evaluateOnDay(ctx: EvaluationContext, transfer: RegistryTransfer, asOf: string, exporter: RegistryParty | undefined, recipient: RegistryParty | undefined): Verdict {
  const ckb = ctx.ckb;
  const exporterArea = exporter === undefined ? null : findExporterArea(ckb, exporter.country, asOf);
  const regime = exporterArea === null ? null : exporterArea.entry.regime;

  if (isInactive(transfer, asOf)) {
    return { transfer: transfer.id, status: "inactive", regime, basis: NO_BASIS, issues: NO_ISSUES, reasons: [describeInactive(transfer)] };
  }
  if (exporter === undefined) {
    return {
      transfer: transfer.id, status: "unsafeguarded", regime: null, basis: NO_BASIS, issues: NO_ISSUES,
      reasons: [`The exporter is not a party of this registry; the transfer cannot be assessed.`],
    };
  }
  // Per-date caches (the shared verdict parts below are valid for one date).
  const limit = getEndingSoonLimit(ctx, asOf);
  const territories = ckb.undeterminedTerritories;
  if (regime === null || exporterArea === null) {
    let parts = ctx.outsideRegimeParts.get(exporter);
    if (parts === undefined) {
      const territory = territories.get(exporter.country);
      parts = Object.freeze({
        basis: ckb.outsideRegimesBasis,
        issues: territory === undefined ? NO_ISSUES : frozenList([territory]),
        reasons: frozenList([
          `The exporter is established in ${exporter.country}, outside the areas of the EU/EEA GDPR, UK GDPR and Swiss FADP on this date, so none of their transfer rules applies: ${ckb.outsideRegimesBasis[0]!.citation}.`,
        ]),
      });
      ctx.outsideRegimeParts.set(exporter, parts);
    }
    return { transfer: transfer.id, status: "not_restricted", regime: null, basis: parts.basis, issues: parts.issues, reasons: parts.reasons };
  }
  const era: Era = asOf >= exporterArea.currentLawFrom ? CURRENT_LAW : FORMER_LAW;
  const destination = transfer.destination;

  // The recipient's country of establishment counts as well as where it processes the data: a recipient
  // established outside the area receives a restricted transfer even inside it (EDPB Guidelines 05/2021,
  // criterion 3). An international organisation is the recipient itself, wherever its seat.
  let establishment: string | null = null;
  if (recipient !== undefined && recipient.country !== destination && !isOrganisationDestination(destination)) {
    if (findDestinationArea(ckb, regime, recipient.country, asOf) === null) establishment = recipient.country;
  }
  const territory = territories.size === 0 ? undefined : (territories.get(destination) ?? (establishment === null ? undefined : territories.get(establishment)));

  const area = findDestinationArea(ckb, regime, destination, asOf);
  if (area !== null) {
    if (establishment === null) {
      const parts = area.verdictParts[era];
      return { transfer: transfer.id, status: "not_restricted", regime, basis: parts.basis, issues: parts.issues, reasons: parts.reasons };
    }
    const verdict = evaluateRestricted(ctx, transfer, recipient, regime, era, establishment, asOf, limit);
    const title = ckb.compiledRegimes[regime].title;
    return annotate(verdict, describeLocations(title, regime, establishment, destination, "only_establishment"), territory);
  }

  const atDestination = evaluateRestricted(ctx, transfer, recipient, regime, era, destination, asOf, limit);
  if (establishment === null) return territory === undefined ? atDestination : annotate(atDestination, null, territory);
  const atEstablishment = evaluateRestricted(ctx, transfer, recipient, regime, era, establishment, asOf, limit);
  const establishmentDecides = STATUS_RANK[atEstablishment.status] > STATUS_RANK[atDestination.status];
  const title = ckb.compiledRegimes[regime].title;
  return annotate(
    establishmentDecides ? atEstablishment : atDestination,
    describeLocations(title, regime, establishment, destination, establishmentDecides ? "establishment" : "destination"),
    territory,
  );
}
