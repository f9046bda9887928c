/**
 * One human label per code the app, the checker and the verdicts use: statuses, issue codes, basis types,
 * regimes, frameworks, knowledge-base kinds… Reasons, issue messages and every screen use these words instead
 * of the internal codes (`dpf_uk`, `tia_missing`, `eu-area-gb-member`), so a DPO never has to decode them.
 * Pure data: the UI imports it too.
 */
import type {
  AdequacyScope,
  AreaMembershipType,
  DerogationBasis,
  EndReason,
  FrameworkId,
  InstrumentType,
  KbKind,
  RegimeId,
} from "./kb/types";
import type { AdequacyScopeAnswer, CoveredData, SccVersion, TiaOutcome } from "./registry/types";
import type { FlagState } from "./flag-types";
import type { ReminderKind } from "./reminders";
import type { BasisType, IssueCode, IssueSeverity, Status } from "./rules/types";
import type { AuditAction, EntityType } from "@/server/audit/actions";

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  unsafeguarded: "Unsafeguarded",
  derogation: "Derogation",
  safeguarded: "Safeguarded",
  adequate: "Adequate",
  not_restricted: "Not restricted",
  inactive: "Inactive",
};

export const STATUS_DESCRIPTIONS: Readonly<Record<Status, string>> = {
  unsafeguarded: "A restricted transfer without a valid adequacy decision, safeguard or derogation.",
  derogation: "Relies on an Art. 49 derogation: allowed only in specific, mostly occasional situations.",
  safeguarded: "Covered by an Art. 46 safeguard: SCCs, IDTA, BCR and the like.",
  adequate: "Covered by an adequacy decision.",
  not_restricted: "No restricted transfer: the destination is inside the exporter's area, or the exporter is under no regime.",
  inactive: "Not running on this date.",
};

export const SEVERITY_LABELS: Readonly<Record<IssueSeverity, string>> = { error: "Error", warning: "Warning", info: "Note" };

export const ISSUE_LABELS: Readonly<Record<IssueCode, string>> = {
  tia_missing: "Transfer impact assessment missing",
  tia_overdue: "Transfer impact assessment review overdue",
  tia_suspend: "Transfer impact assessment says suspend",
  tia_measures_missing: "Supplementary measures not recorded",
  derogation_for_continuous: "Derogation used for a regular transfer",
  derogation_not_available: "Derogation not available under this law",
  safeguard_ending_soon: "Cover ending soon",
  certification_only: "Relies on a certification only",
  certification_scope: "Certification does not cover these data",
  module_mismatch: "Module or roles do not match",
  uk_addendum_missing: "UK Addendum missing",
  swiss_adaptations_missing: "Swiss adaptations missing",
  invalidated_framework: "Framework no longer recognised",
  party_mismatch: "Parties not bound",
  bcr_approval_missing: "BCR not approved for this regime",
  instrument_not_recognised: "Instrument not recognised",
  instrument_not_yet_applicable: "Instrument not yet applicable",
  scc_signed_after_cutoff: "SCCs signed after the cut-off",
  safeguard_expired: "Safeguard expired",
  adequacy_scope_condition: "Adequacy scope to check",
  territory_undetermined: "Territory to decide",
  unconfirmed_source: "Unconfirmed source",
  uncovered_at_start: "No cover when it starts",
  cover_ends: "Cover ends without a successor",
};

/** Issue codes explained in a sentence (what the flag means, for the flags page and the issue filter's hints). */
export const ISSUE_EXPLANATIONS: Readonly<Partial<Record<IssueCode, string>>> = {
  uncovered_at_start:
    "The transfer has not started yet, and on its start date nothing would cover it: no adequacy decision, safeguard or derogation. A warning, and an error from 30 days before the start.",
  cover_ends:
    "The adequacy decision, certification or safeguard relied on ends within 90 days, and nothing takes over the day after: the transfer would then be unsafeguarded.",
};

/** Flags are a transfer's issues (warning or error) plus `unsafeguarded` itself. */
export const FLAG_CODE_LABELS: Readonly<Record<"unsafeguarded" | IssueCode, string>> = { unsafeguarded: "Unsafeguarded transfer", ...ISSUE_LABELS };

export const FLAG_STATE_LABELS: Readonly<Record<FlagState, string>> = {
  open: "Open",
  in_remediation: "In remediation",
  resolved: "Resolved",
  risk_accepted: "Risk accepted",
};

export const REGIME_LABELS: Readonly<Record<RegimeId, string>> = { EU: "EU/EEA GDPR", UK: "UK GDPR", CH: "Swiss FADP" };

