/**
 * Registry import and export: a whole `transfer-registry/v1` document in, or out
 * (format: server/domain/registry/FORMAT.md).
 *
 * The import is the exact inverse of readRegistryDocument (./registry-document.ts):
 * every field the export writes maps back to the column or child row it came from,
 * and every field it does not know is kept in the entity's `extra` JSON, so
 * export → import → export gives the same document. The document is the truth for
 * each entity it contains (a field it leaves out is cleared); entities that are in
 * the database but not in the document stay as they are: an import never deletes.
 *
 * Two steps, both from the same plan:
 * - preview: check the document's limits (size, ids, string lengths, nesting: see
 *   server/schemas/registry-import.ts), validate it (the domain validator, then the
 *   fields the database keeps and the codes it knows) and say, per kind of entity,
 *   what would be added, changed (with the field names) or left unchanged, plus a hash
 *   of that plan. Every check that could make a write fail is made here, so whatever
 *   the preview accepts the apply accepts;
 * - apply: plan again and write everything in ONE synchronous transaction through the
 *   aggregates' writers (./writers: the same the forms' services write with; each judges
 *   its records again with the facts planning judged them with, no read per row), with an
 *   audit row per created or updated entity (before and after, in the one shape every
 *   write of that entity has) and one `registry.import` summary row, then bring the
 *   stored verdicts up to date (`syncVerdicts`) in the same transaction. A document
 *   with any error changes nothing. When the caller passes the preview's hash, a
 *   registry that changed in between is refused (optimistic concurrency across the
 *   two requests); each update also checks and bumps the row's version.
 *
 * Scale: the plan reads only the rows of the entities the document names (ids go to
 * SQLite as one JSON array, `IN (SELECT value FROM json_each(?))`), never the whole
 * registry, and every lookup is a Map. The writers insert up to 100 rows per statement
 * through statements prepared once per connection, update only the columns that change,
 * and write a changed entity's child rows only where its lists differ. 100,000 transfers with
 * 20,000 parties and 40,000 safeguards apply in well under a minute
 * (`npm run bench:import`).
 *
 * Uploads come through POST /api/registry/import (app/api/registry/import/route.ts),
 * which reads the body up to MAX_IMPORT_BYTES; tests and scripts call
 * previewRegistryImport / applyRegistryImport directly with `{ text }` or `{ document }`.
 */
import crypto from "node:crypto";
import type Database from "better-sqlite3";
import { count } from "drizzle-orm";
import { z } from "zod";
import { rawClient, type Db, type DbOrTx } from "@/db/client";
import { certifications, dataCategories, parties, purposes, safeguards, transferImpactAssessments, transfers } from "@/db/schema";
import { recordAudit } from "@/server/services/record-audit";
import { shareableDocument } from "@/server/domain/registry/shareable";
import type { Actor } from "@/server/auth/actor";
import { isValidIsoDate } from "@/server/domain/dates";
import { isIsoCountryCode, validateRegistryDocument, type RegistryDocument } from "@/server/domain/registry";
import {
  certificationRules,
  DOCUMENT_FIELD_NAMES,
  partyRules,
  safeguardRules,
  tiaRules,
  transferRules,
  type CertificationRuleContext,
  type PartyFacts,
  type PartyRuleContext,
  type RuleViolation,
  type TransferRuleContext,
} from "@/server/domain/registry/record-rules";
import { AppError } from "@/server/errors";
import { ADVISER_TYPES, CCPA_ROLES, SERVICE_CATEGORIES } from "@/server/schemas/party";
import { IMPORT_LIMITS, MAX_IMPORT_BYTES, MAX_IMPORT_SIZE_LABEL } from "@/server/schemas/registry-import";
import { REGISTRY_ID_PATTERN } from "@/server/schemas/transfer";
import { evaluateRegistry } from "@/server/domain/rules";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import { readRegistryDocument } from "./registry-document";
import { syncVerdicts } from "./verdict-store";
import type { WriteStep } from "./writers/aggregate-writer";
import { writeCertifications, type CertificationWriteStep } from "./writers/certification-writer";
import { writeParties, type PartyState } from "./writers/party-writer";
import { writeSafeguards, type SafeguardFacts, type SafeguardState } from "./writers/safeguard-writer";
import { addTias } from "./writers/tia-writer";
import { writeTransfers, type TransferState } from "./writers/transfer-writer";

export { IMPORT_LIMITS, MAX_IMPORT_BYTES } from "@/server/schemas/registry-import";

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export const ENTITY_KINDS = ["parties", "certifications", "safeguards", "transfers", "tias"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface ImportIssue {
  /** JSON path into the document (`transfers[3].recipient`), or `$` for the whole document. */
  path: string;
  message: string;
}

export interface PlannedEntity {
  id: string;
  label: string;
  /** For changed entities: the document fields whose values differ from the database. */
  fields: string[];
}

export interface KindPreview {
  counts: { added: number; changed: number; unchanged: number };
  /** At most MAX_LISTED of each; `counts` has the real numbers. */
  added: PlannedEntity[];
  changed: PlannedEntity[];
  unchanged: PlannedEntity[];
}

export type RegistryImportPreview =
  | { ok: false; errors: ImportIssue[] }
  | {
      ok: true;
      kinds: Record<EntityKind, KindPreview>;
      /** Things that import but not quite as written (fields the database cannot keep). */
      warnings: ImportIssue[];
      /** Entities to add or change; 0 means the registry already matches the document. */
      totalChanges: number;
      /** Identifies this plan; pass it to apply to refuse a registry that changed since. */
      planHash: string;
    };

export interface RegistryImportResult {
  counts: Record<EntityKind, { added: number; changed: number; unchanged: number }>;
  /** Audit rows written: one per created or updated entity, plus the summary row. */
  auditRows: number;
}

/** The options of an upload besides its body (query parameters of POST /api/registry/import). */
export const registryImportOptionsSchema = z.object({
  mode: z.enum(["preview", "apply"], { error: 'Say mode=preview or mode=apply.' }),
  /** The uploaded file's name, recorded in the audit row. */
  fileName: z.string().max(IMPORT_LIMITS.fileName, `The file name must be at most ${IMPORT_LIMITS.fileName} characters.`).optional(),
  /** The preview's planHash: when given, a registry that changed since the preview is refused. */
  planHash: z.string().min(1).max(IMPORT_LIMITS.planHash).optional(),
});
export type RegistryImportOptions = z.infer<typeof registryImportOptionsSchema>;

export type RegistryImportSource = { text: string; fileName?: string } | { document: unknown; fileName?: string };

const MAX_LISTED = 500;
const MAX_ERRORS = 1000;

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

/**
 * The registry as the downloadable file: pretty JSON with a final newline, named for the day. `shareable`
 * leaves out contacts and internal notes (FORMAT.md, "Shareable export"); the full file round-trips.
 */
export function exportRegistryFile(db: DbOrTx, date: string, options: { shareable?: boolean } = {}): { fileName: string; body: string } {
  const document = readRegistryDocument(db);
  return {
    fileName: options.shareable ? `transfer-registry-shareable-${date}.json` : `transfer-registry-${date}.json`,
    body: `${JSON.stringify(options.shareable ? shareableDocument(document) : document, null, 2)}\n`,
  };
}

/**
 * Every live transfer's verdict as of `asOf` as the downloadable `transfer-registry/verdicts-v1` file (what the
 * command-line checker writes for the exported registry and that date). A download, like the registry export:
 * it reads the whole registry once.
 */
export function exportVerdictsFile(db: DbOrTx, asOf: string, today: string): { fileName: string; body: string } {
  const doc = readRegistryDocument(db);
  const live: RegistryDocument = { ...doc, transfers: doc.transfers.filter((t) => !(t as { archivedAt?: string | null }).archivedAt) };
  const verdicts = evaluateRegistry(live, getCompiledKnowledgeBase(db), asOf, today);
  return { fileName: `transfer-verdicts-${asOf}.json`, body: `${JSON.stringify(verdicts, null, 2)}\n` };
}

/** How many entities the registry holds (the export card says what the file will contain). */
export function registryStats(db: DbOrTx): Record<EntityKind, number> {
  return {
    parties: db.select({ n: count() }).from(parties).get()?.n ?? 0,
    certifications: db.select({ n: count() }).from(certifications).get()?.n ?? 0,
    safeguards: db.select({ n: count() }).from(safeguards).get()?.n ?? 0,
    transfers: db.select({ n: count() }).from(transfers).get()?.n ?? 0,
    tias: db.select({ n: count() }).from(transferImpactAssessments).get()?.n ?? 0,
  };
}

// ---------------------------------------------------------------------------
// Canonical forms: an entity as the fields the export writes, from the document
// or from its database rows (the two must agree for export → import to be a no-op)
// ---------------------------------------------------------------------------

type Obj = Record<string, unknown>;
/** A database row as better-sqlite3 returns it (column names). */
type Row = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
const flag = (v: unknown): boolean => v === true;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const sorted = (v: string[]): string[] => [...v].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Equal as the database keeps them: null and undefined alike; arrays and objects by their JSON. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || a === null) return b === undefined || b === null;
  if (typeof a !== "object" || typeof b !== "object" || b === null) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && (typeof a[i] !== "object" || !same(a[i], b[i]))) return false;
    return true;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An entity as doc-named fields (each known field with its canonical value) plus the fields kept in `extra`. */
