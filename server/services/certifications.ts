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
import type { CertificationRuleContext } from "@/server/domain/registry/record-rules";
import { notFound, staleEdit } from "@/server/errors";
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

/**
 * The facts of the certification rule (server/domain/registry/record-rules.ts: one per party, framework and start
 * date), read from the database: the party's certifications under that framework from that date. The certification
 * writer judges with them.
 */
function certificationFacts(tx: DbOrTx, partyId: string, fields: CertificationFields): CertificationRuleContext {
  const same = tx
    .select({ id: certifications.id, framework: certifications.framework, from: certifications.from })
    .from(certifications)
    .where(and(eq(certifications.partyId, partyId), eq(certifications.framework, fields.framework), eq(certifications.from, fields.from)))
    .all();
  return { partyCertifications: same };
}

export function createCertification(db: Db, actor: Actor, input: { partyId: string; fields: CertificationFields }): CertificationRow {
  return writeTransaction(db, (tx) => {
    if (!tx.select({ id: parties.id }).from(parties).where(eq(parties.id, input.partyId)).get()) throw notFound("Party", input.partyId);
    const position = (tx.select({ p: max(certifications.position) }).from(certifications).where(eq(certifications.partyId, input.partyId)).get()?.p ?? -1) + 1;
    const id = crypto.randomUUID();
    const next = { ...input.fields, extra: null, partyId: input.partyId, position };
    writeCertifications(tx, actor, [{ action: "add", id, version: null, next, before: null, facts: certificationFacts(tx, input.partyId, input.fields) }], new Date(), STALE);
    return getCertification(tx, id);
  });
}

export function updateCertification(db: Db, actor: Actor, input: { id: string; version: number; fields: CertificationFields }): CertificationRow {
  return writeTransaction(db, (tx) => {
    const before = getCertification(tx, input.id);
    const facts = certificationFacts(tx, before.partyId, input.fields);
    writeCertifications(tx, actor, [{ action: "change", id: input.id, version: input.version, next: { ...before, ...input.fields }, before, facts }], new Date(), STALE);
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
