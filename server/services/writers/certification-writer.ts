/**
 * The certification writer: a party's framework certification row and its audit row. The certification form
 * (create, update, delete) and the registry import write certifications through it (./aggregate-writer.ts). Each
 * step carries the party's certifications as they will be; the writer refuses a second certification under the same
 * framework from the same date (record-rules.ts `certificationRules`) before writing anything.
 */
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { certificationRules, type CertificationRuleContext } from "@/server/domain/registry/record-rules";
import type { AggregateSpec, WriteOptions, WriteStep } from "./aggregate-writer";
import { firstViolation, removeAggregate, writeAggregate } from "./aggregate-writer";

/** A certification as the writer takes it: the row (server/services/certifications.ts) but its id and version. */
export interface CertificationState {
  partyId: string;
  framework: string;
  from: string;
  to: string | null;
  coveredData: string | null;
  verifiedOn: string | null;
  verifiedBy: string | null;
  /** Fields the registry does not model, as JSON text (kept so they round-trip). */
  extra: string | null;
  position: number;
}

export const CERTIFICATION_SPEC: AggregateSpec = {
  entity: "certification",
  table: "certification",
  columns: [
    { key: "partyId", column: "party_id" },
    { key: "framework", column: "framework" },
    { key: "from", column: "from" },
    { key: "to", column: "to" },
    { key: "coveredData", column: "covered_data" },
    { key: "verifiedOn", column: "verified_on" },
    { key: "verifiedBy", column: "verified_by" },
    { key: "extra", column: "extra" },
    { key: "position", column: "position" },
  ],
  children: [],
  versioned: true,
  timestamps: "none",
};

/**
 * A certification write with what its rule needs: the party's certifications under the step's framework (at least
 * those from the step's date; the step's own row may be among them, by id).
 */
export interface CertificationWriteStep extends WriteStep<CertificationState> {
  facts: CertificationRuleContext;
}

/** Judges every step with the certification rule, then writes certifications (rows, audit rows) in the caller's transaction. */
export function writeCertifications(tx: DbOrTx, actor: Actor, steps: readonly CertificationWriteStep[], at: Date, options: WriteOptions) {
  return writeAggregate<CertificationState, CertificationWriteStep>(tx, CERTIFICATION_SPEC, actor, steps, at, options, {
    judge: (s) => certificationRules({ id: s.id, framework: s.next.framework, from: s.next.from }, s.facts),
    refuse: (v) => firstViolation(v),
  });
}

/** Deletes certifications recorded in error (rows, `certification.delete` audit rows) in the caller's transaction. */
export function removeCertifications(tx: DbOrTx, actor: Actor, steps: readonly { id: string; version: number; before: CertificationState & { version: number } }[], at: Date, options: WriteOptions) {
  removeAggregate(tx, CERTIFICATION_SPEC, actor, steps, at, options);
}
