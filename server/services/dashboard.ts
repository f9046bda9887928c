/**
 * The overview: the live transfers' verdicts as of one date (today from the verdict store, or a what-if date),
 * counted by status, regime and issue in SQL, with the first transfers that need attention (never all of them:
 * the transfers list pages through the rest).
 */
import { prepared, type Db } from "@/db/client";
import { STATUSES, type Status, type Verdict } from "@/server/domain/rules";
import { cachedRead, knowledgeUsed, today, verdictSource } from "./verdicts";

/** How many attention rows the overview returns; the full list is the filtered transfers list. */
export const ATTENTION_SHOWN = 12;

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

const zeroCounts = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

export function overview(db: Db, asOf?: string) {
  const todays = asOf === undefined || asOf === today();
  return cachedRead(db, "dashboard.overview", { asOf }, () => queryOverview(db, asOf), todays ? ["verdict", "party", "transfer", "kb"] : undefined);
}

function queryOverview(db: Db, asOf?: string) {
  const source = verdictSource(db, asOf);
  const byStatus = zeroCounts();
  const byRegime: Record<string, Record<Status, number>> = {};
  let total = 0;
  for (const row of prepared(db, `SELECT regime, status, count(*) AS n FROM ${source.verdicts} GROUP BY regime, status`).all() as { regime: string; status: Status; n: number }[]) {
    byStatus[row.status] += row.n;
    (byRegime[row.regime] ??= zeroCounts())[row.status] += row.n;
    total += row.n;
  }
  const byIssue: Record<string, number> = {};
  for (const row of prepared(db, `SELECT code, count(*) AS n FROM ${source.issues} GROUP BY code`).all() as { code: string; n: number }[]) byIssue[row.code] = row.n;

  const attentionTotal = (prepared(db, `SELECT count(*) AS n FROM ${source.verdicts} WHERE attention = 1`).get() as { n: number }).n;
  const rows = prepared(
    db,
    `SELECT v.transfer_id AS id, v.status, v.regime, v.issues, v.first_reason AS firstReason, t.destination, e.id AS exporterId, e.name AS exporterName, r.id AS recipientId, r.name AS recipientName
       FROM ${source.verdicts} v JOIN transfer t ON t.id = v.transfer_id JOIN party e ON e.id = t.exporter_id JOIN party r ON r.id = t.recipient_id
      WHERE v.attention = 1
      ORDER BY v.status_rank DESC, v.issue_count DESC, v.transfer_id
      LIMIT ?`,
  ).all(ATTENTION_SHOWN) as { id: string; status: Status; regime: string; issues: string; firstReason: string | null; destination: string; exporterId: string; exporterName: string; recipientId: string; recipientName: string }[];
  const attention: AttentionItem[] = rows.map((r) => {
    return {
      id: r.id,
      exporter: { id: r.exporterId, name: r.exporterName },
      recipient: { id: r.recipientId, name: r.recipientName },
      destination: r.destination,
      status: r.status,
      regime: r.regime === "none" ? null : r.regime,
      issues: JSON.parse(r.issues) as Verdict["issues"],
      firstReason: r.firstReason,
    };
  });
  return { asOf: source.asOf, ...knowledgeUsed(db, source.asOf), total, byStatus, byRegime, byIssue, attention, attentionTotal };
}
