/**
 * Words for the codes the interface shows: issue codes, regimes, transfer roles and the knowledge base's
 * statuses and end reasons (those in kb-labels.ts; permissions in server/auth/permission-labels.ts, each
 * so that its words reach only the pages that show them). One module, so a page never prints a raw code such as
 * `in_force` or `party.create` to a user (the code may still go in a title or for screen readers).
 */
export const ISSUE_LABELS: Record<string, string> = {
  tia_missing: "TIA missing",
  tia_overdue: "TIA review overdue",
  derogation_for_continuous: "Derogation for a continuous transfer",
  safeguard_ending_soon: "Cover ending soon",
  certification_only: "Relies on a certification only",
  module_mismatch: "SCC module does not match the roles",
  uk_addendum_missing: "UK Addendum missing",
  swiss_adaptations_missing: "Swiss adaptations missing",
  invalidated_framework: "Invalidated framework",
  party_mismatch: "Parties not bound by the safeguard",
  instrument_not_recognised: "Instrument not recognised by the regime",
  instrument_not_yet_applicable: "Instrument not yet applicable",
  scc_signed_after_cutoff: "SCCs signed after the cut-off",
  safeguard_expired: "Safeguard expired",
  adequacy_scope_condition: "Adequacy scope to check",
  unconfirmed_source: "Unconfirmed source",
};

/** The issue in words (an unknown code as it is). */
export function issueLabel(code: string): string {
  return ISSUE_LABELS[code] ?? code;
}

export const REGIME_LABELS: Record<string, string> = { EU: "EU / EEA GDPR", UK: "UK GDPR", CH: "Swiss FADP", none: "No regime" };

