/**
 * Generates the copy of the safeguards for a request (GDPR Art. 13(1)(f), 14(1)(f), 15(2)): the transfers the
 * request concerns (its entities, data categories and purposes), live on the as-of date, read in pages of 100 by
 * SQL (never the whole registry), each evaluated as of that date from a narrow read; their mechanisms with the
 * knowledge base's citations and links; the safeguards' parts as applied with the DPO's redactions.
 *
 * Both formats (PDF and printable HTML) are stored under the data folder named by their SHA-256 with a row saying
 * who generated them and when, and are served from there as stored.
 */
import crypto from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { prepared } from "@/db/client";
import { requestCopies, safeguardCopyParts, safeguardRequests, safeguards } from "@/db/schema";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import { countryName } from "@/server/countries";
import { BASIS_TYPE_LABELS, DEROGATION_LABELS, REGIME_LABELS, SCC_VERSION_LABELS, STATUS_LABELS } from "@/server/domain/labels";
import { buildCopyBlocks, renderCopyHtml, type CopyBlock, type CopyInput, type CopySafeguardInput, type CopyTransferInput } from "@/server/domain/requests/copy";
import { evaluateTransfer, type Verdict } from "@/server/domain/rules";
import { AppError, notFound } from "@/server/errors";
import { ADVISER_TYPE_LABELS, RELATIONSHIP_LABELS, SERVICE_CATEGORY_LABELS, type AdviserType, type Relationship, type ServiceCategory } from "@/server/domain/choices/party-labels";
import { COPY_PART_LABELS, type CopyPart } from "@/server/domain/choices/request-labels";
import { SAFEGUARD_TYPE_LABELS, type SafeguardType } from "@/server/domain/choices/safeguard-labels";
import { DATA_SUBJECT_LABELS, type DataSubject } from "@/server/domain/choices/transfer-labels";
import { readStoredBytes, storeBytes } from "./file-store";
import { renderCopyPdf } from "./request-copy-pdf";
import type { CopyRow } from "./requests";
import { writeTransaction } from "./verdict-store";
import { knowledgeUsed, loadSliceEvaluation, today as todayUtc } from "./verdicts";

/** A copy covers at most this many transfers; a broader request is narrowed first (entities, categories). */
export const MAX_COPY_TRANSFERS = 500;
const PAGE = 100;
/** Statuses of transfers that are restricted transfers on the date: the ones a copy of the safeguards is about. */
const RESTRICTED = new Set<Verdict["status"]>(["adequate", "safeguarded", "derogation", "unsafeguarded"]);

const parseIds = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
};

const WHERE = `t.archived_at IS NULL AND t.start <= ? AND (t."end" IS NULL OR t."end" >= ?)
  AND (? = 0 OR t.exporter_id IN (SELECT value FROM json_each(?)) OR t.recipient_id IN (SELECT value FROM json_each(?)))
  AND (? = 0 OR EXISTS (SELECT 1 FROM transfer_data_category c WHERE c.transfer_id = t.id AND c.category_id IN (SELECT value FROM json_each(?))))
  AND (? = 0 OR EXISTS (SELECT 1 FROM transfer_purpose p WHERE p.transfer_id = t.id AND p.purpose_id IN (SELECT value FROM json_each(?))))`;

function whereParams(asOf: string, partyIds: string[], categoryIds: string[], purposeIds: string[]): unknown[] {
  const p = JSON.stringify(partyIds);
  const c = JSON.stringify(categoryIds);
  const u = JSON.stringify(purposeIds);
  return [asOf, asOf, partyIds.length, p, p, categoryIds.length, c, purposeIds.length, u];
}

function recipientCategory(p: { relationship: string; service_category: string | null; adviser_type: string | null }): string {
  const base = RELATIONSHIP_LABELS[p.relationship as Relationship] ?? p.relationship;
  if (p.service_category) return `${base} (${SERVICE_CATEGORY_LABELS[p.service_category as ServiceCategory] ?? p.service_category})`;
  if (p.adviser_type) return `${base} (${ADVISER_TYPE_LABELS[p.adviser_type as AdviserType] ?? p.adviser_type})`;
  return base;
}

const SAFEGUARD_BASIS = new Set(["scc", "uk_idta", "bcr", "code_of_conduct", "certification", "ad_hoc_clauses", "derogation"]);

