import { insertTransfer } from "@/server/testing/factories-transfers";
import type { SampleInputs } from "./types";

/** A German affiliate's running transfer to a US processor without safeguards: flagged `unsafeguarded`. */
const flagged = (db: Parameters<SampleInputs[string]>[0]) => ({ transferId: insertTransfer(db, { start: "2024-01-01" }).id, code: "unsafeguarded" as const });

export const flagSamples: SampleInputs = {
  "flag.list": (db) => (insertTransfer(db, { start: "2024-01-01" }), { severity: "error", state: "active" }),
  "flag.summary": () => ({}),
  "flag.detail": (db) => flagged(db),
  "flag.owners": () => ({ search: "a" }),
  "flag.assign": (db) => ({ ...flagged(db), version: 0, ownerId: null, dueDate: "2030-01-01" }),
  "flag.move": (db) => ({ ...flagged(db), version: 0, to: "in_remediation" }),
  "flag.comment": (db) => ({ ...flagged(db), body: "Asked the vendor for SCCs." }),
};
