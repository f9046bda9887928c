/**
 * Words for the codes the interface shows: issue codes, regimes, audit actions and record types, transfer roles and the knowledge base's
 * statuses and end reasons (those in kb-labels.ts; permissions in server/auth/permission-labels.ts, each
 * so that its words reach only the pages that show them). One module, so a page never prints a raw code such as
 * `in_force` or `party.create` to a user (the code may still go in a title or for screen readers).
 */
import type { AuditAction, EntityType } from "@/server/audit/actions";
import { FLAG_CODE_LABELS, REGIME_LABELS as DOMAIN_REGIME_LABELS } from "@/server/domain/labels";

/** Issue codes, and `unsafeguarded` (a flag's code too). */
export const ISSUE_LABELS: Readonly<Record<string, string>> = FLAG_CODE_LABELS;

/** The issue in words (an unknown code as it is). */
export function issueLabel(code: string): string {
  return ISSUE_LABELS[code] ?? code;
}

export const REGIME_LABELS: Readonly<Record<string, string>> = { ...DOMAIN_REGIME_LABELS, none: "No regime" };


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
export { REMINDER_KIND_LABELS } from "@/server/domain/labels";
