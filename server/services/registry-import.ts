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
 * - preview: validate (the domain validator, then the fields the database keeps and
 *   the codes it knows) and say, per kind of entity, what would be added, changed
 *   (with the field names) or left unchanged, plus a hash of that plan;
 * - apply: plan again and write everything in ONE synchronous transaction, with an
 *   audit row per created or updated entity and one `registry.import` summary row.
 *   A document with any error changes nothing. When the caller passes the preview's
 *   hash, a registry that changed in between is refused (optimistic concurrency
 *   across the two requests); each update also checks and bumps the row's version.
 */
import crypto from "node:crypto";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import {
  certifications,
  dataCategories,
  parties,
  partyDataCategories,
  partyProcessingLocations,
  purposes,
  safeguardParties,
  safeguards,
  transferDataCategories,
  transferImpactAssessments,
  transferPurposes,
  transfers,
  transferSafeguards,
} from "@/db/schema";
import type { AuditAction, EntityType } from "@/server/audit/actions";
import { recordAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { isValidIsoDate } from "@/server/domain/dates";
import { isIsoCountryCode, validateRegistryDocument, type RegistryDocument } from "@/server/domain/registry";
import { AppError } from "@/server/errors";
import { ADVISER_TYPES, CCPA_ROLES, SERVICE_CATEGORIES } from "@/server/schemas/party";
import { readRegistryDocument } from "./registry-document";

// ---------------------------------------------------------------------------
// Public types and input schemas
// ---------------------------------------------------------------------------

/** The largest document accepted (the demo registry is ~80 kB; 100,000 transfers are ~40 MB). */
export const MAX_REGISTRY_TEXT_LENGTH = 50_000_000;

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

export const registryImportTextSchema = z.object({
  text: z.string().max(MAX_REGISTRY_TEXT_LENGTH, "The document is larger than 50 MB."),
  /** The uploaded file's name, recorded in the audit row. */
  fileName: z.string().max(255).optional(),
});

export const applyRegistryImportSchema = registryImportTextSchema.extend({
  /** The preview's planHash: when given, a registry that changed since the preview is refused. */
  planHash: z.string().min(1).max(128).optional(),
});

export type RegistryImportSource = { text: string; fileName?: string } | { document: unknown; fileName?: string };

const MAX_LISTED = 500;
const MAX_ERRORS = 1000;

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

/** The registry as the downloadable file: pretty JSON with a final newline, named for the day. */
export function exportRegistryFile(db: DbOrTx, date: string): { fileName: string; body: string } {
  return { fileName: `transfer-registry-${date}.json`, body: `${JSON.stringify(readRegistryDocument(db), null, 2)}\n` };
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
// Canonical forms: an entity as the fields the export writes
// ---------------------------------------------------------------------------

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
const flag = (v: unknown): boolean => v === true;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const sorted = (v: string[]): string[] => [...v].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** An entity as doc-named fields (each known field with its canonical value) plus the fields kept in `extra`. */
interface Canonical {
  fields: Obj;
  extra: Obj;
}

function extraOf(source: Obj, consumed: ReadonlySet<string>): Obj {
  const extra: Obj = {};
  for (const [k, v] of Object.entries(source)) if (!consumed.has(k)) extra[k] = v;
  return extra;
}

const PARTY_TEXT = ["serviceCategory", "adviserType", "registrationNumber", "website", "contactName", "contactEmail", "ccpaRole", "notes", "archivedAt"] as const;
const PARTY_KEYS = new Set(["id", "name", "relationship", "country", "certifications", "processingLocations", "dataCategories", "ccpaSale", "ccpaShare", ...PARTY_TEXT]);

function canonParty(p: Obj): Canonical {
  const fields: Obj = { name: p.name, relationship: p.relationship, country: p.country };
  for (const k of PARTY_TEXT) fields[k] = text(p[k]);
  fields.ccpaSale = flag(p.ccpaSale);
  fields.ccpaShare = flag(p.ccpaShare);
  fields.processingLocations = sorted(strings(p.processingLocations));
  fields.dataCategories = sorted(strings(p.dataCategories));
  return { fields, extra: extraOf(p, PARTY_KEYS) };
}

const CERT_KEYS = new Set(["framework", "from", "to", "coveredData", "verifiedOn", "verifiedBy"]);

const SAFEGUARD_COMMON = ["title", "ukAddendumVersion", "supervisoryAuthority", "governingLaw", "idtaVersion", "approvingAuthority", "justification", "saInformedOn", "notes", "archivedAt"] as const;
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
  const typeKeys = new Set(SAFEGUARD_TYPE_KEYS[type] ?? []);
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
  return { fields, extra: extraOf(s, new Set(["id", "type", ...SAFEGUARD_COMMON, ...typeKeys])) };
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
  };
  for (const k of TRANSFER_TEXT) fields[k] = text(t[k]);
  return { fields, extra: extraOf(t, TRANSFER_KEYS) };
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
type TiaFields = { completed: string; extra: string | null } & Record<(typeof TIA_TEXT)[number], string | null>;

/** An assessment from a document: its known fields, and every other field kept as `extra` JSON. */
function canonTia(a: Obj): TiaFields {
  const out = { completed: String(a.completed), extra: extraJson(extraOf(a, TIA_KEYS)) } as TiaFields;
  for (const k of TIA_TEXT) out[k] = text(a[k]);
  return out;
}

/** An assessment as stored (its `extra` column already holds JSON). */
function canonTiaRow(row: typeof transferImpactAssessments.$inferSelect): TiaFields {
  const out = { completed: row.completed, extra: row.extra ?? null } as TiaFields;
  for (const k of TIA_TEXT) out[k] = row[k];
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

/** What an audit row shows of an entity: its id, its fields as the document names them, and its version. */
const snapshot = (id: string, entity: Canonical | undefined, version: number | null) =>
  entity ? { id, ...entity.fields, ...entity.extra, version } : null;

const extraJson = (extra: Obj) => (Object.keys(extra).length ? JSON.stringify(extra) : null);

// ---------------------------------------------------------------------------
// Validation of the fields the database keeps (beyond the format's own rules)
// ---------------------------------------------------------------------------

const COVERED_DATA = ["hr", "non_hr", "both"] as const;
const TIA_OUTCOMES = ["proceed", "proceed_with_measures", "suspend"] as const;
const MAX_TEXT = 5000;

class Issues {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  error(path: string, message: string) {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path, message });
  }
  warn(path: string, message: string) {
    if (this.warnings.length < MAX_ERRORS) this.warnings.push({ path, message });
  }
}

