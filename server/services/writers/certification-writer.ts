/**
 * The certification writer: a party's framework certification row and its audit row. The certification form
 * (create, update, delete) and the registry import write certifications through it (./aggregate-writer.ts).
 */
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import type { AggregateSpec, WriteOptions, WriteStep } from "./aggregate-writer";
import { removeAggregate, writeAggregate } from "./aggregate-writer";

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

/** Writes certifications (rows, audit rows) in the caller's transaction. */
export function writeCertifications(tx: DbOrTx, actor: Actor, steps: readonly WriteStep<CertificationState>[], at: Date, options: WriteOptions) {
  return writeAggregate<CertificationState>(tx, CERTIFICATION_SPEC, actor, steps, at, options);
}

/** Deletes certifications recorded in error (rows, `certification.delete` audit rows) in the caller's transaction. */
export function removeCertifications(tx: DbOrTx, actor: Actor, steps: readonly { id: string; version: number; before: CertificationState & { version: number } }[], at: Date, options: WriteOptions) {
  removeAggregate(tx, CERTIFICATION_SPEC, actor, steps, at, options);
}
