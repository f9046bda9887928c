/**
 * The verdict store: every live transfer's verdict for today, kept current by the writes themselves.
 *
 * - Database triggers (migration 0005) mark what each write may affect: a transfer, its safeguard links, TIAs
 *   and data categories mark the transfer; a party's rule fields and its certifications mark the party (all its
 *   transfers, as exporter or recipient); a safeguard and its parties mark the safeguard (the transfers relying
 *   on it); any knowledge-base change marks everything. No write path can forget to.
 * - `syncVerdicts(tx)`, called at the end of every write transaction (`writeTransaction`), re-evaluates exactly
 *   the marked transfers from a narrow read (`readRegistrySlice`) and stores their verdicts with the interval
 *   over which each holds (`verdictValidity`).
 * - `ensureVerdictsCurrent(db, today)`, called before every read of the store, re-evaluates what the calendar
 *   has moved past (an indexed `valid_until < today` query, usually empty) and anything still marked, so the
 *   store always answers for `today` without a nightly job.
 *
 * The store is derived data: `rebuildVerdicts` recomputes it from scratch (`npm run db:rebuild-verdicts`).
 */
import type { Db, DbOrTx } from "@/db/client";
import { prepared } from "@/db/client";
import {
  createEvaluationContext,
  evaluateTransfer,
  STATUS_RANK,
  verdictValidity,
  type Verdict,
} from "@/server/domain/rules";
import type { RegistryTransfer } from "@/server/domain/registry";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import { readScopedDocument, fillScope, readRegistryDocument } from "./registry-document";
import { reconcileFlags } from "./flag-reconcile";
import { bumpKind } from "./revisions";

/** Today's date (UTC) as YYYY-MM-DD: the clock lives in services, never in server/domain. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const SEVERITY_RANK: Record<string, number> = { info: 1, warning: 2, error: 3 };

/** True when a verdict needs the DPO's attention: nothing or only a derogation covers it, or it has a warning or error. */
export function needsAttention(v: Pick<Verdict, "status" | "issues">): boolean {
  return v.status === "unsafeguarded" || v.status === "derogation" || v.issues.some((i) => i.severity !== "info");
}

export interface SyncResult {
  /** Transfers evaluated (live ones) or removed from the store (archived or deleted). */
  evaluated: number;
  full: boolean;
}

const isArchived = (t: RegistryTransfer) => Boolean((t as RegistryTransfer & { archivedAt?: string | null }).archivedAt);

/** What the verdict tables hold of a verdict (the store and the what-if tables have these columns). */
export interface VerdictRow {
  status: Verdict["status"];
  statusRank: number;
  regime: string;
  worstSeverity: number;
  issueCount: number;
  attention: number;
  /** JSON of the issues ({ code, severity, message }[]) and of the basis ({ type, ref }[]). */
  issues: string;
  basis: string;
  firstReason: string | null;
}

/**
 * The verdict's row. `json` caches the JSON text of arrays by identity: verdicts with the same outcome share
 * frozen issue and basis arrays, so each shared array is serialised once per batch.
 */
export function toVerdictRow(v: Verdict, json: Map<unknown, string>): VerdictRow {
  let worst = 0;
  for (const issue of v.issues) worst = Math.max(worst, SEVERITY_RANK[issue.severity] ?? 0);
  const text = (value: unknown) => {
    let out = json.get(value);
    if (out === undefined) {
      out = JSON.stringify(value);
      if (Object.isFrozen(value)) json.set(value, out);
    }
    return out;
  };
  return {
    status: v.status,
    statusRank: STATUS_RANK[v.status],
    regime: v.regime ?? "none",
    worstSeverity: worst,
    issueCount: v.issues.length,
    attention: needsAttention(v) ? 1 : 0,
    issues: text(v.issues),
    basis: text(v.basis),
    // The most telling sentence: the worst issue's message, else the first reason.
    firstReason: (v.issues.find((i) => i.severity === "error") ?? v.issues.find((i) => i.severity === "warning"))?.message ?? v.reasons[0] ?? null,
  };
}

/**
 * Evaluates the transfers in scope (all of them, or those in the scope tables) as of `asOf` and writes the
 * verdicts that differ from what is stored (a knowledge-base edit re-evaluates everything but usually changes
 * few rows). Archived transfers lose their rows.
 */
