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
import { BASIS_TYPE_LABELS, ISSUE_LABELS, REGIME_LABELS, SEVERITY_LABELS, STATUS_LABELS } from "@/server/domain/labels";
import type { RegimeId } from "@/server/domain/kb/types";
import type { BasisType, IssueCode, IssueSeverity, Status } from "@/server/domain/rules/types";
import { FREQUENCY_LABELS, PARTY_ROLE_LABELS } from "@/server/schemas/transfer-labels";
import { ADVISER_TYPE_LABELS, CCPA_ROLE_LABELS, RELATIONSHIP_LABELS, SERVICE_CATEGORY_LABELS } from "@/server/schemas/party-labels";

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
