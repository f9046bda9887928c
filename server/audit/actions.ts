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
  "scenario.create",
  "scenario.update",
  "scenario.delete",
  "notice.save_generated",
  "notice.save_check",
  "request.create",
  "request.update",
  "request.extend",
  "request.status",
  "request.copy",
  "safeguard_part.create",
  "safeguard_part.update",
  "safeguard_part.delete",
  "file.upload",
  "file.download",
  "export.transfers",
  "export.parties",
  "export.registry",
  "export.summary",
  "party.import",
  "flag.assign",
  "flag.move",
  "flag.comment",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ENTITY_TYPES = ["party", "transfer", "safeguard", "certification", "tia", "kb_entry", "registry", "category", "user", "scenario", "notice", "request", "safeguard_part", "file", "export", "import", "flag"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
