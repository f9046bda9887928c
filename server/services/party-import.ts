/**
 * Bulk import of parties from a CSV file (issue 11, item 5).
 *
 * - parse: papaparse, the first row is the header; at most PARTY_IMPORT_LIMITS rows and bytes.
 * - check every row: the mapping (server/domain/party-import/rows.ts reads countries, choices and locations),
 *   then the party form's own schema (`partyFieldsSchema`), then duplicates: the same normalised name and
 *   country as an earlier row of the file, or as a party already in the registry.
 * - preview: every row's problems, changes nothing (it remembers the user's column mapping).
 * - apply: the same check again, then every valid row written with the party form's writer (`insertParty`,
 *   one `party.create` audit row each) and one `party.import` audit row with a record per row, all in ONE
 *   transaction; with `allOrNothing`, a file with any bad row writes nothing.
 */
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { z } from "zod";
import { rawClient, type Db, type DbOrTx } from "@/db/client";
import { partyImportMappings } from "@/db/schema";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import {
  duplicateKey,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  readPartyRow,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
} from "@/server/domain/party-import/rows";
import { AppError } from "@/server/errors";
import { partyFieldsSchema, type PartyFields } from "@/server/schemas/party";
import { insertParty } from "./parties";
import { writeTransaction } from "./verdict-store";

export const PARTY_IMPORT_LIMITS = { bytes: 5 * 1024 * 1024, rows: 20_000, fileName: 200 } as const;

const mappingSchema = z.object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.string().max(200).optional()])) as Record<ImportField, z.ZodOptional<z.ZodString>>).strict();

export const partyImportPreviewSchema = z.object({
  csv: z.string().max(PARTY_IMPORT_LIMITS.bytes, `The file is larger than ${PARTY_IMPORT_LIMITS.bytes / 1024 / 1024} MB, the most one import takes: split it.`),
  fileName: z.string().max(PARTY_IMPORT_LIMITS.fileName).optional(),
  mapping: mappingSchema,
});
export const partyImportApplySchema = partyImportPreviewSchema.extend({
  /** Write nothing when any row has a problem. */
  allOrNothing: z.boolean().default(false),
});
export type PartyImportPreviewInput = z.input<typeof partyImportPreviewSchema>;
export type PartyImportApplyInput = z.input<typeof partyImportApplySchema>;

/** One row of the file with its problems (none: it will be imported). `row` is the spreadsheet row (the header is row 1). */
export interface PartyImportRowResult {
  row: number;
  name: string;
  country: string;
  problems: string[];
  /** The id of the existing party (or the earlier row) it likely duplicates. */
  duplicateOf?: string;
}

export interface PartyImportPreview {
  fileName: string | null;
  headers: string[];
  totalRows: number;
  validRows: number;
  /** Only the rows with problems (the others are ready), in file order. */
  problemRows: PartyImportRowResult[];
}

export interface PartyImportResult {
  created: number;
  skipped: number;
  /** The new parties' ids, in file order (at most 100 listed). */
  createdIds: string[];
}

interface CheckedRow {
  row: number;
  fields: PartyFields | null;
  result: PartyImportRowResult;
}

function parse(csv: string): { headers: string[]; rows: Record<string, string>[] } {
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal) throw new AppError("BAD_REQUEST", `The file is not valid CSV: ${fatal.message} (row ${(fatal.row ?? 0) + 1}).`);
  const [header, ...body] = parsed.data;
  if (!header || header.every((h) => !h.trim())) throw new AppError("BAD_REQUEST", "The file is empty: the first row must name the columns.");
  if (body.length > PARTY_IMPORT_LIMITS.rows) {
    throw new AppError("BAD_REQUEST", `The file has ${body.length.toLocaleString("en")} rows; one import takes at most ${PARTY_IMPORT_LIMITS.rows.toLocaleString("en")}: split it.`);
  }
  const headers = header.map((h) => h.trim());
  return { headers, rows: body.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ""]))) };
}

function checkMapping(headers: string[], mapping: ImportMapping): void {
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !mapping[f]);
  if (missing.length) throw new AppError("BAD_REQUEST", `Map a column to ${missing.map((f) => IMPORT_FIELD_LABELS[f].toLowerCase()).join(", ")}: every party needs it.`);
  const unknown = Object.entries(mapping).filter(([, h]) => h !== undefined && !headers.includes(h));
  if (unknown.length) throw new AppError("BAD_REQUEST", `The file has no column ${unknown.map(([, h]) => `"${h}"`).join(", ")}.`);
}