/** What a verdict's basis entry rests on. `certification` is both the safeguard type and a US framework certification. */
export const BASIS_TYPE_LABELS: Readonly<Record<BasisType, string>> = {
  area: "Inside the area",
  bridge: "Interim bridge",
  adequacy: "Adequacy decision",
  certification: "Certification",
  scc: "Standard contractual clauses",
  uk_idta: "UK IDTA",
  bcr: "Binding corporate rules",
  code_of_conduct: "Code of conduct",
  ad_hoc_clauses: "Ad hoc clauses",
  derogation: "Derogation",
  law: "Transfer rules",
  scope: "Outside every regime",
};

export const FRAMEWORK_LABELS: Readonly<Record<FrameworkId, string>> = {
  safe_harbor_eu: "EU-US Safe Harbor",
  safe_harbor_ch: "US-Swiss Safe Harbor",
  privacy_shield_eu: "EU-US Privacy Shield",
  privacy_shield_ch: "Swiss-US Privacy Shield",
  dpf_eu: "EU-U.S. Data Privacy Framework",
  dpf_uk: "UK Extension to the EU-U.S. DPF",
  dpf_ch: "Swiss-U.S. Data Privacy Framework",
};

export const KB_KIND_LABELS: Readonly<Record<KbKind, string>> = {
  regime: "Regimes",
  area_membership: "Area membership",
  adequacy: "Adequacy decisions",
  framework: "US frameworks",
  instrument: "Safeguard instruments",
  derogation: "Derogations",
};

export const KB_KIND_SINGULAR: Readonly<Record<KbKind, string>> = {
  regime: "regime",
  area_membership: "area membership",
  adequacy: "adequacy decision",
  framework: "framework",
  instrument: "instrument",
  derogation: "derogation",
};

export const MEMBERSHIP_LABELS: Readonly<Record<AreaMembershipType, string>> = {
  member: "Inside the area",
  transition: "Transition period",
  bridge: "Interim bridge, as a destination only",
  undetermined: "Undetermined: the DPO decides",
};

export const ADEQUACY_SCOPE_LABELS: Readonly<Record<AdequacyScope, string>> = { full: "Full", partial: "Partial" };

export const END_REASON_LABELS: Readonly<Record<EndReason, string>> = {
  sunset: "Sunset",
  invalidated: "Invalidated",
  withdrawn: "Withdrawn",
  superseded: "Superseded",
  not_adequate: "Found not adequate",
};

export const INSTRUMENT_TYPE_LABELS: Readonly<Record<InstrumentType, string>> = {
  scc: "Standard contractual clauses",
  uk_idta: "UK International Data Transfer Agreement",
  uk_addendum: "UK Addendum to the EU SCCs",
  swiss_adaptations: "Swiss adaptations of the EU SCCs",
  bcr: "Binding corporate rules",
  code_of_conduct: "Code of conduct",
  certification: "Certification mechanism",
  ad_hoc_clauses: "Ad hoc contractual clauses",
};

export const SCC_VERSION_LABELS: Readonly<Record<SccVersion, string>> = {
  "2001/497": "Decision 2001/497/EC, set I, controller to controller",
  "2002/16": "Decision 2002/16/EC, controller to processor, first set",
  "2004/915": "Decision 2004/915/EC, set II, controller to controller",
  "2010/87": "Decision 2010/87/EU, controller to processor",
  "2021/914": "Implementing Decision (EU) 2021/914, modular",
};

export const DEROGATION_LABELS: Readonly<Record<DerogationBasis, string>> = {
  "49(1)(a)": "Art. 49(1)(a): explicit consent",
  "49(1)(b)": "Art. 49(1)(b): contract with the data subject",
  "49(1)(c)": "Art. 49(1)(c): contract in the data subject's interest",
  "49(1)(d)": "Art. 49(1)(d): important reasons of public interest",
  "49(1)(e)": "Art. 49(1)(e): legal claims",
  "49(1)(f)": "Art. 49(1)(f): vital interests",
  "49(1)(g)": "Art. 49(1)(g): public register",
  "49(1)-2": "Art. 49(1) second subparagraph: compelling legitimate interests",
  "17(1)(a)": "FADP Art. 17(1)(a): explicit consent",
  "17(1)(b)": "FADP Art. 17(1)(b): contract",
  "17(1)(c)": "FADP Art. 17(1)(c): overriding public interest or legal claims",
  "17(1)(d)": "FADP Art. 17(1)(d): life or physical integrity",
  "17(1)(e)": "FADP Art. 17(1)(e): data made generally accessible",
  "17(1)(f)": "FADP Art. 17(1)(f): register provided for by law",
};

export const COVERED_DATA_LABELS: Readonly<Record<CoveredData, string>> = { hr: "HR data only", non_hr: "Non-HR data only", both: "HR and non-HR data" };

