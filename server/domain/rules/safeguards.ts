/**
 * Appropriate safeguards (GDPR Art. 46; UK GDPR Art. 46; FADP Art. 16(2)): whether one listed safeguard
 * covers a transfer under a regime, for these roles and parties, on a date.
 */
import type { PartyRole, RegimeId } from "../kb/types";
import type {
  RegistryApprovedToolSafeguard,
  RegistryBcrSafeguard,
  RegistryIdtaSafeguard,
  RegistrySafeguard,
  RegistrySccSafeguard,
  RegistryTransfer,
} from "../registry/types";
import { OPEN_END, type CompiledKnowledgeBase, type CompiledWindow } from "./compile-kb";
import type { IssueCode } from "./types";

/** Outcome of checking one safeguard. A defect (`issueCode`) explains why a safeguard that exists does not count. */
export interface SafeguardAssessment {
  valid: boolean;
  /** Last day the safeguard covers the transfer (when valid); `9999-12-31` when open ended. */
  end: string;
  reason: string;
  issueCode: IssueCode | null;
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
  return { valid: false, end: "", reason, issueCode };
}

function valid(reason: string, end: string): SafeguardAssessment {
  return { valid: true, end, reason, issueCode: null };
}

function includesBoth(list: readonly string[] | undefined, a: string, b: string): boolean {
  return list !== undefined && list.includes(a) && list.includes(b);
}

/** Checks signature/approval and end dates shared by every contractual tool. Returns a failure or null. */
function checkDates(sg: RegistrySafeguard, start: string, ended: string | null | undefined, asOf: string, verb: string): SafeguardAssessment | null {
  if (start > asOf) return invalid(`Safeguard ${sg.id} is ${verb} only on ${start}, after ${asOf}.`);
  if (ended != null && ended < asOf) return invalid(`Safeguard ${sg.id} ended on ${ended}.`);
  return null;
}

/**
 * Standard contractual clauses. Legal source: GDPR Art. 46(2)(c); Decisions 2001/497/EC, 2004/915/EC,
 * 2010/87/EU and Implementing Decision (EU) 2021/914 Art. 4 (old sets: no new contracts after 2021-09-26,
 * existing ones valid until 2022-12-27); UK: old sets for contracts until 2022-09-21 valid until 2024-03-21,
 * 2021/914 only with the ICO Addendum from 2022-03-21; CH: old sets until 2021-09-27 / 2022-12-31, 2021/914
 * with the FDPIC's Swiss adaptations (2021-08-27).
 */
export function assessScc(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  transfer: RegistryTransfer,
  sg: RegistrySccSafeguard,
  asOf: string,
): SafeguardAssessment {
  const instrument = ckb.sccByVersion.get(sg.version);
  const title = instrument?.entry.title ?? `SCC ${sg.version}`;
  const window: CompiledWindow | undefined = instrument?.windows[regime];
  if (instrument === undefined || window === undefined) {
    return invalid(`${title} (${sg.id}) is not recognised under the ${regime} regime.`, "instrument_not_recognised");
  }
  if (sg.signed > asOf) return invalid(`Safeguard ${sg.id} is signed only on ${sg.signed}, after ${asOf}.`);
  if (window.requires === "uk_addendum" && sg.ukAddendum !== true) {
    return invalid(`${title} (${sg.id}) lacks the ICO's UK Addendum, without which the EU SCCs are not valid for UK restricted transfers (from 2022-03-21 only with the Addendum).`, "uk_addendum_missing");
  }
  if (window.requires === "swiss_adaptations" && sg.swissAdaptations !== true) {
    return invalid(`${title} (${sg.id}) lacks the Swiss adaptations the FDPIC requires for transfers under the FADP.`, "swiss_adaptations_missing");
  }
  if (asOf < window.from) {
    return invalid(`${title} (${sg.id}) can be relied on under the ${regime} regime only from ${window.from}.`, "instrument_not_yet_applicable");
  }
  const dateFailure = checkDates(sg, sg.signed, sg.ended, asOf, "signed");
  if (dateFailure) return dateFailure;
  if (sg.signed > window.lastSign) {
    return invalid(`${title} (${sg.id}) was signed ${sg.signed}, after the last day new contracts could use it under the ${regime} regime (${window.lastSign}).`, "scc_signed_after_cutoff");
  }
  if (asOf > window.until) {
    return invalid(`${title} (${sg.id}) stopped counting as a safeguard under the ${regime} regime after ${window.until}; it had to be replaced.`, "safeguard_expired");
  }
  const needed = sg.version === "2021/914" ? MODULE_FOR_ROLES[transfer.exporterRole][transfer.recipientRole] : 0;
  const covered = instrument.modules.get(needed);
  const matches =
    sg.version === "2021/914"
      ? covered !== undefined && sg.modules !== undefined && sg.modules.includes(needed)
      : covered !== undefined && covered.exporterRole === transfer.exporterRole && covered.recipientRole === transfer.recipientRole;
  if (!matches) {
    const has = sg.version === "2021/914" ? `module(s) ${(sg.modules ?? []).join(", ")}` : [...instrument.modules.values()].map((m) => m.label).join(", ");
    return invalid(`${title} (${sg.id}) covers ${has}, not this ${ROLE_ARROW[transfer.exporterRole][transfer.recipientRole]} transfer.`, "module_mismatch");
  }
  if (!includesBoth(sg.parties, transfer.exporter, transfer.recipient)) {
    return invalid(`${title} (${sg.id}) does not bind both ${transfer.exporter} and ${transfer.recipient}.`, "party_mismatch");
  }
  const ended = sg.ended ?? OPEN_END;
  const end = ended < window.until ? ended : window.until;
  // Precomputed sentence parts (compile-kb.ts): "<decision>, <module> [with …], signed <date>, covers this transfer under <article> (<id>)."
  return valid(window.reasonPrefix.get(needed)! + sg.signed + window.reasonSuffix + sg.id + ").", end);
}

