/**
 * The overview: every transfer's verdict as of one date (today, or a what-if
 * date), counted by status, regime and issue, with the transfers that need
 * attention first.
 */
import type { DbOrTx } from "@/db/client";
import { STATUSES, STATUS_RANK, type Status } from "@/server/domain/rules";
import { knowledgeUsed, loadEvaluation, verdictsAsOf } from "./verdicts";

export interface AttentionItem {
  id: string;
  exporter: { id: string; name: string };
  recipient: { id: string; name: string };
  destination: string;
  status: Status;
  regime: string | null;
  issues: { code: string; severity: string; message: string }[];
  firstReason: string | null;
}

export function overview(db: DbOrTx, asOf: string) {
  const evaluation = loadEvaluation(db);
  const verdicts = verdictsAsOf(db, asOf, evaluation);
  const names = new Map(evaluation.document.parties.map((p) => [p.id, p.name]));
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const byRegime: Record<string, Record<Status, number>> = {};
  const byIssue: Record<string, number> = {};
  const attention: AttentionItem[] = [];

  for (const t of evaluation.document.transfers) {
    const v = verdicts.get(t.id);
    if (!v) continue;
    byStatus[v.status] += 1;
    const regime = v.regime ?? "none";
    byRegime[regime] ??= Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    byRegime[regime][v.status] += 1;
    for (const issue of v.issues) byIssue[issue.code] = (byIssue[issue.code] ?? 0) + 1;
    const needsAttention = v.status === "unsafeguarded" || v.status === "derogation" || v.issues.some((i) => i.severity !== "info");
    if (needsAttention) {
      attention.push({
        id: t.id,
        exporter: { id: t.exporter, name: names.get(t.exporter) ?? t.exporter },
        recipient: { id: t.recipient, name: names.get(t.recipient) ?? t.recipient },
        destination: t.destination,
        status: v.status,
        regime: v.regime,
        issues: v.issues,
        // The most telling sentence: the worst issue's message, else the first reason.
        firstReason: (v.issues.find((i) => i.severity === "error") ?? v.issues.find((i) => i.severity === "warning"))?.message ?? v.reasons[0] ?? null,
      });
    }
  }
  attention.sort((a, b) => STATUS_RANK[b.status] - STATUS_RANK[a.status] || b.issues.length - a.issues.length || a.id.localeCompare(b.id));
  return { asOf, ...knowledgeUsed(evaluation, asOf), total: verdicts.size, byStatus, byRegime, byIssue, attention };
}
