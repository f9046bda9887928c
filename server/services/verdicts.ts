/**
 * Live verdicts: every transfer evaluated by the pure rules engine
 * (server/domain/rules) against the knowledge base in the database, as of a
 * date. Nothing is cached but the compiled knowledge base, so a verdict always
 * reflects the latest edit of a transfer, safeguard, certification or entry.
 */
import type { DbOrTx } from "@/db/client";
import type { RegistryDocument, RegistryTransfer } from "@/server/domain/registry";
import {
  createEvaluationContext,
  describeDestination,
  describeHindsight,
  type KnowledgeBaseInfo,
  evaluateTransfer,
  transferCoverage,
  worstStatus,
  type EvaluationContext,
  type Verdict,
  type Status as VerdictStatus,
} from "@/server/domain/rules";
import { notFound } from "@/server/errors";
import { getCompiledKnowledgeBase } from "./knowledge-base";
import { readRegistryDocument } from "./registry-document";

/** Today's date (UTC) as YYYY-MM-DD: the clock lives here, never in server/domain. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface Evaluation {
  document: RegistryDocument;
  ctx: EvaluationContext;
}

export function loadEvaluation(db: DbOrTx): Evaluation {
  const document = readRegistryDocument(db);
  const ctx = createEvaluationContext(document, getCompiledKnowledgeBase(db));
  return { document, ctx };
}

const isArchived = (t: RegistryTransfer) => Boolean((t as RegistryTransfer & { archivedAt?: string }).archivedAt);

/** Verdicts of every transfer that is not archived, by transfer id. */
export function verdictsAsOf(db: DbOrTx, asOf: string, evaluation = loadEvaluation(db)): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  for (const t of evaluation.document.transfers) {
    if (!isArchived(t)) out.set(t.id, evaluateTransfer(evaluation.ctx, t, asOf));
  }
  return out;
}

export function transferVerdict(db: DbOrTx, id: string, asOf: string): Verdict {
  const evaluation = loadEvaluation(db);
  const transfer = evaluation.document.transfers.find((t) => t.id === id);
  if (!transfer) throw notFound("Transfer", id);
  return evaluateTransfer(evaluation.ctx, transfer, asOf);
}

export function coverageOf(db: DbOrTx, id: string, from: string, to: string) {
  const evaluation = loadEvaluation(db);
  const transfer = evaluation.document.transfers.find((t) => t.id === id);
  if (!transfer) throw notFound("Transfer", id);
  return transferCoverage(evaluation.ctx, transfer, from, to);
}

/** Each party's worst status over the transfers it exports or receives (none: no entry). */
export function worstStatusByParty(db: DbOrTx, asOf: string, evaluation = loadEvaluation(db)): Map<string, VerdictStatus> {
  const statuses = new Map<string, VerdictStatus[]>();
  const verdicts = verdictsAsOf(db, asOf, evaluation);
  for (const t of evaluation.document.transfers) {
    const v = verdicts.get(t.id);
    if (!v) continue;
    for (const partyId of [t.exporter, t.recipient]) {
      const list = statuses.get(partyId) ?? [];
      list.push(v.status);
      statuses.set(partyId, list);
    }
  }
  const out = new Map<string, VerdictStatus>();
  for (const [id, list] of statuses) {
    const worst = worstStatus(list);
    if (worst) out.set(id, worst);
  }
  return out;
}

/** Which knowledge verdicts as of `asOf` rest on, and, for a past date, the note that today's knowledge of the law is applied. */
export function knowledgeUsed(evaluation: Evaluation, asOf: string): { knowledgeBase: KnowledgeBaseInfo; note: string | null } {
  const info = evaluation.ctx.ckb.info;
  return { knowledgeBase: info, note: describeHindsight(info, asOf, today()) ?? null };
}

export { describeDestination };
