/**
 * US framework certifications held by a party (Safe Harbor, Privacy Shield, DPF). They feed the
 * adequacy verdicts for US recipients (GDPR Art. 45; Decision (EU) 2023/1795). Each mutation writes
 * the change and its audit row in one synchronous transaction.
 */
import crypto from "node:crypto";
import { and, asc, eq, max } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { certifications, parties } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { certificationRules } from "@/server/domain/registry/record-rules";
import { AppError, notFound, staleEdit } from "@/server/errors";
import type { CertificationFields } from "@/server/schemas/certification";
import { writeTransaction } from "./verdict-store";
import { removeCertifications, writeCertifications } from "./writers/certification-writer";

/** The certification writer's options here: a stale version is the form's stale-edit refusal. */
const STALE = { onStale: () => staleEdit("certification") };

export type CertificationRow = typeof certifications.$inferSelect;

export function listCertifications(db: DbOrTx, partyId: string): CertificationRow[] {
  return db.select().from(certifications).where(eq(certifications.partyId, partyId)).orderBy(asc(certifications.position), asc(certifications.id)).all();
}

function getCertification(db: DbOrTx, id: string): CertificationRow {
  const row = db.select().from(certifications).where(eq(certifications.id, id)).get();
  if (!row) throw notFound("Certification", id);
  return row;
}

/** The record rule (server/domain/registry/record-rules.ts) over the party's certifications: one per framework and start date. */
function assertNotDuplicate(tx: DbOrTx, partyId: string, fields: CertificationFields, exceptId?: string): void {
  const same = tx
    .select({ id: certifications.id, framework: certifications.framework, from: certifications.from })
    .from(certifications)
    .where(and(eq(certifications.partyId, partyId), eq(certifications.framework, fields.framework), eq(certifications.from, fields.from)))
    .all();
  const first = certificationRules({ id: exceptId, framework: fields.framework, from: fields.from }, { partyCertifications: same })[0];
  if (first) throw new AppError(first.kind === "conflict" ? "CONFLICT" : "BAD_REQUEST", first.summary, { [first.field]: first.message });
}

export function createCertification(db: Db, actor: Actor, input: { partyId: string; fields: CertificationFields }): CertificationRow {
  return writeTransaction(db, (tx) => {
    if (!tx.select({ id: parties.id }).from(parties).where(eq(parties.id, input.partyId)).get()) throw notFound("Party", input.partyId);
    assertNotDuplicate(tx, input.partyId, input.fields);
    const position = (tx.select({ p: max(certifications.position) }).from(certifications).where(eq(certifications.partyId, input.partyId)).get()?.p ?? -1) + 1;
    const id = crypto.randomUUID();
    writeCertifications(tx, actor, [{ action: "add", id, version: null, next: { ...input.fields, extra: null, partyId: input.partyId, position }, before: null }], new Date(), STALE);
    return getCertification(tx, id);
  });
}

export function updateCertification(db: Db, actor: Actor, input: { id: string; version: number; fields: CertificationFields }): CertificationRow {
  return writeTransaction(db, (tx) => {
    const before = getCertification(tx, input.id);
    assertNotDuplicate(tx, before.partyId, input.fields, input.id);
    writeCertifications(tx, actor, [{ action: "change", id: input.id, version: input.version, next: { ...before, ...input.fields }, before }], new Date(), STALE);
    return getCertification(tx, input.id);
  });
}

/** Removes a certification recorded in error. The audit row keeps what it said. */
export function deleteCertification(db: Db, actor: Actor, input: { id: string; version: number }): { id: string } {
  return writeTransaction(db, (tx) => {
    const before = getCertification(tx, input.id);
    removeCertifications(tx, actor, [{ id: input.id, version: input.version, before }], new Date(), STALE);
    return { id: input.id };
  });
}
