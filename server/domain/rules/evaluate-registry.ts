/** Evaluates a whole registry document into `transfer-registry/verdicts-v1`. */
import type { RegistryDocument } from "../registry/types";
import { VERDICTS_FORMAT } from "../registry/types";
import type { CompiledKnowledgeBase } from "./compile-kb";
import { createEvaluationContext } from "./context";
import { evaluateTransfer } from "./evaluate-transfer";
import type { StatusSummary, Verdict, VerdictsDocument } from "./types";

/** Zero counts for all six statuses, in the order of registry-v1.md. */
export function createEmptySummary(): StatusSummary {
  return { unsafeguarded: 0, derogation: 0, safeguarded: 0, adequate: 0, not_restricted: 0, inactive: 0 };
}

/** Evaluates every transfer of `doc` as of `asOf`; verdicts keep document order. */
export function evaluateRegistry(doc: RegistryDocument, ckb: CompiledKnowledgeBase, asOf: string): VerdictsDocument {
  const ctx = createEvaluationContext(doc, ckb);
  const summary = createEmptySummary();
  const transfers = doc.transfers;
  const verdicts: Verdict[] = new Array<Verdict>(transfers.length);
  for (let i = 0; i < transfers.length; i++) {
    const verdict = evaluateTransfer(ctx, transfers[i]!, asOf);
    summary[verdict.status]++;
    verdicts[i] = verdict;
  }
  return { format: VERDICTS_FORMAT, asOf, summary, verdicts };
}
