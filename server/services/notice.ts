/**
 * The privacy notice from the registry (issue 13): the registry facts a notice speaks of, read as aggregates
 * with SQL (GROUP BY, never the whole registry); the generated sections in Markdown and HTML; the check of a
 * published notice (text, HTML or PDF); and the history of what the DPO stored, with its audit rows.
 * The wording, the claim rules and the comparison are pure (server/domain/notice/).
 */
import crypto from "node:crypto";
import { desc, count, eq } from "drizzle-orm";
import { convert as htmlToText } from "html-to-text";
import { marked } from "marked";
import { prepared, type Db, type DbOrTx } from "@/db/client";
import { noticeRecords } from "@/db/schema";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import { FRAMEWORK_LABELS } from "@/server/domain/labels";
import {
  ccpaMarks,
  ccpaRecipientCategory,
  ccpaSection,
  checkNoticeText,
  CLAIM_RULES_VERSION,
  recipientsSection,
  RECIPIENT_CATEGORY_IDS,
  transfersSection,
  twelveMonthsBefore,
  type CcpaFact,
  type MechanismFact,
  type MechanismId,
  type NoticeCheck,
  type RecipientCategoryId,
  type RecipientFact,
  type RegistryFacts,
  type TransferRegime,
  type UnsafeguardedFact,
} from "@/server/domain/notice";
import { AppError, notFound } from "@/server/errors";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import type { DataKind } from "./revisions";
import { cachedRead, today, verdictSource } from "./verdicts";
import { writeTransaction } from "./verdict-store";

const frameworkLabel = (id: string) => FRAMEWORK_LABELS[id as keyof typeof FRAMEWORK_LABELS] ?? id;

interface MechanismRow {
  regime: TransferRegime;
  type: string;
  kbDetail: string | null;
  sgType: string | null;
  sccVersion: string | null;
  ukAddendum: number | null;
  swiss: number | null;
  derogation: string | null;
  bcrVariant: string | null;
  destination: string;
  transfers: number;
  sample: string;
}

function mechanismOf(row: MechanismRow): { mechanism: MechanismId; detail: string } | null {
  switch (row.type) {
    case "adequacy":
      return { mechanism: "adequacy", detail: row.kbDetail ?? "" };
    case "certification":
      if (row.sgType === "certification") return { mechanism: "certification", detail: "" };
      if (row.kbDetail?.startsWith("dpf")) return { mechanism: "dpf", detail: row.kbDetail };
      if (row.kbDetail?.startsWith("privacy_shield")) return { mechanism: "privacy_shield", detail: row.kbDetail };
      if (row.kbDetail?.startsWith("safe_harbor")) return { mechanism: "safe_harbor", detail: row.kbDetail };
      return { mechanism: "certification", detail: row.kbDetail ?? "" };
    case "scc":
      if (row.regime === "UK" && row.ukAddendum) return { mechanism: "uk_addendum", detail: row.sccVersion ?? "" };
      if (row.regime === "CH" && row.swiss) return { mechanism: "swiss_scc", detail: row.sccVersion ?? "" };
      return { mechanism: "eu_scc", detail: row.sccVersion ?? "" };
    case "uk_idta":
      return { mechanism: "uk_idta", detail: "" };
    case "bcr":
      return { mechanism: "bcr", detail: row.bcrVariant ? `${row.bcrVariant}` : "" };
    case "code_of_conduct":
      return { mechanism: "code_of_conduct", detail: "" };
    case "ad_hoc_clauses":
      return { mechanism: "ad_hoc_clauses", detail: "" };
    case "derogation":
      return { mechanism: "derogation", detail: row.derogation ?? "" };
    default:
      return null;
  }
}

/**
 * What the registry holds on `asOf`, as aggregates: the mechanisms restricted transfers rest on (from the
 * verdicts of that date) per destination, the restricted transfers without one, the recipient categories with a
 * live transfer, and the CCPA disclosures of the 12 months up to that date.
 */
