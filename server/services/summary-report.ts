/**
 * The PDF summary report for auditors (issue 11, item 4): the live transfers counted by status and by
 * regime, the issues to follow up (most frequent first), the knowledge base the verdicts rest on and the
 * as-of date. Rendered on the server with pdfkit and the Geist fonts shipped in server/assets/fonts
 * (nothing is fetched). Other features add their own sections through {@link additionalSummarySections}.
 */
import path from "node:path";
import PDFDocument from "pdfkit";
import type { Db } from "@/db/client";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import { ISSUE_LABELS, REGIME_LABELS, STATUS_LABELS } from "@/server/domain/labels";
import { STATUSES, type IssueCode, type Status } from "@/server/domain/rules/types";
import { overview } from "./dashboard";
import { flagSummary } from "./flags";
import { dueSummary } from "./requests";

const FONTS = path.join(process.cwd(), "server", "assets", "fonts");
/** How many issue codes the report lists. */
export const TOP_ISSUES = 10;

/** A section of the report: a heading and rows of label and figure. */
export interface SummarySection {
  title: string;
  /** A sentence under the heading (optional). */
  note?: string;
  rows: { label: string; value: string }[];
}

export interface SummaryReport {
  asOf: string;
  generatedAt: string;
  generatedBy: string;
  knowledgeBase: { version: string; checkedUpTo: string | null };
  /** Set for a past date: the verdicts apply today's knowledge of the law to it. */
  note: string | null;
  total: number;
  byStatus: Record<Status, number>;
  byRegime: { regime: string; total: number; byStatus: Record<Status, number> }[];
  topIssues: { code: string; label: string; transfers: number }[];
  sections: SummarySection[];
}

/**
 * The sections other features add: open flags by severity (as of the date, from the verdicts) and the requests
 * for a copy of the safeguards (open, overdue and due within a week, counted against the date). Both are SQL
 * counts, so the report never shows a figure nobody computed.
 */
export function additionalSummarySections(db: Db, asOf: string): SummarySection[] {
  const flags = flagSummary(db, asOf);
  const requests = dueSummary(db, asOf);
  return [
    {
      title: "Open flags",
      note: "Flags open or in remediation on that date: unsafeguarded transfers, warning and error issues, and planned transfers that would be uncovered on their start day.",
      rows: [
        { label: "Errors", value: n(flags.error) },
        { label: "Warnings", value: n(flags.warning) },
      ],
    },
    {
      title: "Requests for a copy of the safeguards",
      note: "Requests received, in progress or extended and not yet answered (due one month after receipt, GDPR Art. 12(3)), counted against that date.",
      rows: [
        { label: "Open", value: n(requests.open) },
        { label: "Overdue", value: n(requests.overdue) },
        { label: "Due within 7 days", value: n(requests.dueSoon) },
      ],
    },
  ];
}

/** The report's figures as of `asOf` (absent: today), from the same counts as the overview. */
export function summaryReportData(db: Db, actor: Actor, asOf?: string, now: Date = new Date()): SummaryReport {
  const o = overview(db, asOf);
  const byRegime = Object.entries(o.byRegime)
    .map(([regime, byStatus]) => ({ regime, byStatus, total: STATUSES.reduce((n, s) => n + byStatus[s], 0) }))
    .sort((a, b) => b.total - a.total || a.regime.localeCompare(b.regime));
  const topIssues = Object.entries(o.byIssue)
    .map(([code, transfers]) => ({ code, label: ISSUE_LABELS[code as IssueCode] ?? code, transfers }))
    .sort((a, b) => b.transfers - a.transfers || a.label.localeCompare(b.label))
    .slice(0, TOP_ISSUES);
  return {
    asOf: o.asOf,
    generatedAt: now.toISOString(),
    generatedBy: actor.email,
    knowledgeBase: { version: o.knowledgeBase.version, checkedUpTo: o.knowledgeBase.checkedUpTo },
    note: o.note,
    total: o.total,
    byStatus: o.byStatus,
    byRegime,
    topIssues,
    sections: additionalSummarySections(db, o.asOf),
  };
}

const regimeLabel = (regime: string) => (regime === "none" ? "No regime (exporter outside the EU, UK and Switzerland)" : (REGIME_LABELS[regime as keyof typeof REGIME_LABELS] ?? regime));
const n = (value: number) => value.toLocaleString("en");

