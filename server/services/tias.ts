/**
 * Transfer impact assessments (CJEU C-311/18 Schrems II; SCC 2021/914 Clause 14; EDPB Recommendations
 * 01/2020). Assessments are only ever added: the latest completed one counts for the verdict
 * (readRegistryDocument maps it), earlier ones stay as the transfer's TIA history.
 */
import crypto from "node:crypto";
import { asc, desc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { transferImpactAssessments, transfers } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { AppError, notFound } from "@/server/errors";
import type { TiaFields } from "@/server/schemas/tia";
import { writeTransaction } from "./verdict-store";
import { addTias } from "./writers/tia-writer";

export type TiaRow = typeof transferImpactAssessments.$inferSelect;

/** TIAs of a transfer, newest first. */
export function listTias(db: DbOrTx, transferId: string): TiaRow[] {
  if (!db.select({ id: transfers.id }).from(transfers).where(eq(transfers.id, transferId)).get()) throw notFound("Transfer", transferId);
  return db
    .select()
    .from(transferImpactAssessments)
    .where(eq(transferImpactAssessments.transferId, transferId))
    .orderBy(desc(transferImpactAssessments.completed), desc(transferImpactAssessments.createdAt), asc(transferImpactAssessments.id))
    .all();
}

export function createTia(db: Db, actor: Actor, input: { transferId: string; fields: TiaFields }, now: Date = new Date()): TiaRow {
  return writeTransaction(db, (tx) => {
    const transfer = tx.select({ id: transfers.id, archivedAt: transfers.archivedAt }).from(transfers).where(eq(transfers.id, input.transferId)).get();
    if (!transfer) throw notFound("Transfer", input.transferId);
    if (transfer.archivedAt) throw new AppError("CONFLICT", "This transfer is archived: restore it before recording an assessment.");
    const id = crypto.randomUUID();
    // The writer refuses an assessment completed after `now`'s day before writing anything.
    addTias(tx, actor, [{ id, next: { ...input.fields, extra: null, transferId: input.transferId } }], now);
    return tx.select().from(transferImpactAssessments).where(eq(transferImpactAssessments.id, id)).get()!;
  });
}
