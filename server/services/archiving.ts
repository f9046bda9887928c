/**
 * Archive and restore, shared by parties, transfers and safeguards: records
 * are never deleted. The switch is refused on a stale version (like any edit),
 * bumps the version, and is audited in the same transaction.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { parties, safeguards, transfers } from "@/db/schema";
import { recordAudit } from "@/server/audit/record-audit";
import type { AuditAction } from "@/server/audit/actions";
import type { Actor } from "@/server/auth/actor";
import { AppError, staleEdit } from "@/server/errors";
import { writeTransaction } from "./verdict-store";

const TABLES = { party: parties, transfer: transfers, safeguard: safeguards } as const;
type Archivable = keyof typeof TABLES;

export interface ArchiveSpec<T extends { archivedAt: string | null }> {
  entity: Archivable;
  /** Reads the record as its detail (the audit row's before and after); throws NOT_FOUND. */
  load: (tx: Tx, id: string) => T;
  /** A check before archiving, e.g. that nothing still relies on the record. */
  beforeArchive?: (tx: Tx, record: T) => void;
  /** A check before restoring, e.g. that the record still obeys the rules a live one must (its parties may have changed). */
  beforeRestore?: (tx: Tx, record: T) => void;
}

export function setArchived<T extends { archivedAt: string | null }>(
  db: Db,
  actor: Actor,
  spec: ArchiveSpec<T>,
  input: { id: string; version: number },
  archive: boolean,
): T {
  const table = TABLES[spec.entity];
  return writeTransaction(db, (tx) => {
    const before = spec.load(tx, input.id);
    if ((before.archivedAt !== null) === archive) {
      throw new AppError("CONFLICT", archive ? `This ${spec.entity} is already archived.` : `This ${spec.entity} is not archived.`);
    }
    if (archive) spec.beforeArchive?.(tx, before);
    else spec.beforeRestore?.(tx, before);
    const at = new Date().toISOString();
    // The three tables share these columns; drizzle's builder cannot see that through the union.
    const t = table as typeof parties;
    const result = tx
      .update(t)
      .set({ archivedAt: archive ? at : null, version: sql`${t.version} + 1`, updatedAt: at })
      .where(and(eq(t.id, input.id), eq(t.version, input.version)))
      .run();
    if (result.changes !== 1) throw staleEdit(spec.entity);
    const after = spec.load(tx, input.id);
    const action = `${spec.entity}.${archive ? "archive" : "restore"}` as AuditAction;
    recordAudit(tx, actor, { action, entityType: spec.entity, entityId: input.id, before, after });
    return after;
  });
}
