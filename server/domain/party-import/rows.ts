/**
 * Bulk import of parties from a CSV file (issue 11, item 5): the pure part. Which party fields a column can
 * map to, the guess of a mapping from the headers, and the check of one row before the party form's own
 * validation (server/schemas/party.ts, run by the service): names of countries and choices read the way
 * spreadsheets write them ("Germany", "de", "Service provider"), and the duplicate key (normalised name and
 * country) for duplicates within the file and against the registry.
 */
import { COUNTRY_ENTRIES } from "@/server/domain/registry/country-names";
import {
  ADVISER_TYPE_LABELS,
  CCPA_ROLE_LABELS,
  RELATIONSHIP_LABELS,
  SERVICE_CATEGORY_LABELS,
} from "@/server/domain/choices/party-labels";

export const IMPORT_FIELDS = [
  "name",
  "relationship",
  "serviceCategory",
  "adviserType",
  "country",
  "processingLocations",
  "registrationNumber",
  "website",
  "contactName",
  "contactEmail",
  "ccpaRole",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A mapping: for each field, the header of the CSV column it is read from (absent: not in the file). */
export type ImportMapping = Partial<Record<ImportField, string>>;

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: "Legal name",
  relationship: "Relationship",
  serviceCategory: "Service category",
  adviserType: "Adviser type",
  country: "Country of establishment",
  processingLocations: "Processing locations",
  registrationNumber: "Registration number",
  website: "Website",
  contactName: "Contact name",
  contactEmail: "Contact e-mail",
  ccpaRole: "CCPA role",
  notes: "Notes",
};

/** Fields a file must map: without them no row can be valid. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ["name", "relationship", "country"];

const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  name: ["name", "legal name", "vendor", "vendor name", "supplier", "supplier name", "company", "company name", "party", "party name"],
  relationship: ["relationship", "relation", "type", "party type", "vendor type"],
  serviceCategory: ["service category", "category", "service"],
  adviserType: ["adviser type", "advisor type", "adviser", "advisor"],
  country: ["country", "country of establishment", "established in", "establishment", "hq country", "country code"],
  processingLocations: ["processing locations", "processing location", "processing countries", "locations", "data locations", "where processed"],
  registrationNumber: ["registration number", "registration", "company number", "reg no", "registration no", "vat", "vat number"],
  website: ["website", "web site", "url", "homepage", "web"],
  contactName: ["contact name", "contact", "contact person"],
  contactEmail: ["contact email", "contact e-mail", "email", "e-mail", "mail"],
  ccpaRole: ["ccpa role", "ccpa"],
  notes: ["notes", "note", "comments", "comment", "remarks"],
};

/** Lower case, no accents, punctuation and runs of spaces as one space. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The mapping a file's headers suggest: the remembered one where its headers are present, else by name. */
export function guessMapping(headers: readonly string[], remembered: ImportMapping = {}): ImportMapping {
  const present = new Set(headers);
  const byFolded = new Map(headers.map((h) => [fold(h), h]));
  const out: ImportMapping = {};
  const used = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const known = remembered[field];
    if (known && present.has(known)) {
      out[field] = known;
      used.add(known);
    }
  }
  for (const field of IMPORT_FIELDS) {
    if (out[field]) continue;
    const candidates = [IMPORT_FIELD_LABELS[field], field.replace(/([A-Z])/g, " $1"), ...HEADER_SYNONYMS[field]].map(fold);
    const header = candidates.map((c) => byFolded.get(c)).find((h) => h !== undefined && !used.has(h));
    if (header) {
      out[field] = header;
      used.add(header);
    }
  }
  return out;
}

// ---------------------------------------------------------------- values

const COUNTRY_BY_TEXT: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [code, name] of COUNTRY_ENTRIES) {
    map.set(fold(code), code);
    map.set(fold(name), code);
  }
  // Names spreadsheets use that differ from the ISO list's.
  const aliases: Record<string, string> = {
    usa: "US",
    "united states": "US",
    "united states of america": "US",
    us: "US",
    america: "US",
    uk: "GB",
    "great britain": "GB",
    britain: "GB",
    england: "GB",
    scotland: "GB",
    wales: "GB",
    "northern ireland": "GB",
    "south korea": "KR",
    korea: "KR",
    russia: "RU",
    "czech republic": "CZ",
    czechia: "CZ",
    holland: "NL",
    "the netherlands": "NL",
    switzerland: "CH",
    vietnam: "VN",
    taiwan: "TW",
  };
  for (const [alias, code] of Object.entries(aliases)) map.set(alias, code);
  return map;
})();

/** The ISO 3166-1 alpha-2 code of a country written as a code or an English name; null when unknown. */
export function countryCodeOf(text: string): string | null {
  const key = fold(text);
  return key ? (COUNTRY_BY_TEXT.get(key) ?? null) : null;
}

function choiceReader<C extends string>(labels: Record<C, string>, extra: Record<string, C> = {}) {
  const map = new Map<string, C>();
  for (const [code, label] of Object.entries(labels) as [C, string][]) {
    map.set(fold(code), code);
    map.set(fold(label), code);
    map.set(fold(label.replace(/\(.*\)/, "")), code);
  }
  for (const [text, code] of Object.entries(extra)) map.set(fold(text), code);
  return (text: string): C | null => map.get(fold(text)) ?? null;
}