/**
 * The ICO's International Data Transfer Agreement. Legal source: UK GDPR Art. 46(2)(d); DPA 2018 s.119A;
 * in force 2022-03-21. UK regime only.
 */
export function assessIdta(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  transfer: RegistryTransfer,
  sg: RegistryIdtaSafeguard,
  asOf: string,
): SafeguardAssessment {
  const instrument = ckb.instrumentsByType.get("uk_idta");
  const window = instrument?.windows[regime];
  const title = instrument?.entry.title ?? "UK IDTA";
  if (window === undefined) return invalid(`${title} (${sg.id}) is a UK instrument; it is not a safeguard under the ${regime} regime.`, "instrument_not_recognised");
  if (asOf < window.from) return invalid(`${title} (${sg.id}) applies only from ${window.from}.`, "instrument_not_yet_applicable");
  const dateFailure = checkDates(sg, sg.signed, sg.ended, asOf, "signed");
  if (dateFailure) return dateFailure;
  if (!includesBoth(sg.parties, transfer.exporter, transfer.recipient)) {
    return invalid(`${title} (${sg.id}) does not bind both ${transfer.exporter} and ${transfer.recipient}.`, "party_mismatch");
  }
  return valid(`${title}, signed ${sg.signed}, covers this transfer under ${window.legalBasis} (${sg.id}).`, sg.ended ?? OPEN_END);
}

/**
 * Binding corporate rules bind only their members. Legal source: GDPR Art. 46(2)(b) and Art. 47 (BCR-C for
 * transfers by group controllers, BCR-P for processors; EDPB Recommendations 1/2022, WP257rev); UK GDPR
 * Art. 47; FADP Art. 16(2)(e).
 */
export function assessBcr(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  transfer: RegistryTransfer,
  sg: RegistryBcrSafeguard,
  asOf: string,
  members?: ReadonlySet<string>,
): SafeguardAssessment {
  const window = ckb.instrumentsByType.get("bcr")?.windows[regime];
  if (window === undefined) return invalid(`BCR (${sg.id}) are not recognised under the ${regime} regime.`, "instrument_not_recognised");
  const dateFailure = checkDates(sg, sg.approved, sg.ended, asOf, "approved");
  if (dateFailure) return dateFailure;
  if (sg.variant !== transfer.exporterRole) {
    return invalid(`BCR-${sg.variant === "controller" ? "C" : "P"} (${sg.id}) cover transfers by group ${sg.variant}s, not by a ${transfer.exporterRole}.`, "module_mismatch");
  }
  const bothMembers = members ? members.has(transfer.exporter) && members.has(transfer.recipient) : includesBoth(sg.members, transfer.exporter, transfer.recipient);
  if (!bothMembers) {
    return invalid(`BCR (${sg.id}) bind only their members; ${transfer.exporter} and ${transfer.recipient} are not both members.`, "party_mismatch");
  }
  return valid(`Binding corporate rules (${sg.variant} BCR, ${sg.id}) approved ${sg.approved} bind both parties: ${window.legalBasis}.`, sg.ended ?? OPEN_END);
}

/**
 * Codes of conduct, certification and ad hoc clauses. Legal source: GDPR Art. 46(2)(e), 46(2)(f),
 * 46(3)(a) (ad hoc clauses need the competent authority's authorisation: the `approved` date).
 */
export function assessApprovedTool(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  transfer: RegistryTransfer,
  sg: RegistryApprovedToolSafeguard,
  asOf: string,
): SafeguardAssessment {
  const instrument = ckb.instrumentsByType.get(sg.type);
  const window = instrument?.windows[regime];
  const title = instrument?.entry.title ?? sg.type;
  if (window === undefined) return invalid(`${title} (${sg.id}) is not recognised under the ${regime} regime.`, "instrument_not_recognised");
  const dateFailure = checkDates(sg, sg.approved, sg.ended, asOf, "approved");
  if (dateFailure) return dateFailure;
  if (sg.parties !== undefined && !includesBoth(sg.parties, transfer.exporter, transfer.recipient)) {
    return invalid(`${title} (${sg.id}) does not bind both ${transfer.exporter} and ${transfer.recipient}.`, "party_mismatch");
  }
  return valid(`${title} ${sg.reference}, approved ${sg.approved}, covers this transfer under ${window.legalBasis} (${sg.id}).`, sg.ended ?? OPEN_END);
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
): SafeguardAssessment {
  switch (sg.type) {
    case "scc":
      return assessScc(ckb, regime, transfer, sg, asOf);
    case "uk_idta":
      return assessIdta(ckb, regime, transfer, sg, asOf);
    case "bcr":
      return assessBcr(ckb, regime, transfer, sg, asOf, bcrMembers);
    case "code_of_conduct":
    case "certification":
    case "ad_hoc_clauses":
      return assessApprovedTool(ckb, regime, transfer, sg, asOf);
    case "derogation":
      return invalid(`Derogation ${sg.id} is not an appropriate safeguard.`);
  }
}