/** Every row checked: read through the mapping, the party form's schema, duplicates in the file and in the registry. */
function checkRows(db: DbOrTx, csv: string, mapping: ImportMapping): { headers: string[]; rows: CheckedRow[] } {
  const { headers, rows } = parse(csv);
  checkMapping(headers, mapping);
  const checked: CheckedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  const keys: (string | null)[] = [];
  rows.forEach((cells, index) => {
    const row = index + 2;
    const read = readPartyRow(cells, mapping);
    const problems = read.problems.map((p) => p.message);
    let fields: PartyFields | null = null;
    if (problems.length === 0) {
      const parsed = partyFieldsSchema.safeParse(read.fields);
      if (parsed.success) fields = parsed.data;
      else for (const issue of parsed.error.issues) problems.push(issue.message);
    }
    const result: PartyImportRowResult = { row, name: read.fields.name, country: read.fields.country, problems };
    let key: string | null = null;
    if (read.fields.name && read.fields.country) {
      key = duplicateKey(read.fields.name, read.fields.country);
      const earlier = firstRowOfKey.get(key);
      if (earlier !== undefined) {
        problems.push(`Likely duplicate of row ${earlier} (same name and country).`);
        result.duplicateOf = `row ${earlier}`;
      } else firstRowOfKey.set(key, row);
    }
    keys.push(key);
    checked.push({ row, fields: problems.length ? null : fields, result });
  });

  // Against the registry: the parties established in the file's countries, streamed, compared by key.
  const countries = [...new Set(checked.map((c) => c.result.country).filter(Boolean))];
  if (firstRowOfKey.size && countries.length) {
    for (let i = 0; i < countries.length; i += 500) {
      const chunk = countries.slice(i, i + 500);
      const query = rawClient(db).prepare(`SELECT id, name, country FROM party WHERE country IN (${chunk.map(() => "?").join(", ")})`);
      for (const p of query.iterate(...chunk) as IterableIterator<{ id: string; name: string; country: string }>) {
        const row = firstRowOfKey.get(duplicateKey(p.name, p.country));
        if (row === undefined) continue;
        const hit = checked[row - 2]!;
        if (hit.result.duplicateOf) continue;
        hit.result.problems.push(`Likely duplicate of the existing party "${p.name}" (${p.id}): same name and country.`);
        hit.result.duplicateOf = p.id;
        hit.fields = null;
      }
    }
  }
  return { headers, rows: checked };
}

/** Checks every row of the file and remembers the mapping for the user; writes nothing to the registry. */
export function previewPartyImport(db: Db, actor: Actor, input: PartyImportPreviewInput): PartyImportPreview {
  const q = partyImportPreviewSchema.parse(input);
  const mapping = q.mapping as ImportMapping;
  const { headers, rows } = checkRows(db, q.csv, mapping);
  if (actor.kind === "user") savePartyImportMapping(db, actor.id, mapping);
  return {
    fileName: q.fileName ?? null,
    headers,
    totalRows: rows.length,
    validRows: rows.filter((r) => r.fields).length,
    problemRows: rows.filter((r) => !r.fields).map((r) => r.result),
  };
}

/**
 * Checks every row again and writes the valid ones, in one transaction, with one `party.import` audit row that
 * records each row's outcome. With `allOrNothing`, any row with a problem refuses the whole file (nothing
 * written).
 */
export function applyPartyImport(db: Db, actor: Actor, input: PartyImportApplyInput): PartyImportResult {
  const q = partyImportApplySchema.parse(input);
  const mapping = q.mapping as ImportMapping;
  return writeTransaction(db, (tx) => {
    const { rows } = checkRows(tx, q.csv, mapping);
    const bad = rows.filter((r) => !r.fields);
    if (q.allOrNothing && bad.length) {
      throw new AppError("BAD_REQUEST", `Nothing was imported: ${bad.length} of ${rows.length} rows ${bad.length === 1 ? "has a problem" : "have problems"} (all or nothing was chosen). Correct ${bad.length === 1 ? "it" : "them"}, or import the valid rows only.`);
    }
    const good = rows.filter((r) => r.fields);
    if (good.length === 0) throw new AppError("BAD_REQUEST", "Nothing was imported: no row is valid.");
    const record: [row: number, partyId: string | null, problems?: string[]][] = [];
    const createdIds: string[] = [];
    for (const r of rows) {
      if (!r.fields) {
        record.push([r.row, null, r.result.problems]);
        continue;
      }
      const party = insertParty(tx, actor, r.fields);
      createdIds.push(party.id);
      record.push([r.row, party.id]);
    }
    recordAudit(tx, actor, {
      action: "party.import",
      entityType: "import",
      entityId: q.fileName ?? "parties.csv",
      before: null,
      after: { fileName: q.fileName ?? null, allOrNothing: q.allOrNothing, created: good.length, skipped: bad.length, mapping, rows: record },
    });
    return { created: good.length, skipped: bad.length, createdIds: createdIds.slice(0, 100) };
  });
}

// ---------------------------------------------------------------- the remembered mapping

export function getPartyImportMapping(db: DbOrTx, userId: string): ImportMapping {
  const row = db.select({ mapping: partyImportMappings.mapping }).from(partyImportMappings).where(eq(partyImportMappings.userId, userId)).get();
  if (!row) return {};
  const parsed = mappingSchema.safeParse(JSON.parse(row.mapping));
  return parsed.success ? (parsed.data as ImportMapping) : {};
}

export function savePartyImportMapping(db: DbOrTx, userId: string, mapping: ImportMapping): void {
  const value = JSON.stringify(mapping);
  const updatedAt = new Date().toISOString();
  db.insert(partyImportMappings).values({ userId, mapping: value, updatedAt }).onConflictDoUpdate({ target: partyImportMappings.userId, set: { mapping: value, updatedAt } }).run();
}