interface Canonical {
  fields: Obj;
  extra: Obj;
}

function extraOf(source: Obj, consumed: ReadonlySet<string>): Obj {
  const extra: Obj = {};
  for (const k of Object.keys(source)) if (!consumed.has(k)) extra[k] = source[k];
  return extra;
}

function parseExtra(json: unknown): Obj {
  return typeof json === "string" && json !== "" ? (JSON.parse(json) as Obj) : {};
}

const extraJson = (extra: Obj) => (Object.keys(extra).length ? JSON.stringify(extra) : null);

const PARTY_TEXT = ["serviceCategory", "adviserType", "registrationNumber", "website", "contactName", "contactEmail", "ccpaRole", "notes", "archivedAt"] as const;
const PARTY_KEYS = new Set(["id", "name", "relationship", "country", "certifications", "processingLocations", "dataCategories", "ccpaSale", "ccpaShare", ...PARTY_TEXT]);
/** Document field → party column, for the text fields. */
const PARTY_TEXT_COLUMNS: Record<(typeof PARTY_TEXT)[number], string> = {
  serviceCategory: "service_category",
  adviserType: "adviser_type",
  registrationNumber: "registration_number",
  website: "website",
  contactName: "contact_name",
  contactEmail: "contact_email",
  ccpaRole: "ccpa_role",
  notes: "notes",
  archivedAt: "archived_at",
};

function canonParty(p: Obj): Canonical {
  const fields: Obj = { name: p.name, relationship: p.relationship, country: p.country };
  for (const k of PARTY_TEXT) fields[k] = text(p[k]);
  fields.ccpaSale = flag(p.ccpaSale);
  fields.ccpaShare = flag(p.ccpaShare);
  fields.processingLocations = sorted(strings(p.processingLocations));
  fields.dataCategories = sorted(strings(p.dataCategories));
  return { fields, extra: extraOf(p, PARTY_KEYS) };
}

function canonPartyRow(row: Row, locations: string[], categories: string[]): Canonical {
  const fields: Obj = { name: row.name, relationship: row.relationship, country: row.country };
  for (const k of PARTY_TEXT) fields[k] = row[PARTY_TEXT_COLUMNS[k]] ?? null;
  fields.ccpaSale = Boolean(row.ccpa_sale);
  fields.ccpaShare = Boolean(row.ccpa_share);
  fields.processingLocations = sorted(locations);
  fields.dataCategories = sorted(categories);
  return { fields, extra: parseExtra(row.extra) };
}

const CERT_KEYS = new Set(["framework", "from", "to", "coveredData", "verifiedOn", "verifiedBy"]);

const SAFEGUARD_COMMON = ["title", "ukAddendumVersion", "supervisoryAuthority", "governingLaw", "idtaVersion", "approvingAuthority", "justification", "saInformedOn", "notes", "archivedAt"] as const;
const SAFEGUARD_COMMON_COLUMNS: Record<(typeof SAFEGUARD_COMMON)[number], string> = {
  title: "title",
  ukAddendumVersion: "uk_addendum_version",
  supervisoryAuthority: "supervisory_authority",
  governingLaw: "governing_law",
  idtaVersion: "idta_version",
  approvingAuthority: "approving_authority",
  justification: "justification",
  saInformedOn: "sa_informed_on",
  notes: "notes",
  archivedAt: "archived_at",
};
/** The fields each type of safeguard keeps in columns; for other types the same names are extra fields. */
const SAFEGUARD_TYPE_KEYS: Record<string, readonly string[]> = {
  scc: ["version", "modules", "parties", "signed", "ended", "ukAddendum", "swissAdaptations", "dockingClause"],
  uk_idta: ["parties", "signed", "ended"],
  bcr: ["variant", "approved", "ended", "members"],
  code_of_conduct: ["approved", "ended", "reference", "parties"],
  certification: ["approved", "ended", "reference", "parties"],
  ad_hoc_clauses: ["approved", "ended", "reference", "parties"],
  derogation: ["basis", "parties"],
};
const SAFEGUARD_TYPE_KEY_SETS: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries(SAFEGUARD_TYPE_KEYS).map(([type, keys]) => [type, new Set(keys)]),
);
const SAFEGUARD_CONSUMED: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries(SAFEGUARD_TYPE_KEYS).map(([type, keys]) => [type, new Set(["id", "type", ...SAFEGUARD_COMMON, ...keys])]),
);
const NO_KEYS: ReadonlySet<string> = new Set();
const COMMON_CONSUMED: ReadonlySet<string> = new Set(["id", "type", ...SAFEGUARD_COMMON]);

const SCC_NAMES: Record<string, string> = { "2001/497": "SCCs 2001 (C2C Set I)", "2004/915": "SCCs 2004 (C2C Set II)", "2010/87": "SCCs 2010 (C2P)", "2021/914": "SCCs 2021" };

/** A readable title for a safeguard written without one (the column is required; the export writes it back). */
function defaultSafeguardTitle(s: Obj, partyName: (id: string) => string): string {
  // Two names read well; a group-wide contract is named by its first and last party and a count.
  const names = (ids: unknown) => {
    const all = strings(ids).map(partyName);
    return all.length <= 3 ? all.join(" – ") : `${all[0]} – ${all[all.length - 1]} and ${all.length - 2} others`;
  };
  switch (s.type) {
    case "scc":
      return `${SCC_NAMES[String(s.version)] ?? "SCCs"}: ${names(s.parties)}`;
    case "uk_idta":
      return `UK IDTA: ${names(s.parties)}`;
    case "bcr":
      return `${s.variant === "processor" ? "Processor" : "Controller"} BCRs (${strings(s.members).length} members)`;
    case "code_of_conduct":
      return `Code of conduct ${String(s.reference)}`;
    case "certification":
      return `Certification ${String(s.reference)}`;
    case "ad_hoc_clauses":
      return `Ad hoc clauses ${String(s.reference)}`;
    case "derogation":
      return `Derogation, Art. ${String(s.basis)}`;
    default:
      return String(s.id);
  }
}

function canonSafeguard(s: Obj, partyName: (id: string) => string): Canonical {
  const type = String(s.type);
  const typeKeys = SAFEGUARD_TYPE_KEY_SETS[type] ?? NO_KEYS;
  const has = (k: string) => typeKeys.has(k);
  const fields: Obj = { type };
  for (const k of SAFEGUARD_COMMON) fields[k] = text(s[k]);
  if (!fields.title) fields.title = defaultSafeguardTitle(s, partyName);
  fields.version = has("version") ? text(s.version) : null;
  fields.modules = has("modules") && s.version === "2021/914" && Array.isArray(s.modules) ? s.modules : null;
  fields.parties = type === "bcr" ? strings(s.members) : has("parties") ? strings(s.parties) : [];
  fields.signed = has("signed") ? text(s.signed) : null;
  fields.approved = has("approved") ? text(s.approved) : null;
  fields.ended = has("ended") ? text(s.ended) : null;
  fields.dockingClause = has("dockingClause") && flag(s.dockingClause);
  fields.ukAddendum = has("ukAddendum") && flag(s.ukAddendum);
  fields.swissAdaptations = has("swissAdaptations") && flag(s.swissAdaptations);
  fields.variant = has("variant") ? text(s.variant) : null;
  fields.reference = has("reference") ? text(s.reference) : null;
  fields.basis = has("basis") ? text(s.basis) : null;
  return { fields, extra: extraOf(s, SAFEGUARD_CONSUMED[type] ?? COMMON_CONSUMED) };
}

/** The same canonical form from a safeguard row: the fields readRegistryDocument would write for its type. */
function canonSafeguardRow(row: Row, partyIds: string[]): Canonical {
  const type = String(row.type);
  const typeKeys = SAFEGUARD_TYPE_KEY_SETS[type] ?? NO_KEYS;
  const has = (k: string) => typeKeys.has(k);
  const fields: Obj = { type };
  for (const k of SAFEGUARD_COMMON) fields[k] = row[SAFEGUARD_COMMON_COLUMNS[k]] ?? null;
  fields.version = has("version") ? (row.scc_version ?? null) : null;
  fields.modules = has("modules") && row.scc_version === "2021/914" ? (row.modules ? (JSON.parse(String(row.modules)) as unknown) : []) : null;
  fields.parties = type === "bcr" || has("parties") ? partyIds : [];
  fields.signed = has("signed") ? (row.signed ?? null) : null;
  fields.approved = has("approved") ? (row.approved ?? null) : null;
  fields.ended = has("ended") ? (row.ended ?? null) : null;
  fields.dockingClause = has("dockingClause") && Boolean(row.docking_clause);
  fields.ukAddendum = has("ukAddendum") && Boolean(row.uk_addendum);
  fields.swissAdaptations = has("swissAdaptations") && Boolean(row.swiss_adaptations);
  fields.variant = has("variant") ? (row.bcr_variant ?? null) : null;
  fields.reference = has("reference") ? (row.reference ?? "") : null;
  fields.basis = has("basis") ? (row.derogation_basis ?? null) : null;
  return { fields, extra: parseExtra(row.extra) };
}