export const TIA_OUTCOME_LABELS: Readonly<Record<TiaOutcome, string>> = {
  proceed: "Proceed",
  proceed_with_measures: "Proceed with supplementary measures",
  suspend: "Suspend the transfer",
};

export const ADEQUACY_SCOPE_ANSWER_LABELS: Readonly<Record<AdequacyScopeAnswer, string>> = {
  in: "Within the decision's scope",
  out: "Outside the decision's scope",
  unknown: "Not known",
};

/** The kinds of change a what-if scenario holds (server/domain/scenarios), in words. */
export const SCENARIO_CHANGE_LABELS: Readonly<Record<"kb_entry_ends" | "new_adequacy" | "certification_lapses" | "safeguard_ends", string>> = {
  kb_entry_ends: "An adequacy decision or framework no longer applies",
  new_adequacy: "A new adequacy decision",
  certification_lapses: "A recipient's certification lapses",
  safeguard_ends: "A safeguard ends",
};

/** The kinds of reminder events (server/domain/reminders.ts). */
export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  safeguard_end: "Safeguard ends",
  dpf_check: "DPF List check",
  tia_review: "TIA review",
  adequacy_end: "Adequacy decision ends",
  flag_due: "Flag due",
  risk_rereview: "Accepted risk to re-review",
};

/** Every audit action the services write (server/audit/actions.ts), in words: what happened to which record. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  "party.create": "Party created",
  "party.update": "Party edited",
  "party.archive": "Party archived",
  "party.restore": "Party restored",
  "transfer.create": "Transfer created",
  "transfer.update": "Transfer edited",
  "transfer.archive": "Transfer archived",
  "transfer.restore": "Transfer restored",
  "safeguard.create": "Safeguard created",
  "safeguard.update": "Safeguard edited",
  "safeguard.archive": "Safeguard archived",
  "safeguard.restore": "Safeguard restored",
  "certification.create": "Certification added",
  "certification.update": "Certification edited",
  "certification.delete": "Certification removed",
  "tia.create": "Transfer impact assessment recorded",
  "kb.create": "Knowledge-base entry added",
  "kb.update": "Knowledge-base entry edited",
  "registry.import": "Registry imported",
  "category.create": "Data category created",
  "category.update": "Data category edited",
  "user.create": "User created",
  "user.update": "User edited",
  "user.set_password": "User’s password changed",
  "scenario.create": "What-if scenario created",
  "scenario.update": "What-if scenario edited",
  "scenario.delete": "What-if scenario deleted",
  "notice.save_generated": "Privacy-notice sections stored",
  "notice.save_check": "Privacy-notice check stored",
  "request.create": "Request for a copy logged",
  "request.update": "Request edited",
  "request.extend": "Request deadline extended",
  "request.status": "Request status changed",
  "request.copy": "Copy of the safeguards generated",
  "safeguard_part.create": "Safeguard part recorded",
  "safeguard_part.update": "Safeguard part edited",
  "safeguard_part.delete": "Safeguard part removed",
  "file.upload": "Document uploaded",
  "file.download": "Document downloaded",
  "export.transfers": "Transfers exported",
  "export.parties": "Parties exported",
  "export.registry": "Registry exported",
  "export.summary": "Summary report exported",
  "party.import": "Parties imported from CSV",
  "flag.assign": "Flag assigned",
  "flag.move": "Flag state changed",
  "flag.comment": "Flag commented",
  "reminders.set_horizon": "Reminder horizon changed",
  "calendar_feed.create": "Calendar feed created",
  "calendar_feed.rotate": "Calendar feed address changed",
  "calendar_feed.revoke": "Calendar feed revoked",
  "export.safeguards": "Safeguards exported",
  "export.flags": "Flags exported",
  "export.audit": "Audit log exported",
};

/** The action in words (an action unknown to this version, e.g. from a newer one, as it is). */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Readonly<Record<string, string>>)[action] ?? action;
}

/** The kinds of records the audit trail names. */
export const ENTITY_TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  party: "Party",
  transfer: "Transfer",
  safeguard: "Safeguard",
  certification: "Certification",
  tia: "Transfer impact assessment",
  kb_entry: "Knowledge-base entry",
  registry: "Registry",
  category: "Data category",
  user: "User",
  scenario: "What-if scenario",
  notice: "Privacy notice",
  request: "Request for a copy",
  safeguard_part: "Safeguard part",
  file: "Document",
  export: "Export",
  import: "Import",
  flag: "Flag",
};

export function entityTypeLabel(type: string): string {
  return (ENTITY_TYPE_LABELS as Readonly<Record<string, string>>)[type] ?? type;
}
