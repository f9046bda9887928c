/**
 * The copy of the safeguards sent to a requester (GDPR Art. 13(1)(f) and 14(1)(f): "the means by which to obtain a
 * copy of them"; Art. 15(2): "the appropriate safeguards pursuant to Article 46 relating to the transfer"). Pure:
 * the service reads the request, the relevant transfers with their verdicts as of a date and the safeguards' parts,
 * and this module turns them into a list of blocks that the HTML renderer (here) and the PDF renderer
 * (server/services/request-copy-pdf.ts) both draw, so the two formats say the same thing.
 *
 * Redactions: SCC 2021/914 Clause 8.3 (Modules 2 and 3) and Clause 8.2(c) (Module 1) let the exporter redact parts of
 * the Appendix (business secrets, other confidential information, the Annex II measures, personal data) but it
 * must give a meaningful summary where the data subject would otherwise not understand the content, and the reasons
 * for the redactions. A redacted part appears here ONLY as its summary and reason: its text never reaches a block.
 */

export interface CopyPartInput {
  label: string;
  content: string;
  redacted: boolean;
  summary: string | null;
  reason: string | null;
}

export interface CopySafeguardInput {
  id: string;
  /** The kind in words ("Standard contractual clauses"). */
  typeLabel: string;
  type: string;
  title: string;
  sccVersion: string | null;
  sccVersionLabel: string | null;
  modules: number[];
  ukAddendum: boolean;
  ukAddendumVersion: string | null;
  swissAdaptations: boolean;
  idtaVersion: string | null;
  bcrVariant: string | null;
  approvingAuthority: string | null;
  reference: string | null;
  derogationLabel: string | null;
  signed: string | null;
  approved: string | null;
  parts: CopyPartInput[];
}

export interface CopyMechanismInput {
  /** The basis type in words ("Adequacy decision", "Standard contractual clauses"). */
  label: string;
  type: string;
  citation: string;
  uri: string;
  /** The registry safeguard this basis entry is, when it is one. */
  safeguardId: string | null;
}

export interface CopyTransferInput {
  id: string;
  exporterName: string;
  recipientName: string;
  /** The recipient's category ("Service provider · IT hosting"), shown instead of the name when names are withheld. */
  recipientCategory: string;
  destination: string;
  regime: string;
  status: string;
  dataCategories: string[];
  dataSubjects: string[];
  purposes: string[];
  mechanisms: CopyMechanismInput[];
}

export interface CopyInput {
  requestId: string;
  requesterName: string;
  received: string;
  question: string;
  withholdNames: boolean;
  asOf: string;
  knowledgeBase: { version: string; checkedUpTo: string | null };
  transfers: CopyTransferInput[];
  safeguards: CopySafeguardInput[];
}

export type CopyBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "field"; label: string; text: string }
  | { kind: "link"; label: string; text: string; uri: string }
  | { kind: "part"; label: string; text: string }
  | { kind: "redaction"; label: string; summary: string; reason: string };

const MODULE_NAMES: Record<number, string> = {
  1: "Module 1 (controller to controller)",
  2: "Module 2 (controller to processor)",
  3: "Module 3 (processor to processor)",
  4: "Module 4 (processor to controller)",
};

/** The official text of the 2021/914 clauses (ELI), linked for every SCC of that version. */
export const SCC_2021_914_URI = "http://data.europa.eu/eli/dec_impl/2021/914/oj";

export function moduleName(n: number): string {
  return MODULE_NAMES[n] ?? `Module ${n}`;
}

/**
 * The clause that allows a redaction in a copy of 2021/914 SCCs with these modules: Module 1 Clause 8.2(c), Modules
 * 2 and 3 Clause 8.3 (Module 4 has no copy-to-data-subject clause). Other safeguards: the protection of business
 * secrets and other confidential information.
 */
export function defaultRedactionReason(safeguard: { type: string; sccVersion: string | null; modules: number[] }): string {
  if (safeguard.type === "scc" && safeguard.sccVersion === "2021/914") {
    const clauses: string[] = [];
    if (safeguard.modules.includes(1)) clauses.push("Module 1, Clause 8.2(c)");
    if (safeguard.modules.includes(2) || safeguard.modules.includes(3)) clauses.push("Modules 2 and 3, Clause 8.3");
    if (clauses.length > 0) return `Business secrets or other confidential information, redacted as the standard contractual clauses allow (2021/914 ${clauses.join("; ")}).`;
  }
  return "Business secrets or other confidential information (commercially sensitive).";
}

