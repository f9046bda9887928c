/** A plain-text table of verdicts for people reading a terminal or a CI log. */
import { BASIS_TYPE_LABELS, ISSUE_LABELS, SEVERITY_LABELS, STATUS_LABELS } from "../domain/labels";
import type { VerdictsDocument } from "../domain/rules/types";

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

/** One row per transfer (transfer, status, regime, basis, issues, in words), then the summary and the knowledge used. */
export function formatVerdictsTable(doc: VerdictsDocument): string {
  const header = ["TRANSFER", "STATUS", "REGIME", "BASIS", "ISSUES"];
  const rows = doc.verdicts.map((v) => [
    v.transfer,
    STATUS_LABELS[v.status],
    v.regime ?? "-",
    v.basis.map((b) => BASIS_TYPE_LABELS[b.type] ?? b.type).join(", ") || "-",
    v.issues.map((i) => (i.severity === "info" ? ISSUE_LABELS[i.code] : `${ISSUE_LABELS[i.code]} (${SEVERITY_LABELS[i.severity].toLowerCase()})`)).join(", ") || "-",
  ]);
  const widths = header.map((h, col) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[col]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join("  ").trimEnd();
  const summary = Object.entries(doc.summary).map(([status, n]) => `${STATUS_LABELS[status as keyof typeof STATUS_LABELS]} ${n}`).join(", ");
  const knowledge = `Knowledge base ${doc.knowledgeBase.version}${doc.knowledgeBase.checkedUpTo ? `, checked up to ${doc.knowledgeBase.checkedUpTo}` : ""}`;
  return [`Transfers as of ${doc.asOf}`, line(header), ...rows.map(line), "", `Summary: ${summary}`, knowledge, ...(doc.note ? [doc.note] : []), ""].join("\n");
}
