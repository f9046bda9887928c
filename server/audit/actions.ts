/**
 * Audit action names, `resource.verb`. These strings are persisted in
 * audit_log.action: renaming one needs a data migration of the existing rows.
 */
export const AUDIT_ACTIONS = [
  "party.create",
  "party.update",
  "party.archive",
  "party.restore",
  "transfer.create",
  "transfer.update",
  "transfer.archive",
  "transfer.restore",
  "safeguard.create",
  "safeguard.update",
  "safeguard.archive",
  "safeguard.restore",
  "certification.create",
  "certification.update",
  "certification.delete",
  "tia.create",
  "kb.create",
  "kb.update",
  "registry.import",
  "category.create",
  "category.update",
  "user.create",
  "user.update",
  "user.set_password",
  "reminders.set_horizon",
  "calendar_feed.create",
  "calendar_feed.rotate",
  "calendar_feed.revoke",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ENTITY_TYPES = ["party", "transfer", "safeguard", "certification", "tia", "kb_entry", "registry", "category", "user"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
