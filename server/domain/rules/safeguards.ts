/**
 * Appropriate safeguards (GDPR Art. 46; UK GDPR Art. 46; FADP Art. 16(2); before the current laws Directive
 * 95/46/EC Art. 26(2) and (4), FADP of 1992 Art. 6(2)(a) and (g)): whether one listed safeguard covers a
 * transfer under a regime, for these roles and parties, on a date. Reasons name a safeguard by what it is and
 * its date, never by its id (the verdict's basis entry carries the id for links).
 */
import type { PartyRole, RegimeId } from "../kb/types";
import { REGIME_LABELS } from "../labels";
import type {
  RegistryApprovedToolSafeguard,
  RegistryBcrSafeguard,
  RegistryIdtaSafeguard,
  RegistrySafeguard,
  RegistrySccSafeguard,
  RegistryTransfer,
} from "../registry/types";
import { CURRENT_LAW, OPEN_END, type CompiledKnowledgeBase, type CompiledWindow, type Era } from "./compile-kb";
import type { Basis, IssueCode } from "./types";

/** Outcome of checking one safeguard. A defect (`issueCode`) explains why a safeguard that exists does not count. */
export interface SafeguardAssessment {
  valid: boolean;
  /** Last day the safeguard covers the transfer (when valid); `9999-12-31` when open ended. */
  end: string;
  reason: string;
  issueCode: IssueCode | null;
  /** The official reference of the instrument under this regime on this date (when valid). */
  citation: string;
  uri: string;
}

/** 2021/914 module for each pair of roles (Annex, Sections I–IV: modules 1–4). */
export const MODULE_FOR_ROLES: Readonly<Record<PartyRole, Readonly<Record<PartyRole, number>>>> = {
  controller: { controller: 1, processor: 2 },
  processor: { processor: 3, controller: 4 },
};

const ROLE_ARROW: Readonly<Record<PartyRole, Readonly<Record<PartyRole, string>>>> = {
  controller: { controller: "controller-to-controller", processor: "controller-to-processor" },
  processor: { processor: "processor-to-processor", controller: "processor-to-controller" },
};

function invalid(reason: string, issueCode: IssueCode | null = null): SafeguardAssessment {
  return { valid: false, end: "", reason, issueCode, citation: "", uri: "" };
}

function valid(reason: string, end: string, window: CompiledWindow, era: Era): SafeguardAssessment {
  return { valid: true, end, reason, issueCode: null, citation: window.citation[era], uri: window.uri[era] };
}

function includesBoth(list: readonly string[] | undefined, a: string, b: string): boolean {
  return list !== undefined && list.includes(a) && list.includes(b);
}

/** How reasons name a safeguard: what it is and the date that identifies it. */
export function describeSafeguard(sg: RegistrySafeguard): string {
  switch (sg.type) {
    case "scc":
      return `The SCCs ${sg.version} signed ${sg.signed}`;
    case "uk_idta":
      return `The IDTA signed ${sg.signed}`;
    case "bcr":
      return `The ${sg.variant === "controller" ? "controller" : "processor"} BCR approved ${sg.approved}`;
    case "code_of_conduct":
      return `The code of conduct ${sg.reference}`;
    case "certification":
      return `The certification ${sg.reference}`;
    case "ad_hoc_clauses":
      return `The ad hoc clauses ${sg.reference}`;
    case "derogation":
      return `The derogation under Art. ${sg.basis}`;
  }
}

/** A basis entry for a valid safeguard. */
export function safeguardBasis(sg: RegistrySafeguard, assessment: SafeguardAssessment): Basis {
  return { type: sg.type === "derogation" ? "derogation" : sg.type, ref: sg.id, citation: assessment.citation, uri: assessment.uri };
}

/** Checks signature/approval and end dates shared by every contractual tool. Returns a failure or null. */
function checkDates(sg: RegistrySafeguard, start: string, ended: string | null | undefined, asOf: string): SafeguardAssessment | null {
  if (start > asOf) return invalid(`${describeSafeguard(sg)} ${sg.type === "scc" ? "take" : "takes"} effect only on ${start}.`);
  if (ended != null && ended < asOf) return invalid(`${describeSafeguard(sg)} ended on ${ended}.`);
  return null;
}

