/**
 * The knowledge-base editor as data: for every kind of entry, the description of each of its fields (key,
 * label, hint, control type, human-labelled options, repeatable groups), and the pure conversions between an
 * entry and the form's draft. One generic form (kb-entry-form.tsx) renders any kind from these descriptions;
 * the detail page takes its labels from them too. The server still validates every save against the domain
 * schema of the kind (server/domain/kb/schema.ts); the checks here only name missing values before sending.
 */
import { COUNTRIES, countryName } from "@/server/countries";
import {
  ADEQUACY_SCOPES,
  ADEQUACY_STATUSES,
  AREA_MEMBERSHIP_TYPES,
  DEROGATION_BASES,
  END_REASONS,
  FRAMEWORKS,
  INSTRUMENT_REQUIREMENTS,
  INSTRUMENT_TYPES,
  PARTY_ROLES,
  REGIMES,
  type KbEntry,
  type KbKind,
} from "@/server/domain/kb/types";
import { DEROGATION_LABELS, FRAMEWORK_LABELS, INSTRUMENT_TYPE_LABELS, MEMBERSHIP_LABELS, REGIME_LABELS } from "@/server/domain/labels";
import { ADEQUACY_STATUS_LABELS, END_REASON_LABELS } from "@/app/_components/kb-labels";

export interface Option {
  value: string;
  label: string;
}

interface FieldBase {
  key: string;
  label: string;
  hint?: string;
  /**
   * A value must be given; `"create"`: only when adding an entry (an existing entry may keep it empty);
   * `"edit"`: only in an existing entry (a new one derives it when left empty).
   */
  required?: boolean | "create" | "edit";
  /** Required only when this holds for the draft around it (a partial decision needs a scope code). */
  requiredIf?: (draft: Draft) => boolean;
  /** How an empty control is stored: `null`, or the key left out (default; an unticked box: `false`). Required text is sent as "". */
  empty?: "null" | "omit";
  /** Cannot change once the entry exists (the id; what the entry is about). */
  fixed?: boolean;
  /** Spans both columns. */
  wide?: boolean;
  /** Said under the control while editing an entry that had no value here when opened. */
  emptyHint?: string;
  /** What the detail page shows for an empty value (default "—"). */
  emptyText?: string;
}

export type KbField =
  | (FieldBase & { type: "text" | "textarea" | "url" | "date" })
  | (FieldBase & { type: "select"; options: readonly Option[]; numeric?: boolean; emptyLabel?: string })
  | (FieldBase & { type: "checkbox" })
  /** A list of strings, one per line. */
  | (FieldBase & { type: "lines" })
  /** Text that may also be `null` with a meaning of its own (the ground did not exist under the former law). */
  | (FieldBase & { type: "nullableText"; nullLabel: string })
  /** A repeatable group of sub-fields (`modules[]`, `windows[]`); `nullLabel`: the whole list may be `null`. */
  | (FieldBase & { type: "group"; fields: readonly KbField[]; itemTitle: (item: Draft, index: number) => string; addLabel: string; nullLabel?: string })
  /** A fixed set of sub-fields (`provisions`, `references` per regime); left out when all are empty, unless required. */
  | (FieldBase & { type: "object"; fields: readonly KbField[] });

/** The form's value of one field: text as typed, a checkbox, a nested draft, a list of drafts, or null. */
export type DraftValue = string | boolean | null | Draft | Draft[];
export interface Draft {
  [key: string]: DraftValue;
}

export const NOT_RECORDED_HINT = "Not recorded in the shipped knowledge base; leave empty unless you have the primary source.";
const NOT_RECORDED = "Not recorded";
const OPEN_END_HINT = "Empty: no end date.";

const options = <T extends string>(values: readonly T[], labels: Readonly<Record<string, string>>): Option[] => values.map((v) => ({ value: v, label: labels[v] ?? v }));