const TRANSFER_TEXT = ["notes", "archivedAt"] as const;
const TRANSFER_KEYS = new Set([
  "id",
  "exporter",
  "recipient",
  "destination",
  "exporterRole",
  "recipientRole",
  "start",
  "end",
  "frequency",
  "safeguards",
  "tia",
  "tias",
  "dataCategories",
  "specialCategory",
  "dataSubjects",
  "purposes",
  ...TRANSFER_TEXT,
]);

function canonTransfer(t: Obj): Canonical {
  const fields: Obj = {
    exporter: t.exporter,
    recipient: t.recipient,
    destination: t.destination,
    exporterRole: t.exporterRole,
    recipientRole: t.recipientRole,
    start: t.start,
    end: text(t.end),
    frequency: t.frequency,
    safeguards: strings(t.safeguards),
    dataCategories: sorted(strings(t.dataCategories)),
    specialCategory: flag(t.specialCategory),
    dataSubjects: strings(t.dataSubjects),
    purposes: sorted(strings(t.purposes)),
    notes: text(t.notes),
    archivedAt: text(t.archivedAt),
  };
  return { fields, extra: extraOf(t, TRANSFER_KEYS) };
}

function canonTransferRow(row: Row, safeguardIds: string[], categories: string[], purposeIds: string[]): Canonical {
  const fields: Obj = {
    exporter: row.exporter_id,
    recipient: row.recipient_id,
    destination: row.destination,
    exporterRole: row.exporter_role,
    recipientRole: row.recipient_role,
    start: row.start,
    end: row.end ?? null,
    frequency: row.frequency,
    safeguards: safeguardIds,
    dataCategories: sorted(categories),
    specialCategory: Boolean(row.special_category),
    dataSubjects: strings(JSON.parse(String(row.data_subjects ?? "[]"))),
    purposes: sorted(purposeIds),
    notes: row.notes ?? null,
    archivedAt: row.archived_at ?? null,
  };
  return { fields, extra: parseExtra(row.extra) };
}

const TIA_TEXT = ["assessor", "outcome", "measuresTechnical", "measuresContractual", "measuresOrganisational", "nextReview", "documentRef"] as const;
/** The fields of a transfer's `tia` summary (FORMAT.md): kept when the document lists no `tias`. */
const TIA_SUMMARY_KEYS: ReadonlySet<string> = new Set(["completed", "nextReview", "outcome", "measuresTechnical", "measuresContractual", "measuresOrganisational"]);

function pick(source: Obj, keys: ReadonlySet<string>): Obj {
  const out: Obj = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}
const TIA_KEYS = new Set(["id", "completed", ...TIA_TEXT]);
const TIA_COLUMNS: Record<(typeof TIA_TEXT)[number], string> = {
  assessor: "assessor",
  outcome: "outcome",
  measuresTechnical: "measures_technical",
  measuresContractual: "measures_contractual",
  measuresOrganisational: "measures_organisational",
  nextReview: "next_review",
  documentRef: "document_ref",
};
type TiaFields = { completed: string; extra: string | null } & Record<(typeof TIA_TEXT)[number], string | null>;

/** An assessment from a document: its known fields, and every other field kept as `extra` JSON. */
function canonTia(a: Obj): TiaFields {
  const out = { completed: String(a.completed), extra: extraJson(extraOf(a, TIA_KEYS)) } as TiaFields;
  for (const k of TIA_TEXT) out[k] = text(a[k]);
  return out;
}

/** An assessment as stored (its `extra` column already holds JSON). */
function canonTiaRow(row: Row): TiaFields {
  const out = { completed: String(row.completed), extra: (row.extra as string | null) ?? null } as TiaFields;
  for (const k of TIA_TEXT) out[k] = (row[TIA_COLUMNS[k]] as string | null) ?? null;
  return out;
}

/** Names of the fields that differ, known fields first, then extra fields. */
function diff(current: Canonical, next: Canonical, rename: (field: string) => string = (f) => f): string[] {
  const changed: string[] = [];
  for (const k of Object.keys(next.fields)) if (!same(current.fields[k], next.fields[k])) changed.push(rename(k));
  for (const k of new Set([...Object.keys(current.extra), ...Object.keys(next.extra)])) {
    if (!(k in current.extra) || !(k in next.extra) || !same(current.extra[k], next.extra[k])) changed.push(k);
  }
  return changed;
}

// ---------------------------------------------------------------------------
// Limits and validation of the fields the database keeps (beyond the format's own rules)
// ---------------------------------------------------------------------------

const COVERED_DATA = ["hr", "non_hr", "both"] as const;
const TIA_OUTCOMES = ["proceed", "proceed_with_measures", "suspend"] as const;
const MAX_TEXT = IMPORT_LIMITS.maxTextLength;
/** The one rule for every entity id (REGISTRY_ID_PATTERN); the domain validator says the same of party ids. */
const ID_RULE = "must be 1–64 characters of a-z 0-9 . _ -";
/** Messages quote values; never echo a 1 MB string back. */
const MAX_MESSAGE = 1000;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max)}…`);
const quote = (value: unknown) => clip(JSON.stringify(value) ?? String(value), 80);
const fmt = (n: number) => n.toLocaleString("en");

class Issues {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  error(path: string, message: string) {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path, message });
  }
  warn(path: string, message: string) {
    if (this.warnings.length < MAX_ERRORS) this.warnings.push({ path, message });
  }
  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }
}

/** A JSON path from keys: `transfers[3].tias[0].board`, odd names quoted (`parties[0]["a b"]`). */
function jsonPath(keys: readonly (string | number)[]): string {
  let out = "";
  for (const k of keys) {
    if (typeof k === "number") out += `[${k}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(k)) out += out === "" ? k : `.${k}`;
    else out += `[${JSON.stringify(clip(k, 40))}]`;
  }
  return out === "" ? "$" : out;
}

interface Frame {
  value: object;
  /** Levels of objects and arrays down to this one, the document being 1. */
  depth: number;
  parent: Frame | null;
  key: string | number;
}

function framePath(frame: Frame, last: string | number): string {
  const keys: (string | number)[] = [last];
  for (let f: Frame | null = frame; f?.parent; f = f.parent) keys.push(f.key);
  return jsonPath(keys.reverse());
}

/**
 * The document's shape limits, checked without recursion (a document nested 10,000 levels deep must get a
 * message, not a stack overflow): nesting depth, field-name length, `__proto__`, and the longest string.
 * Returns whether some value nests too deep: then nothing else may look at the document (stringifying it
 * would overflow the stack).
 */
function checkStructure(issues: Issues, root: unknown): { tooDeep: boolean } {
  let tooDeep = false;
  if (typeof root !== "object" || root === null) return { tooDeep };
  const { maxDepth, maxFieldNameLength, maxStringLength } = IMPORT_LIMITS;
  const stack: Frame[] = [{ value: root, depth: 1, parent: null, key: "$" }];
  const visit = (frame: Frame, key: string | number, child: unknown) => {
    if (typeof child === "string") {
      if (child.length > maxStringLength) issues.error(framePath(frame, key), `is ${fmt(child.length)} characters long; the most is ${fmt(maxStringLength)}`);
    } else if (typeof child === "object" && child !== null) {
      if (frame.depth >= maxDepth) {
        tooDeep = true;
        issues.error(framePath(frame, key), `nests objects and arrays more than ${maxDepth} levels deep (counting the document as level 1); flatten this field`);
      } else stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
    }
  };
  while (stack.length > 0 && !issues.full) {
    const frame = stack.pop()!;
    const value = frame.value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(frame, i, value[i]);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key.length > maxFieldNameLength) {
        issues.error(framePath(frame, key), `a field name may be at most ${maxFieldNameLength} characters (this one has ${fmt(key.length)})`);
        continue;
      }
      if (key === "__proto__") {
        issues.error(framePath(frame, key), "__proto__ is not allowed as a field name");
        continue;
      }
      visit(frame, key, (value as Obj)[key]);
    }
  }
  return { tooDeep };
}

function checkText(issues: Issues, value: unknown, path: string, max: number = MAX_TEXT): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "string") issues.error(path, "must be text (a JSON string) or null");
  else if (value.length > max) issues.error(path, `must be at most ${fmt(max)} characters`);
}

function checkOneOf(issues: Issues, value: unknown, allowed: readonly string[], path: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "string" || !allowed.includes(value)) issues.error(path, `${quote(value)} is not one of: ${allowed.join(", ")}`);
}

function checkBoolean(issues: Issues, value: unknown, path: string): void {
  if (value !== undefined && value !== null && typeof value !== "boolean") issues.error(path, "must be true or false");
}

function checkOptionalDate(issues: Issues, value: unknown, path: string): void {
  if (value !== undefined && value !== null && !isValidIsoDate(value)) issues.error(path, `${quote(value)} is not a real date written YYYY-MM-DD`);
}

function checkInstant(issues: Issues, value: unknown, path: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "string" || value.length > 40 || Number.isNaN(Date.parse(value))) issues.error(path, "must be a date and time (ISO 8601) or null");
}

/** An entity id given as text: the one registry id pattern (the domain validator reports missing and non-text ids). */
function checkId(issues: Issues, value: unknown, path: string): void {
  if (typeof value === "string" && value.length > 0 && !REGISTRY_ID_PATTERN.test(value)) issues.error(path, ID_RULE);
}