function checkText(issues: Issues, value: unknown, path: string, max = MAX_TEXT): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "string") issues.error(path, "must be text (a JSON string) or null");
  else if (value.length > max) issues.error(path, `must be at most ${max} characters`);
}

function checkOneOf(issues: Issues, value: unknown, allowed: readonly string[], path: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "string" || !allowed.includes(value)) issues.error(path, `${JSON.stringify(value)} is not one of: ${allowed.join(", ")}`);
}

function checkBoolean(issues: Issues, value: unknown, path: string): void {
  if (value !== undefined && value !== null && typeof value !== "boolean") issues.error(path, "must be true or false");
}

function checkOptionalDate(issues: Issues, value: unknown, path: string): void {
  if (value !== undefined && value !== null && !isValidIsoDate(value)) issues.error(path, `${JSON.stringify(value)} is not a real date written YYYY-MM-DD`);
}

function checkInstant(issues: Issues, value: unknown, path: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "string" || Number.isNaN(Date.parse(value))) issues.error(path, "must be a date and time (ISO 8601) or null");
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
    if (seen.has(code)) return issues.error(`${path}[${i}]`, `"${code}" is listed twice`);
    seen.add(code);
    const problem = known(code);
    if (problem) issues.error(`${path}[${i}]`, problem);
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
  known.has(code) ? null : `unknown ${what} "${code}" (known: ${[...known].sort().join(", ")})`;

const isEmail = (v: string) => z.email().safeParse(v).success;

