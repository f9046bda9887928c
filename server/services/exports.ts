/**
 * Register exports (issue 11, item 4): the transfers with their verdicts and the parties, as CSV or XLSX, as
 * the list's filters select them, as of any date.
 *
 * Nothing here holds the registry in memory: the rows are read in keyset pages (the list's sort key, then the
 * id) of EXPORT_PAGE_ROWS from the verdict store (today) or the what-if tables (another date), and each page is
 * written to the response before the next is read (CSV: a pull stream; XLSX: exceljs's streaming
 * WorkbookWriter, which zips as it goes). Every export writes one audit row (who, what, which filters, how many
 * rows) before its first byte.
 *
 * Consistency: each page is one query; an edit made while a large export streams may show in the pages read
 * after it (never a row twice or a row skipped by key).
 */
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { type z } from "zod";
import { sql } from "drizzle-orm";
import { prepared, type Db } from "@/db/client";
import { auditLog, parties, safeguards } from "@/db/schema";
import type { AuditAction } from "@/server/audit/actions";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import {
  AUDIT_EXPORT_COLUMNS,
  FLAG_EXPORT_COLUMNS,
  PARTY_EXPORT_COLUMNS,
  SAFEGUARD_EXPORT_PARTIES_NAMED,
  safeguardExportColumns,
  TRANSFER_EXPORT_COLUMNS,
  transferExportTitle,
  type ExportColumn,
  type AuditExportRecord,
  type PartyExportRecord,
  type SafeguardExportRecord,
  type TransferExportRecord,
} from "@/server/domain/exports/columns";
import type { Status } from "@/server/domain/rules";
import { AppError } from "@/server/errors";
import { listPartiesSchema, type ListPartiesInput } from "@/server/schemas/party";
import { listTransfersSchema, type ListTransfersInput } from "@/server/schemas/transfer";
import { listFlagsSchema, type ListFlagsInput } from "@/server/schemas/flag";
import { listSafeguardsSchema, type ListSafeguardsInput } from "@/server/schemas/safeguard";
import { listAuditSchema, selectAudit, type ListAuditInput } from "./audit";
import { flagExportSelection } from "./flags";
import { safeguardStateOn, selectSafeguards } from "./safeguards";
import { today } from "./verdicts";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import { selectParties } from "./parties";
import { selectTransfers, TRANSFER_ROW_COLUMNS } from "./transfers";
import { statusOfRank } from "./verdicts";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Rows read per query while an export streams. */
export const EXPORT_PAGE_ROWS = 1000;