const REGIME_OPTIONS = options(REGIMES, { EU: "EU / EEA (GDPR)", UK: "United Kingdom (UK GDPR)", CH: "Switzerland (FADP)" });
const FRAMEWORK_OPTIONS = options(FRAMEWORKS, FRAMEWORK_LABELS);
const END_REASON_OPTIONS = options(END_REASONS, END_REASON_LABELS);
const COUNTRY_OPTIONS: Option[] = COUNTRIES.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
const ROLE_OPTIONS = options(PARTY_ROLES, { controller: "Controller", processor: "Processor" });
export const MODULE_OPTIONS: Option[] = [
  { value: "1", label: "Module 1: controller → controller" },
  { value: "2", label: "Module 2: controller → processor" },
  { value: "3", label: "Module 3: processor → processor" },
  { value: "4", label: "Module 4: processor → controller" },
];
const REQUIREMENT_OPTIONS = options(INSTRUMENT_REQUIREMENTS, { uk_addendum: "The UK Addendum", swiss_adaptations: "The Swiss adaptations" });

const idField = (hint: string, required: FieldBase["required"] = "create"): KbField => ({
  key: "id",
  label: "Id",
  type: "text",
  required,
  fixed: true,
  hint,
});

/** The fields every kind ends with. */
const COMMON_TAIL: readonly KbField[] = [
  { key: "sources", label: "Sources", type: "lines", required: true, wide: true, hint: "One URL or source key per line: the decision, the authority’s page, the statute." },
  {
    key: "unconfirmed",
    label: "UNCONFIRMED note",
    type: "textarea",
    wide: true,
    hint: "What is not confirmed, and why. Leave empty once verified against the primary source; while filled, the entry is flagged UNCONFIRMED everywhere.",
  },
  { key: "notes", label: "Notes", type: "textarea", wide: true },
];

const citation = (key: string, label: string, required: boolean): KbField => ({
  key,
  label,
  type: "object",
  required,
  wide: true,
  fields: [
    { key: "text", label: "Citation", type: "text", required: true, hint: "e.g. “GDPR Art. 44 and 46(1)”." },
    { key: "uri", label: "Link to the official text", type: "url", empty: "null" },
  ],
});

const provisionFields = (required: boolean): KbField[] => [
  citation("territorialScope", "Where the regime applies", required),
  citation("notRestricted", "Why a destination inside the area is no restricted transfer", required),
  citation("unsafeguarded", "Why a transfer without a basis is not allowed", required),
  citation("transferAssessment", "What requires a transfer impact assessment", required),
];

const perRegime = (field: (regime: (typeof REGIMES)[number]) => KbField): KbField[] => REGIMES.map(field);

