/**
 * The audit trail. Append-only: the migration 0001 adds triggers that abort any
 * UPDATE or DELETE on this table. Rows are written by server/services/record-audit.ts
 * inside the same transaction as the change they describe.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** ISO 8601 instant (UTC), e.g. 2026-11-29T21:10:00.000Z. */
    at: text("at").notNull(),
    /** The user who acted; null for system actions (seed, migrations). */
    actorId: text("actor_id"),
    /** Denormalised so the log stays readable even if a user is renamed. */
    actorEmail: text("actor_email").notNull(),
    /** `resource.verb`, one of AUDIT_ACTIONS (server/audit/actions.ts). */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    /** JSON of the record before the change, or null on creation. */
    before: text("before"),
    /** JSON of the record after the change, or null on deletion. */
    after: text("after"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entityType, t.entityId, t.id),
    index("audit_at_idx").on(t.at),
    index("audit_actor_idx").on(t.actorId),
    index("audit_action_idx").on(t.action),
  ],
);