export interface ExportFile {
  fileName: string;
  contentType: string;
  /** How many rows the file holds (counted before the first byte). */
  rows: number;
  body: ReadableStream<Uint8Array>;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The export's filters: the list's input without its page. */
const transferExportSchema = listTransfersSchema.omit({ page: true, pageSize: true });
const partyExportSchema = listPartiesSchema.omit({ page: true, pageSize: true });
const safeguardExportSchema = listSafeguardsSchema.omit({ page: true, pageSize: true });
const flagExportSchema = listFlagsSchema.omit({ page: true, pageSize: true });
const auditExportSchema = listAuditSchema.omit({ page: true, pageSize: true });

function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", `The export's filters are not valid: ${parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

function audit(db: Db, actor: Actor, action: AuditAction, fileName: string, after: Record<string, unknown>): void {
  db.transaction((tx) => recordAudit(tx, actor, { action, entityType: "export", entityId: fileName, before: null, after: { fileName, ...after } }));
}

// ---------------------------------------------------------------- transfers

interface TransferPageRow {
  id: string;
  destination: string;
  exporterRole: string;
  recipientRole: string;
  archivedAt: string | null;
  exporterId: string;
  exporterName: string;
  exporterCountry: string;
  recipientId: string;
  recipientName: string;
  recipientCountry: string;
  status: Status | null;
  regime: string | null;
  issues: string | null;
  basis: string | null;
  frequency: string;
  start: string;
  end: string | null;
  safeguards: string | null;
  sk: unknown;
  tk: string;
}

/** JSON texts repeat across verdicts (shared issue and basis lists): parse each distinct text once. */
function jsonCache<T>() {
  const cache = new Map<string, T>();
  return (text: string | null, fallback: T): T => {
    if (text === null) return fallback;
    let value = cache.get(text);
    if (value === undefined) {
      value = JSON.parse(text) as T;
      if (cache.size < 5000) cache.set(text, value);
    }
    return value;
  };
}

/** The transfers a list query selects, with their verdicts, in the list's order, one keyset page at a time. */
export function* transferExportPages(db: Db, input: Omit<ListTransfersInput, "page" | "pageSize">, pageRows = EXPORT_PAGE_ROWS): Generator<TransferExportRecord[]> {
  const q = { ...parseInput(transferExportSchema, input), page: 1, pageSize: 20 };
  const sel = selectTransfers(db, q);
  const dir = q.dir === "asc" ? "ASC" : "DESC";
  const after = q.dir === "asc" ? ">" : "<";
  const issuesOf = jsonCache<NonNullable<TransferExportRecord["verdict"]>["issues"]>();
  const basisOf = jsonCache<NonNullable<TransferExportRecord["verdict"]>["basis"]>();
  const select = (keyset: boolean) =>
    `SELECT ${TRANSFER_ROW_COLUMNS}, v.basis, t.frequency, t.start, t."end", ${sel.sortKey} AS sk, ${sel.tie} AS tk,
            (SELECT group_concat(x, char(31)) FROM (SELECT s.title || ' (' || s.id || ')' AS x FROM transfer_safeguard ts JOIN safeguard s ON s.id = ts.safeguard_id
                                                     WHERE ts.transfer_id = t.id ORDER BY ts.position, ts.safeguard_id)) AS safeguards
       FROM ${sel.base} JOIN party e ON e.id = t.exporter_id JOIN party r ON r.id = t.recipient_id
      ${[...sel.where, ...(keyset ? [`(${sel.sortKey} ${after} ? OR (${sel.sortKey} = ? AND ${sel.tie} > ?))`] : [])].map((w, i) => `${i ? "AND" : "WHERE"} ${w}`).join(" ")}
      ORDER BY ${sel.sortKey} ${dir}, ${sel.tie} ASC
      LIMIT ?`;
  const first = prepared(db, select(false));
  const next = prepared(db, select(true));
  let last: TransferPageRow | undefined;
  for (;;) {
    const rows = (last ? next.all(...sel.params, last.sk, last.sk, last.tk, pageRows) : first.all(...sel.params, pageRows)) as TransferPageRow[];
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      id: r.id,
      exporterId: r.exporterId,
      exporterName: r.exporterName,
      exporterCountry: r.exporterCountry,
      recipientId: r.recipientId,
      recipientName: r.recipientName,
      recipientCountry: r.recipientCountry,
      destination: r.destination,
      exporterRole: r.exporterRole,
      recipientRole: r.recipientRole,
      frequency: r.frequency,
      start: r.start,
      end: r.end,
      archivedAt: r.archivedAt,
      safeguards: r.safeguards ? r.safeguards.split("\u001f") : [],
      verdict: r.status
        ? { status: r.status, regime: r.regime === "none" || r.regime === null ? null : (r.regime as "EU" | "UK" | "CH"), issues: issuesOf(r.issues, []), basis: basisOf(r.basis, []) }
        : null,
    }));
    if (rows.length < pageRows) return;
    last = rows[rows.length - 1];
  }
}

/** How many transfers the filters select, and the date their verdicts are as of. */
function countTransfers(db: Db, input: Omit<ListTransfersInput, "page" | "pageSize">): { total: number; asOf: string } {
  const q = { ...parseInput(transferExportSchema, input), page: 1, pageSize: 20 };
  const sel = selectTransfers(db, q);
  return { total: (prepared(db, `SELECT count(*) AS n FROM ${sel.countFrom} ${sel.whereSql}`).get(...sel.params) as { n: number }).n, asOf: sel.source.asOf };
}