function unrecognised(sg: RegistrySafeguard, regime: RegimeId): SafeguardAssessment {
  return invalid(`${describeSafeguard(sg)} ${sg.type === "scc" ? "are" : "is"} not a safeguard the ${REGIME_LABELS[regime]} recognises.`, "instrument_not_recognised");
}

/** "<decision>, <module> [with …], signed <date>, covers this transfer: <article>.", built once per date. */
function sccReason(window: CompiledWindow, moduleKey: number, era: Era, signed: string): string {
  const memo = window.sccReasons[era * 5 + moduleKey]!;
  let reason = memo.get(signed);
  if (reason === undefined) {
    reason = window.reasonPrefix.get(moduleKey)! + signed + window.reasonSuffix[era];
    memo.set(signed, reason);
  }
  return reason;
}

/**
 * Standard contractual clauses. Legal source: GDPR Art. 46(2)(c) and 46(5); Decisions 2001/497/EC (applies from
 * 2001-09-03), 2002/16/EC (from 2002-04-03, repealed 2010-05-15), 2004/915/EC (from 2005-04-01), 2010/87/EU
 * (from 2010-05-15) and Implementing Decision (EU) 2021/914 Art. 4 (old sets: no new contracts after
 * 2021-09-26, existing ones valid until 2022-12-27); UK: old sets for contracts until 2022-09-21 valid until
 * 2024-03-21, 2021/914 only with the ICO Addendum from 2022-03-21; CH: old sets until 2021-09-27 / 2022-12-31,
 * 2021/914 with the FDPIC's Swiss adaptations (2021-08-27).
 */
export function assessScc(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  transfer: RegistryTransfer,
  sg: RegistrySccSafeguard,
  asOf: string,
  era: Era = CURRENT_LAW,
): SafeguardAssessment {
  const instrument = ckb.sccByVersion.get(sg.version);
  const window: CompiledWindow | undefined = instrument?.windows[regime];
  if (instrument === undefined || window === undefined) return unrecognised(sg, regime);
  const name = describeSafeguard(sg);
  if (sg.signed > asOf) return invalid(`${name} take effect only on ${sg.signed}.`);
  if (window.requires === "uk_addendum" && sg.ukAddendum !== true) {
    return invalid(`${name} lack the ICO's UK Addendum, without which the EU SCCs are not valid for UK restricted transfers (from 2022-03-21 only with the Addendum).`, "uk_addendum_missing");
  }
  if (window.requires === "swiss_adaptations" && sg.swissAdaptations !== true) {
    return invalid(`${name} lack the Swiss adaptations the FDPIC requires for transfers under the FADP.`, "swiss_adaptations_missing");
  }
  if (asOf < window.from) {
    return invalid(`${name} can be relied on under the ${REGIME_LABELS[regime]} only from ${window.from}.`, "instrument_not_yet_applicable");
  }
  const dateFailure = checkDates(sg, sg.signed, sg.ended, asOf);
  if (dateFailure) return dateFailure;
  if (sg.signed > window.lastSign) {
    return invalid(`${name} were signed after the last day new contracts could use them under the ${REGIME_LABELS[regime]}, ${window.lastSign}.`, "scc_signed_after_cutoff");
  }
  if (asOf > window.until) {
    return invalid(`${name} stopped counting as a safeguard under the ${REGIME_LABELS[regime]} after ${window.until}; they had to be replaced.`, "safeguard_expired");
  }
  const needed = sg.version === "2021/914" ? MODULE_FOR_ROLES[transfer.exporterRole][transfer.recipientRole] : 0;
  const covered = instrument.modules.get(needed);
  const matches =
    sg.version === "2021/914"
      ? covered !== undefined && sg.modules !== undefined && sg.modules.includes(needed)
      : covered !== undefined && covered.exporterRole === transfer.exporterRole && covered.recipientRole === transfer.recipientRole;
  if (!matches) {
    const has = sg.version === "2021/914" ? `module ${(sg.modules ?? []).join(", ")}` : [...instrument.modules.values()].map((m) => m.label).join(", ");
    return invalid(`${name} cover ${has} only, not this ${ROLE_ARROW[transfer.exporterRole][transfer.recipientRole]} transfer.`, "module_mismatch");
  }
  if (!includesBoth(sg.parties, transfer.exporter, transfer.recipient)) {
    return invalid(`${name} do not bind both the exporter and the recipient.`, "party_mismatch");
  }
  const ended = sg.ended ?? OPEN_END;
  const end = ended < window.until ? ended : window.until;
  // Precomputed sentence parts (compile-kb.ts): "<decision>, <module> [with …], signed <date>, covers this transfer: <article>."
  return valid(sccReason(window, needed, era, sg.signed), end, window, era);
}

