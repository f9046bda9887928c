/**
 * The transfer writer: the transfer row, its safeguard links (ordered), data categories and purposes, and its
 * audit row. createTransfer, updateTransfer, archive/restore, a safeguard attached from its form and the registry
 * import all write transfers through it (./aggregate-writer.ts).
 * Each step of a live transfer carries the facts of the transfer rules (record-rules.ts `transferRules`): its
 * exporter and recipient as they will be, and which of its codes and safeguards exist; the writer refuses a step
 * that breaks them (an exporter that is not an affiliate, a destination outside the recipient's processing
 * locations, unknown codes) before writing anything. An archived transfer is history: a step that leaves it
 * archived is not judged (its facts may be null).
 */
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { transferRules, type TransferRuleContext } from "@/server/domain/registry/record-rules";
import type { AggregateSpec, Stamps, WriteOptions, WriteStep } from "./aggregate-writer";
import { allViolations, writeAggregate } from "./aggregate-writer";
import { extraColumn } from "./json-columns";

/** A transfer as the writer takes it: the fields of `TransferDetail` (server/services/transfers.ts) but its stamps. */
export interface TransferState {
  exporterId: string;
  recipientId: string;
  destination: string;
  exporterRole: string;
  recipientRole: string;
  specialCategory: boolean;
  dataSubjects: readonly string[];
  frequency: string;
  start: string;
  end: string | null;
  notes: string | null;
  extra: Record<string, unknown> | null;
  archivedAt: string | null;
  safeguardIds: readonly string[];
  dataCategories: readonly string[];
  purposes: readonly string[];
}

export const TRANSFER_SPEC: AggregateSpec = {
  entity: "transfer",
  table: "transfer",
  columns: [
    { key: "exporterId", column: "exporter_id" },
    { key: "recipientId", column: "recipient_id" },
    { key: "destination", column: "destination" },
    { key: "exporterRole", column: "exporter_role" },
    { key: "recipientRole", column: "recipient_role" },
    { key: "specialCategory", column: "special_category" },
    { key: "dataSubjects", column: "data_subjects", encode: (v) => JSON.stringify([...new Set(Array.isArray(v) ? (v as string[]) : [])]) },
    { key: "frequency", column: "frequency" },
    { key: "start", column: "start" },
    { key: "end", column: "end" },
    { key: "notes", column: "notes" },
    { key: "extra", column: "extra", encode: extraColumn },
    { key: "archivedAt", column: "archived_at" },
  ],
  children: [
    { key: "safeguardIds", table: "transfer_safeguard", owner: "transfer_id", value: "safeguard_id", ordered: true },
    { key: "dataCategories", table: "transfer_data_category", owner: "transfer_id", value: "category_id", ordered: false },
    { key: "purposes", table: "transfer_purpose", owner: "transfer_id", value: "purpose_id", ordered: false },
  ],
  versioned: true,
  timestamps: "created_updated",
};

/** A transfer write with what its rules need; null only for a step that leaves the transfer archived. */
export interface TransferWriteStep extends WriteStep<TransferState> {
  facts: TransferRuleContext | null;
}

function judgeTransfer(s: TransferWriteStep) {
  // An archived transfer is history: the forms no longer edit it, so its parties may since have changed.
  if (s.next.archivedAt !== null) return [];
  if (!s.facts) throw new Error(`writeTransfers: the live transfer "${s.id}" needs the facts of its rules`);
  return transferRules(s.next, s.facts);
}

/** Judges every live step with the transfer rules, then writes transfers (rows, child rows, audit rows) in the caller's transaction. */
export function writeTransfers(tx: DbOrTx, actor: Actor, steps: readonly TransferWriteStep[], at: Date, options: WriteOptions) {
  return writeAggregate<TransferState, TransferWriteStep>(tx, TRANSFER_SPEC, actor, steps, at, options, { judge: judgeTransfer, refuse: allViolations });
}

export type StoredTransfer = TransferState & Stamps;
