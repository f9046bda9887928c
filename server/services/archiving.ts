/**
 * Archive and restore, shared by parties, transfers and safeguards: records
 * are never deleted. The switch is refused on a stale version (like any edit),
 * bumps the version, and is audited in the same transaction: written by the
 * aggregate's own writer (./writers), like every other write of the record.
 */
import type { Db, Tx } from "@/db/client";
import type { AuditAction } from "@/server/audit/actions";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import type { WriteStep } from "./writers/aggregate-writer";
import { writeTransaction } from "./verdict-store";

type Archivable = "party" | "transfer" | "safeguard";

export interface ArchiveSpec<T extends { archivedAt: string | null }> {
  entity: Archivable;
  /** Reads the record as its detail (the audit row's before and after); throws NOT_FOUND. */
  load: (tx: Tx, id: string) => T;
  /**
   * The aggregate's writer, given one step: it refuses a stale version, and judges the step with the record rules
   * (nothing live may rely on what is archived; a restored record obeys the rules a live one must).
   */
  write: (tx: Tx, actor: Actor, step: WriteStep<T>, at: Date) => void;
}

export function setArchived<T extends { archivedAt: string | null }>(
  db: Db,
  actor: Actor,
  spec: ArchiveSpec<T>,
  input: { id: string; version: number },
  archive: boolean,
): T {
  return writeTransaction(db, (tx) => {
    const before = spec.load(tx, input.id);
    if ((before.archivedAt !== null) === archive) {
      throw new AppError("CONFLICT", archive ? `This ${spec.entity} is already archived.` : `This ${spec.entity} is not archived.`);
    }
    const at = new Date();
    const auditAction = `${spec.entity}.${archive ? "archive" : "restore"}` as AuditAction;
    spec.write(tx, actor, { action: "change", id: input.id, version: input.version, next: { ...before, archivedAt: archive ? at.toISOString() : null }, before, auditAction }, at);
    return spec.load(tx, input.id);
  });
}