const readRelationship = choiceReader(RELATIONSHIP_LABELS, {
  vendor: "service_provider",
  supplier: "service_provider",
  processor: "service_provider",
  "group company": "affiliate",
  subsidiary: "affiliate",
  partner: "advertising_partner",
  adviser: "professional_adviser",
  advisor: "professional_adviser",
});
const readServiceCategory = choiceReader(SERVICE_CATEGORY_LABELS, { hosting: "it_hosting", "it": "it_hosting", support: "customer_support", payments: "payment" });
const readAdviserType = choiceReader(ADVISER_TYPE_LABELS, { lawyer: "attorney", "law firm": "attorney", auditor: "accountant" });
const readCcpaRole = choiceReader(CCPA_ROLE_LABELS);

const list = (labels: Record<string, string>) =>
  Object.values(labels)
    .map((l) => l.replace(/\s*\(.*\)/, "").toLowerCase())
    .join(", ");

/** One problem of a row, for a field (or for the row). */
export interface RowProblem {
  field: ImportField | "row";
  message: string;
}

/** A row read through the mapping: the party form's input, and what could not be read. */
export interface ReadRow {
  fields: {
    name: string;
    relationship: string;
    serviceCategory: string | null;
    adviserType: string | null;
    country: string;
    processingLocations: string[];
    registrationNumber: string | null;
    website: string | null;
    contactName: string | null;
    contactEmail: string | null;
    ccpaRole: string | null;
    notes: string | null;
    dataCategories: string[];
  };
  problems: RowProblem[];
}

/** Reads one CSV row (its cells by header) through the mapping. */
export function readPartyRow(cells: Readonly<Record<string, string>>, mapping: ImportMapping): ReadRow {
  const cell = (field: ImportField) => {
    const header = mapping[field];
    return header === undefined ? "" : (cells[header] ?? "").trim();
  };
  const optional = (field: ImportField) => cell(field) || null;
  const problems: RowProblem[] = [];

  const name = cell("name");
  if (!name) problems.push({ field: "name", message: "Missing name." });

  const countryText = cell("country");
  const country = countryText ? countryCodeOf(countryText) : null;
  if (!countryText) problems.push({ field: "country", message: "Missing country of establishment." });
  else if (!country) problems.push({ field: "country", message: `Unknown country "${countryText}": use an ISO code such as DE or an English name such as Germany.` });

  const relationshipText = cell("relationship");
  const relationship = relationshipText ? readRelationship(relationshipText) : null;
  if (!relationship) {
    problems.push({
      field: "relationship",
      message: relationshipText ? `Bad relationship "${relationshipText}": use one of ${list(RELATIONSHIP_LABELS)}.` : `Missing relationship: use one of ${list(RELATIONSHIP_LABELS)}.`,
    });
  }

  const choice = <C extends string>(field: ImportField, read: (t: string) => C | null, labels: Record<string, string>, what: string): C | null => {
    const text = cell(field);
    if (!text) return null;
    const value = read(text);
    if (!value) problems.push({ field, message: `Unknown ${what} "${text}": use one of ${list(labels)}.` });
    return value;
  };
  const serviceCategory = choice("serviceCategory", readServiceCategory, SERVICE_CATEGORY_LABELS, "service category");
  const adviserType = choice("adviserType", readAdviserType, ADVISER_TYPE_LABELS, "adviser type");
  const ccpaRole = choice("ccpaRole", readCcpaRole, CCPA_ROLE_LABELS, "CCPA role");

  const locationsText = cell("processingLocations");
  const processingLocations: string[] = [];
  for (const part of locationsText.split(/[;,|/\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const code = countryCodeOf(part);
    if (!code) problems.push({ field: "processingLocations", message: `Unknown processing location "${part}".` });
    else if (!processingLocations.includes(code)) processingLocations.push(code);
  }
  // Without a column or a value, the party processes the data where it is established.
  if (processingLocations.length === 0 && !locationsText && country) processingLocations.push(country);

  return {
    fields: {
      name,
      relationship: relationship ?? "",
      serviceCategory,
      adviserType,
      country: country ?? "",
      processingLocations,
      registrationNumber: optional("registrationNumber"),
      website: optional("website"),
      contactName: optional("contactName"),
      contactEmail: optional("contactEmail"),
      ccpaRole,
      notes: optional("notes"),
      dataCategories: [],
    },
    problems,
  };
}

const LEGAL_FORMS = new Set([
  "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "lp", "ltd", "limited", "plc", "gmbh", "ag", "kg", "se",
  "sa", "sas", "sarl", "sl", "spa", "srl", "bv", "nv", "oy", "ab", "as", "aps", "pty", "pvt", "private", "kk", "the", "and",
]);

/**
 * A party's name reduced to what makes it the same company: folded (case, accents, punctuation) and without
 * legal forms ("Acme GmbH", "ACME Inc." and "acme" are alike). Empty for an empty name.
 */
export function normalisedName(name: string): string {
  return fold(name)
    .replace(/\bg m b h\b/g, "gmbh")
    .replace(/\bs a r l\b/g, "sarl")
    .replace(/\b([a-z]) ([a-z]) ([a-z])\b/g, "$1$2$3")
    .replace(/\b([a-z]) ([a-z])\b/g, "$1$2")
    .split(" ")
    .filter((w) => w && !LEGAL_FORMS.has(w))
    .join(" ");
}

/** The key two parties share when one is likely a duplicate of the other. */
export function duplicateKey(name: string, country: string): string {
  return `${normalisedName(name) || fold(name)}|${country.toUpperCase()}`;
}
