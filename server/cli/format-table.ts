/** A plain-text table of verdicts for people reading a terminal or a CI log. */
import type { VerdictsDocument } from "../domain/rules/types";

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

/** One row per transfer (transfer, status, regime, basis, issue codes), then the summary. */
export function formatVerdictsTable(doc: VerdictsDocument): string {
  const header = ["TRANSFER", "STATUS", "REGIME", "BASIS", "ISSUES"];
  const rows = doc.verdicts.map((v) => [
    v.transfer,
    v.status,
    v.regime ?? "-",
    v.basis.map((b) => `${b.type}:${b.ref}`).join(", ") || "-",
    v.issues.map((i) => (i.severity === "info" ? i.code : `${i.code}(${i.severity})`)).join(", ") || "-",
  ]);
  const widths = header.map((h, col) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[col]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join("  ").trimEnd();
  const summary = Object.entries(doc.summary).map(([status, n]) => `${status} ${n}`).join(", ");
  return [`Transfers as of ${doc.asOf}`, line(header), ...rows.map(line), "", `Summary: ${summary}`, ""].join("\n");
}
