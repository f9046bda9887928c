/**
 * Where verdicts come from, for any date:
 * - today: the verdict store (server/services/verdict-store.ts), SQL over indexed columns;
 * - any other as-of date (what-if, history): every transfer evaluated on demand from the same registry read,
 *   written to a temporary table with the same columns and cached per (data revision, date), so lists, counts,
 *   filters and sorting run the same SQL on either;
 * - one transfer (its page, its coverage, the transfer form): a narrow read of only the rows it depends on,
 *   evaluated alone.
 */
import { prepared, rawClient, type Db, type DbOrTx } from "@/db/client";
import type { RegistryDocument, RegistryTransfer } from "@/server/domain/registry";
import {
  createEvaluationContext,
  describeDestination,
  describeHindsight,
  type KnowledgeBaseInfo,
  evaluateTransfer,
  STATUS_RANK,
  transferCoverage,
  type EvaluationContext,
  type Status,
  type Verdict,
} from "@/server/domain/rules";
import { notFound } from "@/server/errors";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import { readRegistryDocument, readRegistrySlice } from "./registry-document";
import { kindRevisions, type DataKind } from "./revisions";
import { dataRevision, ensureVerdictsCurrent, today, toVerdictRow } from "./verdict-store";

export { today };

/** The tables a verdict query reads: the store (today) or the temporary what-if tables (another date). */
export interface VerdictSource {
  asOf: string;
  /** Columns: transfer_id, status, status_rank, regime, worst_severity, issue_count, attention, issues, basis, first_reason. */
  verdicts: string;
  /** Columns: transfer_id, code, severity. */
  issues: string;
  /**
   * True for the store, whose rows also carry exporter_country, destination and basis_id (indexed, for
   * aggregates that need not join the transfers); the what-if tables do not.
   */
  store: boolean;
}

const STORE: Omit<VerdictSource, "asOf"> = { verdicts: "transfer_verdict", issues: "transfer_verdict_issue", store: true };
const WHAT_IF: Omit<VerdictSource, "asOf"> = { verdicts: "temp.verdict_at", issues: "temp.verdict_issue_at", store: false };

const whatIfKey = new WeakMap<object, string>();

function ensureWhatIfTables(db: DbOrTx): void {
  rawClient(db).exec(`
    CREATE TEMP TABLE IF NOT EXISTS verdict_at (
      transfer_id TEXT PRIMARY KEY, status TEXT NOT NULL, status_rank INTEGER NOT NULL, regime TEXT NOT NULL,
      worst_severity INTEGER NOT NULL, issue_count INTEGER NOT NULL, attention INTEGER NOT NULL, issues TEXT NOT NULL, basis TEXT NOT NULL, first_reason TEXT);
    CREATE INDEX IF NOT EXISTS temp.verdict_at_status_asc_idx ON verdict_at (status_rank, transfer_id);
    CREATE INDEX IF NOT EXISTS temp.verdict_at_status_desc_idx ON verdict_at (status_rank DESC, transfer_id);
    CREATE INDEX IF NOT EXISTS temp.verdict_at_attention_idx ON verdict_at (attention, status_rank DESC, issue_count DESC, transfer_id);
    CREATE TEMP TABLE IF NOT EXISTS verdict_issue_at (transfer_id TEXT NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL, PRIMARY KEY (transfer_id, code)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS temp.verdict_issue_at_code_idx ON verdict_issue_at (code, transfer_id);
  `);
}

/**
 * The verdicts as of `asOf`. Today: the store, brought up to date. Another date: every live transfer
 * evaluated into the temporary tables, unless they already hold this date at this data revision.
 */