/** A list of unique strings, each accepted by `known` (which returns an error message or null). */
function checkCodeList(issues: Issues, value: unknown, path: string, what: string, known: (code: string) => string | null): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    issues.error(path, `must be an array of ${what}`);
    return;
  }
  const seen = new Set<string>();
  value.forEach((code: unknown, i) => {
    if (typeof code !== "string") return issues.error(`${path}[${i}]`, `must be a ${what.replace(/s$/, "")} (text)`);
    if (seen.has(code)) return issues.error(`${path}[${i}]`, `${quote(code)} is listed twice`);
    seen.add(code);
    const problem = known(code);
    if (problem) issues.error(`${path}[${i}]`, problem);
  });
}

/** Each entry of a list of references appears once. */
function checkUnique(issues: Issues, list: unknown, path: string): void {
  if (!Array.isArray(list)) return;
  const seen = new Set<unknown>();
  list.forEach((ref: unknown, k) => {
    if (seen.has(ref)) issues.error(`${path}[${k}]`, `${quote(ref)} is listed twice`);
    seen.add(ref);
  });
}

interface Vocabulary {
  categories: ReadonlySet<string>;
  purposes: ReadonlySet<string>;
}

function loadVocabulary(db: DbOrTx): Vocabulary {
  return {
    categories: new Set(db.select({ id: dataCategories.id }).from(dataCategories).all().map((r) => r.id)),
    purposes: new Set(db.select({ id: purposes.id }).from(purposes).all().map((r) => r.id)),
  };
}

const unknownCode = (what: string, known: ReadonlySet<string>) => (code: string) =>
  known.has(code) ? null : `unknown ${what} ${quote(code)} (known: ${[...known].sort().join(", ")})`;

const isEmail = (v: string) => z.email().safeParse(v).success;

function checkParties(issues: Issues, list: unknown[], vocab: Vocabulary): void {
  list.forEach((p, i) => {
    if (!isObject(p)) return;
    const path = `parties[${i}]`;
    if (typeof p.name === "string" && p.name.length > IMPORT_LIMITS.partyName) issues.error(`${path}.name`, `must be at most ${IMPORT_LIMITS.partyName} characters`);
    checkOneOf(issues, p.serviceCategory, SERVICE_CATEGORIES, `${path}.serviceCategory`);
    checkOneOf(issues, p.adviserType, ADVISER_TYPES, `${path}.adviserType`);
    checkOneOf(issues, p.ccpaRole, CCPA_ROLES, `${path}.ccpaRole`);
    for (const k of ["registrationNumber", "contactName", "notes"] as const) checkText(issues, p[k], `${path}.${k}`);
    checkText(issues, p.website, `${path}.website`, IMPORT_LIMITS.website);
    // The website is shown as a link: only web addresses, never javascript: or data: URLs.
    if (typeof p.website === "string" && !/^https?:\/\/[^\s]+\.[^\s]+$/.test(p.website)) issues.error(`${path}.website`, "must be a web address starting with https:// or http://");
    checkText(issues, p.contactEmail, `${path}.contactEmail`, IMPORT_LIMITS.contactEmail);
    if (typeof p.contactEmail === "string" && p.contactEmail.length <= IMPORT_LIMITS.contactEmail && !isEmail(p.contactEmail)) {
      issues.error(`${path}.contactEmail`, `${quote(p.contactEmail)} is not a valid e-mail address`);
    }
    checkBoolean(issues, p.ccpaSale, `${path}.ccpaSale`);
    checkBoolean(issues, p.ccpaShare, `${path}.ccpaShare`);
    checkInstant(issues, p.archivedAt, `${path}.archivedAt`);
    checkCodeList(issues, p.processingLocations, `${path}.processingLocations`, "country codes", (c) => (isIsoCountryCode(c) ? null : `${quote(c)} is not an ISO 3166-1 alpha-2 country code`));
    checkCodeList(issues, p.dataCategories, `${path}.dataCategories`, "data category codes", unknownCode("data category", vocab.categories));
    if (!Array.isArray(p.certifications)) return;
    // A party's certification is identified by framework and start date: the same pair twice is one certification listed twice.
    const keys = new Map<string, number>();
    p.certifications.forEach((c: unknown, k) => {
      if (!isObject(c)) return;
      const cpath = `${path}.certifications[${k}]`;
      if (typeof c.framework === "string" && typeof c.from === "string") {
        const key = `${c.framework}|${c.from}`;
        const first = keys.get(key);
        if (first !== undefined) issues.error(cpath, `${quote(c.framework)} from ${quote(c.from)} is listed twice for this party (also at ${path}.certifications[${first}])`);
        else keys.set(key, k);
      }
      checkOneOf(issues, c.coveredData, COVERED_DATA, `${cpath}.coveredData`);
      checkOptionalDate(issues, c.verifiedOn, `${cpath}.verifiedOn`);
      checkText(issues, c.verifiedBy, `${cpath}.verifiedBy`, IMPORT_LIMITS.verifiedBy);
    });
  });
}

function checkSafeguards(issues: Issues, list: unknown[], partyIds: ReadonlySet<string>): void {
  list.forEach((s, i) => {
    if (!isObject(s)) return;
    const path = `safeguards[${i}]`;
    checkId(issues, s.id, `${path}.id`);
    if (s.title !== undefined && s.title !== null && (typeof s.title !== "string" || s.title.trim() === "")) issues.error(`${path}.title`, "must be non-empty text");
    else checkText(issues, s.title, `${path}.title`, IMPORT_LIMITS.safeguardTitle);
    if (SAFEGUARD_TYPE_KEY_SETS[String(s.type)]?.has("reference")) checkText(issues, s.reference, `${path}.reference`, IMPORT_LIMITS.reference);
    for (const k of ["ukAddendumVersion", "supervisoryAuthority", "governingLaw", "idtaVersion", "approvingAuthority", "justification", "notes"] as const) {
      checkText(issues, s[k], `${path}.${k}`);
    }
    checkOptionalDate(issues, s.saInformedOn, `${path}.saInformedOn`);
    checkInstant(issues, s.archivedAt, `${path}.archivedAt`);
    if (s.type === "scc") checkBoolean(issues, s.dockingClause, `${path}.dockingClause`);
    const listKey = s.type === "bcr" ? "members" : "parties";
    checkUnique(issues, s[listKey], `${path}.${listKey}`);
    // The format's validator checks the parties of every type but derogations; they are written as rows too.
    if (s.type === "derogation" && s.parties !== undefined && s.parties !== null) {
      if (!Array.isArray(s.parties)) issues.error(`${path}.parties`, "must be an array of party ids");
      else
        s.parties.forEach((ref: unknown, k) => {
          if (typeof ref !== "string" || !partyIds.has(ref)) issues.error(`${path}.parties[${k}]`, `unknown party id ${quote(ref)}`);
        });
    }
  });
}

function checkTransfers(issues: Issues, list: unknown[], vocab: Vocabulary): void {
  const tiaIds = new Map<string, string>();
  list.forEach((t, i) => {
    if (!isObject(t)) return;
    const path = `transfers[${i}]`;
    checkId(issues, t.id, `${path}.id`);
    checkCodeList(issues, t.dataCategories, `${path}.dataCategories`, "data category codes", unknownCode("data category", vocab.categories));
    checkCodeList(issues, t.purposes, `${path}.purposes`, "purpose codes", unknownCode("purpose", vocab.purposes));
    checkCodeList(issues, t.dataSubjects, `${path}.dataSubjects`, "data subject codes", (c) =>
      c.length > 0 && c.length <= IMPORT_LIMITS.dataSubject ? null : `must be 1–${IMPORT_LIMITS.dataSubject} characters`,
    );
    checkBoolean(issues, t.specialCategory, `${path}.specialCategory`);
    checkText(issues, t.notes, `${path}.notes`);
    checkInstant(issues, t.archivedAt, `${path}.archivedAt`);
    checkUnique(issues, t.safeguards, `${path}.safeguards`);
    if (t.tias === undefined || t.tias === null) {
      if (isObject(t.tia)) {
        for (const extra of Object.keys(t.tia)) {
          if (!TIA_SUMMARY_KEYS.has(extra)) issues.warn(`${path}.tia.${extra}`, "is not kept: list the assessment in tias[] to record its details");
        }
        checkOneOf(issues, t.tia.outcome, TIA_OUTCOMES, `${path}.tia.outcome`);
      }
      return;
    }
    if (!Array.isArray(t.tias)) {
      issues.error(`${path}.tias`, "must be an array of transfer impact assessments");
      return;
    }
    let latest: Obj | null = null;
    t.tias.forEach((a: unknown, k) => {
      const apath = `${path}.tias[${k}]`;
      if (!isObject(a)) return issues.error(apath, "must be an object");
      if (a.id !== undefined) {
        if (typeof a.id !== "string" || !REGISTRY_ID_PATTERN.test(a.id)) issues.error(`${apath}.id`, ID_RULE);
        else if (tiaIds.has(a.id)) issues.error(`${apath}.id`, `duplicate assessment id "${a.id}" (also at ${tiaIds.get(a.id)})`);
        else tiaIds.set(a.id, apath);
      }
      if (!isValidIsoDate(a.completed)) issues.error(`${apath}.completed`, "must be a real date written YYYY-MM-DD");
      checkOptionalDate(issues, a.nextReview, `${apath}.nextReview`);
      if (isValidIsoDate(a.completed) && isValidIsoDate(a.nextReview) && a.nextReview < a.completed) issues.error(`${apath}.nextReview`, `${a.nextReview} is before completed ${a.completed}`);
      checkOneOf(issues, a.outcome, TIA_OUTCOMES, `${apath}.outcome`);
      for (const f of ["assessor", "measuresTechnical", "measuresContractual", "measuresOrganisational", "documentRef"] as const) checkText(issues, a[f], `${apath}.${f}`);
      if (isValidIsoDate(a.completed) && (!latest || String(a.completed) >= String(latest.completed))) latest = a;
    });
    const summary = t.tia as unknown;
    const last = latest as Obj | null;
    if (isObject(summary) && last && (summary.completed !== last.completed || (summary.nextReview ?? null) !== (last.nextReview ?? null))) {
      issues.error(`${path}.tia`, `must match the latest assessment in tias (completed ${String(last.completed)}, next review ${String(last.nextReview ?? "none")})`);
    }
  });
}

