/**
 * Revisions per kind of data (table `data_kind_revision`, migration 0016): triggers bump the kind of every table a
 * write touches (a transfer's notes, version and timestamps excepted: no aggregate reads them), and syncVerdicts
 * bumps `verdict` when a stored verdict changes. An in-process cache of an aggregate (the privacy notice's facts,
 * the map, the overview, reminders, the safeguards list) keys on the kinds it reads, so that a write it does not
 * read (a note on a transfer) does not make every aggregate recompute; `data_revision` still changes on every write
 * for the caches that show whole records. `server/services/revisions.test.ts` checks that each cached aggregate
 * equals a fresh computation after a write of every kind.
 */
import { prepared, type DbOrTx } from "@/db/client";

export const DATA_KINDS = ["party", "certification", "safeguard", "transfer", "tia", "catalog", "kb", "verdict", "user", "flag"] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** "kind:revision,…" for the given kinds, for a cache key. */
export function kindRevisions(db: DbOrTx, kinds: readonly DataKind[]): string {
  const rows = prepared(db, "SELECT kind, revision FROM data_kind_revision").all() as { kind: string; revision: number }[];
  const byKind = new Map(rows.map((r) => [r.kind, r.revision]));
  return kinds.map((k) => `${k}:${byKind.get(k) ?? 0}`).join(",");
}

export function bumpKind(db: DbOrTx, kind: DataKind): void {
  prepared(db, "UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = ?").run(kind);
}