function safeguardHeading(s: CopySafeguardInput, index: number, withholdNames: boolean): string {
  return withholdNames ? `Safeguard ${index + 1}: ${s.typeLabel}` : `Safeguard ${index + 1}: ${s.title}`;
}

function safeguardBlocks(s: CopySafeguardInput, index: number, withholdNames: boolean): CopyBlock[] {
  const out: CopyBlock[] = [{ kind: "subheading", text: safeguardHeading(s, index, withholdNames) }];
  out.push({ kind: "field", label: "Mechanism", text: s.typeLabel });
  if (s.type === "scc") {
    if (s.sccVersionLabel) out.push({ kind: "field", label: "Version", text: s.sccVersionLabel });
    if (s.modules.length > 0) out.push({ kind: "field", label: "Modules", text: s.modules.map(moduleName).join(", ") });
    if (s.sccVersion === "2021/914") out.push({ kind: "link", label: "Official text", text: "Commission Implementing Decision (EU) 2021/914", uri: SCC_2021_914_URI });
    if (s.ukAddendum) out.push({ kind: "field", label: "UK Addendum", text: `ICO International Data Transfer Addendum to the EU SCCs${s.ukAddendumVersion ? `, version ${s.ukAddendumVersion}` : ""}` });
    if (s.swissAdaptations) out.push({ kind: "field", label: "Swiss adaptations", text: "The FDPIC's adaptations of the EU SCCs for transfers under the Swiss FADP" });
  }
  if (s.type === "uk_idta") out.push({ kind: "field", label: "IDTA", text: `ICO International Data Transfer Agreement${s.idtaVersion ? `, version ${s.idtaVersion}` : ""}` });
  if (s.type === "bcr") {
    out.push({ kind: "field", label: "Binding corporate rules", text: `${s.bcrVariant === "processor" ? "BCR for processors" : "BCR for controllers"}${s.approvingAuthority ? `, approved by ${s.approvingAuthority}` : ""}` });
  }
  if (s.reference) out.push({ kind: "field", label: "Reference", text: s.reference });
  if (s.derogationLabel) out.push({ kind: "field", label: "Derogation basis", text: s.derogationLabel });
  if (s.signed) out.push({ kind: "field", label: "Signed", text: s.signed });
  if (s.approved) out.push({ kind: "field", label: "Approved", text: s.approved });
  for (const p of s.parts) {
    if (p.redacted) {
      out.push({ kind: "redaction", label: p.label, summary: p.summary ?? "", reason: p.reason?.trim() || defaultRedactionReason(s) });
    } else {
      out.push({ kind: "part", label: p.label, text: p.content });
    }
  }
  return out;
}

