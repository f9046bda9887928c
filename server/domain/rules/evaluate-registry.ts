/** Evaluates a whole registry document into `transfer-registry/verdicts-v1`. */
import type { RegistryDocument, RegistryIndex } from "../registry/types";
import { VERDICTS_FORMAT } from "../registry/types";
import type { CompiledKnowledgeBase } from "./compile-kb";
import { createEvaluationContext } from "./context";
import { evaluateTransfer } from "./evaluate-transfer";
import type { KnowledgeBaseInfo, StatusSummary, Verdict, VerdictsDocument } from "./types";

/** Zero counts for all six statuses, in the order of FORMAT.md. */
export function createEmptySummary(): StatusSummary {
  return { unsafeguarded: 0, derogation: 0, safeguarded: 0, adequate: 0, not_restricted: 0, inactive: 0 };
}

/**
 * What a verdict for a past date must say: it applies today's knowledge of the law to that date (for example,
 * the June 2025 extension of the UK decision is known when evaluating 2025-05-01). `today` is the caller's
 * clock (the domain has none); without it, a date before the knowledge base's "checked up to" day counts as
 * past. Returns `undefined` for today and later dates. Source: regulatory-facts-2.md, "Hindsight".
 */
export function describeHindsight(info: KnowledgeBaseInfo, asOf: string, today?: string): string | undefined {
  const reference = today ?? info.checkedUpTo;
  if (reference === null || reference === undefined || asOf >= reference) return undefined;
  const checked = info.checkedUpTo === null ? "" : `, checked up to ${info.checkedUpTo}`;
  return `These verdicts are for a past date, ${asOf}: they apply today's knowledge of the law (knowledge base ${info.version}${checked}) to that date, including facts that were not known on it.`;
}

/**
 * Evaluates every transfer of `doc` as of `asOf`; verdicts keep document order. `today` only shapes the hindsight
 * note; `index` is the validator's id maps for `doc`, when at hand.
 */
export function evaluateRegistry(doc: RegistryDocument, ckb: CompiledKnowledgeBase, asOf: string, today?: string, index?: RegistryIndex): VerdictsDocument {
  const ctx = createEvaluationContext(doc, ckb, index);
  const summary = createEmptySummary();
  const transfers = doc.transfers;
  const verdicts: Verdict[] = new Array<Verdict>(transfers.length);
  // The validator's lookups of each transfer's parties, when at hand and made for this very list.
  const exporters = index?.exporters?.length === transfers.length ? index.exporters : undefined;
  const recipients = index?.recipients?.length === transfers.length ? index.recipients : undefined;
  for (let i = 0; i < transfers.length; i++) {
    const transfer = transfers[i]!;
    const verdict =
      exporters !== undefined && recipients !== undefined
        ? evaluateTransfer(ctx, transfer, asOf, exporters[i], recipients[i])
        : evaluateTransfer(ctx, transfer, asOf);
    summary[verdict.status]++;
    verdicts[i] = verdict;
  }
  const note = describeHindsight(ckb.info, asOf, today);
  return { format: VERDICTS_FORMAT, asOf, knowledgeBase: { version: ckb.info.version, checkedUpTo: ckb.info.checkedUpTo }, ...(note ? { note } : {}), summary, verdicts };
}