/** Every kind's fields, in the order the form shows them. */
export const KB_FIELDS: Readonly<Record<KbKind, readonly KbField[]>> = {
  regime: [
    idField("Short and stable, e.g. “eu”. Verdicts refer to it."),
    { key: "regime", label: "Regime", type: "select", options: REGIME_OPTIONS, required: true, fixed: true },
    { key: "title", label: "Title", type: "text", required: true },
    { key: "law", label: "Law", type: "text", required: true, wide: true, hint: "e.g. “Regulation (EU) 2016/679 (GDPR), Chapter V”." },
    { key: "lawUri", label: "Link to the law", type: "url", empty: "null" },
    { key: "areaLabel", label: "Area", type: "text", required: true, hint: "Inside which data flows freely, in words." },
    { key: "authority", label: "Supervisory authority", type: "text", required: true },
    { key: "currentLawFrom", label: "Current law applies from", type: "date", hint: "Before this day verdicts cite the former law.", emptyHint: NOT_RECORDED_HINT, emptyText: NOT_RECORDED },
    { key: "formerLaw", label: "Former law", type: "text", hint: "e.g. “Directive 95/46/EC”." },
    { key: "formerLawUri", label: "Link to the former law", type: "url" },
    { key: "assessmentRequiredFrom", label: "Transfer impact assessments required from", type: "date", emptyHint: NOT_RECORDED_HINT, emptyText: NOT_RECORDED },
    { key: "provisions", label: "Provisions cited under the current law", type: "object", wide: true, fields: provisionFields(true) },
    { key: "formerProvisions", label: "Provisions cited under the former law", type: "object", wide: true, hint: "Only those that differ; a missing one falls back to the current law’s.", fields: provisionFields(false) },
    ...COMMON_TAIL,
  ],
  area_membership: [
    idField("e.g. “eu-area-hr-member”."),
    { key: "regime", label: "Regime", type: "select", options: REGIME_OPTIONS, required: true, fixed: true },
    { key: "country", label: "Country", type: "select", options: COUNTRY_OPTIONS, required: true, fixed: true },
    { key: "countryName", label: "Country name", type: "text", required: true },
    { key: "membership", label: "Membership", type: "select", options: options(AREA_MEMBERSHIP_TYPES, MEMBERSHIP_LABELS), required: true },
    { key: "from", label: "From", type: "date", empty: "null", required: "create", emptyHint: NOT_RECORDED_HINT, emptyText: NOT_RECORDED },
    { key: "to", label: "Last day", type: "date", empty: "null", hint: OPEN_END_HINT, emptyText: "None" },
    { key: "reference", label: "Official reference", type: "text", wide: true, hint: "Accession treaty, EEA Agreement, TFEU Art. 355…" },
    { key: "referenceUri", label: "Link to the reference", type: "url" },
    { key: "currentLawFrom", label: "Current law applies here from", type: "date", hint: "Only where it differs from the regime’s (GDPR in Iceland, Liechtenstein and Norway: 2018-07-20)." },
    ...COMMON_TAIL,
  ],
  adequacy: [
    idField("Leave empty to derive it from the regime, the country and the date.", false),
    { key: "regime", label: "Regime", type: "select", options: REGIME_OPTIONS, required: true, fixed: true, hint: "Whose decision: the EU Commission, the UK (regulations), or Switzerland (Annex 1 DPO)." },
    { key: "destination", label: "Destination", type: "select", options: COUNTRY_OPTIONS, required: true, fixed: true, hint: "The country the decision covers." },
    { key: "destinationName", label: "Destination name", type: "text", required: "edit", hint: "Defaults to the country’s name." },
    { key: "scope", label: "Scope", type: "select", options: [{ value: "full", label: "Full" }, { value: "partial", label: "Partial (only some recipients)" }].filter((o) => (ADEQUACY_SCOPES as readonly string[]).includes(o.value)), required: true },
    { key: "scopeText", label: "Scope in words", type: "text", required: "edit", hint: "Shown in verdicts, e.g. “Recipients subject to PIPEDA”; a new full decision defaults to “Full”." },
    { key: "scopeCode", label: "Scope code", type: "text", empty: "null", requiredIf: (d) => d.scope === "partial", hint: "A short code, needed for a partial decision (pipeda, appi, pipa…)." },
    { key: "framework", label: "Required US framework", type: "select", options: FRAMEWORK_OPTIONS, empty: "null", emptyLabel: "None", hint: "Only for US decisions: the recipient must hold this certification." },
    { key: "instrument", label: "Instrument", type: "text", required: true, wide: true, hint: "e.g. “Commission Implementing Decision (EU) 2023/1795”." },
    { key: "instrumentUri", label: "Link to the instrument (ELI / EUR-Lex)", type: "url", empty: "null" },
    { key: "officialReference", label: "Official reference", type: "text", hint: "OJ reference and CELEX number, SI number or SR number." },
    { key: "legalBasis", label: "Legal basis", type: "text", required: true, hint: "e.g. “GDPR Art. 45(3)”." },
    { key: "formerLegalBasis", label: "Legal basis under the former law", type: "text", hint: "e.g. “Directive 95/46/EC Art. 25(6)”." },
    { key: "formerInstrument", label: "Instrument under the former law", type: "text", hint: "Only when it differs (the FDPIC’s list before Annex 1 DPO)." },
    { key: "formerInstrumentUri", label: "Link to the former instrument", type: "url" },
    { key: "adopted", label: "Adopted", type: "date", empty: "null", emptyHint: NOT_RECORDED_HINT, emptyText: NOT_RECORDED },
    { key: "published", label: "Published (Official Journal)", type: "date", empty: "null", emptyHint: NOT_RECORDED_HINT, emptyText: NOT_RECORDED },
    {
      key: "effectiveFrom",
      label: "Covers transfers from",
      type: "date",
      empty: "null",
      required: "create",
      hint: "The first day the decision covers transfers.",
      emptyHint: NOT_RECORDED_HINT,
      emptyText: NOT_RECORDED,
    },
    { key: "endDate", label: "Last day covered", type: "date", empty: "null", hint: "Sunset, or the day before it became invalid. Empty: still in force.", emptyText: "None" },
    { key: "endReason", label: "End reason", type: "select", options: END_REASON_OPTIONS, empty: "null", emptyLabel: "None" },
    { key: "status", label: "Status", type: "select", options: options(ADEQUACY_STATUSES, ADEQUACY_STATUS_LABELS), required: true },
    ...COMMON_TAIL,
  ],
  framework: [
    idField("e.g. “framework-dpf-eu”."),
    { key: "framework", label: "Framework", type: "select", options: FRAMEWORK_OPTIONS, required: true, fixed: true },
    { key: "regime", label: "Regime", type: "select", options: REGIME_OPTIONS, required: true, fixed: true },
    { key: "title", label: "Title", type: "text", required: true, wide: true },
    { key: "from", label: "Recognised from", type: "date", empty: "null", required: "create", emptyHint: NOT_RECORDED_HINT, emptyText: NOT_RECORDED },
    { key: "to", label: "Last day recognised", type: "date", empty: "null", hint: OPEN_END_HINT, emptyText: "None" },
    { key: "endReason", label: "End reason", type: "select", options: END_REASON_OPTIONS, empty: "null", emptyLabel: "None" },
    { key: "requires", label: "Also requires", type: "select", options: FRAMEWORK_OPTIONS, empty: "null", emptyLabel: "Nothing else", hint: "The UK Extension requires the EU-U.S. DPF." },
    { key: "reference", label: "Official reference", type: "text", wide: true },
    { key: "referenceUri", label: "Link to the reference", type: "url" },
    ...COMMON_TAIL,
  ],
  instrument: [
    idField("e.g. “scc-2021-914”."),
    { key: "instrumentType", label: "Type", type: "select", options: options(INSTRUMENT_TYPES, INSTRUMENT_TYPE_LABELS), required: true, fixed: true },
    { key: "title", label: "Title", type: "text", required: true, wide: true },
    { key: "version", label: "Version", type: "text", empty: "null", hint: "For SCCs: the Commission decision number, e.g. 2021/914." },
    { key: "instrumentUri", label: "Link to the instrument", type: "url", empty: "null" },
    { key: "officialReference", label: "Official reference", type: "text", wide: true },
    { key: "adopted", label: "Adopted", type: "date", empty: "null", emptyHint: NOT_RECORDED_HINT, emptyText: NOT_RECORDED },
    {
      key: "modules",
      label: "Modules (roles covered)",
      type: "group",
      wide: true,
      nullLabel: "Any roles (no modules: IDTA, BCR, codes…)",
      addLabel: "Add a module",
      itemTitle: (m, i) => (m.label ? String(m.label) : `Module ${i + 1}`),
      fields: [
        { key: "module", label: "Module", type: "select", options: MODULE_OPTIONS, numeric: true, empty: "null", emptyLabel: "None (a set from before 2021)" },
        { key: "label", label: "Label", type: "text", required: true },
        { key: "exporterRole", label: "Exporter’s role", type: "select", options: ROLE_OPTIONS, required: true },
        { key: "recipientRole", label: "Recipient’s role", type: "select", options: ROLE_OPTIONS, required: true },
      ],
    },
    {
      key: "windows",
      label: "When each regime accepts it",
      type: "group",
      wide: true,
      hint: "A regime without a window does not recognise the instrument.",
      addLabel: "Add a regime",
      itemTitle: (w, i) => (w.regime ? (REGIME_LABELS as Record<string, string>)[String(w.regime)] ?? String(w.regime) : `Window ${i + 1}`),
      fields: [
        { key: "regime", label: "Regime", type: "select", options: REGIME_OPTIONS, required: true },
        { key: "legalBasis", label: "Legal basis", type: "text", required: true, hint: "e.g. “GDPR Art. 46(2)(c)”." },
        { key: "usableFrom", label: "Usable from", type: "date", empty: "null", emptyHint: NOT_RECORDED_HINT, emptyText: NOT_RECORDED },
        { key: "lastSignDate", label: "Last day to sign a new contract", type: "date", empty: "null", hint: OPEN_END_HINT, emptyText: "None" },
        { key: "validUntil", label: "Existing contracts count until", type: "date", empty: "null", hint: OPEN_END_HINT, emptyText: "None" },
        { key: "requires", label: "The contract must also carry", type: "select", options: REQUIREMENT_OPTIONS, empty: "null", emptyLabel: "Nothing extra" },
        { key: "formerLegalBasis", label: "Legal basis under the former law", type: "text" },
      ],
    },
    ...COMMON_TAIL,
  ],
  derogation: [
    idField("e.g. “derogation-49-1-a”."),
    { key: "basis", label: "Ground", type: "select", options: options(DEROGATION_BASES, DEROGATION_LABELS), required: true, fixed: true },
    { key: "title", label: "Title", type: "text", required: true, wide: true },
    { key: "occasionalOnly", label: "Occasional transfers only (EU and UK)", type: "checkbox", hint: "A regular transfer cannot rest on this ground." },
    { key: "occasionalExpected", label: "Meant for occasional transfers", type: "checkbox", empty: "omit", hint: "A regular transfer on it gets a warning." },
    {
      key: "references",
      label: "Provision under each regime’s current law",
      type: "object",
      required: true,
      wide: true,
      hint: "Leave a regime empty where its law does not know the ground.",
      fields: perRegime((r) => ({ key: r, label: REGIME_LABELS[r], type: "text" })),
    },
    {
      key: "formerReferences",
      label: "Provision under each regime’s former law",
      type: "object",
      wide: true,
      hint: "Empty: as under the current law.",
      fields: perRegime((r) => ({ key: r, label: REGIME_LABELS[r], type: "nullableText", nullLabel: "The ground did not exist under the former law" })),
    },
    ...COMMON_TAIL,
  ],
};