/** The blocks of a copy, in reading order. Transfers in the order given; safeguards numbered in first-use order. */
export function buildCopyBlocks(input: CopyInput): CopyBlock[] {
  const safeguardIndex = new Map(input.safeguards.map((s, i) => [s.id, i]));
  const blocks: CopyBlock[] = [
    { kind: "title", text: "Copy of the safeguards for transfers of your personal data" },
    {
      kind: "paragraph",
      text: `In answer to your request received on ${input.received}, this document describes, as of ${input.asOf}, each transfer of personal data outside the area of its data protection law that your request concerns and the safeguard that covers it (GDPR Art. 13(1)(f), 14(1)(f) and 15(2); and the same articles of the UK GDPR; for Swiss exporters, the FADP's duties to inform and of access).`,
    },
    { kind: "field", label: "Requester", text: input.requesterName },
    { kind: "field", label: "Request reference", text: input.requestId },
    { kind: "field", label: "As of", text: input.asOf },
    { kind: "field", label: "What was asked", text: input.question },
    { kind: "field", label: "Legal reference data", text: `version ${input.knowledgeBase.version}${input.knowledgeBase.checkedUpTo ? `, checked up to ${input.knowledgeBase.checkedUpTo}` : ""}` },
  ];
  if (input.withholdNames) {
    blocks.push({ kind: "paragraph", text: "Recipients are named by their category (GDPR Art. 15(1)(c): \"the recipients or categories of recipient\")." });
  }
  blocks.push({ kind: "heading", text: `Transfers (${input.transfers.length})` });
  if (input.transfers.length === 0) {
    blocks.push({ kind: "paragraph", text: `No transfer outside the area of its data protection law concerns your request as of ${input.asOf}.` });
  }
  input.transfers.forEach((t, i) => {
    blocks.push({ kind: "subheading", text: `Transfer ${i + 1}: to ${input.withholdNames ? t.recipientCategory : t.recipientName}, ${t.destination}` });
    blocks.push({ kind: "field", label: "Recipient", text: input.withholdNames ? t.recipientCategory : `${t.recipientName} (${t.recipientCategory})` });
    blocks.push({ kind: "field", label: "Destination country", text: t.destination });
    blocks.push({ kind: "field", label: "Exporter", text: `${t.exporterName} (${t.regime})` });
    if (t.dataCategories.length > 0) blocks.push({ kind: "field", label: "Personal data", text: t.dataCategories.join(", ") });
    if (t.dataSubjects.length > 0) blocks.push({ kind: "field", label: "Data subjects", text: t.dataSubjects.join(", ") });
    if (t.purposes.length > 0) blocks.push({ kind: "field", label: "Purposes", text: t.purposes.join(", ") });
    blocks.push({ kind: "field", label: "Status as of " + input.asOf, text: t.status });
    if (t.mechanisms.length === 0) blocks.push({ kind: "field", label: "Mechanism", text: "None recorded as of this date." });
    for (const m of t.mechanisms) {
      const s = m.safeguardId !== null ? safeguardIndex.get(m.safeguardId) : undefined;
      const detail = s !== undefined ? ` (see Safeguard ${s + 1} below)` : "";
      blocks.push({ kind: "field", label: "Mechanism", text: `${m.label}${detail}` });
      blocks.push({ kind: "link", label: "Reference", text: m.citation, uri: m.uri });
    }
  });
  if (input.safeguards.length > 0) {
    blocks.push({ kind: "heading", text: "The safeguards as applied" });
    input.safeguards.forEach((s, i) => blocks.push(...safeguardBlocks(s, i, input.withholdNames)));
  }
  return blocks;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Only http(s) links become anchors; anything else is shown as text. */
const safeUri = (uri: string) => (/^https?:\/\//i.test(uri) ? uri : null);

/** A self-contained printable HTML page (no script, no external resource). */
export function renderCopyHtml(blocks: CopyBlock[]): string {
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case "title":
          return `<h1>${escapeHtml(b.text)}</h1>`;
        case "heading":
          return `<h2>${escapeHtml(b.text)}</h2>`;
        case "subheading":
          return `<h3>${escapeHtml(b.text)}</h3>`;
        case "paragraph":
          return `<p>${escapeHtml(b.text)}</p>`;
        case "field":
          return `<p class="field"><span class="label">${escapeHtml(b.label)}:</span> ${escapeHtml(b.text)}</p>`;
        case "link": {
          const uri = safeUri(b.uri);
          return `<p class="field"><span class="label">${escapeHtml(b.label)}:</span> ${escapeHtml(b.text)}${uri ? ` <a href="${escapeHtml(uri)}">${escapeHtml(uri)}</a>` : ""}</p>`;
        }
        case "part":
          return `<section class="part"><h4>${escapeHtml(b.label)}</h4><p class="pre">${escapeHtml(b.text)}</p></section>`;
        case "redaction":
          return `<section class="part redacted"><h4>${escapeHtml(b.label)} [redacted]</h4><p><span class="label">Summary:</span> ${escapeHtml(b.summary)}</p><p><span class="label">Reason for the redaction:</span> ${escapeHtml(b.reason)}</p></section>`;
      }
    })
    .join("\n");
  const title = blocks.find((b) => b.kind === "title");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title && "text" in title ? title.text : "Copy of the safeguards")}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #0f172a; line-height: 1.45; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #cbd5e1; } h3 { font-size: 1.05rem; margin-top: 1.5rem; } h4 { font-size: 0.95rem; margin: 0 0 0.25rem; }
.label { font-weight: 600; } .field { margin: 0.15rem 0; } .pre { white-space: pre-wrap; }
.part { border-left: 3px solid #cbd5e1; padding-left: 0.75rem; margin: 0.75rem 0; } .redacted { border-left-color: #b45309; background: #fffbeb; }
a { color: #3730a3; word-break: break-all; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } .part { break-inside: avoid; } }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
