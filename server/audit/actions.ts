/**
 * Audit action names, `resource.verb`. These strings are persisted in
 * audit_log.action: renaming one needs a data migration of the existing rows.
 */
export const AUDIT_ACTIONS = [
  "party.create",
  "party.update",
  "party.archive",
  "party.restore",
  "category.create",
  "category.update",
  "user.create",
  "user.update",
  "user.set_password",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ENTITY_TYPES = ["party", "category", "user"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
