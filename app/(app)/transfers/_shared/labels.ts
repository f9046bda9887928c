import type { Basis } from "@/server/domain/rules";

export const ISSUE_LABELS: Record<string, string> = {
  tia_missing: "TIA missing",
  tia_overdue: "TIA review overdue",
  derogation_for_continuous: "Derogation for a continuous transfer",
  safeguard_ending_soon: "Cover ending soon",
  certification_only: "Relies on a certification only",
  module_mismatch: "Module / roles mismatch",
  uk_addendum_missing: "UK Addendum missing",
  swiss_adaptations_missing: "Swiss adaptations missing",
  invalidated_framework: "Invalidated framework",
  party_mismatch: "Parties not bound",
  instrument_not_recognised: "Instrument not recognised",
  instrument_not_yet_applicable: "Instrument not yet applicable",
  scc_signed_after_cutoff: "SCCs signed after cut-off",
  safeguard_expired: "Safeguard expired",
  adequacy_scope_condition: "Adequacy scope to check",
  unconfirmed_source: "Unconfirmed source",
};

export const REGIME_LABELS: Record<string, string> = { EU: "EU GDPR", UK: "UK GDPR", CH: "Swiss FADP" };

export function roleArrow(exporterRole: string, recipientRole: string): string {
  return `${exporterRole} → ${recipientRole}`;
}

export function basisLabel(b: Basis): string {
  const kinds: Record<string, string> = { adequacy: "Adequacy decision", area: "Inside the area", bridge: "Bridge", derogation: "Derogation" };
  return `${kinds[b.type] ?? b.type.toUpperCase()} · ${b.ref}`;
}