/**
 * The ICO's International Data Transfer Agreement. Legal source: UK GDPR Art. 46(2)(d); DPA 2018 s.119A;
 * in force 2022-03-21; from 2026-02-05 with the data protection test of Art. 46(1A). UK regime only.
 */
export function assessIdta(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  transfer: RegistryTransfer,
  sg: RegistryIdtaSafeguard,
  asOf: string,
  era: Era = CURRENT_LAW,
): SafeguardAssessment {
  const instrument = ckb.instrumentsByType.get("uk_idta");
  const window = instrument?.windows[regime];
  const title = instrument?.entry.title ?? "UK IDTA";
  if (window === undefined) return invalid(`${describeSafeguard(sg)} is a UK instrument; it is no safeguard under the ${REGIME_LABELS[regime]}.`, "instrument_not_recognised");
  if (asOf < window.from) return invalid(`${describeSafeguard(sg)} can be relied on only from ${window.from}.`, "instrument_not_yet_applicable");
  const dateFailure = checkDates(sg, sg.signed, sg.ended, asOf);
  if (dateFailure) return dateFailure;
  if (!includesBoth(sg.parties, transfer.exporter, transfer.recipient)) {
    return invalid(`${describeSafeguard(sg)} does not bind both the exporter and the recipient.`, "party_mismatch");
  }
  return valid(`${title}, signed ${sg.signed}${window.reasonSuffix[era]}`, sg.ended ?? OPEN_END, window, era);
}

/**
 * Binding corporate rules bind only their members, and count for a regime only with its authority's approval
 * where the registry records approvals. Legal source: GDPR Art. 46(2)(b) and Art. 47 (BCR-C for transfers by
 * group controllers, BCR-P for processors; EDPB Recommendations 1/2022, WP257rev); before 2018-05-25 Directive
 * 95/46/EC Art. 26(2); UK GDPR Art. 47 (an EU-approved BCR needs the ICO's approval for UK exporters); FADP
 * Art. 16(2)(e) (approved by the FDPIC or by the authority of a state with adequate protection); FADP of 1992
 * Art. 6(2)(g) (intra-group rules, no approval).
 */
export function assessBcr(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  transfer: RegistryTransfer,
  sg: RegistryBcrSafeguard,
  asOf: string,
  members?: ReadonlySet<string>,
  era: Era = CURRENT_LAW,
): SafeguardAssessment {
  const window = ckb.instrumentsByType.get("bcr")?.windows[regime];
  if (window === undefined) return unrecognised(sg, regime);
  const dateFailure = checkDates(sg, sg.approved, sg.ended, asOf);
  if (dateFailure) return dateFailure;
  if (sg.approvals !== undefined) {
    const approval = findBcrApproval(sg, regime, era, asOf);
    if (approval === null) {
      const by = sg.approvals.length > 0 ? ` by ${sg.approvals.map((a) => REGIME_LABELS[a.regime] ?? a.regime).join(" and ")} authorities only` : "";
      return invalid(
        `${describeSafeguard(sg)} ${by === "" ? "has no recorded approval" : `is approved${by}`}; under the ${REGIME_LABELS[regime]} it needs the approval of ${regime === "UK" ? "the ICO (UK GDPR Art. 47)" : regime === "CH" ? "the FDPIC or of the authority of a state with adequate protection (FADP Art. 16(2)(e))" : "a competent EEA supervisory authority (GDPR Art. 47)"}.`,
        "bcr_approval_missing",
      );
    }
  }
  if (sg.variant !== transfer.exporterRole) {
    return invalid(`${describeSafeguard(sg)} covers transfers by group ${sg.variant}s, not by a ${transfer.exporterRole}.`, "module_mismatch");
  }
  const bothMembers = members ? members.has(transfer.exporter) && members.has(transfer.recipient) : includesBoth(sg.members, transfer.exporter, transfer.recipient);
  if (!bothMembers) {
    return invalid(`${describeSafeguard(sg)} binds only its members, and the exporter and the recipient are not both members.`, "party_mismatch");
  }
  return valid(`Binding corporate rules for group ${sg.variant}s, approved ${sg.approved}, bind both parties: ${era === CURRENT_LAW ? window.legalBasis : (window.formerLegalBasis ?? window.legalBasis)}.`, sg.ended ?? OPEN_END, window, era);
}