// ---------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------

type Action = "add" | "change" | "unchanged";

interface Step<T, F = unknown> {
  id: string;
  label: string;
  action: Action;
  fields: string[];
  /** The row's version when planned (null for additions and for rows without a version). */
  version: number | null;
  next: T;
  /** The entity as the database holds it now (for the audit row's `before`). */
  current?: T;
  /** The stored row's timestamps (for the audit row's `before`). */
  stamps?: { createdAt: string; updatedAt: string };
  /**
   * The facts the record rules judged a written step with while planning (checkRecordRules), handed to its writer,
   * which judges it again with them before writing (null: an archived transfer, which is not judged).
   */
  facts?: F;
}

interface CertNext {
  partyId: string;
  framework: string;
  from: string;
  to: string | null;
  coveredData: string | null;
  verifiedOn: string | null;
  verifiedBy: string | null;
  /** Fields of the certification the registry does not model, as JSON, so they round-trip. */
  extra: string | null;
  position: number;
}

interface TiaNext extends TiaFields {
  transferId: string;
}

interface Plan {
  parties: Step<Canonical, PartyRuleContext>[];
  certifications: Step<CertNext, CertificationRuleContext>[];
  safeguards: Step<Canonical, SafeguardFacts>[];
  transfers: Step<Canonical, TransferRuleContext | null>[];
  tias: Step<TiaNext>[];
}

type Analysis = { ok: false; errors: ImportIssue[] } | { ok: true; plan: Plan; warnings: ImportIssue[]; sha256: string };

type Parsed = { ok: true; value: unknown; raw: string | null } | { ok: false; errors: ImportIssue[] };