/** The description of the field at `path` ("windows.0.lastSignDate"), for labels on the detail page. */
export function fieldAt(kind: KbKind, path: string): KbField | undefined {
  let fields: readonly KbField[] = KB_FIELDS[kind];
  let found: KbField | undefined;
  for (const part of path.split(".")) {
    if (/^\d+$/.test(part)) continue;
    found = fields.find((f) => f.key === part);
    if (!found) return undefined;
    fields = found.type === "group" || found.type === "object" ? found.fields : [];
  }
  return found;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function toDraftValue(f: KbField, v: unknown): DraftValue {
  switch (f.type) {
    case "checkbox":
      return v === true;
    case "lines":
      return Array.isArray(v) ? v.join("\n") : "";
    case "nullableText":
      return v === null ? null : typeof v === "string" ? v : "";
    case "group":
      return Array.isArray(v) ? v.map((item) => toDraft(f.fields, isRecord(item) ? item : {})) : f.nullLabel ? null : [];
    case "object":
      return toDraft(f.fields, isRecord(v) ? v : {});
    default:
      return v === null || v === undefined ? "" : String(v);
  }
}

/** An entry (or a part of one) as the form's draft. */
export function toDraft(fields: readonly KbField[], value: Record<string, unknown>): Draft {
  const out: Draft = {};
  for (const f of fields) out[f.key] = toDraftValue(f, value[f.key]);
  return out;
}

/** Nothing entered: empty text, unticked boxes, empty lists. */
export function isEmptyDraft(v: DraftValue): boolean {
  if (v === null) return false;
  if (typeof v === "string") return v.trim() === "";
  if (typeof v === "boolean") return !v;
  if (Array.isArray(v)) return v.length === 0;
  return Object.values(v).every(isEmptyDraft);
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

const OMIT = Symbol("omit");

function fromDraftValue(f: KbField, d: DraftValue, original: unknown): unknown {
  const emptyValue = f.required === true ? "" : f.empty === "null" ? null : OMIT;
  switch (f.type) {
    case "checkbox":
      return d === true ? true : f.empty === "omit" ? OMIT : false;
    case "lines":
      return lines(typeof d === "string" ? d : "");
    case "nullableText":
      if (d === null) return null;
      return typeof d === "string" && d.trim() ? d.trim() : OMIT;
    case "group": {
      if (d === null || !Array.isArray(d)) return null;
      const before = Array.isArray(original) ? original : [];
      return d.map((item, i) => fromDraft(f.fields, item, isRecord(before[i]) ? before[i] : undefined));
    }
    case "object": {
      const draft = isRecord(d) ? (d as Draft) : {};
      if (isEmptyDraft(draft) && f.required !== true) return OMIT;
      return fromDraft(f.fields, draft, isRecord(original) ? original : undefined);
    }
    case "select": {
      const s = typeof d === "string" ? d : "";
      if (!s) return emptyValue;
      return f.numeric ? Number(s) : s;
    }
    default: {
      const s = typeof d === "string" ? d.trim() : "";
      return s ? s : emptyValue;
    }
  }
}

/**
 * The draft as an entry (or part of one). A field whose draft is what the original gave keeps the original's
 * value exactly (so opening and saving changes nothing the user did not touch); keys the descriptions do not
 * know are kept as they were.
 */
export function fromDraft(fields: readonly KbField[], draft: Draft, original?: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(original ?? {}) };
  for (const f of fields) {
    const d = draft[f.key] ?? null;
    if (original && JSON.stringify(toDraftValue(f, original[f.key])) === JSON.stringify(d)) continue;
    const v = fromDraftValue(f, d, original?.[f.key]);
    if (v === OMIT) delete out[f.key];
    else out[f.key] = v;
  }
  return out;
}

/** Missing values, by path ("windows.0.legalBasis"), before anything is sent. */
export function checkDraft(fields: readonly KbField[], draft: Draft, mode: "create" | "edit", prefix = ""): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of fields) {
    const path = `${prefix}${f.key}`;
    const d = draft[f.key] ?? null;
    const required = f.required === true || f.required === mode || (f.requiredIf?.(draft) ?? false);
    if (f.type === "group") {
      if (Array.isArray(d)) d.forEach((item, i) => Object.assign(problems, checkDraft(f.fields, item, mode, `${path}.${i}.`)));
      continue;
    }
    if (f.type === "object") {
      const sub = isRecord(d) ? (d as Draft) : {};
      if (required || !isEmptyDraft(sub)) {
        for (const g of f.fields) {
          // A partial object (the former provisions) may leave out a whole citation.
          if (g.type === "object" && !g.required && isEmptyDraft(sub[g.key] ?? "")) continue;
          Object.assign(problems, checkDraft([g], sub, mode, `${path}.`));
        }
      }
      continue;
    }
    if (f.type === "checkbox" || f.type === "nullableText") continue;
    if (required && (d === null || isEmptyDraft(d))) problems[path] = f.type === "lines" ? "Give at least one." : f.type === "select" ? "Choose one." : "Required.";
  }
  return problems;
}