/**
 * The approval that lets a BCR count for `regime` on `asOf`, or `null`. A Swiss exporter under the FADP of 1992
 * needed none (Art. 6(2)(g)); under the revised FADP any approval by the FDPIC or by an EEA or UK authority
 * counts (Art. 16(2)(e): a state with adequate protection); EU and UK exporters need their own authority's.
 */
export function findBcrApproval(sg: RegistryBcrSafeguard, regime: RegimeId, era: Era, asOf: string): { approved: string } | null {
  if (regime === "CH" && era !== CURRENT_LAW) return { approved: sg.approved };
  for (const approval of sg.approvals ?? []) {
    if (approval.approved > asOf) continue;
    if (approval.regime === regime || regime === "CH") return approval;
  }
  return null;
}

/**
 * Codes of conduct, certification and ad hoc clauses. Legal source: GDPR Art. 46(2)(e), 46(2)(f) (both only
 * from 2018-05-25; in Switzerland FADP Art. 16(3) and DPO Art. 12 from 2023-09-01), 46(3)(a) (ad hoc clauses
 * need the competent authority's authorisation: the `approved` date).
 */
export function assessApprovedTool(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  transfer: RegistryTransfer,
  sg: RegistryApprovedToolSafeguard,
  asOf: string,
  era: Era = CURRENT_LAW,
): SafeguardAssessment {
  const instrument = ckb.instrumentsByType.get(sg.type);
  const window = instrument?.windows[regime];
  const title = instrument?.entry.title ?? sg.type;
  if (window === undefined) return unrecognised(sg, regime);
  if (asOf < window.from) return invalid(`${describeSafeguard(sg)} can be relied on under the ${REGIME_LABELS[regime]} only from ${window.from}.`, "instrument_not_yet_applicable");
  const dateFailure = checkDates(sg, sg.approved, sg.ended, asOf);
  if (dateFailure) return dateFailure;
  if (sg.parties !== undefined && !includesBoth(sg.parties, transfer.exporter, transfer.recipient)) {
    return invalid(`${describeSafeguard(sg)} does not bind both the exporter and the recipient.`, "party_mismatch");
  }
  return valid(`${title}, ${sg.reference}, approved ${sg.approved}${window.reasonSuffix[era]}`, sg.ended ?? OPEN_END, window, era);
}

/**
 * Dispatches on the safeguard type. Derogations are handled separately (they are not Art. 46 tools).
 * `bcrMembers` optionally gives a BCR's members as a Set (see EvaluationContext).
 */
export function assessSafeguard(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  transfer: RegistryTransfer,
  sg: RegistrySafeguard,
  asOf: string,
  bcrMembers?: ReadonlySet<string>,
  era: Era = CURRENT_LAW,
): SafeguardAssessment {
  switch (sg.type) {
    case "scc":
      return assessScc(ckb, regime, transfer, sg, asOf, era);
    case "uk_idta":
      return assessIdta(ckb, regime, transfer, sg, asOf, era);
    case "bcr":
      return assessBcr(ckb, regime, transfer, sg, asOf, bcrMembers, era);
    case "code_of_conduct":
    case "certification":
    case "ad_hoc_clauses":
      return assessApprovedTool(ckb, regime, transfer, sg, asOf, era);
    case "derogation":
      return invalid(`${describeSafeguard(sg)} is not an appropriate safeguard.`);
  }
}
