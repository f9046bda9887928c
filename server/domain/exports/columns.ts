/**
 * The columns of the register exports (CSV and XLSX): one definition per column, shared by both formats, so
 * the two files always say the same thing. Pure: rows in, strings out.
 *
 * The transfers export is the record GDPR Art. 30(1)(e) and 30(2)(c) ask of controllers and processors:
 * "transfers of personal data to a third country or an international organisation, including the
 * identification of that third country or international organisation and, in the case of transfers referred
 * to in the second subparagraph of Article 49(1), the documentation of suitable safeguards". Each row names
 * the destination, the recipient, and the mechanism the verdict rests on with its official reference.
 */
import { COUNTRY_ENTRIES } from "@/server/domain/registry/country-names";
import {
  AUDIT_ACTION_LABELS,
  BASIS_TYPE_LABELS,
  DEROGATION_LABELS,
  ENTITY_TYPE_LABELS,
  FLAG_CODE_LABELS,
  FLAG_STATE_LABELS,
  ISSUE_LABELS,
  REGIME_LABELS,
  SCC_VERSION_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from "@/server/domain/labels";
import type { RegimeId } from "@/server/domain/kb/types";
import type { BasisType, IssueCode, IssueSeverity, Status } from "@/server/domain/rules/types";
import { FREQUENCY_LABELS, PARTY_ROLE_LABELS } from "@/server/domain/choices/transfer-labels";
import { BCR_VARIANT_LABELS, SAFEGUARD_TYPE_LABELS, SCC_MODULE_LABELS } from "@/server/domain/choices/safeguard-labels";
import { ADVISER_TYPE_LABELS, CCPA_ROLE_LABELS, RELATIONSHIP_LABELS, SERVICE_CATEGORY_LABELS } from "@/server/domain/choices/party-labels";

const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map(COUNTRY_ENTRIES);
const country = (code: string | null | undefined) => (code ? (COUNTRY_NAMES.get(code) ?? code) : "");
const label = (labels: Readonly<Record<string, string>>, code: string | null | undefined) => (code ? (labels[code] ?? code) : "");

/** One column: its header and the cell text of a row. */
export interface ExportColumn<R> {
  header: string;
  /** XLSX column width in characters. */
  width: number;
  value: (row: R) => string;
}

/** A transfer with its parties and its verdict as of the export's date (null: archived, not evaluated). */
export interface TransferExportRecord {
  id: string;
  exporterId: string;
  exporterName: string;
  exporterCountry: string;
  recipientId: string;
  recipientName: string;
  recipientCountry: string;
  destination: string;
  exporterRole: string;
  recipientRole: string;
  frequency: string;
  start: string;
  end: string | null;
  archivedAt: string | null;
  /** The safeguards the transfer relies on, as "title (id)", in the transfer's order. */
  safeguards: string[];
  verdict: {
    status: Status;
    regime: RegimeId | null;
    issues: { code: IssueCode; severity: IssueSeverity }[];
    basis: { type: BasisType; ref: string; citation?: string }[];
  } | null;
}

const destinationText = (code: string) => (code.startsWith("org:") ? `International organisation ${code.slice(4)}` : `${country(code)} (${code})`);

export const TRANSFER_EXPORT_COLUMNS: readonly ExportColumn<TransferExportRecord>[] = [
  { header: "Transfer id", width: 28, value: (r) => r.id },
  { header: "Exporter", width: 30, value: (r) => r.exporterName },
  { header: "Exporter id", width: 20, value: (r) => r.exporterId },
  { header: "Exporter country", width: 18, value: (r) => country(r.exporterCountry) },
  { header: "Recipient", width: 30, value: (r) => r.recipientName },
  { header: "Recipient id", width: 20, value: (r) => r.recipientId },
  { header: "Recipient country", width: 18, value: (r) => country(r.recipientCountry) },
  { header: "Destination (third country or organisation)", width: 28, value: (r) => destinationText(r.destination) },
  { header: "Roles", width: 24, value: (r) => `${label(PARTY_ROLE_LABELS, r.exporterRole)} to ${label(PARTY_ROLE_LABELS, r.recipientRole).toLowerCase()}` },
  { header: "Frequency", width: 14, value: (r) => label(FREQUENCY_LABELS, r.frequency) },
  { header: "Start", width: 12, value: (r) => r.start },
  { header: "End", width: 12, value: (r) => r.end ?? "" },
  { header: "Status", width: 16, value: (r) => (r.archivedAt ? "Archived" : r.verdict ? STATUS_LABELS[r.verdict.status] : "") },
  { header: "Regime", width: 14, value: (r) => (r.verdict?.regime ? REGIME_LABELS[r.verdict.regime] : r.verdict ? "No regime" : "") },
  { header: "Mechanism", width: 30, value: (r) => unique((r.verdict?.basis ?? []).map((b) => BASIS_TYPE_LABELS[b.type] ?? b.type)).join("; ") },
  { header: "Mechanism reference", width: 50, value: (r) => unique((r.verdict?.basis ?? []).map((b) => b.citation || b.ref)).join("; ") },
  { header: "Safeguards relied on", width: 40, value: (r) => r.safeguards.join("; ") },
  {
    header: "Issues",
    width: 40,
    value: (r) => (r.verdict?.issues ?? []).map((i) => `${SEVERITY_LABELS[i.severity] ?? i.severity}: ${ISSUE_LABELS[i.code] ?? i.code}`).join("; "),
  },
  { header: "Archived on", width: 12, value: (r) => (r.archivedAt ? r.archivedAt.slice(0, 10) : "") },
];

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** The heading lines of the transfers export (the XLSX's first sheet; the CSV has columns only). */
export function transferExportTitle(asOf: string, count: number, knowledgeBaseVersion: string): string[] {
  return [
    "Record of transfers to third countries and international organisations",
    "GDPR Art. 30(1)(e) (controller) and Art. 30(2)(c) (processor): the transfers, the third country or international organisation, and the safeguards documented for them.",
    `Verdicts as of ${asOf}, knowledge base ${knowledgeBaseVersion}. ${count.toLocaleString("en")} transfer${count === 1 ? "" : "s"} as the list's filters select them.`,
  ];
}

/** A party as the parties export shows it. */
export interface PartyExportRecord {
  id: string;
  name: string;
  relationship: string;
  serviceCategory: string | null;
  adviserType: string | null;
  country: string;
  processingLocations: string[];
  registrationNumber: string | null;
  website: string | null;
  ccpaRole: string | null;
  archivedAt: string | null;
  /** The worst status of the party's live transfers as of the export's date; null: none. */
  worstStatus: Status | null;
}

export const PARTY_EXPORT_COLUMNS: readonly ExportColumn<PartyExportRecord>[] = [
  { header: "Party id", width: 24, value: (r) => r.id },
  { header: "Name", width: 34, value: (r) => r.name },
  { header: "Relationship", width: 24, value: (r) => label(RELATIONSHIP_LABELS, r.relationship) },
  { header: "Service category", width: 18, value: (r) => label(SERVICE_CATEGORY_LABELS, r.serviceCategory) },
  { header: "Adviser type", width: 14, value: (r) => label(ADVISER_TYPE_LABELS, r.adviserType) },
  { header: "Country of establishment", width: 22, value: (r) => country(r.country) },
  { header: "Processing locations", width: 30, value: (r) => r.processingLocations.map(country).join("; ") },
  { header: "Registration number", width: 20, value: (r) => r.registrationNumber ?? "" },
  { header: "Website", width: 28, value: (r) => r.website ?? "" },
  { header: "CCPA role", width: 16, value: (r) => label(CCPA_ROLE_LABELS, r.ccpaRole) },
  { header: "Worst transfer status", width: 20, value: (r) => (r.worstStatus ? STATUS_LABELS[r.worstStatus] : "No live transfers") },
  { header: "Archived on", width: 12, value: (r) => (r.archivedAt ? r.archivedAt.slice(0, 10) : "") },
];

/** A safeguard as the safeguards export shows it, with its state on the export's date. */
export interface SafeguardExportRecord {
  id: string;
  title: string;
  type: string;
  sccVersion: string | null;
  modules: number[];
  ukAddendum: boolean;
  ukAddendumVersion: string | null;
  swissAdaptations: boolean;
  idtaVersion: string | null;
  bcrVariant: string | null;
  reference: string | null;
  derogationBasis: string | null;
  signed: string | null;
  approved: string | null;
  ended: string | null;
  /** How many parties it binds; `partyNames` holds the first SAFEGUARD_EXPORT_PARTIES_NAMED of them. */
  partyCount: number;
  partyNames: string[];
  /** Live (not archived) transfers relying on it. */
  transferCount: number;
  archivedAt: string | null;
  /** On the export's date: signed/approved and not ended, not signed yet, or ended. */
  state: "in_force" | "not_yet" | "ended";
}

/** A group BCR binds thousands of members: a cell names the first ones and says how many more. */
export const SAFEGUARD_EXPORT_PARTIES_NAMED = 50;

const SAFEGUARD_STATE_LABELS: Readonly<Record<SafeguardExportRecord["state"], string>> = { in_force: "In force", not_yet: "Not yet in force", ended: "Ended" };

/** The version or variant that identifies the instrument: the SCC decision, the IDTA version, the BCR variant, the approval reference, the derogation. */
function safeguardVersion(r: SafeguardExportRecord): string {
  if (r.sccVersion) return label(SCC_VERSION_LABELS, r.sccVersion);
  if (r.idtaVersion) return `IDTA version ${r.idtaVersion}`;
  if (r.bcrVariant) return [label(BCR_VARIANT_LABELS, r.bcrVariant), r.reference ?? ""].filter(Boolean).join(", ");
  if (r.derogationBasis) return label(DEROGATION_LABELS, r.derogationBasis);
  return r.reference ?? "";
}

export function safeguardExportColumns(asOf: string): readonly ExportColumn<SafeguardExportRecord>[] {
  return [
    { header: "Safeguard id", width: 24, value: (r) => r.id },
    { header: "Title", width: 40, value: (r) => r.title },
    { header: "Kind", width: 34, value: (r) => label(SAFEGUARD_TYPE_LABELS, r.type) },
    { header: "Version or reference", width: 40, value: safeguardVersion },
    { header: "SCC modules", width: 34, value: (r) => r.modules.map((m) => SCC_MODULE_LABELS[m] ?? `Module ${m}`).join("; ") },
    {
      header: "UK and Swiss additions",
      width: 30,
      value: (r) => [r.ukAddendum ? `UK Addendum${r.ukAddendumVersion ? ` (${r.ukAddendumVersion})` : ""}` : "", r.swissAdaptations ? "Swiss adaptations" : ""].filter(Boolean).join("; "),
    },
    { header: "Parties bound", width: 12, value: (r) => String(r.partyCount) },
    {
      header: "Parties",
      width: 50,
      value: (r) => r.partyNames.join("; ") + (r.partyCount > r.partyNames.length ? `; and ${(r.partyCount - r.partyNames.length).toLocaleString("en")} more` : ""),
    },
    { header: "Signed", width: 12, value: (r) => r.signed ?? "" },
    { header: "Approved", width: 12, value: (r) => r.approved ?? "" },
    { header: "Ended", width: 12, value: (r) => r.ended ?? "" },
    { header: `Status on ${asOf}`, width: 18, value: (r) => SAFEGUARD_STATE_LABELS[r.state] },
    { header: "Transfers relying on it", width: 12, value: (r) => String(r.transferCount) },
    { header: "Archived on", width: 12, value: (r) => (r.archivedAt ? r.archivedAt.slice(0, 10) : "") },
  ];
}

/** A flag as the flags export shows it (the flags list's item, as of the export's date). */
export interface FlagExportRecord {
  transferId: string;
  code: string;
  severity: string;
  state: string;
  exporter: { id: string; name: string; country: string };
  recipient: { id: string; name: string; country: string };
  destination: string;
  regime: RegimeId | null;
  owner: { id: string; name: string } | null;
  dueDate: string | null;
  rereviewDate: string | null;
  justification: string | null;
  raisedSince: string;
  raisedBeforeFloor: boolean;
  daysRaised: number;
  message: string;
}

export const FLAG_EXPORT_COLUMNS: readonly ExportColumn<FlagExportRecord>[] = [
  { header: "Severity", width: 10, value: (r) => label(SEVERITY_LABELS, r.severity) },
  { header: "Issue", width: 36, value: (r) => label(FLAG_CODE_LABELS, r.code) },
  { header: "Transfer id", width: 28, value: (r) => r.transferId },
  { header: "Exporter", width: 30, value: (r) => r.exporter.name },
  { header: "Recipient", width: 30, value: (r) => r.recipient.name },
  { header: "Destination", width: 24, value: (r) => destinationText(r.destination) },
  { header: "Regime", width: 14, value: (r) => (r.regime ? REGIME_LABELS[r.regime] : "No regime") },
  { header: "Opened since", width: 14, value: (r) => (r.state === "resolved" ? "" : r.raisedBeforeFloor ? `before ${r.raisedSince}` : r.raisedSince) },
  { header: "Days open", width: 10, value: (r) => (r.state === "resolved" ? "" : String(r.daysRaised)) },
  { header: "Owner", width: 24, value: (r) => r.owner?.name ?? "" },
  { header: "Due date", width: 12, value: (r) => r.dueDate ?? "" },
  { header: "State", width: 16, value: (r) => label(FLAG_STATE_LABELS, r.state) },
  { header: "Justification", width: 50, value: (r) => r.justification ?? "" },
  { header: "Re-review date", width: 14, value: (r) => r.rereviewDate ?? "" },
  { header: "Detail", width: 60, value: (r) => r.message },
];

/** An audit-log entry as stored (server/services/record-audit.ts). */
export interface AuditExportRecord {
  id: number;
  at: string;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

/** A spreadsheet cell holds at most 32,767 characters: a longer record is cut, and says so. */
export const EXPORT_CELL_LIMIT = 32_000;
const cell = (text: string | null) => (text === null ? "" : text.length > EXPORT_CELL_LIMIT ? `${text.slice(0, EXPORT_CELL_LIMIT)}… [cut: ${text.length.toLocaleString("en")} characters in all]` : text);

export const AUDIT_EXPORT_COLUMNS: readonly ExportColumn<AuditExportRecord>[] = [
  { header: "Entry", width: 8, value: (r) => String(r.id) },
  { header: "When (UTC)", width: 24, value: (r) => r.at },
  { header: "Actor", width: 30, value: (r) => r.actorEmail },
  { header: "Action", width: 34, value: (r) => label(AUDIT_ACTION_LABELS, r.action) },
  { header: "Action code", width: 20, value: (r) => r.action },
  { header: "Record type", width: 24, value: (r) => label(ENTITY_TYPE_LABELS, r.entityType) },
  { header: "Record id", width: 28, value: (r) => r.entityId },
  { header: "Before (JSON)", width: 60, value: (r) => cell(r.before) },
  { header: "After (JSON)", width: 60, value: (r) => cell(r.after) },
];