/** A new entry of a kind, before anything is entered. */
export function newDraft(kind: KbKind): Draft {
  const seed: Record<KbKind, Record<string, unknown>> = {
    regime: { regime: "EU" },
    area_membership: { regime: "EU", membership: "member" },
    adequacy: { regime: "EU", scope: "full", legalBasis: "GDPR Art. 45(3)", status: "in_force" },
    framework: { regime: "EU" },
    instrument: { windows: [], modules: null },
    derogation: { occasionalOnly: false, references: {} },
  };
  return toDraft(KB_FIELDS[kind], seed[kind]);
}

/** The draft as an entry of `kind`, with what a new entry derives (an adequacy decision's id and names). */
export function draftToEntry(kind: KbKind, draft: Draft, original?: KbEntry): Record<string, unknown> {
  const entry: Record<string, unknown> = { ...fromDraft(KB_FIELDS[kind], draft, original as Record<string, unknown> | undefined), kind };
  if (!original && kind === "adequacy") {
    const destination = String(entry.destination ?? "");
    entry.destinationName = entry.destinationName || countryName(destination) || destination;
    entry.scopeText = entry.scopeText || (entry.scope === "full" ? "Full" : "");
    // A destination can have several decisions over time (a renewal, a replacement): the date keeps ids apart.
    entry.id ||= `${String(entry.regime).toLowerCase()}-adequacy-${destination.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${String(entry.effectiveFrom ?? entry.adopted ?? "")}`;
  }
  return entry;
}

/**
 * A server message in the form's words: a key it names ("endDate is before effectiveFrom") becomes its label,
 * and zod's generic wording becomes a request.
 */
export function friendlyMessage(kind: KbKind, message: string): string {
  if (/^Too small: expected string to have >=1 characters?$/i.test(message) || /^Invalid input: expected string, received (undefined|null)$/i.test(message)) return "Required.";
  if (/^Invalid option/i.test(message)) return "Choose one of the options.";
  const keys = new Map<string, string>();
  const collect = (fields: readonly KbField[]) => {
    for (const f of fields) {
      if (!keys.has(f.key) && f.key.length > 3) keys.set(f.key, f.label);
      if (f.type === "group" || f.type === "object") collect(f.fields);
    }
  };
  collect(KB_FIELDS[kind]);
  const words = message.replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, (w) => (keys.has(w) ? `“${keys.get(w)}”` : w));
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${/[.!?]$/.test(words) ? "" : "."}`;
}
