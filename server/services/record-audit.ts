import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import type { AuditAction, EntityType } from "@/server/audit/actions";

export interface AuditEntry {
  action: AuditAction;
  entityType: EntityType;
  entityId: string;
  before: unknown;
  after: unknown;
}

/**
 * Appends one audit row. Call it with the transaction that makes the change
 * (`db.transaction((tx) => { …; recordAudit(tx, actor, …) })`), so the change
 * and its audit row commit or roll back together.
 */
export function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry, at: Date = new Date()): void {
  tx.insert(auditLog)
    .values({
      at: at.toISOString(),
      actorId: actor.kind === "user" ? actor.id : null,
      actorEmail: actor.email,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}