function checkParties(issues: Issues, list: unknown[], vocab: Vocabulary): void {
  list.forEach((p, i) => {
    if (!isObject(p)) return;
    const path = `parties[${i}]`;
    if (typeof p.name === "string" && p.name.length > 200) issues.error(`${path}.name`, "must be at most 200 characters");
    checkOneOf(issues, p.serviceCategory, SERVICE_CATEGORIES, `${path}.serviceCategory`);
    checkOneOf(issues, p.adviserType, ADVISER_TYPES, `${path}.adviserType`);
    checkOneOf(issues, p.ccpaRole, CCPA_ROLES, `${path}.ccpaRole`);
    for (const k of ["registrationNumber", "contactName", "notes"] as const) checkText(issues, p[k], `${path}.${k}`);
    checkText(issues, p.website, `${path}.website`, 300);
    // The website is shown as a link: only web addresses, never javascript: or data: URLs.
    if (typeof p.website === "string" && !/^https?:\/\/[^\s]+\.[^\s]+$/.test(p.website)) issues.error(`${path}.website`, "must be a web address starting with https:// or http://");
    checkText(issues, p.contactEmail, `${path}.contactEmail`, 320);
    if (typeof p.contactEmail === "string" && !isEmail(p.contactEmail)) issues.error(`${path}.contactEmail`, `"${p.contactEmail}" is not a valid e-mail address`);
    checkBoolean(issues, p.ccpaSale, `${path}.ccpaSale`);
    checkBoolean(issues, p.ccpaShare, `${path}.ccpaShare`);
    checkInstant(issues, p.archivedAt, `${path}.archivedAt`);
    checkCodeList(issues, p.processingLocations, `${path}.processingLocations`, "country codes", (c) => (isIsoCountryCode(c) ? null : `"${c}" is not an ISO 3166-1 alpha-2 country code`));
    checkCodeList(issues, p.dataCategories, `${path}.dataCategories`, "data category codes", unknownCode("data category", vocab.categories));
    if (!Array.isArray(p.certifications)) return;
    const keys = new Set<string>();
    p.certifications.forEach((c: unknown, k) => {
      if (!isObject(c)) return;
      const cpath = `${path}.certifications[${k}]`;
      const key = `${String(c.framework)}|${String(c.from)}`;
      if (keys.has(key)) issues.error(cpath, `${String(c.framework)} from ${String(c.from)} is listed twice for this party`);
      keys.add(key);
      checkOneOf(issues, c.coveredData, COVERED_DATA, `${cpath}.coveredData`);
      checkOptionalDate(issues, c.verifiedOn, `${cpath}.verifiedOn`);
      checkText(issues, c.verifiedBy, `${cpath}.verifiedBy`, 200);
    });
  });
}

function checkSafeguards(issues: Issues, list: unknown[]): void {
  list.forEach((s, i) => {
    if (!isObject(s)) return;
    const path = `safeguards[${i}]`;
    if (s.title !== undefined && s.title !== null && (typeof s.title !== "string" || s.title.trim() === "")) issues.error(`${path}.title`, "must be non-empty text");
    checkText(issues, s.title, `${path}.title`, 300);
    for (const k of ["ukAddendumVersion", "supervisoryAuthority", "governingLaw", "idtaVersion", "approvingAuthority", "justification", "notes"] as const) {
      checkText(issues, s[k], `${path}.${k}`);
    }
    checkOptionalDate(issues, s.saInformedOn, `${path}.saInformedOn`);
    checkInstant(issues, s.archivedAt, `${path}.archivedAt`);
    if (s.type === "scc") checkBoolean(issues, s.dockingClause, `${path}.dockingClause`);
    const listKey = s.type === "bcr" ? "members" : "parties";
    const refs = s[listKey];
    if (Array.isArray(refs)) {
      const seen = new Set<unknown>();
      refs.forEach((ref: unknown, k) => {
        if (seen.has(ref)) issues.error(`${path}.${listKey}[${k}]`, `${JSON.stringify(ref)} is listed twice`);
        seen.add(ref);
      });
    }
  });
}