/** The report as a PDF (A4), fonts embedded. */
export function renderSummaryPdf(report: SummaryReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: `Transfer register summary as of ${report.asOf}`, Author: report.generatedBy, Subject: "Summary for auditors", Creator: "Transfer Registry" },
  });
  doc.registerFont("regular", path.join(FONTS, "Geist-Regular.ttf"));
  doc.registerFont("bold", path.join(FONTS, "Geist-Bold.ttf"));
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - 112;
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(0.8).font("bold").fontSize(13).fillColor("#0f172a").text(text, { width }).moveDown(0.3);
  };
  const table = (rows: { label: string; value: string }[]) => {
    doc.font("regular").fontSize(10).fillColor("#1e293b");
    for (const row of rows) {
      if (doc.y > doc.page.height - 80) doc.addPage();
      const y = doc.y;
      doc.text(row.label, 56, y, { width: width - 110 });
      const after = doc.y;
      doc.text(row.value, 56 + width - 100, y, { width: 100, align: "right" });
      doc.y = Math.max(after, doc.y) + 2;
      doc.x = 56;
    }
  };

  doc.font("bold").fontSize(18).fillColor("#0f172a").text("Transfer register: summary for auditors", { width });
  doc.moveDown(0.3).font("regular").fontSize(10).fillColor("#334155");
  doc.text(`As of ${report.asOf}. Knowledge base ${report.knowledgeBase.version}${report.knowledgeBase.checkedUpTo ? `, facts checked up to ${report.knowledgeBase.checkedUpTo}` : ""}.`, { width });
  doc.text(`Generated ${report.generatedAt.slice(0, 16).replace("T", " ")} UTC by ${report.generatedBy}.`, { width });
  if (report.note) doc.moveDown(0.3).text(report.note, { width });

  heading(`Live transfers by status (${n(report.total)} in all)`);
  table(STATUSES.map((s) => ({ label: STATUS_LABELS[s], value: n(report.byStatus[s]) })));

  heading("By regime of the exporter");
  if (report.byRegime.length === 0) table([{ label: "No live transfers", value: "0" }]);
  for (const r of report.byRegime) {
    doc.font("bold").fontSize(10).fillColor("#0f172a").text(`${regimeLabel(r.regime)}: ${n(r.total)}`, { width }).moveDown(0.15);
    table(STATUSES.filter((s) => r.byStatus[s] > 0).map((s) => ({ label: `   ${STATUS_LABELS[s]}`, value: n(r.byStatus[s]) })));
    doc.moveDown(0.2);
  }

  heading("Top issues to follow up");
  table(report.topIssues.length ? report.topIssues.map((i) => ({ label: i.label, value: `${n(i.transfers)} transfer${i.transfers === 1 ? "" : "s"}` })) : [{ label: "No issues", value: "" }]);

  for (const section of report.sections) {
    heading(section.title);
    if (section.note) doc.font("regular").fontSize(10).text(section.note, { width }).moveDown(0.2);
    table(section.rows);
  }

  doc.moveDown(1).font("regular").fontSize(8).fillColor("#64748b");
  doc.text(
    "Statuses and issues are the rules engine's verdicts on the register as recorded (GDPR Chapter V, UK GDPR, Swiss FADP), with the cited knowledge base named above. The full record of transfers (GDPR Art. 30(1)(e), 30(2)(c)) is the transfers export (CSV or XLSX).",
    { width },
  );
  doc.end();
  return done;
}

/** The summary as a PDF file, audited (one row). */
export async function exportSummaryPdf(db: Db, actor: Actor, asOf?: string): Promise<{ fileName: string; body: Buffer }> {
  const report = summaryReportData(db, actor, asOf);
  const body = await renderSummaryPdf(report);
  const fileName = `transfer-register-summary-${report.asOf}.pdf`;
  db.transaction((tx) =>
    recordAudit(tx, actor, { action: "export.summary", entityType: "export", entityId: fileName, before: null, after: { fileName, asOf: report.asOf, total: report.total, knowledgeBase: report.knowledgeBase.version } }),
  );
  return { fileName, body };
}