function storeScope(db: DbOrTx, asOf: string, full: boolean): number {
  const doc = full ? readRegistryDocument(db) : readScopedDocument(db);
  const ctx = createEvaluationContext(doc, getCompiledKnowledgeBase(db));
  const stored = prepared(
    db,
    `SELECT transfer_id AS id, status || char(0) || regime || char(0) || issues || char(0) || basis || char(0) || coalesce(first_reason, '') || char(0) || valid_from || char(0) || valid_until
            || char(0) || exporter_country || char(0) || destination AS signature
       FROM transfer_verdict ${full ? "" : "WHERE transfer_id IN (SELECT id FROM temp.scope_transfer)"}`,
  ).all() as { id: string; signature: string }[];
  const existing = new Map(stored.map((r) => [r.id, r.signature]));
  const upsert = prepared(
    db,
    `INSERT OR REPLACE INTO transfer_verdict (transfer_id, status, status_rank, regime, worst_severity, issue_count, attention, issues, basis, first_reason, evaluated_on, valid_from, valid_until,
                                              exporter_country, destination, basis_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const basisIds = basisInterner(db);
  const countryOf = new Map(doc.parties.map((p) => [p.id, p.country] as const));
  const deleteVerdict = prepared(db, "DELETE FROM transfer_verdict WHERE transfer_id = ?");
  const deleteIssues = prepared(db, "DELETE FROM transfer_verdict_issue WHERE transfer_id = ?");
  const insertIssue = prepared(
    db,
    `INSERT INTO transfer_verdict_issue (transfer_id, code, severity) VALUES (?, ?, ?)
     ON CONFLICT (transfer_id, code) DO UPDATE SET severity = excluded.severity
     WHERE (CASE excluded.severity WHEN 'error' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END) > (CASE severity WHEN 'error' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END)`,
  );
  const json = new Map<unknown, string>();
  let changed = false;
  for (const t of doc.transfers) {
    if (isArchived(t)) continue;
    const v = evaluateTransfer(ctx, t, asOf);
    const validity = verdictValidity(ctx, t, asOf);
    const row = toVerdictRow(v, json);
    const exporterCountry = countryOf.get(t.exporter) ?? "";
    const signature = [row.status, row.regime, row.issues, row.basis, row.firstReason ?? "", validity.from, validity.until, exporterCountry, t.destination].join("\u0000");
    const before = existing.get(t.id);
    existing.delete(t.id);
    if (before === signature) continue;
    changed = true;
    if (before !== undefined) deleteIssues.run(t.id);
    upsert.run(t.id, row.status, row.statusRank, row.regime, row.worstSeverity, row.issueCount, row.attention, row.issues, row.basis, row.firstReason, asOf, validity.from, validity.until,
      exporterCountry, t.destination, basisIds(row.basis));
    for (const issue of v.issues) insertIssue.run(t.id, issue.code, issue.severity);
  }
  // Left over: archived (or no longer in the registry).
  for (const id of existing.keys()) {
    changed = true;
    deleteIssues.run(id);
    deleteVerdict.run(id);
  }
  // Caches of aggregates over the store key on this (server/services/revisions.ts).
  if (changed) bumpKind(db, "verdict");
  return doc.transfers.length;
}

/**
 * The id of a basis text in `verdict_basis` (interned: a few thousand distinct texts for 100,000 verdicts), so
 * aggregates over the store (the privacy notice's mechanisms) group by an integer in an index, not by the text.
 * Texts no verdict uses any more stay (bounded by the distinct outcomes; `db:rebuild-verdicts` does not need them).
 */
function basisInterner(db: DbOrTx): (basis: string) => number {
  const known = new Map<string, number>();
  const insert = prepared(db, "INSERT INTO verdict_basis (basis) VALUES (?) ON CONFLICT (basis) DO NOTHING");
  const find = prepared(db, "SELECT id FROM verdict_basis WHERE basis = ?");
  return (basis) => {
    let id = known.get(basis);
    if (id === undefined) {
      insert.run(basis);
      id = (find.get(basis) as { id: number }).id;
      known.set(basis, id);
    }
    return id;
  };
}

/** Each party's worst status over its live transfers, recomputed from the stored verdicts. */
function storePartySummaries(db: DbOrTx, full: boolean): void {
  if (full) {
    prepared(db, "DELETE FROM party_verdict").run();
    prepared(
      db,
      `INSERT INTO party_verdict (party_id, worst_rank)
         SELECT party_id, max(rank) FROM (
           SELECT t.exporter_id AS party_id, v.status_rank AS rank FROM transfer_verdict v JOIN transfer t ON t.id = v.transfer_id
           UNION ALL SELECT t.recipient_id, v.status_rank FROM transfer_verdict v JOIN transfer t ON t.id = v.transfer_id)
         GROUP BY party_id`,
    ).run();
    return;
  }
  prepared(db, "INSERT OR IGNORE INTO temp.scope_party (id) SELECT party_id FROM verdict_dirty_party_summary").run();
  prepared(db, "DELETE FROM party_verdict WHERE party_id IN (SELECT id FROM temp.scope_party)").run();
  prepared(
    db,
    `INSERT INTO party_verdict (party_id, worst_rank)
       SELECT id, rank FROM (
         SELECT s.id, max(
           coalesce((SELECT max(v.status_rank) FROM transfer t JOIN transfer_verdict v ON v.transfer_id = t.id WHERE t.exporter_id = s.id), -1),
           coalesce((SELECT max(v.status_rank) FROM transfer t JOIN transfer_verdict v ON v.transfer_id = t.id WHERE t.recipient_id = s.id), -1)) AS rank
         FROM temp.scope_party s JOIN party p ON p.id = s.id)
       WHERE rank >= 0`,
  ).run();
}

/**
 * Told, inside the writing transaction and before its marks are cleared, which transfers a sync re-evaluated
 * (`"all"`: the whole store). For in-process caches of derived data that can update only those transfers
 * (the overview's trend, server/services/dashboard-trend.ts); a listener must not write.
 */
export type VerdictSyncListener = (db: DbOrTx, transfers: readonly string[] | "all") => void;
const syncListeners: VerdictSyncListener[] = [];

export function onVerdictsSynced(listener: VerdictSyncListener): void {
  if (!syncListeners.includes(listener)) syncListeners.push(listener);
}

function notifySynced(db: DbOrTx, full: boolean): void {
  if (syncListeners.length === 0) return;
  const transfers = full ? "all" : (prepared(db, "SELECT transfer_id AS id FROM verdict_dirty_transfer").all() as { id: string }[]).map((r) => r.id);
  for (const listener of syncListeners) listener(db, transfers);
}

/**
 * Re-evaluates what writes have marked (see the file comment) as of `asOf` (default: today) and clears the
 * marks. Call it inside the writing transaction, after the change: the new verdicts commit with the change or
 * not at all.
 */
export function syncVerdicts(db: DbOrTx, asOf = today()): SyncResult {
  const state = prepared(db, "SELECT all_dirty AS allDirty FROM verdict_state WHERE id = 1").get() as { allDirty: number } | undefined;
  const full = state?.allDirty === 1;
  let evaluated = 0;
  if (full) {
    evaluated = storeScope(db, asOf, true);
    storePartySummaries(db, true);
  } else {
    prepared(db, "INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) SELECT t.id FROM verdict_dirty_party d CROSS JOIN transfer t ON t.exporter_id = d.party_id").run();
    prepared(db, "INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) SELECT t.id FROM verdict_dirty_party d CROSS JOIN transfer t ON t.recipient_id = d.party_id").run();
    prepared(db, "INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) SELECT ts.transfer_id FROM verdict_dirty_safeguard d CROSS JOIN transfer_safeguard ts ON ts.safeguard_id = d.safeguard_id").run();
    const marked = prepared(db, "SELECT EXISTS (SELECT 1 FROM verdict_dirty_transfer) + EXISTS (SELECT 1 FROM verdict_dirty_party_summary) AS any").get() as { any: number };
    if (marked.any > 0) {
      fillScope(db, "SELECT transfer_id FROM verdict_dirty_transfer");
      evaluated = storeScope(db, asOf, false);
      // Deleted transfers lose their verdict rows by cascade; their parties' summaries are recomputed here.
      storePartySummaries(db, false);
    }
  }
  // Also when nothing was marked: a listener learns the write's data revision changed nothing it derives.
  notifySynced(db, full);
  prepared(db, "DELETE FROM verdict_dirty_transfer").run();
  prepared(db, "DELETE FROM verdict_dirty_party").run();
  prepared(db, "DELETE FROM verdict_dirty_safeguard").run();
  prepared(db, "DELETE FROM verdict_dirty_party_summary").run();
  if (full) prepared(db, "UPDATE verdict_state SET all_dirty = 0 WHERE id = 1").run();
  if (evaluated > 0) reconcileFlags(db, asOf); // flags the new verdicts no longer raise resolve themselves (flags.ts)
  return { evaluated, full };
}

/**
 * Makes the store answer for `asOf` (today): re-evaluates verdicts whose validity interval does not contain
 * `asOf`, and anything still marked. A cheap indexed check when nothing is due. Returns what it re-evaluated.
 */
export function ensureVerdictsCurrent(db: Db, asOf = today()): SyncResult {
  const due = prepared(
    db,
    `SELECT (SELECT all_dirty FROM verdict_state WHERE id = 1)
          + EXISTS (SELECT 1 FROM verdict_dirty_transfer) + EXISTS (SELECT 1 FROM verdict_dirty_party) + EXISTS (SELECT 1 FROM verdict_dirty_safeguard) + EXISTS (SELECT 1 FROM verdict_dirty_party_summary)
          + EXISTS (SELECT 1 FROM transfer_verdict WHERE valid_until < ?) + EXISTS (SELECT 1 FROM transfer_verdict WHERE valid_from > ?) AS due`,
  ).get(asOf, asOf) as { due: number };
  if (due.due === 0) return { evaluated: 0, full: false };
  return db.transaction((tx) => {
    prepared(tx, "INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) SELECT transfer_id FROM transfer_verdict WHERE valid_until < ?").run(asOf);
    prepared(tx, "INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) SELECT transfer_id FROM transfer_verdict WHERE valid_from > ?").run(asOf);
    return syncVerdicts(tx, asOf);
  });
}

/** Recomputes the whole store from the registry as of `asOf` (the store is derived data). */
export function rebuildVerdicts(db: Db, asOf = today()): SyncResult {
  return db.transaction((tx) => {
    prepared(tx, "UPDATE verdict_state SET all_dirty = 1 WHERE id = 1").run();
    return syncVerdicts(tx, asOf);
  });
}

/** A write transaction whose verdicts are brought up to date before it commits: services write through this. */
export function writeTransaction<T>(db: Db, fn: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) => T): T {
  return db.transaction((tx) => {
    const result = fn(tx);
    syncVerdicts(tx);
    return result;
  });
}

/** The data revision: bumped by triggers on every write to a registry or knowledge-base table. */
export function dataRevision(db: DbOrTx): number {
  return (prepared(db, "SELECT revision FROM data_revision WHERE id = 1").get() as { revision: number } | undefined)?.revision ?? 0;
}

export interface StoredVerdict extends Pick<Verdict, "status" | "regime" | "basis" | "issues"> {
  firstReason: string | null;
  evaluatedOn: string;
  validFrom: string;
  validUntil: string;
}

/** Every stored verdict, by transfer id (tests and the rebuild check; never for a request). */
export function readStoredVerdicts(db: DbOrTx): Map<string, StoredVerdict> {
  const rows = prepared(
    db,
    `SELECT transfer_id AS id, status, regime, issues, basis, first_reason AS firstReason, evaluated_on AS evaluatedOn, valid_from AS validFrom, valid_until AS validUntil
       FROM transfer_verdict ORDER BY transfer_id`,
  ).all() as { id: string; status: Verdict["status"]; regime: string; issues: string; basis: string; firstReason: string | null; evaluatedOn: string; validFrom: string; validUntil: string }[];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        status: r.status,
        regime: r.regime === "none" ? null : (r.regime as Verdict["regime"]),
        issues: JSON.parse(r.issues) as Verdict["issues"],
        basis: JSON.parse(r.basis) as Verdict["basis"],
        firstReason: r.firstReason,
        evaluatedOn: r.evaluatedOn,
        validFrom: r.validFrom,
        validUntil: r.validUntil,
      },
    ]),
  );
}
