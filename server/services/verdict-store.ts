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
import { getCompiledKnowledgeBase } from "./knowledge-base";
import { readScopedDocument, fillScope, readRegistryDocument } from "./registry-document";

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

/** Evaluates the transfers in the scope tables as of `asOf` and replaces their stored verdicts. */
function storeScope(db: DbOrTx, asOf: string, full: boolean): number {
  const doc = full ? readRegistryDocument(db) : readScopedDocument(db);
  const ctx = createEvaluationContext(doc, getCompiledKnowledgeBase(db));
  if (full) {
    prepared(db, "DELETE FROM transfer_verdict_issue").run();
    prepared(db, "DELETE FROM transfer_verdict").run();
  } else {
    prepared(db, "DELETE FROM transfer_verdict_issue WHERE transfer_id IN (SELECT id FROM temp.scope_transfer)").run();
    prepared(db, "DELETE FROM transfer_verdict WHERE transfer_id IN (SELECT id FROM temp.scope_transfer)").run();
  }
  const insertVerdict = prepared(
    db,
    `INSERT INTO transfer_verdict (transfer_id, status, status_rank, regime, worst_severity, issue_count, attention, verdict, evaluated_on, valid_from, valid_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertIssue = prepared(
    db,
    `INSERT INTO transfer_verdict_issue (transfer_id, code, severity) VALUES (?, ?, ?)
     ON CONFLICT (transfer_id, code) DO UPDATE SET severity = excluded.severity
     WHERE (CASE excluded.severity WHEN 'error' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END) > (CASE severity WHEN 'error' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END)`,
  );
  // Verdicts with the same outcome share frozen parts (same objects): serialise each shared set once.
  const jsonCache = new Map<unknown, { v: Verdict; json: string }>();
  let n = 0;
  for (const t of doc.transfers) {
    n++;
    if (isArchived(t)) continue;
    const v = evaluateTransfer(ctx, t, asOf);
    const validity = verdictValidity(ctx, t, asOf);
    let worst = 0;
    for (const issue of v.issues) worst = Math.max(worst, SEVERITY_RANK[issue.severity] ?? 0);
    const cached = jsonCache.get(v.reasons);
    let json: string;
    if (cached && cached.v.basis === v.basis && cached.v.issues === v.issues && cached.v.status === v.status && cached.v.regime === v.regime) {
      json = cached.json;
    } else {
      json = JSON.stringify({ status: v.status, regime: v.regime, basis: v.basis, issues: v.issues, reasons: v.reasons });
      if (Object.isFrozen(v.reasons)) jsonCache.set(v.reasons, { v, json });
    }
    insertVerdict.run(t.id, v.status, STATUS_RANK[v.status], v.regime ?? "none", worst, v.issues.length, needsAttention(v) ? 1 : 0, json, asOf, validity.from, validity.until);
    for (const issue of v.issues) insertIssue.run(t.id, issue.code, issue.severity);
  }
  return n;
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
  } else {
    prepared(db, "INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) SELECT t.id FROM transfer t JOIN verdict_dirty_party d ON d.party_id = t.exporter_id").run();
    prepared(db, "INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) SELECT t.id FROM transfer t JOIN verdict_dirty_party d ON d.party_id = t.recipient_id").run();
    prepared(db, "INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) SELECT ts.transfer_id FROM transfer_safeguard ts JOIN verdict_dirty_safeguard d ON d.safeguard_id = ts.safeguard_id").run();
    const marked = prepared(db, "SELECT EXISTS (SELECT 1 FROM verdict_dirty_transfer) AS any").get() as { any: number };
    if (marked.any === 1) {
      fillScope(db, "SELECT transfer_id FROM verdict_dirty_transfer");
      evaluated = storeScope(db, asOf, false);
      // Deleted transfers lose their verdict rows by cascade; nothing else to do for them.
    }
  }
  prepared(db, "DELETE FROM verdict_dirty_transfer").run();
  prepared(db, "DELETE FROM verdict_dirty_party").run();
  prepared(db, "DELETE FROM verdict_dirty_safeguard").run();
  if (full) prepared(db, "UPDATE verdict_state SET all_dirty = 0 WHERE id = 1").run();
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
          + EXISTS (SELECT 1 FROM verdict_dirty_transfer) + EXISTS (SELECT 1 FROM verdict_dirty_party) + EXISTS (SELECT 1 FROM verdict_dirty_safeguard)
          + EXISTS (SELECT 1 FROM transfer_verdict WHERE valid_until < ?) + EXISTS (SELECT 1 FROM transfer_verdict WHERE valid_from > ?) AS due`,
  ).get(asOf, asOf) as { due: number };
  if (due.due === 0) return { evaluated: 0, full: false };
  return db.transaction((tx) => {
    prepared(tx, "INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) SELECT transfer_id FROM transfer_verdict WHERE valid_until < ? OR valid_from > ?").run(asOf, asOf);
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

export interface StoredVerdict extends Pick<Verdict, "status" | "regime" | "basis" | "issues" | "reasons"> {
  evaluatedOn: string;
  validFrom: string;
  validUntil: string;
}

/** Every stored verdict, by transfer id (tests and the rebuild check; never for a request). */
export function readStoredVerdicts(db: DbOrTx): Map<string, StoredVerdict> {
  const rows = prepared(db, "SELECT transfer_id AS id, verdict, evaluated_on AS evaluatedOn, valid_from AS validFrom, valid_until AS validUntil FROM transfer_verdict ORDER BY transfer_id").all() as {
    id: string;
    verdict: string;
    evaluatedOn: string;
    validFrom: string;
    validUntil: string;
  }[];
  return new Map(rows.map((r) => [r.id, { ...(JSON.parse(r.verdict) as Verdict), evaluatedOn: r.evaluatedOn, validFrom: r.validFrom, validUntil: r.validUntil }]));
}
