/**
 * The transfer impact assessment writer: the assessment row and its audit row. Assessments are only ever added
 * (the latest completed one counts). The TIA form and the registry import write them through it
 * (./aggregate-writer.ts). The writer refuses an assessment completed after the day of the write (`at`, UTC;
 * record-rules.ts `tiaRules`) before writing anything.
 */
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { tiaRules } from "@/server/domain/registry/record-rules";
import type { AggregateSpec, WriteStep } from "./aggregate-writer";
import { firstViolation, writeAggregate } from "./aggregate-writer";

/** An assessment as the writer takes it: the row (server/services/tias.ts) but its id and creation time. */
export interface TiaState {
  transferId: string;
  completed: string;
  assessor: string | null;
  outcome: string | null;
  measuresTechnical: string | null;
  measuresContractual: string | null;
  measuresOrganisational: string | null;
  nextReview: string | null;
  documentRef: string | null;
  /** Fields the registry does not model, as JSON text (kept so they round-trip). */
  extra: string | null;
}

export const TIA_SPEC: AggregateSpec = {
  entity: "tia",
  table: "transfer_impact_assessment",
  columns: [
    { key: "transferId", column: "transfer_id" },
    { key: "completed", column: "completed" },
    { key: "assessor", column: "assessor" },
    { key: "outcome", column: "outcome" },
    { key: "measuresTechnical", column: "measures_technical" },
    { key: "measuresContractual", column: "measures_contractual" },
    { key: "measuresOrganisational", column: "measures_organisational" },
    { key: "nextReview", column: "next_review" },
    { key: "documentRef", column: "document_ref" },
    { key: "extra", column: "extra" },
  ],
  children: [],
  versioned: false,
  timestamps: "created",
};

/** Judges every assessment (not completed after the day of `at`), then adds them (rows, audit rows) in the caller's transaction. */
export function addTias(tx: DbOrTx, actor: Actor, steps: readonly { id: string; next: TiaState }[], at: Date) {
  const today = at.toISOString().slice(0, 10);
  const adds: WriteStep<TiaState>[] = steps.map((s) => ({ action: "add", id: s.id, version: null, next: s.next, before: null }));
  return writeAggregate<TiaState>(tx, TIA_SPEC, actor, adds, at, { onStale: () => new Error("assessments are never changed") }, {
    judge: (s) => tiaRules(s.next, { today }),
    refuse: (v) => firstViolation(v),
  });
}