function checkTransfers(issues: Issues, list: unknown[], vocab: Vocabulary): void {
  const tiaIds = new Map<string, string>();
  list.forEach((t, i) => {
    if (!isObject(t)) return;
    const path = `transfers[${i}]`;
    checkCodeList(issues, t.dataCategories, `${path}.dataCategories`, "data category codes", unknownCode("data category", vocab.categories));
    checkCodeList(issues, t.purposes, `${path}.purposes`, "purpose codes", unknownCode("purpose", vocab.purposes));
    checkCodeList(issues, t.dataSubjects, `${path}.dataSubjects`, "data subject codes", (c) => (c.length > 0 && c.length <= 100 ? null : "must be 1–100 characters"));
    checkBoolean(issues, t.specialCategory, `${path}.specialCategory`);
    checkText(issues, t.notes, `${path}.notes`);
    checkInstant(issues, t.archivedAt, `${path}.archivedAt`);
    if (Array.isArray(t.safeguards)) {
      const seen = new Set<unknown>();
      t.safeguards.forEach((ref: unknown, k) => {
        if (seen.has(ref)) issues.error(`${path}.safeguards[${k}]`, `${JSON.stringify(ref)} is listed twice`);
        seen.add(ref);
      });
    }
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
        if (typeof a.id !== "string" || a.id.length === 0 || a.id.length > 128) issues.error(`${apath}.id`, "must be text of 1–128 characters");
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

interface Step<T> {
  id: string;
  label: string;
  action: Action;
  fields: string[];
  /** The row's version when planned (null for additions and for rows without a version). */
  version: number | null;
  next: T;
  /** The entity as the database holds it now (for the audit row's `before`). */
  current?: T;
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
  parties: Step<Canonical>[];
  certifications: Step<CertNext>[];
  safeguards: Step<Canonical>[];
  transfers: Step<Canonical>[];
  tias: Step<TiaNext>[];
}

type Analysis = { ok: false; errors: ImportIssue[] } | { ok: true; plan: Plan; warnings: ImportIssue[]; sha256: string };

function parseSource(source: RegistryImportSource): { ok: true; value: unknown; sha256: string } | { ok: false; errors: ImportIssue[] } {
  if ("document" in source) {
    return { ok: true, value: source.document, sha256: crypto.createHash("sha256").update(JSON.stringify(source.document) ?? "").digest("hex") };
  }
  const raw = source.text.replace(/^\uFEFF/, "");
  const sha256 = crypto.createHash("sha256").update(raw).digest("hex");
  if (raw.trim() === "") return { ok: false, errors: [{ path: "$", message: "The document is empty." }] };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown, sha256 };
  } catch (e) {
    return { ok: false, errors: [{ path: "$", message: `This is not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
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

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function analyse(db: DbOrTx, source: RegistryImportSource): Analysis {
  const parsed = parseSource(source);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const result = validateRegistryDocument(value);
  const issues = new Issues();
  if (isObject(value)) {
    const vocab = loadVocabulary(db);
    if (Array.isArray(value.parties)) checkParties(issues, value.parties, vocab);
    if (Array.isArray(value.safeguards)) checkSafeguards(issues, value.safeguards);
    if (Array.isArray(value.transfers)) checkTransfers(issues, value.transfers, vocab);
  }
  const errors = [...(result.ok ? [] : result.errors), ...issues.errors];
  if (!result.ok || errors.length) return { ok: false, errors: documentOrder(errors).slice(0, MAX_ERRORS) };
  const planned = planImport(db, result.document, issues);
  if (issues.errors.length) return { ok: false, errors: documentOrder(issues.errors) };
  return { ok: true, plan: planned, warnings: documentOrder(issues.warnings), sha256: parsed.sha256 };
}

function planImport(db: DbOrTx, document: RegistryDocument, issues: Issues): Plan {
  const doc = document as unknown as { parties: Obj[]; safeguards?: Obj[]; transfers: Obj[] };
  const current = readRegistryDocument(db) as unknown as { parties: Obj[]; safeguards: Obj[]; transfers: Obj[] };
  const versions = (rows: { id: string; version: number }[]) => new Map(rows.map((r) => [r.id, r.version]));
  const partyVersions = versions(db.select({ id: parties.id, version: parties.version }).from(parties).all());
  const safeguardVersions = versions(db.select({ id: safeguards.id, version: safeguards.version }).from(safeguards).all());
  const transferVersions = versions(db.select({ id: transfers.id, version: transfers.version }).from(transfers).all());

  const docNames = new Map(doc.parties.map((p) => [String(p.id), String(p.name)]));
  const partyName = (id: string) => docNames.get(id) ?? id;

  const plan: Plan = { parties: [], certifications: [], safeguards: [], transfers: [], tias: [] };

  // Parties.
  const currentParties = new Map(current.parties.map((p) => [String(p.id), canonParty(p)]));
  for (const p of doc.parties) {
    const id = String(p.id);
    plan.parties.push(step(id, String(p.name), canonParty(p), currentParties.get(id), partyVersions.get(id) ?? null));
  }

  // Certifications: a party's certification is identified by framework and start date.
  const certRows = db.select().from(certifications).orderBy(asc(certifications.position), asc(certifications.id)).all();
  const certByKey = new Map(certRows.map((c) => [`${c.partyId}|${c.framework}|${c.from}`, c]));
  const certIds = new Set(certRows.map((c) => c.id));
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
        plan.certifications.push({ id: uniqueId(`${partyId}.${next.framework}.${next.from}`, certIds), label, action: "add", fields: [], version: null, next });
        return;
      }
      const fields = (["to", "coveredData", "verifiedOn", "verifiedBy", "extra", "position"] as const).filter((k) => !same(existing[k], next[k]));
      const { id: _id, version: _version, ...stored } = existing;
      plan.certifications.push({ id: existing.id, label, action: fields.length ? "change" : "unchanged", fields, version: existing.version, next, current: stored });
    });
  }

  // Safeguards.
  const currentSafeguards = new Map(current.safeguards.map((s) => [String(s.id), canonSafeguard(s, partyName)]));
  for (const s of doc.safeguards ?? []) {
    const id = String(s.id);
    const next = canonSafeguard(s, partyName);
    plan.safeguards.push(step(id, String(next.fields.title), next, currentSafeguards.get(id), safeguardVersions.get(id) ?? null, (f) => (f === "parties" && s.type === "bcr" ? "members" : f)));
  }

  // Transfers and their impact assessments.
  const currentTransfers = new Map(current.transfers.map((t) => [String(t.id), canonTransfer(t)]));
  const tiaRows = db.select().from(transferImpactAssessments).all();
  const tiaById = new Map(tiaRows.map((a) => [a.id, a]));
  const tiasByTransfer = new Map<string, typeof tiaRows>();
  for (const a of tiaRows) tiasByTransfer.set(a.transferId, [...(tiasByTransfer.get(a.transferId) ?? []), a]);
  const tiaIds = new Set(tiaRows.map((a) => a.id));
  doc.transfers.forEach((t, i) => {
    const id = String(t.id);
    const label = `${partyName(String(t.exporter))} → ${partyName(String(t.recipient))} (${String(t.destination)})`;
    plan.transfers.push(step(id, label, canonTransfer(t), currentTransfers.get(id), transferVersions.get(id) ?? null));

    const stored = (tiasByTransfer.get(id) ?? []).map((a) => ({ id: a.id, ...canonTiaRow(a) }));
    const listed: { path: string; id: string | null; fields: TiaFields }[] = Array.isArray(t.tias)
      ? (t.tias as Obj[]).map((a, k) => ({ path: `transfers[${i}].tias[${k}]`, id: typeof a.id === "string" ? a.id : null, fields: canonTia(a) }))
      : isObject(t.tia)
        ? [{ path: `transfers[${i}].tia`, id: null, fields: canonTia(pick(t.tia, TIA_SUMMARY_KEYS)) }]
        : [];
    for (const a of listed) {
      const tiaLabel = `${label}: completed ${a.fields.completed}`;
      const next: TiaNext = { transferId: id, ...a.fields };
      if (a.id !== null) {
        const existing = tiaById.get(a.id);
        if (existing && existing.transferId !== id) {
          issues.error(`${a.path}.id`, `assessment "${a.id}" is recorded for another transfer ("${existing.transferId}")`);
          continue;
        }
        if (existing) {
          const changed = (["completed", ...TIA_TEXT, "extra"] as const).filter((k) => !same(canonTiaRow(existing)[k], a.fields[k]));
          if (changed.length) {
            issues.error(a.path, `assessment "${a.id}" is already recorded with a different ${changed.join(", ")}; recorded assessments are not changed by an import: give a new assessment its own id`);
          } else plan.tias.push({ id: a.id, label: tiaLabel, action: "unchanged", fields: [], version: null, next });
          continue;
        }
        tiaIds.add(a.id);
        plan.tias.push({ id: a.id, label: tiaLabel, action: "add", fields: [], version: null, next });
        continue;
      }
      // Without an id, an assessment is already recorded when one with the same details is.
      const match =
        a.path.endsWith(".tia")
          ? stored.find((s) => s.completed === a.fields.completed && s.nextReview === a.fields.nextReview)
          : stored.find((s) => (["completed", ...TIA_TEXT, "extra"] as const).every((k) => s[k] === a.fields[k]));
      if (match) plan.tias.push({ id: match.id, label: tiaLabel, action: "unchanged", fields: [], version: null, next });
      else plan.tias.push({ id: uniqueId(`${id}.tia.${a.fields.completed}`, tiaIds), label: tiaLabel, action: "add", fields: [], version: null, next });
    }
  });
  return plan;
}

function step(id: string, label: string, next: Canonical, current: Canonical | undefined, version: number | null, rename?: (f: string) => string): Step<Canonical> {
  if (!current) return { id, label, action: "add", fields: [], version: null, next };
  const fields = diff(current, next, rename);
  return { id, label, action: fields.length ? "change" : "unchanged", fields, version, next, current };
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
    const steps = plan[kind] as Step<unknown>[];
    out[kind] = {
      added: steps.filter((s) => s.action === "add").length,
      changed: steps.filter((s) => s.action === "change").length,
      unchanged: steps.filter((s) => s.action === "unchanged").length,
    };
  }
  return out;
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
    const steps = plan[kind] as Step<unknown>[];
    const list = (action: Action) =>
      steps
        .filter((s) => s.action === action)
        .slice(0, MAX_LISTED)
        .map((s) => ({ id: s.id, label: s.label, fields: s.fields }));
    kinds[kind] = { counts: counts[kind], added: list("add"), changed: list("change"), unchanged: list("unchanged") };
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
 */
export function applyRegistryImport(db: Db, actor: Actor, source: RegistryImportSource & { planHash?: string }): RegistryImportResult {
  return db.transaction((tx) => {
    const analysis = analyse(tx, source);
    if (!analysis.ok) throw new RegistryImportRejected(analysis.errors);
    const { plan } = analysis;
    if (source.planHash !== undefined && source.planHash !== planHash(plan, analysis.sha256)) throw registryChanged();
    const at = new Date().toISOString();
    let auditRows = 0;
    const audit = (action: AuditAction, entityType: EntityType, entityId: string, before: unknown, after: unknown) => {
      recordAudit(tx, actor, { action, entityType, entityId, before, after });
      auditRows++;
    };
    /** An update that names the version it planned against: 0 rows means someone else changed it. */
    const expectOne = (changes: number) => {
      if (changes !== 1) throw registryChanged();
    };

    for (const s of plan.parties) {
      if (s.action === "unchanged") continue;
      const f = s.next.fields;
      const columns = {
        name: String(f.name),
        relationship: String(f.relationship),
        country: String(f.country),
        serviceCategory: f.serviceCategory as string | null,
        adviserType: f.adviserType as string | null,
        registrationNumber: f.registrationNumber as string | null,
        website: f.website as string | null,
        contactName: f.contactName as string | null,
        contactEmail: f.contactEmail as string | null,
        ccpaRole: f.ccpaRole as string | null,
        ccpaSale: f.ccpaSale as boolean,
        ccpaShare: f.ccpaShare as boolean,
        notes: f.notes as string | null,
        archivedAt: f.archivedAt as string | null,
        extra: extraJson(s.next.extra),
      };
      if (s.action === "add") tx.insert(parties).values({ ...columns, id: s.id, createdAt: at, updatedAt: at }).run();
      else {
        expectOne(
          tx
            .update(parties)
            .set({ ...columns, version: sql`${parties.version} + 1`, updatedAt: at })
            .where(and(eq(parties.id, s.id), eq(parties.version, s.version ?? 0)))
            .run().changes,
        );
        tx.delete(partyProcessingLocations).where(eq(partyProcessingLocations.partyId, s.id)).run();
        tx.delete(partyDataCategories).where(eq(partyDataCategories.partyId, s.id)).run();
      }
      for (const country of f.processingLocations as string[]) tx.insert(partyProcessingLocations).values({ partyId: s.id, country }).run();
      for (const categoryId of f.dataCategories as string[]) tx.insert(partyDataCategories).values({ partyId: s.id, categoryId }).run();
      audit(s.action === "add" ? "party.create" : "party.update", "party", s.id, snapshot(s.id, s.current, s.version), snapshot(s.id, s.next, (s.version ?? 0) + 1));
    }

    for (const s of plan.certifications) {
      if (s.action === "unchanged") continue;
      if (s.action === "add") tx.insert(certifications).values({ id: s.id, ...s.next }).run();
      else {
        expectOne(
          tx
            .update(certifications)
            .set({ ...s.next, version: sql`${certifications.version} + 1` })
            .where(and(eq(certifications.id, s.id), eq(certifications.version, s.version ?? 0)))
            .run().changes,
        );
      }
      const before = s.current ? { id: s.id, ...s.current, version: s.version } : null;
      audit(s.action === "add" ? "certification.create" : "certification.update", "certification", s.id, before, { id: s.id, ...s.next, version: (s.version ?? 0) + 1 });
    }

    for (const s of plan.safeguards) {
      if (s.action === "unchanged") continue;
      const f = s.next.fields;
      const columns = {
        type: String(f.type),
        title: String(f.title),
        sccVersion: f.version as string | null,
        modules: f.modules ? JSON.stringify(f.modules) : null,
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
        archivedAt: f.archivedAt as string | null,
        extra: extraJson(s.next.extra),
      };
      if (s.action === "add") tx.insert(safeguards).values({ ...columns, id: s.id, createdAt: at, updatedAt: at }).run();
      else {
        expectOne(
          tx
            .update(safeguards)
            .set({ ...columns, version: sql`${safeguards.version} + 1`, updatedAt: at })
            .where(and(eq(safeguards.id, s.id), eq(safeguards.version, s.version ?? 0)))
            .run().changes,
        );
        tx.delete(safeguardParties).where(eq(safeguardParties.safeguardId, s.id)).run();
      }
      (f.parties as string[]).forEach((partyId, position) => tx.insert(safeguardParties).values({ safeguardId: s.id, partyId, position }).run());
      audit(s.action === "add" ? "safeguard.create" : "safeguard.update", "safeguard", s.id, snapshot(s.id, s.current, s.version), snapshot(s.id, s.next, (s.version ?? 0) + 1));
    }

    for (const s of plan.transfers) {
      if (s.action === "unchanged") continue;
      const f = s.next.fields;
      const columns = {
        exporterId: String(f.exporter),
        recipientId: String(f.recipient),
        destination: String(f.destination),
        exporterRole: String(f.exporterRole),
        recipientRole: String(f.recipientRole),
        specialCategory: f.specialCategory as boolean,
        dataSubjects: JSON.stringify(f.dataSubjects),
        frequency: String(f.frequency),
        start: String(f.start),
        end: f.end as string | null,
        notes: f.notes as string | null,
        archivedAt: f.archivedAt as string | null,
        extra: extraJson(s.next.extra),
      };
      if (s.action === "add") tx.insert(transfers).values({ ...columns, id: s.id, createdAt: at, updatedAt: at }).run();
      else {
        expectOne(
          tx
            .update(transfers)
            .set({ ...columns, version: sql`${transfers.version} + 1`, updatedAt: at })
            .where(and(eq(transfers.id, s.id), eq(transfers.version, s.version ?? 0)))
            .run().changes,
        );
        tx.delete(transferSafeguards).where(eq(transferSafeguards.transferId, s.id)).run();
        tx.delete(transferDataCategories).where(eq(transferDataCategories.transferId, s.id)).run();
        tx.delete(transferPurposes).where(eq(transferPurposes.transferId, s.id)).run();
      }
      (f.safeguards as string[]).forEach((safeguardId, position) => tx.insert(transferSafeguards).values({ transferId: s.id, safeguardId, position }).run());
      for (const categoryId of f.dataCategories as string[]) tx.insert(transferDataCategories).values({ transferId: s.id, categoryId }).run();
      for (const purposeId of f.purposes as string[]) tx.insert(transferPurposes).values({ transferId: s.id, purposeId }).run();
      audit(s.action === "add" ? "transfer.create" : "transfer.update", "transfer", s.id, snapshot(s.id, s.current, s.version), snapshot(s.id, s.next, (s.version ?? 0) + 1));
    }

    for (const s of plan.tias) {
      if (s.action !== "add") continue;
      tx.insert(transferImpactAssessments).values({ id: s.id, ...s.next, createdAt: at }).run();
      audit("tia.create", "tia", s.id, null, { id: s.id, ...s.next, createdAt: at });
    }

    const counts = countsOf(plan);
    audit("registry.import", "registry", "registry", null, { fileName: source.fileName ?? null, sha256: analysis.sha256, counts, warnings: analysis.warnings.length });
    return { counts, auditRows };
  });
}
