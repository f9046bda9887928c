/**
 * Words for the codes the interface shows: issue codes, regimes, audit actions and record types, transfer roles and the knowledge base's
 * statuses and end reasons (those in kb-labels.ts; permissions in server/auth/permission-labels.ts, each
 * so that its words reach only the pages that show them). One module, so a page never prints a raw code such as
 * `in_force` or `party.create` to a user (the code may still go in a title or for screen readers).
 */
import { FLAG_CODE_LABELS, REGIME_LABELS as DOMAIN_REGIME_LABELS } from "@/server/domain/labels";

/** Issue codes, and `unsafeguarded` (a flag's code too). */
export const ISSUE_LABELS: Readonly<Record<string, string>> = FLAG_CODE_LABELS;

/** The issue in words (an unknown code as it is). */
export function issueLabel(code: string): string {
  return ISSUE_LABELS[code] ?? code;
}

export const REGIME_LABELS: Readonly<Record<string, string>> = { ...DOMAIN_REGIME_LABELS, none: "No regime" };


/** Audit actions and record types in words: in server/domain/labels.ts, so the audit-log export writes the same words. */
export { AUDIT_ACTION_LABELS, auditActionLabel, ENTITY_TYPE_LABELS, entityTypeLabel } from "@/server/domain/labels";
export { REMINDER_KIND_LABELS } from "@/server/domain/labels";