export function verdictSource(db: Db, asOf?: string): VerdictSource {
  const now = today();
  const date = asOf ?? now;
  if (date === now) {
    ensureVerdictsCurrent(db, now);
    return { asOf: date, ...STORE };
  }
  const client = rawClient(db);
  const key = `${dataRevision(db)}|${date}`;
  if (whatIfKey.get(client) !== key) {
    ensureWhatIfTables(db);
    db.transaction((tx) => {
      prepared(tx, "DELETE FROM temp.verdict_issue_at").run();
      prepared(tx, "DELETE FROM temp.verdict_at").run();
      const doc = readRegistryDocument(tx);
      const ctx = createEvaluationContext(doc, getCompiledKnowledgeBase(tx));
      const insert = prepared(tx, "INSERT INTO temp.verdict_at VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      const insertIssue = prepared(tx, "INSERT OR IGNORE INTO temp.verdict_issue_at VALUES (?, ?, ?)");
      const json = new Map<unknown, string>();
      for (const t of doc.transfers) {
        if ((t as RegistryTransfer & { archivedAt?: string | null }).archivedAt) continue;
        const v = evaluateTransfer(ctx, t, date);
        const r = toVerdictRow(v, json);
        insert.run(t.id, r.status, r.statusRank, r.regime, r.worstSeverity, r.issueCount, r.attention, r.issues, r.basis, r.firstReason);
        for (const i of v.issues) insertIssue.run(t.id, i.code, i.severity);
      }
    });
    whatIfKey.set(client, key);
  }
  return { asOf: date, ...WHAT_IF };
}

const readCaches = new WeakMap<object, Map<string, unknown>>();
/** How many read results each connection keeps (least recently used first out). */
export const READ_CACHE_SIZE = 500;

/**
 * A read-only query's result, cached per (data revision, day, query, input): any write to the registry or the
 * knowledge base bumps the revision (triggers), and the verdict store changes without a write only when the day
 * changes, so a cached result is exactly what the query would return now. Many users opening the same list cost
 * one query.
 */
export function cachedRead<T>(db: Db, name: string, input: unknown, compute: () => T, deps?: readonly DataKind[]): T {
  const client = rawClient(db);
  let cache = readCaches.get(client) as Map<string, T> | undefined;
  if (!cache) {
    cache = new Map();
    readCaches.set(client, cache);
  }
  // With `deps` (an aggregate of today's data): the revisions of the kinds it reads; otherwise every write counts.
  const revision = deps ? kindRevisions(db, deps) : String(dataRevision(db));
  const key = `${revision}|${today()}|${name}|${JSON.stringify(input ?? null)}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = compute();
  cache.set(key, value);
  if (cache.size > READ_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return value;
}

/** A narrow evaluation: the document of the selected transfers and what they depend on, with its context. */
export interface Evaluation {
  document: RegistryDocument;
  ctx: EvaluationContext;
}

/** Reads and prepares the evaluation of the transfers `selectTransferIds` selects (see readRegistrySlice). */
export function loadSliceEvaluation(db: DbOrTx, selectTransferIds: string, params: unknown[] = []): Evaluation {
  const document = readRegistrySlice(db, selectTransferIds, params);
  return { document, ctx: createEvaluationContext(document, getCompiledKnowledgeBase(db)) };
}

/** One transfer's document and evaluation context, from only the rows it depends on. */
export function loadTransferEvaluation(db: DbOrTx, id: string): Evaluation & { transfer: RegistryTransfer } {
  const evaluation = loadSliceEvaluation(db, "SELECT id FROM transfer WHERE id = ?", [id]);
  const transfer = evaluation.document.transfers[0];
  if (!transfer) throw notFound("Transfer", id);
  return { ...evaluation, transfer };
}

/** One transfer's verdict as of `asOf` (evaluated even when archived, so its page can still explain it). */
export function transferVerdict(db: DbOrTx, id: string, asOf: string): Verdict {
  const { ctx, transfer } = loadTransferEvaluation(db, id);
  return evaluateTransfer(ctx, transfer, asOf);
}

export function coverageOf(db: DbOrTx, id: string, from: string, to: string) {
  const { ctx, transfer } = loadTransferEvaluation(db, id);
  return transferCoverage(ctx, transfer, from, to);
}

/**
 * Every live transfer's verdict as of `asOf`, by transfer id, evaluated on the whole registry. For tests,
 * the CLI comparison and the store's consistency checks; never for a request.
 */
export function verdictsAsOf(db: DbOrTx, asOf: string): Map<string, Verdict> {
  const document = readRegistryDocument(db);
  const ctx = createEvaluationContext(document, getCompiledKnowledgeBase(db));
  const out = new Map<string, Verdict>();
  for (const t of document.transfers) {
    if (!(t as RegistryTransfer & { archivedAt?: string | null }).archivedAt) out.set(t.id, evaluateTransfer(ctx, t, asOf));
  }
  return out;
}

const RANK_STATUS = new Map<number, Status>(Object.entries(STATUS_RANK).map(([s, r]) => [r, s as Status]));
/** The status of a STATUS_RANK value (null: no verdict). */
export const statusOfRank = (rank: number | null | undefined): Status | null => (rank == null ? null : (RANK_STATUS.get(rank) ?? null));

/** Which knowledge verdicts as of `asOf` rest on, and, for a past date, the note that today's knowledge of the law is applied. */
export function knowledgeUsed(db: DbOrTx, asOf: string): { knowledgeBase: KnowledgeBaseInfo; note: string | null } {
  const info = getCompiledKnowledgeBase(db).info;
  return { knowledgeBase: info, note: describeHindsight(info, asOf, today()) ?? null };
}

export { describeDestination };