/** Reads what the copy for `requestId` as of `asOf` says, page by page. Throws when the request is too broad. */
export function readCopyInput(db: DbOrTx, requestId: string, asOf: string): CopyInput {
  const r = db.select().from(safeguardRequests).where(eq(safeguardRequests.id, requestId)).get();
  if (!r) throw notFound("Request", requestId);
  const params = whereParams(asOf, parseIds(r.partyIds), parseIds(r.categoryIds), parseIds(r.purposeIds));
  const total = (prepared(db, `SELECT count(*) AS n FROM transfer t WHERE ${WHERE}`).get(...params) as { n: number }).n;
  if (total > MAX_COPY_TRANSFERS) {
    throw new AppError(
      "BAD_REQUEST",
      `This request concerns ${total.toLocaleString("en")} transfers on ${asOf}; a copy covers at most ${MAX_COPY_TRANSFERS}. Narrow the entities, data categories or purposes it concerns.`,
    );
  }
  const pageIds = prepared(db, `SELECT t.id FROM transfer t WHERE ${WHERE} AND t.id > ? ORDER BY t.id LIMIT ${PAGE}`);
  const partyInfo = prepared(db, "SELECT id, name, relationship, service_category, adviser_type FROM party WHERE id IN (SELECT value FROM json_each(?))");
  const categoryLabels = prepared(
    db,
    "SELECT c.transfer_id AS tid, d.label AS label FROM transfer_data_category c JOIN data_category d ON d.id = c.category_id WHERE c.transfer_id IN (SELECT value FROM json_each(?)) ORDER BY d.sort_order, d.label",
  );
  const purposeLabels = prepared(
    db,
    "SELECT tp.transfer_id AS tid, p.label AS label FROM transfer_purpose tp JOIN purpose p ON p.id = tp.purpose_id WHERE tp.transfer_id IN (SELECT value FROM json_each(?)) ORDER BY p.sort_order, p.label",
  );
  const subjects = prepared(db, "SELECT id, data_subjects FROM transfer WHERE id IN (SELECT value FROM json_each(?))");

  const transfers: CopyTransferInput[] = [];
  const safeguardOrder: string[] = [];
  let after = "";
  for (;;) {
    const ids = (pageIds.all(...params, after) as { id: string }[]).map((x) => x.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    const idsJson = JSON.stringify(ids);
    const { document, ctx } = loadSliceEvaluation(db, "SELECT value FROM json_each(?)", [idsJson]);
    const partyIds = new Set<string>();
    for (const t of document.transfers) partyIds.add(t.exporter).add(t.recipient);
    const partyRows = new Map(
      (partyInfo.all(JSON.stringify([...partyIds])) as { id: string; name: string; relationship: string; service_category: string | null; adviser_type: string | null }[]).map((p) => [p.id, p]),
    );
    const group = (rows: { tid: string; label: string }[]) => {
      const m = new Map<string, string[]>();
      for (const row of rows) m.set(row.tid, [...(m.get(row.tid) ?? []), row.label]);
      return m;
    };
    const cats = group(categoryLabels.all(idsJson) as { tid: string; label: string }[]);
    const purps = group(purposeLabels.all(idsJson) as { tid: string; label: string }[]);
    const subj = new Map((subjects.all(idsJson) as { id: string; data_subjects: string }[]).map((x) => [x.id, parseIds(x.data_subjects)]));
    const byId = new Map(document.transfers.map((t) => [t.id, t]));
    for (const id of ids) {
      const t = byId.get(id);
      if (!t) continue;
      const verdict = evaluateTransfer(ctx, t, asOf);
      if (!RESTRICTED.has(verdict.status)) continue;
      const exporter = partyRows.get(t.exporter);
      const recipient = partyRows.get(t.recipient);
      const mechanisms = verdict.basis
        .filter((b) => b.type !== "law")
        .map((b) => {
          const safeguardId = SAFEGUARD_BASIS.has(b.type) && t.safeguards?.includes(b.ref) ? b.ref : null;
          if (safeguardId && !safeguardOrder.includes(safeguardId)) safeguardOrder.push(safeguardId);
          return { label: BASIS_TYPE_LABELS[b.type] ?? b.type, type: b.type, citation: b.citation, uri: b.uri, safeguardId };
        });
      transfers.push({
        id,
        exporterName: exporter?.name ?? t.exporter,
        recipientName: recipient?.name ?? t.recipient,
        recipientCategory: recipient ? recipientCategory(recipient) : "Recipient",
        destination: t.destination.startsWith("org:") ? t.destination.slice(4) : countryName(t.destination),
        regime: verdict.regime ? REGIME_LABELS[verdict.regime] : "no regime",
        status: STATUS_LABELS[verdict.status],
        dataCategories: cats.get(id) ?? [],
        dataSubjects: (subj.get(id) ?? []).map((s) => DATA_SUBJECT_LABELS[s as DataSubject] ?? s),
        purposes: purps.get(id) ?? [],
        mechanisms,
      });
    }
    if (ids.length < PAGE) break;
  }

  const safeguardRows = safeguardOrder.length ? db.select().from(safeguards).where(inArray(safeguards.id, safeguardOrder)).all() : [];
  const partRows = safeguardOrder.length
    ? db.select().from(safeguardCopyParts).where(inArray(safeguardCopyParts.safeguardId, safeguardOrder)).orderBy(safeguardCopyParts.createdAt, safeguardCopyParts.id).all()
    : [];
  const safeguardsOut: CopySafeguardInput[] = safeguardOrder.flatMap((id) => {
    const s = safeguardRows.find((x) => x.id === id);
    if (!s) return [];
    return [
      {
        id: s.id,
        type: s.type,
        typeLabel: SAFEGUARD_TYPE_LABELS[s.type as SafeguardType] ?? s.type,
        title: s.title,
        sccVersion: s.sccVersion,
        sccVersionLabel: s.sccVersion ? (SCC_VERSION_LABELS[s.sccVersion as keyof typeof SCC_VERSION_LABELS] ?? s.sccVersion) : null,
        modules: s.modules ? (JSON.parse(s.modules) as number[]) : [],
        ukAddendum: s.ukAddendum,
        ukAddendumVersion: s.ukAddendumVersion,
        swissAdaptations: s.swissAdaptations,
        idtaVersion: s.idtaVersion,
        bcrVariant: s.bcrVariant,
        approvingAuthority: s.approvingAuthority,
        reference: s.reference,
        derogationLabel: s.derogationBasis ? (DEROGATION_LABELS[s.derogationBasis as keyof typeof DEROGATION_LABELS] ?? s.derogationBasis) : null,
        signed: s.signed,
        approved: s.approved,
        parts: partRows
          .filter((p) => p.safeguardId === s.id)
          .map((p) => ({ label: COPY_PART_LABELS[p.part as CopyPart] ?? p.part, content: p.content, redacted: p.redacted, summary: p.summary, reason: p.reason })),
      },
    ];
  });

  const kb = knowledgeUsed(db, asOf).knowledgeBase;
  return {
    requestId: r.id,
    requesterName: r.requesterName,
    received: r.received,
    question: r.question,
    withholdNames: r.withholdNames,
    asOf,
    knowledgeBase: { version: kb.version, checkedUpTo: kb.checkedUpTo ?? null },
    transfers,
    safeguards: safeguardsOut,
  };
}

export interface GeneratedCopy {
  pdf: CopyRow;
  html: CopyRow;
}

/**
 * Generates and stores the copy (PDF and HTML) for a request as of `asOf` (default today). A received request
 * moves to "in progress" in the same transaction. Refused or sent requests get no new copy.
 */
export async function generateCopy(db: Db, actor: Actor, input: { id: string; asOf?: string }, now: Date = new Date()): Promise<GeneratedCopy> {
  const asOf = input.asOf ?? todayUtc();
  const request = db.select().from(safeguardRequests).where(eq(safeguardRequests.id, input.id)).get();
  if (!request) throw notFound("Request", input.id);
  if (request.status === "refused" || request.status === "sent") throw new AppError("CONFLICT", `This request is ${request.status}: no new copy is generated for it.`);
  const blocks: CopyBlock[] = buildCopyBlocks(readCopyInput(db, input.id, asOf));
  const transferCount = blocks.filter((b) => b.kind === "subheading" && b.text.startsWith("Transfer ")).length;
  const pdfBytes = await renderCopyPdf(blocks, now);
  const htmlBytes = Buffer.from(renderCopyHtml(blocks), "utf8");
  const pdfStored = storeBytes(pdfBytes);
  const htmlStored = storeBytes(htmlBytes);
  return writeTransaction(db, (tx) => {
    const createdAt = now.toISOString();
    const base = { requestId: input.id, asOf, transferCount, createdAt, createdById: actor.kind === "user" ? actor.id : null, createdByEmail: actor.email };
    const pdf = { ...base, id: crypto.randomUUID(), format: "pdf", ...pdfStored };
    const html = { ...base, id: crypto.randomUUID(), format: "html", ...htmlStored };
    tx.insert(requestCopies).values([pdf, html]).run();
    const before = tx.select().from(safeguardRequests).where(eq(safeguardRequests.id, input.id)).get()!;
    if (before.status === "received") {
      tx.update(safeguardRequests)
        .set({ status: "in_progress", version: before.version + 1, updatedAt: createdAt })
        .where(and(eq(safeguardRequests.id, input.id), eq(safeguardRequests.version, before.version)))
        .run();
      const after = tx.select().from(safeguardRequests).where(eq(safeguardRequests.id, input.id)).get()!;
      recordAudit(tx, actor, { action: "request.status", entityType: "request", entityId: input.id, before, after }, now);
    }
    recordAudit(tx, actor, { action: "request.copy", entityType: "request", entityId: input.id, before: null, after: { pdf, html } }, now);
    return { pdf, html };
  });
}

/** A stored copy's bytes for download, as stored. */
export function copyForDownload(db: DbOrTx, copyId: string): { row: CopyRow; bytes: Buffer } {
  const row = db.select().from(requestCopies).where(eq(requestCopies.id, copyId)).get();
  if (!row) throw notFound("Copy", copyId);
  return { row, bytes: readStoredBytes(row.sha256) };
}