/**
 * The transfers a list's filters select, with their verdicts as of `input.asOf` (absent: today), as a
 * streamed CSV or XLSX file: the Art. 30(1)(e)/30(2)(c) record of transfers. Audited (one row).
 */
export function exportTransfers(db: Db, actor: Actor, input: Omit<ListTransfersInput, "page" | "pageSize">, format: ExportFormat): ExportFile {
  const { total, asOf } = countTransfers(db, input);
  const fileName = `transfers-${asOf}.${format}`;
  const kbVersion = getCompiledKnowledgeBase(db).info.version;
  audit(db, actor, "export.transfers", fileName, { format, asOf, filters: input, rows: total });
  const pages = () => transferExportPages(db, input);
  const title = transferExportTitle(asOf, total, kbVersion);
  const body =
    format === "csv"
      ? csvStream(TRANSFER_EXPORT_COLUMNS, pages())
      : xlsxStream(TRANSFER_EXPORT_COLUMNS, pages(), { about: [...title, "", ...filterLines(input)], sheet: "Transfers" });
  return { fileName, contentType: CONTENT_TYPES[format], rows: total, body };
}

// ---------------------------------------------------------------- parties

/** The parties a list query selects, as of `asOf` (their worst status), in the list's order, one keyset page at a time. */
export function* partyExportPages(db: Db, input: Omit<ListPartiesInput, "page" | "pageSize">, asOf?: string, pageRows = EXPORT_PAGE_ROWS): Generator<PartyExportRecord[]> {
  const q = { ...parseInput(partyExportSchema, input), page: 1, pageSize: 20 };
  const { filter, sortKey, worstRank } = selectParties(db, q, asOf);
  const after = q.dir === "asc" ? sql.raw(">") : sql.raw("<");
  const dir = sql.raw(q.dir === "asc" ? "asc" : "desc");
  let last: { sk: unknown; id: string } | undefined;
  for (;;) {
    const keyset = last ? sql`(${sortKey} ${after} ${last.sk} or (${sortKey} = ${last.sk} and ${parties.id} > ${last.id}))` : undefined;
    const where = filter && keyset ? sql`${filter} and ${keyset}` : (filter ?? keyset);
    const rows = db
      .select({
        id: parties.id,
        name: parties.name,
        relationship: parties.relationship,
        serviceCategory: parties.serviceCategory,
        adviserType: parties.adviserType,
        country: parties.country,
        registrationNumber: parties.registrationNumber,
        website: parties.website,
        ccpaRole: parties.ccpaRole,
        archivedAt: parties.archivedAt,
        worstRank,
        sk: sql<unknown>`${sortKey}`,
        locations: sql<string | null>`(select group_concat(country, ' ') from (select country from party_processing_location l where l.party_id = ${parties.id} order by country))`,
      })
      .from(parties)
      .where(where)
      .orderBy(sql`${sortKey} ${dir}`, sql`${parties.id} asc`)
      .limit(pageRows)
      .all();
    if (rows.length === 0) return;
    yield rows.map(({ worstRank: rank, sk: _sk, locations, ...r }) => ({
      ...r,
      processingLocations: locations ? locations.split(" ") : [],
      worstStatus: rank < 0 ? null : statusOfRank(rank),
    }));
    if (rows.length < pageRows) return;
    const tail = rows[rows.length - 1]!;
    last = { sk: tail.sk, id: tail.id };
  }
}