/** What today's facts read (server/services/revisions.ts); another date reads the what-if tables (data revision). */
const NOTICE_FACTS_READS: readonly DataKind[] = ["verdict", "safeguard", "party", "transfer", "catalog", "kb"];

export function noticeFacts(db: Db, asOf: string = today()): RegistryFacts {
  // Aggregates over every live transfer (about 0.1 s at 100,000 from the store's indexes, 0.4 s for another
  // date): computed once per (data revision, day, date).
  return cachedRead(db, "notice.facts", { asOf }, () => queryNoticeFacts(db, asOf), asOf === today() ? NOTICE_FACTS_READS : undefined);
}

function queryNoticeFacts(db: Db, asOf: string): RegistryFacts {
  const source = verdictSource(db, asOf);
  const mechanismRows = prepared(
    db,
    // First the live restricted transfers grouped by (regime, basis, destination): verdicts with the same outcome
    // share one basis text, so the JSON is expanded once per group, not once per transfer.
    // Today the store's rows carry the destination and an interned basis id: the groups come from one index
    // (transfer_verdict_basis_idx) without joining the transfers. (The store holds live transfers only.)
    `WITH g AS (${
      source.store
        ? `SELECT g0.regime AS regime, b.basis AS basis, g0.destination AS destination, g0.n AS n, g0.sample AS sample
             FROM (SELECT regime, basis_id, destination, COUNT(*) AS n, MIN(transfer_id) AS sample
                     FROM transfer_verdict
                    WHERE regime IN ('EU', 'UK', 'CH') AND status IN ('adequate', 'safeguarded', 'derogation')
                    GROUP BY 1, 2, 3) g0
             JOIN verdict_basis b ON b.id = g0.basis_id`
        : `SELECT v.regime AS regime, v.basis AS basis, t.destination AS destination, COUNT(*) AS n, MIN(t.id) AS sample
             FROM ${source.verdicts} v JOIN transfer t ON t.id = v.transfer_id
            WHERE v.regime IN ('EU', 'UK', 'CH') AND v.status IN ('adequate', 'safeguarded', 'derogation') AND t.archived_at IS NULL
            GROUP BY 1, 2, 3`
    })
     SELECT g.regime AS regime, json_extract(b.value, '$.type') AS type,
            CASE json_extract(b.value, '$.type') WHEN 'adequacy' THEN json_extract(b.value, '$.citation')
                 WHEN 'certification' THEN json_extract(b.value, '$.ref') END AS kbDetail,
            s.type AS sgType, s.scc_version AS sccVersion, s.uk_addendum AS ukAddendum, s.swiss_adaptations AS swiss,
            s.derogation_basis AS derogation, s.bcr_variant AS bcrVariant, g.destination AS destination,
            SUM(g.n) AS transfers, MIN(g.sample) AS sample
       FROM g
       JOIN json_each(g.basis) b
       LEFT JOIN safeguard s ON s.id = json_extract(b.value, '$.ref')
            AND json_extract(b.value, '$.type') IN ('scc', 'uk_idta', 'bcr', 'code_of_conduct', 'certification', 'ad_hoc_clauses', 'derogation')
      WHERE json_extract(b.value, '$.type') NOT IN ('area', 'bridge', 'law', 'scope')
        -- A US framework certification rests on an adequacy decision (the DPF's): list it under the framework only.
        AND NOT (json_extract(b.value, '$.type') = 'adequacy'
                 AND EXISTS (SELECT 1 FROM json_each(g.basis) c WHERE json_extract(c.value, '$.type') = 'certification'))
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
  ).all() as MechanismRow[];
  const merged = new Map<string, MechanismFact>();
  for (const row of mechanismRows) {
    const m = mechanismOf(row);
    if (!m) continue;
    const key = `${row.regime}|${m.mechanism}|${m.detail}|${row.destination}`;
    const prev = merged.get(key);
    if (prev) {
      prev.transfers += row.transfers;
      if (row.sample < prev.sampleTransferId) prev.sampleTransferId = row.sample;
    } else {
      merged.set(key, { regime: row.regime, mechanism: m.mechanism, detail: m.detail, destination: row.destination, transfers: row.transfers, sampleTransferId: row.sample });
    }
  }
  const unsafeguarded = (
    prepared(
      db,
      source.store
        ? `SELECT regime, destination, COUNT(*) AS transfers, MIN(transfer_id) AS sampleTransferId
             FROM transfer_verdict WHERE status = 'unsafeguarded' AND regime IN ('EU', 'UK', 'CH')
            GROUP BY 1, 2 ORDER BY 1, 2`
        : `SELECT v.regime AS regime, t.destination AS destination, COUNT(*) AS transfers, MIN(t.id) AS sampleTransferId
             FROM ${source.verdicts} v JOIN transfer t ON t.id = v.transfer_id
            WHERE v.status = 'unsafeguarded' AND v.regime IN ('EU', 'UK', 'CH') AND t.archived_at IS NULL
            GROUP BY 1, 2 ORDER BY 1, 2`,
    ).all() as UnsafeguardedFact[]
  ).map((r) => ({ ...r }));

  const recipientRows = prepared(
    db,
    // Each party once, if it receives a live transfer on that date (answered from transfer_recipient_idx).
    `SELECT p.relationship AS relationship, p.service_category AS serviceCategory, p.adviser_type AS adviserType,
            COUNT(*) AS parties, MIN(p.id) AS sample
       FROM party p
      WHERE EXISTS (SELECT 1 FROM transfer t WHERE t.recipient_id = p.id AND t.archived_at IS NULL AND t.start <= ? AND (t."end" IS NULL OR t."end" >= ?))
      GROUP BY 1, 2, 3`,
  ).all(asOf, asOf) as { relationship: string; serviceCategory: string | null; adviserType: string | null; parties: number; sample: string }[];
  const recipients = new Map<RecipientCategoryId, RecipientFact>();
  for (const row of recipientRows) {
    let category: RecipientCategoryId;
    if (row.relationship === "service_provider") category = ccpaRecipientCategory(row.relationship, row.serviceCategory);
    else if (row.relationship === "professional_adviser" && row.adviserType && (RECIPIENT_CATEGORY_IDS as readonly string[]).includes(`professional_adviser:${row.adviserType}`)) {
      category = `professional_adviser:${row.adviserType}` as RecipientCategoryId;
    } else category = ccpaRecipientCategory(row.relationship, null);
    const prev = recipients.get(category);
    if (prev) {
      prev.parties += row.parties;
      if (row.sample < prev.samplePartyId) prev.samplePartyId = row.sample;
    } else recipients.set(category, { category, parties: row.parties, samplePartyId: row.sample });
  }

  const ccpaFrom = twelveMonthsBefore(asOf);
  const ccpaRows = prepared(
    db,
    `SELECT p.relationship AS relationship, p.service_category AS serviceCategory, p.ccpa_sale AS sale, p.ccpa_share AS share,
            c.category_id AS dataCategory, COUNT(DISTINCT p.id) AS parties, MIN(p.id) AS sample
       FROM transfer t JOIN party p ON p.id = t.recipient_id JOIN transfer_data_category c ON c.transfer_id = t.id
      WHERE t.archived_at IS NULL AND t.start <= ? AND (t."end" IS NULL OR t."end" >= ?)
      GROUP BY 1, 2, 3, 4, 5`,
  ).all(asOf, ccpaFrom) as { relationship: string; serviceCategory: string | null; sale: number; share: number; dataCategory: string; parties: number; sample: string }[];
  const ccpa: CcpaFact[] = ccpaRows.map((r) => ({
    recipientCategory: ccpaRecipientCategory(r.relationship, r.serviceCategory),
    dataCategory: r.dataCategory,
    marks: ccpaMarks(r.sale === 1, r.share === 1),
    parties: r.parties,
    samplePartyId: r.sample,
  }));

  return { asOf, ccpaFrom, mechanisms: [...merged.values()], unsafeguarded, recipients: [...recipients.values()], ccpa };
}

export interface GeneratedNoticeSection {
  key: "transfers" | "recipients" | "ccpa";
  title: string;
  markdown: string;
  html: string;
}

export interface GeneratedNotice {
  asOf: string;
  kbVersion: string;
  sections: GeneratedNoticeSection[];
  /** For the DPO, not for the notice: what the registry shows that a notice cannot fix. */
  notes: string[];
}

const toHtml = (markdown: string) => marked.parse(markdown, { async: false, gfm: true });

/** The notice sections for `asOf`, in Markdown and HTML. */
export function generateNotice(db: Db, asOf: string = today()): GeneratedNotice {
  const facts = noticeFacts(db, asOf);
  const ccpa = ccpaSection(facts);
  const sections = [transfersSection(facts, frameworkLabel), recipientsSection(facts), ccpa].map((s) => ({ key: s.key, title: s.title, markdown: s.markdown, html: toHtml(s.markdown) }));
  const notes: string[] = [];
  const unsafe = facts.unsafeguarded.reduce((n, u) => n + u.transfers, 0);
  if (unsafe > 0) notes.push(`${unsafe} restricted transfer(s) have no valid mechanism as of ${asOf}; they are not listed in the transfers section.`);
  if (ccpa.unmapped.length > 0) notes.push(`Data categories without a CCPA category, left out of the table: ${ccpa.unmapped.join(", ")}.`);
  return { asOf, kbVersion: getCompiledKnowledgeBase(db).info.version, sections, notes };
}

export const NOTICE_TEXT_MAX = 1_000_000;

export type NoticeSource = { kind: "text"; text: string } | { kind: "html"; html: string } | { kind: "pdf"; base64: string };

async function pdfText(base64: string): Promise<string> {
  const data = new Uint8Array(Buffer.from(base64, "base64"));
  if (data.length < 5 || Buffer.from(data.subarray(0, 5)).toString("latin1") !== "%PDF-") throw new AppError("BAD_REQUEST", "This file is not a PDF.", { file: "Choose a PDF, HTML or text file." });
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  try {
    const doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let i = 1; i <= Math.min(doc.numPages, 200); i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
      }
      pages.push(text);
    }
    await doc.destroy();
    return pages.join("\n\n");
  } catch (e) {
    throw new AppError("BAD_REQUEST", `The PDF could not be read: ${e instanceof Error ? e.message : String(e)}`, { file: "The PDF could not be read." });
  }
}

/** The notice's plain text from pasted text, HTML or a PDF. */
export async function noticeText(source: NoticeSource): Promise<string> {
  let text: string;
  if (source.kind === "text") text = source.text;
  else if (source.kind === "html") {
    text = htmlToText(source.html, {
      wordwrap: false,
      selectors: [
        { selector: "a", options: { ignoreHref: true } },
        { selector: "img", format: "skip" },
        ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
        { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
      ],
    });
  } else text = await pdfText(source.base64);
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "The notice has no text to check.", { text: "Paste the notice or choose a file that contains text." });
  if (text.length > NOTICE_TEXT_MAX) throw new AppError("BAD_REQUEST", `The notice is longer than ${NOTICE_TEXT_MAX.toLocaleString("en")} characters.`, { text: "The notice is too long." });
  return text;
}

export interface NoticeCheckResult extends NoticeCheck {
  kbVersion: string;
  textLength: number;
  textSha256: string;
}

const sha256 = (s: string) => crypto.createHash("sha256").update(s, "utf8").digest("hex");

/** Checks a notice's text against the registry as of `asOf`. */
export function checkNoticeAgainstRegistry(db: Db, text: string, asOf: string = today()): NoticeCheckResult {
  const check = checkNoticeText(text, noticeFacts(db, asOf));
  return { ...check, kbVersion: getCompiledKnowledgeBase(db).info.version, textLength: text.length, textSha256: sha256(text) };
}

export async function checkNotice(db: Db, input: { source: NoticeSource; asOf?: string }): Promise<NoticeCheckResult> {
  return checkNoticeAgainstRegistry(db, await noticeText(input.source), input.asOf ?? today());
}

// --- History ----------------------------------------------------------------------------------------------

export type NoticeRecordRow = typeof noticeRecords.$inferSelect;
export type NoticeRecordSummary = Omit<NoticeRecordRow, "content">;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function storeRecord(db: Db, actor: Actor, record: Omit<NoticeRecordRow, "id" | "sha256" | "createdAt" | "createdBy" | "createdById">, action: "notice.save_generated" | "notice.save_check"): NoticeRecordSummary {
  return writeTransaction(db, (tx) => {
    const row: NoticeRecordRow = {
      ...record,
      id: crypto.randomUUID(),
      sha256: sha256(record.content),
      createdAt: new Date().toISOString(),
      createdBy: actor.email,
      createdById: actor.kind === "user" ? actor.id : null,
    };
    tx.insert(noticeRecords).values(row).run();
    const { content: _content, ...summary } = row;
    void _content;
    recordAudit(tx, actor, { action, entityType: "notice", entityId: row.id, before: null, after: summary });
    return summary;
  });
}

/** Generates the sections for `asOf` and stores them in the history. */
export function saveGeneratedNotice(db: Db, actor: Actor, input: { asOf?: string }): NoticeRecordSummary {
  const generated = generateNotice(db, input.asOf ?? today());
  return storeRecord(
    db,
    actor,
    {
      kind: "generated",
      asOf: generated.asOf,
      kbVersion: generated.kbVersion,
      rulesVersion: CLAIM_RULES_VERSION,
      sourceName: null,
      summary: `${plural(generated.sections.length, "section", "sections")}${generated.notes.length ? `, ${plural(generated.notes.length, "note", "notes")}` : ""}`,
      content: JSON.stringify({ sections: generated.sections, notes: generated.notes }),
    },
    "notice.save_generated",
  );
}

export function checkSummary(counts: NoticeCheck["counts"]): string {
  return [plural(counts.error, "error", "errors"), plural(counts.warning, "warning", "warnings"), plural(counts.info, "note", "notes"), plural(counts.ok, "match", "matches")].join(", ");
}

/** Checks a notice and stores the text, the findings and their versions in the history. */
export async function saveNoticeCheck(db: Db, actor: Actor, input: { source: NoticeSource; asOf?: string; sourceName?: string }): Promise<NoticeRecordSummary> {
  const text = await noticeText(input.source);
  const check = checkNoticeAgainstRegistry(db, text, input.asOf ?? today());
  return storeRecord(
    db,
    actor,
    {
      kind: "check",
      asOf: check.asOf,
      kbVersion: check.kbVersion,
      rulesVersion: check.rulesVersion,
      sourceName: input.sourceName?.trim() || "Pasted text",
      summary: checkSummary(check.counts),
      content: JSON.stringify({ text, textSha256: check.textSha256, findings: check.findings, counts: check.counts }),
    },
    "notice.save_check",
  );
}

/** The stored records, newest first, one page at a time. */
export function listNoticeRecords(db: DbOrTx, input: { page: number; pageSize: number }): { rows: NoticeRecordSummary[]; total: number; page: number; pageSize: number } {
  const { content: _content, ...columns } = noticeRecords;
  void _content;
  const rows = db
    .select({
      id: columns.id,
      kind: columns.kind,
      asOf: columns.asOf,
      kbVersion: columns.kbVersion,
      rulesVersion: columns.rulesVersion,
      sha256: columns.sha256,
      sourceName: columns.sourceName,
      summary: columns.summary,
      createdById: columns.createdById,
      createdBy: columns.createdBy,
      createdAt: columns.createdAt,
    })
    .from(noticeRecords)
    .orderBy(desc(noticeRecords.createdAt), desc(noticeRecords.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(noticeRecords).get()?.n ?? 0;
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

/** One stored record with its content. */
export function getNoticeRecord(db: DbOrTx, id: string): NoticeRecordRow {
  const row = db.select().from(noticeRecords).where(eq(noticeRecords.id, id)).get();
  if (!row) throw notFound("Notice record", id);
  return row;
}