function parseSource(source: RegistryImportSource): Parsed {
  if ("document" in source) return { ok: true, value: source.document, raw: null };
  if (source.text.length > MAX_IMPORT_BYTES) {
    return { ok: false, errors: [{ path: "$", message: `The document is larger than ${MAX_IMPORT_SIZE_LABEL}, the most the registry imports at once.` }] };
  }
  const raw = source.text.replace(/^\uFEFF/, "");
  if (raw.trim() === "") return { ok: false, errors: [{ path: "$", message: "The document is empty." }] };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown, raw };
  } catch (e) {
    return { ok: false, errors: [{ path: "$", message: clip(`This is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, MAX_MESSAGE) }] };
  }
}

const SECTION_RANK: Record<string, number> = { $: 0, format: 1, parties: 2, safeguards: 3, transfers: 4 };

/** Errors in document order: by section, then by index; the order within one entry is kept. */
function documentOrder(issues: ImportIssue[]): ImportIssue[] {
  const key = (p: string) => {
    const m = /^([a-zA-Z$]+)(?:\[(\d+)\])?/.exec(p);
    return [SECTION_RANK[m?.[1] ?? ""] ?? 9, Number(m?.[2] ?? -1)] as const;
  };
  return issues
    .map((issue, i) => ({ issue, i, k: key(issue.path) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.issue);
}

const MAX_ID_LENGTH = 64;

/** `base + suffix` within the id pattern's 64 characters: a long base is cut and given a hash, so it stays unique. */
function fitId(base: string, suffix = ""): string {
  const room = MAX_ID_LENGTH - suffix.length;
  if (base.length <= room) return base + suffix;
  const hash = crypto.createHash("sha256").update(base).digest("hex").slice(0, 12);
  return `${base.slice(0, room - hash.length - 1)}.${hash}${suffix}`;
}

/** Ids taken in the database (one prepared lookup) or already handed out by this plan. */
class IdRegistry {
  private readonly taken = new Set<string>();
  private readonly lookup: Database.Statement;
  constructor(client: Database.Database, table: "certification" | "transfer_impact_assessment") {
    this.lookup = client.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck();
  }
  reserve(id: string): void {
    this.taken.add(id);
  }
  /** A new id from `base` (`base`, `base-2`, `base-3`…), reserved. */
  unique(base: string): string {
    for (let n = 1; ; n++) {
      const id = fitId(base, n === 1 ? "" : `-${n}`);
      if (!this.taken.has(id) && this.lookup.get(id) === undefined) {
        this.taken.add(id);
        return id;
      }
    }
  }
}

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const row of rows) {
    const k = row[key] as string;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

function valuesBy(rows: Row[], key: string, value: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const k = row[key] as string;
    const list = map.get(k);
    if (list) list.push(row[value] as string);
    else map.set(k, [row[value] as string]);
  }
  return map;
}

function analyse(db: DbOrTx, source: RegistryImportSource): Analysis {
  const parsed = parseSource(source);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const finish = (errors: ImportIssue[]): Analysis => ({
    ok: false,
    errors: documentOrder(errors)
      .slice(0, MAX_ERRORS)
      .map((e) => ({ path: clip(e.path, MAX_MESSAGE), message: clip(e.message, MAX_MESSAGE) })),
  });

  // The shape limits first: a document nested too deep is not looked at any further.
  const shape = new Issues();
  const { tooDeep } = checkStructure(shape, value);
  if (tooDeep) return finish(shape.errors);

  const result = validateRegistryDocument(value);
  const issues = new Issues();
  const vocab = loadVocabulary(db);
  if (isObject(value)) {
    const partyIds = new Set(Array.isArray(value.parties) ? value.parties.filter(isObject).map((p) => p.id).filter((id): id is string => typeof id === "string") : []);
    if (Array.isArray(value.parties)) checkParties(issues, value.parties, vocab);
    if (Array.isArray(value.safeguards)) checkSafeguards(issues, value.safeguards, partyIds);
    if (Array.isArray(value.transfers)) checkTransfers(issues, value.transfers, vocab);
  }
  const errors = [...(result.ok ? [] : result.errors), ...issues.errors];
  // A too-long string is often also a bad id or text: say it once, with the more specific message.
  const reported = new Set(errors.map((e) => e.path));
  errors.push(...shape.errors.filter((e) => !reported.has(e.path)));
  if (errors.length) return finish(errors);

  const document = result.ok ? result.document : (value as RegistryDocument);
  const planned = planImport(db, document, issues);
  if (issues.errors.length) return finish(issues.errors);
  checkRecordRules(db, document, planned, vocab, issues);
  if (issues.errors.length) return finish(issues.errors);
  const sha256 = crypto
    .createHash("sha256")
    .update(parsed.raw ?? JSON.stringify(value) ?? "")
    .digest("hex");
  return { ok: true, plan: planned, warnings: documentOrder(issues.warnings), sha256 };
}

/** The columns the plan compares (not the timestamps), as `"a", "b"`. */
const columnList = (columns: readonly string[]) => ["id", "version", "created_at", "updated_at", ...columns].map((c) => `"${c}"`).join(", ");
const stampsOf = (row: Row) => ({ createdAt: row.created_at as string, updatedAt: row.updated_at as string });
const PARTY_READ = columnList(["name", "relationship", "country", "ccpa_sale", "ccpa_share", "extra", ...Object.values(PARTY_TEXT_COLUMNS)]);
const SAFEGUARD_READ = columnList([
  "type", "scc_version", "modules", "signed", "approved", "ended", "docking_clause", "uk_addendum", "swiss_adaptations", "bcr_variant", "reference",
  "derogation_basis", "extra", ...Object.values(SAFEGUARD_COMMON_COLUMNS),
]);
const TRANSFER_READ = columnList([
  "exporter_id", "recipient_id", "destination", "exporter_role", "recipient_role", "start", "end", "frequency", "special_category", "data_subjects", "notes",
  "archived_at", "extra",
]);

/** The ids of a section of the document, as one JSON array for `IN (SELECT value FROM json_each(?))`. */
const idsJson = (list: Obj[]) => JSON.stringify(list.map((e) => String(e.id)));
const IN_IDS = "IN (SELECT value FROM json_each(?))";

function planImport(db: DbOrTx, document: RegistryDocument, issues: Issues): Plan {
  const doc = document as unknown as { parties: Obj[]; safeguards?: Obj[]; transfers: Obj[] };
  const client = rawClient(db);
  const read = (sqlText: string, param: string) => client.prepare(sqlText).all(param) as Row[];

  const docNames = new Map(doc.parties.map((p) => [String(p.id), String(p.name)]));
  const partyName = (id: string) => docNames.get(id) ?? id;

  const plan: Plan = { parties: [], certifications: [], safeguards: [], transfers: [], tias: [] };

  // Parties: only the rows of the parties the document names.
  const partyIds = idsJson(doc.parties);
  const partyRows = read(`SELECT ${PARTY_READ} FROM party WHERE id ${IN_IDS}`, partyIds);
  const currentParties = new Map<string, { canon: Canonical; version: number; stamps: { createdAt: string; updatedAt: string } }>();
  if (partyRows.length) {
    const locations = valuesBy(read(`SELECT party_id, country FROM party_processing_location WHERE party_id ${IN_IDS}`, partyIds), "party_id", "country");
    const categories = valuesBy(read(`SELECT party_id, category_id FROM party_data_category WHERE party_id ${IN_IDS}`, partyIds), "party_id", "category_id");
    for (const r of partyRows) {
      const id = r.id as string;
      currentParties.set(id, { canon: canonPartyRow(r, locations.get(id) ?? [], categories.get(id) ?? []), version: r.version as number, stamps: stampsOf(r) });
    }
  }
  for (const p of doc.parties) {
    const id = String(p.id);
    const current = currentParties.get(id);
    plan.parties.push(step(id, String(p.name), canonParty(p), current));
  }

  // Certifications: a party's certification is identified by framework and start date.
  const certRows = partyRows.length ? read(`SELECT * FROM certification WHERE party_id ${IN_IDS} ORDER BY position, id`, partyIds) : [];
  const certByKey = new Map(certRows.map((c) => [`${String(c.party_id)}|${String(c.framework)}|${String(c.from)}`, c]));
  const certIds = new IdRegistry(client, "certification");
  for (const p of doc.parties) {
    const partyId = String(p.id);
    ((p.certifications as Obj[] | undefined) ?? []).forEach((c, position) => {
      const next: CertNext = {
        partyId,
        framework: String(c.framework),
        from: String(c.from),
        to: text(c.to),
        coveredData: text(c.coveredData),
        verifiedOn: text(c.verifiedOn),
        verifiedBy: text(c.verifiedBy),
        extra: extraJson(extraOf(c, CERT_KEYS)),
        position,
      };
      const label = `${partyName(partyId)}: ${next.framework} from ${next.from}`;
      const existing = certByKey.get(`${partyId}|${next.framework}|${next.from}`);
      if (!existing) {
        plan.certifications.push({ id: certIds.unique(`${partyId}.${next.framework}.${next.from}`), label, action: "add", fields: [], version: null, next });
        return;
      }
      const stored: CertNext = {
        partyId: existing.party_id as string,
        framework: existing.framework as string,
        from: existing.from as string,
        to: (existing.to as string | null) ?? null,
        coveredData: (existing.covered_data as string | null) ?? null,
        verifiedOn: (existing.verified_on as string | null) ?? null,
        verifiedBy: (existing.verified_by as string | null) ?? null,
        extra: (existing.extra as string | null) ?? null,
        position: existing.position as number,
      };
      const fields = (["to", "coveredData", "verifiedOn", "verifiedBy", "extra", "position"] as const).filter((k) => !same(stored[k], next[k]));
      plan.certifications.push({ id: existing.id as string, label, action: fields.length ? "change" : "unchanged", fields, version: existing.version as number, next, current: stored });
    });
  }

  // Safeguards.
  const safeguardList = doc.safeguards ?? [];
  const safeguardIds = idsJson(safeguardList);
  const safeguardRows = read(`SELECT ${SAFEGUARD_READ} FROM safeguard WHERE id ${IN_IDS}`, safeguardIds);
  const currentSafeguards = new Map<string, { canon: Canonical; version: number; stamps: { createdAt: string; updatedAt: string } }>();
  if (safeguardRows.length) {
    const members = valuesBy(read(`SELECT safeguard_id, party_id FROM safeguard_party WHERE safeguard_id ${IN_IDS} ORDER BY position, party_id`, safeguardIds), "safeguard_id", "party_id");
    for (const r of safeguardRows) {
      const id = r.id as string;
      currentSafeguards.set(id, { canon: canonSafeguardRow(r, members.get(id) ?? []), version: r.version as number, stamps: stampsOf(r) });
    }
  }
  const bcrRename = (f: string) => (f === "parties" ? "members" : f);
  for (const s of safeguardList) {
    const id = String(s.id);
    const next = canonSafeguard(s, partyName);
    const current = currentSafeguards.get(id);
    plan.safeguards.push(step(id, String(next.fields.title), next, current, s.type === "bcr" ? bcrRename : undefined));
  }

  // Transfers.
  const transferIds = idsJson(doc.transfers);
  const transferRows = read(`SELECT ${TRANSFER_READ} FROM transfer WHERE id ${IN_IDS}`, transferIds);
  const currentTransfers = new Map<string, { canon: Canonical; version: number; stamps: { createdAt: string; updatedAt: string } }>();
  if (transferRows.length) {
    const tSafeguards = valuesBy(read(`SELECT transfer_id, safeguard_id FROM transfer_safeguard WHERE transfer_id ${IN_IDS} ORDER BY position, safeguard_id`, transferIds), "transfer_id", "safeguard_id");
    const tCategories = valuesBy(read(`SELECT transfer_id, category_id FROM transfer_data_category WHERE transfer_id ${IN_IDS}`, transferIds), "transfer_id", "category_id");
    const tPurposes = valuesBy(read(`SELECT transfer_id, purpose_id FROM transfer_purpose WHERE transfer_id ${IN_IDS}`, transferIds), "transfer_id", "purpose_id");
    for (const r of transferRows) {
      const id = r.id as string;
      currentTransfers.set(id, { canon: canonTransferRow(r, tSafeguards.get(id) ?? [], tCategories.get(id) ?? [], tPurposes.get(id) ?? []), version: r.version as number, stamps: stampsOf(r) });
    }
  }

  // Impact assessments: those recorded for these transfers, and any recorded under an id the document names.
  const namedTiaIds: string[] = [];
  for (const t of doc.transfers) {
    if (!Array.isArray(t.tias)) continue;
    for (const a of t.tias as Obj[]) if (typeof a.id === "string") namedTiaIds.push(a.id);
  }
  const tiaIds = new IdRegistry(client, "transfer_impact_assessment");
  // Ids the document gives are reserved first, so no generated id can take one of them.
  for (const id of namedTiaIds) tiaIds.reserve(id);
  const tiasByTransfer = transferRows.length ? groupBy(read(`SELECT * FROM transfer_impact_assessment WHERE transfer_id ${IN_IDS}`, transferIds), "transfer_id") : new Map<string, Row[]>();
  const tiaById = new Map<string, Row>();
  if (namedTiaIds.length) for (const a of read(`SELECT * FROM transfer_impact_assessment WHERE id ${IN_IDS}`, JSON.stringify(namedTiaIds))) tiaById.set(a.id as string, a);

  doc.transfers.forEach((t, i) => {
    const id = String(t.id);
    const label = `${partyName(String(t.exporter))} → ${partyName(String(t.recipient))} (${String(t.destination)})`;
    const current = currentTransfers.get(id);
    plan.transfers.push(step(id, label, canonTransfer(t), current));

    const listed: { path: string; id: string | null; fields: TiaFields }[] = Array.isArray(t.tias)
      ? (t.tias as Obj[]).map((a, k) => ({ path: `transfers[${i}].tias[${k}]`, id: typeof a.id === "string" ? a.id : null, fields: canonTia(a) }))
      : isObject(t.tia)
        ? [{ path: `transfers[${i}].tia`, id: null, fields: canonTia(pick(t.tia, TIA_SUMMARY_KEYS)) }]
        : [];
    if (listed.length === 0) return;
    const stored = (tiasByTransfer.get(id) ?? []).map((a) => ({ id: a.id as string, ...canonTiaRow(a) }));
    for (const a of listed) {
      const tiaLabel = `${label}: completed ${a.fields.completed}`;
      const next: TiaNext = { transferId: id, ...a.fields };
      if (a.id !== null) {
        const existing = tiaById.get(a.id);
        if (existing && existing.transfer_id !== id) {
          issues.error(`${a.path}.id`, `assessment "${a.id}" is recorded for another transfer ("${String(existing.transfer_id)}")`);
          continue;
        }
        if (existing) {
          const recorded = canonTiaRow(existing);
          const changed = (["completed", ...TIA_TEXT, "extra"] as const).filter((k) => !same(recorded[k], a.fields[k]));
          if (changed.length) {
            issues.error(a.path, `assessment "${a.id}" is already recorded with a different ${changed.join(", ")}; recorded assessments are not changed by an import: give a new assessment its own id`);
          } else plan.tias.push({ id: a.id, label: tiaLabel, action: "unchanged", fields: [], version: null, next });
          continue;
        }
        plan.tias.push({ id: a.id, label: tiaLabel, action: "add", fields: [], version: null, next });
        continue;
      }
      // Without an id, an assessment is already recorded when one with the same details is.
      const match = a.path.endsWith(".tia")
        ? stored.find((s) => s.completed === a.fields.completed && s.nextReview === a.fields.nextReview)
        : stored.find((s) => (["completed", ...TIA_TEXT, "extra"] as const).every((k) => s[k] === a.fields[k]));
      if (match) plan.tias.push({ id: match.id, label: tiaLabel, action: "unchanged", fields: [], version: null, next });
      else plan.tias.push({ id: tiaIds.unique(`${id}.tia.${a.fields.completed}`), label: tiaLabel, action: "add", fields: [], version: null, next });
    }
  });
  return plan;
}

// ---------------------------------------------------------------------------
// The record rules (server/domain/registry/record-rules.ts), as the forms apply them
// ---------------------------------------------------------------------------

const DOC_FIELD = DOCUMENT_FIELD_NAMES;

/**
 * Runs the record rules over every entity the plan would add or change, with the context built from the document
 * (its parties are the truth for every reference it makes) plus, for the safeguards it archives or retypes, the
 * transfers outside the document that rely on them (one query for all of them). Each refusal names its JSON path.
 * Each written step keeps the facts it was judged with (`facts`): its writer judges it again with them at apply.
 */
function checkRecordRules(db: DbOrTx, document: RegistryDocument, plan: Plan, vocab: Vocabulary, issues: Issues): void {
  const doc = document as unknown as { parties: Obj[]; safeguards?: Obj[]; transfers: Obj[] };
  const writes = (s: Step<unknown>) => s.action !== "unchanged";
  const refuse = (path: string, violations: RuleViolation[], names: Readonly<Record<string, string>> = {}) => {
    for (const v of violations) issues.error(`${path}.${names[v.field] ?? v.field}`, v.summary);
  };

  const facts = new Map<string, PartyFacts>();
  for (const p of doc.parties) {
    const id = String(p.id);
    facts.set(id, { id, name: String(p.name), relationship: String(p.relationship), country: String(p.country), processingLocations: strings(p.processingLocations) });
  }

  // Parties and their certifications (the document lists a party's certifications; stored ones it leaves out stay).
  const plannedCerts = new Map<string, Step<CertNext, CertificationRuleContext>[]>();
  for (const c of plan.certifications) {
    const list = plannedCerts.get(c.next.partyId);
    if (list) list.push(c);
    else plannedCerts.set(c.next.partyId, [c]);
  }
  // A stored party whose relationship, country or locations change: the live transfers that will name it and that
  // the import does not itself write (those it writes get their own transfer rules below).
  const moved = plan.parties.filter((s) => s.action === "change" && s.fields.some((f) => f === "relationship" || f === "country" || f === "processingLocations"));
  const dependents = new Map<string, { exporting: string[]; receiving: { id: string; destination: string }[] }>();
  if (moved.length) {
    for (const s of moved) dependents.set(s.id, { exporting: [], receiving: [] });
    const written = new Set(plan.transfers.filter(writes).map((s) => s.id));
    const inDocument = new Set(doc.transfers.map((t) => String(t.id)));
    const note = (id: string, exporter: string, recipient: string, destination: string) => {
      dependents.get(exporter)?.exporting.push(id);
      dependents.get(recipient)?.receiving.push({ id, destination });
    };
    for (const t of doc.transfers) {
      if (!written.has(String(t.id)) && text(t.archivedAt) === null) note(String(t.id), String(t.exporter), String(t.recipient), String(t.destination));
    }
    const ids = JSON.stringify(moved.map((s) => s.id));
    const client = rawClient(db);
    const live = (column: "exporter_id" | "recipient_id") =>
      client.prepare(`SELECT id, exporter_id AS e, recipient_id AS r, destination AS d FROM transfer WHERE ${column} ${IN_IDS} AND archived_at IS NULL`).all(ids) as { id: string; e: string; r: string; d: string }[];
    const seen = new Set<string>();
    for (const r of [...live("exporter_id"), ...live("recipient_id")]) {
      if (inDocument.has(r.id) || seen.has(r.id)) continue;
      seen.add(r.id);
      note(r.id, r.e, r.r, r.d);
    }
  }
  doc.parties.forEach((p, i) => {
    const stepOf = plan.parties[i];
    if (stepOf && writes(stepOf)) {
      const f = stepOf.next.fields;
      const record = { relationship: String(f.relationship), country: String(f.country), processingLocations: f.processingLocations as string[], dataCategories: f.dataCategories as string[] };
      stepOf.facts = { knownDataCategories: vocab.categories, dependents: dependents.get(stepOf.id) };
      refuse(`parties[${i}]`, partyRules(record, stepOf.facts));
    }
    const certs = plannedCerts.get(String(p.id)) ?? [];
    const siblings = certs.map((c) => ({ id: c.id, framework: c.next.framework, from: c.next.from }));
    certs.forEach((c, k) => {
      if (!writes(c)) return;
      c.facts = { partyCertifications: siblings };
      refuse(`parties[${i}].certifications[${k}]`, certificationRules({ id: c.id, framework: c.next.framework, from: c.next.from }, c.facts));
    });
  });

  // Safeguards: who relies on those whose archiving or type this import changes.
  const safeguardList = doc.safeguards ?? [];
  const watched = new Set<string>();
  for (const s of plan.safeguards) {
    if (!writes(s)) continue;
    const archiving = s.next.fields.archivedAt !== null && (s.current === undefined || s.current.fields.archivedAt === null);
    const retyping = s.current !== undefined && s.current.fields.type !== s.next.fields.type;
    if (archiving || retyping) watched.add(s.id);
  }
  const relying = new Map<string, { id: string; archived: boolean }[]>();
  const relies = (safeguardId: string, transfer: { id: string; archived: boolean }) => {
    const list = relying.get(safeguardId);
    if (list) list.push(transfer);
    else relying.set(safeguardId, [transfer]);
  };
  if (watched.size) {
    const inDocument = new Set(doc.transfers.map((t) => String(t.id)));
    // The document's transfers say which safeguards they rely on; the stored links of those transfers are replaced.
    for (const t of doc.transfers) for (const sid of strings(t.safeguards)) if (watched.has(sid)) relies(sid, { id: String(t.id), archived: text(t.archivedAt) !== null });
    const stored = rawClient(db)
      .prepare(`SELECT ts.safeguard_id AS sid, t.id AS id, t.archived_at AS archivedAt FROM transfer_safeguard ts JOIN transfer t ON t.id = ts.transfer_id WHERE ts.safeguard_id ${IN_IDS}`)
      .all(JSON.stringify([...watched])) as { sid: string; id: string; archivedAt: string | null }[];
    for (const r of stored) if (!inDocument.has(r.id)) relies(r.sid, { id: r.id, archived: r.archivedAt !== null });
  }
  const ckb = getCompiledKnowledgeBase(db);
  safeguardList.forEach((s, i) => {
    const stepOf = plan.safeguards[i];
    if (!stepOf || !writes(stepOf)) return;
    const f = stepOf.next.fields;
    const partyIds = f.parties as string[];
    stepOf.facts = { ckb, parties: partyIds.map((id) => facts.get(id)).filter((x): x is PartyFacts => x !== undefined), relyingTransfers: relying.get(stepOf.id) ?? [] };
    const violations = safeguardRules(
      { type: String(f.type), sccVersion: f.version as string | null, signed: f.signed as string | null, partyIds, archivedAt: f.archivedAt as string | null },
      { ...stepOf.facts, before: stepOf.current ? { type: String(stepOf.current.fields.type), archivedAt: (stepOf.current.fields.archivedAt as string | null) ?? null } : null },
    );
    refuse(`safeguards[${i}]`, violations, s.type === "bcr" ? { ...DOC_FIELD.safeguard, partyIds: "members" } : DOC_FIELD.safeguard);
  });

  // Transfers and their new assessments.
  const today = new Date().toISOString().slice(0, 10);
  const newTias = new Set(plan.tias.filter((a) => a.action === "add").map((a) => `${a.next.transferId}|${a.next.completed}`));
  doc.transfers.forEach((t, i) => {
    const stepOf = plan.transfers[i];
    // An archived transfer is history (the forms no longer edit it): only live ones are judged.
    if (stepOf && writes(stepOf)) stepOf.facts = null;
    if (stepOf && writes(stepOf) && stepOf.next.fields.archivedAt === null) {
      const f = stepOf.next.fields;
      const record = {
        exporterId: String(f.exporter),
        recipientId: String(f.recipient),
        destination: String(f.destination),
        dataCategories: f.dataCategories as string[],
        purposes: f.purposes as string[],
        safeguardIds: f.safeguards as string[],
      };
      stepOf.facts = { exporter: facts.get(record.exporterId), recipient: facts.get(record.recipientId), knownDataCategories: vocab.categories, knownPurposes: vocab.purposes };
      refuse(`transfers[${i}]`, transferRules(record, stepOf.facts), DOC_FIELD.transfer);
    }
    const listed: { path: string; completed: unknown }[] = Array.isArray(t.tias)
      ? (t.tias as Obj[]).map((a, k) => ({ path: `transfers[${i}].tias[${k}]`, completed: a.completed }))
      : isObject(t.tia)
        ? [{ path: `transfers[${i}].tia`, completed: t.tia.completed }]
        : [];
    for (const a of listed) {
      if (typeof a.completed === "string" && newTias.has(`${String(t.id)}|${a.completed}`)) refuse(a.path, tiaRules({ completed: a.completed }, { today }));
    }
  });
}

function step<F>(
  id: string,
  label: string,
  next: Canonical,
  stored: { canon: Canonical; version: number; stamps: { createdAt: string; updatedAt: string } } | undefined,
  rename?: (f: string) => string,
): Step<Canonical, F> {
  if (!stored) return { id, label, action: "add", fields: [], version: null, next };
  const fields = diff(stored.canon, next, rename);
  return { id, label, action: fields.length ? "change" : "unchanged", fields, version: stored.version, next, current: stored.canon, stamps: stored.stamps };
}

function planHash(plan: Plan, sha256: string): string {
  const writes = ENTITY_KINDS.flatMap((kind) =>
    (plan[kind] as Step<unknown>[]).filter((s) => s.action !== "unchanged").map((s) => [kind, s.id, s.action, s.fields, s.version]),
  );
  return crypto.createHash("sha256").update(JSON.stringify([sha256, writes])).digest("hex").slice(0, 32);
}

function countsOf(plan: Plan): RegistryImportResult["counts"] {
  const out = {} as RegistryImportResult["counts"];
  for (const kind of ENTITY_KINDS) {
    const c = { added: 0, changed: 0, unchanged: 0 };
    for (const s of plan[kind] as Step<unknown>[]) c[s.action === "add" ? "added" : s.action === "change" ? "changed" : "unchanged"]++;
    out[kind] = c;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Writing a plan: the aggregates' writers (./writers), the same the forms write with
// ---------------------------------------------------------------------------

const extraOrNull = (extra: Obj): Record<string, unknown> | null => (Object.keys(extra).length ? extra : null);

/** A canonical party (document field names) as the party writer takes it. */
function partyState(e: Canonical): PartyState {
  return { ...(e.fields as unknown as PartyState), extra: extraOrNull(e.extra) };
}

/** A canonical safeguard as the safeguard writer takes it (the detail's names: `sccVersion`, `partyIds`…). */
function safeguardState(e: Canonical): SafeguardState {
  const f = e.fields;
  return {
    type: f.type as string,
    title: f.title as string,
    sccVersion: f.version as string | null,
    modules: (f.modules as number[] | null) ?? [],
    signed: f.signed as string | null,
    approved: f.approved as string | null,
    ended: f.ended as string | null,
    dockingClause: f.dockingClause as boolean,
    ukAddendum: f.ukAddendum as boolean,
    ukAddendumVersion: f.ukAddendumVersion as string | null,
    swissAdaptations: f.swissAdaptations as boolean,
    supervisoryAuthority: f.supervisoryAuthority as string | null,
    governingLaw: f.governingLaw as string | null,
    idtaVersion: f.idtaVersion as string | null,
    bcrVariant: f.variant as string | null,
    approvingAuthority: f.approvingAuthority as string | null,
    reference: f.reference as string | null,
    derogationBasis: f.basis as string | null,
    justification: f.justification as string | null,
    saInformedOn: f.saInformedOn as string | null,
    notes: f.notes as string | null,
    extra: extraOrNull(e.extra),
    archivedAt: f.archivedAt as string | null,
    partyIds: f.parties as string[],
  };
}

/** A canonical transfer as the transfer writer takes it (the detail's names: `exporterId`, `safeguardIds`…). */
function transferState(e: Canonical): TransferState {
  const f = e.fields;
  return {
    exporterId: f.exporter as string,
    recipientId: f.recipient as string,
    destination: f.destination as string,
    exporterRole: f.exporterRole as string,
    recipientRole: f.recipientRole as string,
    specialCategory: f.specialCategory as boolean,
    dataSubjects: f.dataSubjects as string[],
    frequency: f.frequency as string,
    start: f.start as string,
    end: f.end as string | null,
    notes: f.notes as string | null,
    extra: extraOrNull(e.extra),
    archivedAt: f.archivedAt as string | null,
    safeguardIds: f.safeguards as string[],
    dataCategories: f.dataCategories as string[],
    purposes: f.purposes as string[],
  };
}

/** The facts a written step was judged with while planning (checkRecordRules judges every one it writes). */
function judgedWith<F>(s: Step<unknown, F>): F {
  if (s.facts === undefined) throw new Error(`registry import: "${s.id}" was planned without the facts of its record rules`);
  return s.facts;
}

/**
 * The plan's adds and changes of one kind as writer steps: the entity to be, as stored (with its stamps), and the
 * facts planning judged it with (the writer judges it again with them: no read per row).
 */
function writerSteps<S, F>(list: readonly Step<Canonical, F>[], state: (e: Canonical) => S): (WriteStep<S> & { facts: F })[] {
  const out: (WriteStep<S> & { facts: F })[] = [];
  for (const s of list) {
    if (s.action === "unchanged") continue;
    const before = s.current ? { ...state(s.current), version: s.version ?? undefined, ...s.stamps } : null;
    out.push({ action: s.action, id: s.id, version: s.version, next: state(s.next), before, facts: judgedWith(s) });
  }
  return out;
}

/**
 * Writes every add and change of the plan through the aggregates' writers, kind by kind (parents before the rows
 * that refer to them): the rows, their child rows and one audit row per entity, in the shape the forms' writes
 * have. Returns the number of audit rows.
 */
function writePlan(tx: DbOrTx, actor: Actor, plan: Plan, now: Date): number {
  const options = { onStale: registryChanged };
  let audited = 0;
  audited += writeParties(tx, actor, writerSteps(plan.parties, partyState), now, options).length;
  const certSteps: CertificationWriteStep[] = [];
  for (const s of plan.certifications) {
    if (s.action === "unchanged") continue;
    certSteps.push({ action: s.action, id: s.id, version: s.version, next: s.next, before: s.current ? { ...s.current, version: s.version ?? undefined } : null, facts: judgedWith(s) });
  }
  audited += writeCertifications(tx, actor, certSteps, now, options).length;
  audited += writeSafeguards(tx, actor, writerSteps(plan.safeguards, safeguardState), now, options).length;
  audited += writeTransfers(tx, actor, writerSteps(plan.transfers, transferState), now, options).length;
  audited += addTias(tx, actor, plan.tias.filter((s) => s.action === "add").map((s) => ({ id: s.id, next: s.next })), now).length;
  return audited;
}

// ---------------------------------------------------------------------------
// Use cases
// ---------------------------------------------------------------------------

/** Validates a document and says what importing it would do. Changes nothing. */
export function previewRegistryImport(db: DbOrTx, source: RegistryImportSource): RegistryImportPreview {
  const analysis = analyse(db, source);
  if (!analysis.ok) return analysis;
  const { plan } = analysis;
  const counts = countsOf(plan);
  const kinds = {} as Record<EntityKind, KindPreview>;
  for (const kind of ENTITY_KINDS) {
    const lists: Record<Action, PlannedEntity[]> = { add: [], change: [], unchanged: [] };
    for (const s of plan[kind] as Step<unknown>[]) {
      const list = lists[s.action];
      if (list.length < MAX_LISTED) list.push({ id: s.id, label: s.label, fields: s.fields });
    }
    kinds[kind] = { counts: counts[kind], added: lists.add, changed: lists.change, unchanged: lists.unchanged };
  }
  const totalChanges = ENTITY_KINDS.reduce((n, k) => n + counts[k].added + counts[k].changed, 0);
  return { ok: true, kinds, warnings: analysis.warnings, totalChanges, planHash: planHash(plan, analysis.sha256) };
}

/** Thrown inside the transaction when the document has errors; carries them to the caller. */
export class RegistryImportRejected extends AppError {
  constructor(readonly errors: ImportIssue[]) {
    super(
      "BAD_REQUEST",
      `The registry document has ${errors.length === 1 ? "1 error" : `${errors.length} errors`}; nothing was imported. First: ${errors[0]?.path}: ${errors[0]?.message}`,
    );
  }
}

const registryChanged = () =>
  new AppError(
    "CONFLICT",
    "The registry changed after your preview (someone edited or imported in the meantime). Nothing was imported: check the document again to see the current preview, then apply it.",
  );

/**
 * Imports a document: all of it in one synchronous transaction, or nothing.
 * Throws RegistryImportRejected (BAD_REQUEST) when it has errors, and CONFLICT
 * when `planHash` is given and the registry changed since that preview.
 * Audit: one row per created or updated entity (before/after as the document names the fields) and one
 * `registry.import` row with the file name, the document's SHA-256 and the counts per kind.
 */
export function applyRegistryImport(db: Db, actor: Actor, source: RegistryImportSource & { planHash?: string }): RegistryImportResult {
  return db.transaction((tx) => {
    const analysis = analyse(tx, source);
    if (!analysis.ok) throw new RegistryImportRejected(analysis.errors);
    const { plan } = analysis;
    if (source.planHash !== undefined && source.planHash !== planHash(plan, analysis.sha256)) throw registryChanged();
    const now = new Date();
    const entityRows = writePlan(tx, actor, plan, now);
    const counts = countsOf(plan);
    recordAudit(tx, actor, { action: "registry.import", entityType: "registry", entityId: "registry", before: null, after: { fileName: source.fileName ?? null, sha256: analysis.sha256, counts, warnings: analysis.warnings.length } }, now);
    // The stored verdicts of every transfer this import touched, in the same transaction.
    syncVerdicts(tx);
    return { counts, auditRows: entityRows + 1 };
  });
}