/** The parties a list's filters select, as a streamed CSV or XLSX file. Contacts and notes are left out. Audited (one row). */
export function exportParties(db: Db, actor: Actor, input: Omit<ListPartiesInput, "page" | "pageSize">, asOf: string | undefined, format: ExportFormat): ExportFile {
  const q = { ...parseInput(partyExportSchema, input), page: 1, pageSize: 20 };
  const { filter, asOf: date } = selectParties(db, q, asOf);
  const total = db.select({ n: sql<number>`count(*)` }).from(parties).where(filter).get()?.n ?? 0;
  const fileName = `parties-${date}.${format}`;
  audit(db, actor, "export.parties", fileName, { format, asOf: date, filters: input, rows: total });
  const pages = partyExportPages(db, input, asOf);
  const about = [
    "Parties of the transfer register",
    `Worst transfer status as of ${date}. ${total.toLocaleString("en")} part${total === 1 ? "y" : "ies"} as the list's filters select them. Contacts and internal notes are not exported.`,
    "",
    ...filterLines(input),
  ];
  const body = format === "csv" ? csvStream(PARTY_EXPORT_COLUMNS, pages) : xlsxStream(PARTY_EXPORT_COLUMNS, pages, { about, sheet: "Parties" });
  return { fileName, contentType: CONTENT_TYPES[format], rows: total, body };
}

// ---------------------------------------------------------------- safeguards

/** The safeguards a list query selects, with their state as of `asOf`, in the list's order, one keyset page at a time. */
export function* safeguardExportPages(db: Db, input: Omit<ListSafeguardsInput, "page" | "pageSize">, pageRows = EXPORT_PAGE_ROWS): Generator<SafeguardExportRecord[]> {
  const q = { ...parseInput(safeguardExportSchema, input), page: 1, pageSize: 20 };
  const asOf = q.asOf ?? today();
  const { filter, sortColumn } = selectSafeguards(q);
  const after = q.dir === "asc" ? sql.raw(">") : sql.raw("<");
  const dir = sql.raw(q.dir === "asc" ? "asc" : "desc");
  // The first parties of each safeguard, in its order (a BCR binds thousands: the cell names the first ones).
  const partyNames = prepared(
    db,
    `SELECT p.name FROM safeguard_party sp JOIN party p ON p.id = sp.party_id WHERE sp.safeguard_id = ? ORDER BY sp.position, p.id LIMIT ${SAFEGUARD_EXPORT_PARTIES_NAMED}`,
  );
  let last: { sk: unknown; id: string } | undefined;
  for (;;) {
    const keyset = last ? sql`(${sortColumn} ${after} ${last.sk} or (${sortColumn} = ${last.sk} and ${safeguards.id} > ${last.id}))` : undefined;
    const where = filter && keyset ? sql`${filter} and ${keyset}` : (filter ?? keyset);
    const rows = db
      .select({
        id: safeguards.id,
        title: safeguards.title,
        type: safeguards.type,
        sccVersion: safeguards.sccVersion,
        modules: safeguards.modules,
        ukAddendum: safeguards.ukAddendum,
        ukAddendumVersion: safeguards.ukAddendumVersion,
        swissAdaptations: safeguards.swissAdaptations,
        idtaVersion: safeguards.idtaVersion,
        bcrVariant: safeguards.bcrVariant,
        reference: safeguards.reference,
        derogationBasis: safeguards.derogationBasis,
        signed: safeguards.signed,
        approved: safeguards.approved,
        ended: safeguards.ended,
        archivedAt: safeguards.archivedAt,
        partyCount: sql<number>`(select count(*) from safeguard_party sp where sp.safeguard_id = safeguard.id)`,
        transferCount: sql<number>`(select count(*) from transfer_safeguard ts join transfer t on t.id = ts.transfer_id where ts.safeguard_id = safeguard.id and t.archived_at is null)`,
        sk: sql<unknown>`${sortColumn}`,
      })
      .from(safeguards)
      .where(where)
      .orderBy(sql`${sortColumn} ${dir}`, sql`${safeguards.id} asc`)
      .limit(pageRows)
      .all();
    if (rows.length === 0) return;
    yield rows.map(({ sk: _sk, modules, ...r }) => ({
      ...r,
      modules: modules ? (JSON.parse(modules) as number[]) : [],
      partyNames: r.partyCount ? (partyNames.all(r.id) as { name: string }[]).map((p) => p.name) : [],
      state: safeguardStateOn(r.signed ?? r.approved, r.ended, asOf),
    }));
    if (rows.length < pageRows) return;
    const tail = rows[rows.length - 1]!;
    last = { sk: tail.sk, id: tail.id };
  }
}

