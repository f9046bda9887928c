/**
 * Every action of the permission table in words, for people: the Users page's table and the server's
 * refusal message ("Your role (Auditor) may not register parties."). A separate module so that the words
 * reach only the pages that show them, not every page's bundle (permissions.ts is in all of them).
 */
import { ROLE_LABELS, type Action, type Role } from "./permissions";

export const PERMISSION_LABELS: Record<Action, string> = {
  "party.read": "See parties",
  "party.create": "Register parties",
  "party.update": "Edit parties",
  "party.archive": "Archive parties",
  "category.read": "See data categories and purposes",
  "category.manage": "Manage data categories and purposes",
  "transfer.read": "See transfers and verdicts",
  "transfer.create": "Register transfers",
  "transfer.update": "Edit transfers",
  "transfer.archive": "Archive transfers",
  "safeguard.read": "See safeguards",
  "safeguard.create": "Register safeguards",
  "safeguard.update": "Edit safeguards",
  "safeguard.archive": "Archive safeguards",
  "certification.manage": "Manage certifications",
  "tia.manage": "Record transfer impact assessments",
  "kb.read": "See the knowledge base",
  "kb.edit": "Edit the knowledge base",
  "registry.export": "Export the registry",
  "registry.import": "Import a registry",
  "audit.read": "Read the audit log",
  "user.read": "See users",
  "user.manage": "Manage users",
  "scenario.read": "See what-if scenarios",
  "scenario.manage": "Save what-if scenarios",
  "notice.read": "Read the privacy-notice sections and their history",
  "notice.manage": "Check privacy notices and store notice records",
  "request.read": "Read requests for a copy of the safeguards",
  "request.manage": "Log and answer requests for a copy of the safeguards",
  "file.read": "Download signed contracts and TIA documents",
  "file.upload": "Upload signed contracts and TIA documents",
  "party.import": "Import parties from a CSV file",
  "registry.export_full": "Export the full registry, with contacts and internal notes",
  "flag.read": "See flags",
  "flag.review": "Review flags (owner, due date, state, accepted risks)",
  "flag.comment": "Comment on flags",
  "reminders.read": "See reminders",
  "reminders.configure": "Set their reminder horizon and calendar feed",
};

/** The refusal a role gets for an action it may not perform, in words. */
export function refusalMessage(role: Role, action: Action): string {
  const what = PERMISSION_LABELS[action];
  return `Your role (${ROLE_LABELS[role]}) may not ${what.charAt(0).toLowerCase()}${what.slice(1)}.`;
}