/** The safeguards a list's filters select, with their state as of `input.asOf` (absent: today), as a streamed CSV or XLSX file. Audited (one row). */
export function exportSafeguards(db: Db, actor: Actor, input: Omit<ListSafeguardsInput, "page" | "pageSize">, format: ExportFormat): ExportFile {
  const q = { ...parseInput(safeguardExportSchema, input), page: 1, pageSize: 20 };
  const asOf = q.asOf ?? today();
  const total = db.select({ n: sql<number>`count(*)` }).from(safeguards).where(selectSafeguards(q).filter).get()?.n ?? 0;
  const fileName = `safeguards-${asOf}.${format}`;
  audit(db, actor, "export.safeguards", fileName, { format, asOf, filters: input, rows: total });
  const columns = safeguardExportColumns(asOf);
  const pages = safeguardExportPages(db, input);
  const about = [
    "Safeguards of the transfer register",
    `Status as of ${asOf}. ${total.toLocaleString("en")} safeguard${total === 1 ? "" : "s"} as the list's filters select them. Transfers relying on each: its live (not archived) transfers. Notes are not exported.`,
    "",
    ...filterLines(input),
  ];
  const body = format === "csv" ? csvStream(columns, pages) : xlsxStream(columns, pages, { about, sheet: "Safeguards" });
  return { fileName, contentType: CONTENT_TYPES[format], rows: total, body };
}

// ---------------------------------------------------------------- flags

/**
 * The flags a list's filters select ("my flags": the actor's), as of `input.asOf` (absent: today), in the
 * list's order, as a streamed CSV or XLSX file: keyset pages of EXPORT_PAGE_ROWS, each described (how long
 * raised, the issue's message) as the list describes its page. Audited (one row).
 */
export function exportFlags(db: Db, actor: Actor, input: Omit<ListFlagsInput, "page" | "pageSize">, format: ExportFormat, pageRows = EXPORT_PAGE_ROWS): ExportFile {
  const filters = parseInput(flagExportSchema, input);
  const selection = flagExportSelection(db, actor, filters);
  const { total, asOf } = selection;
  const fileName = `flags-${asOf}.${format}`;
  audit(db, actor, "export.flags", fileName, { format, asOf, filters: input, rows: total });
  const pages = selection.pages(pageRows);
  const about = [
    "Flags of the transfer register",
    `Flags as of ${asOf}. ${total.toLocaleString("en")} flag${total === 1 ? "" : "s"} as the list's filters select them. "Opened since": the first day of the unbroken run of days up to ${asOf} on which the flag is raised.`,
    "",
    ...filterLines(input),
  ];
  const body = format === "csv" ? csvStream(FLAG_EXPORT_COLUMNS, pages) : xlsxStream(FLAG_EXPORT_COLUMNS, pages, { about, sheet: "Flags" });
  return { fileName, contentType: CONTENT_TYPES[format], rows: total, body };
}

// ---------------------------------------------------------------- audit log

/** The audit entries a query selects (up to entry `upTo`, if given), newest first (the page's order), one keyset page (by id) at a time. */
export function* auditExportPages(db: Db, input: Omit<ListAuditInput, "page" | "pageSize">, pageRows = EXPORT_PAGE_ROWS, upTo?: number): Generator<AuditExportRecord[]> {
  const filter = selectAudit(parseInput(auditExportSchema, input));
  let last: number | undefined = upTo === undefined ? undefined : upTo + 1;
  for (;;) {
    const keyset = last === undefined ? undefined : sql`${auditLog.id} < ${last}`;
    const where = filter && keyset ? sql`${filter} and ${keyset}` : (filter ?? keyset);
    const rows = db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorEmail: auditLog.actorEmail,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(where)
      .orderBy(sql`${auditLog.id} desc`)
      .limit(pageRows)
      .all();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageRows) return;
    last = rows[rows.length - 1]!.id;
  }
}

/**
 * The audit log as the audit page's filters select it, as a streamed CSV or XLSX file, newest first, with
 * the actions and record types in words. The log is what happened and when: the as-of date does not filter
 * it (the From and To filters do). Only the entries that existed when the export started are written; its
 * own audit row (written first) is among them.
 */
export function exportAudit(db: Db, actor: Actor, input: Omit<ListAuditInput, "page" | "pageSize">, format: ExportFormat): ExportFile {
  const filters = parseInput(auditExportSchema, input);
  const day = today();
  const fileName = `audit-log-${day}.${format}`;
  audit(db, actor, "export.audit", fileName, { format, filters: input });
  const bound = db.select({ n: sql<number>`count(*)`, max: sql<number | null>`max(${auditLog.id})` }).from(auditLog).where(selectAudit(filters)).get();
  const total = bound?.n ?? 0;
  const maxId = bound?.max ?? 0;
  // Entries written while the file streams (by anyone) are left out: the file is the log as it stood at its start.
  const upToStart = auditExportPages(db, filters, EXPORT_PAGE_ROWS, maxId);
  const about = [
    "Audit log of the transfer register",
    `Exported ${day} (UTC). ${total.toLocaleString("en")} entr${total === 1 ? "y" : "ies"} as the audit page's filters select them, newest first. Times are UTC.`,
    "",
    ...filterLines(input),
  ];
  const body = format === "csv" ? csvStream(AUDIT_EXPORT_COLUMNS, upToStart) : xlsxStream(AUDIT_EXPORT_COLUMNS, upToStart, { about, sheet: "Audit log" });
  return { fileName, contentType: CONTENT_TYPES[format], rows: total, body };
}

// ---------------------------------------------------------------- writers

function filterLines(input: object): string[] {
  const entries = Object.entries(input).filter(([k, v]) => v !== undefined && v !== "" && k !== "page" && k !== "pageSize");
  return entries.length ? ["Filters:", ...entries.map(([k, v]) => `  ${k}: ${String(v)}`)] : ["Filters: none"];
}

const encoder = new TextEncoder();

/**
 * A CSV file (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheet programs read accents right) that
 * reads one page per pull. Cells that a spreadsheet would run as a formula (=, +, -, @…) are escaped with a
 * leading apostrophe (papaparse `escapeFormulae`).
 */
function csvStream<R>(columns: readonly ExportColumn<R>[], pages: Iterator<R[]>): ReadableStream<Uint8Array> {
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${Papa.unparse([columns.map((c) => c.header)], { newline: "\r\n" })}\r\n`));
        return;
      }
      const page = pages.next();
      if (page.done) {
        controller.close();
        return;
      }
      const data = page.value.map((row) => columns.map((c) => c.value(row)));
      controller.enqueue(encoder.encode(`${Papa.unparse(data, { newline: "\r\n", escapeFormulae: true })}\r\n`));
    },
    cancel() {
      pages.return?.(undefined);
    },
  });
}

/**
 * An XLSX workbook written with exceljs's streaming writer: a first sheet "About" (what the file is, the
 * date, the filters), then the data sheet, rows committed page by page; the zip is streamed as it is built.
 */
function xlsxStream<R>(columns: readonly ExportColumn<R>[], pages: Iterator<R[]>, options: { about: string[]; sheet: string }): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const write = async () => {
    const about = workbook.addWorksheet("About");
    about.columns = [{ width: 120 }];
    options.about.forEach((line, i) => {
      const row = about.addRow([line]);
      if (i === 0) row.font = { bold: true, size: 14 };
      row.commit();
    });
    about.commit();
    const sheet = workbook.addWorksheet(options.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (let page = pages.next(); !page.done; page = pages.next()) {
      for (const record of page.value) sheet.addRow(columns.map((c) => c.value(record))).commit();
      // Let the zip drain to the client before reading the next page.
      if (out.destroyed) return; // the download was cancelled
      if (out.writableNeedDrain) await Promise.race([once(out, "drain"), once(out, "close")]);
      else await new Promise((resolve) => setImmediate(resolve));
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
