/**
 * The notice sections generated from the registry, as Markdown (the service renders the HTML from it).
 * Pure: the facts and the date come in, text goes out.
 */
import { CCPA_CATEGORY_LABELS, CCPA_CATEGORY_IDS, MECHANISM_IDS, MECHANISM_LABELS, RECIPIENT_CATEGORY_LABELS, type MechanismId, type RecipientCategoryId } from "./claim-rules";
import { DEROGATION_LABELS, SCC_VERSION_LABELS } from "../labels";
import { buildCcpaTable } from "./ccpa";
import type { CcpaTable, MechanismFact, RegistryFacts, TransferRegime } from "./types";

const REGION_NAMES = new Intl.DisplayNames(["en"], { type: "region" });

/** The English name of an ISO 3166-1 alpha-2 code ("US" → "United States"); the code itself when unknown. */
export function countryName(code: string): string {
  try {
    return REGION_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

const WITH_ARTICLE = new Set(["US", "GB", "NL", "AE", "PH", "CZ"]);
/** A country's name as it reads in a sentence ("the United States"). */
export function countryInSentence(code: string): string {
  return WITH_ARTICLE.has(code) ? `the ${countryName(code)}` : countryName(code);
}

/** Markdown-escapes text from the registry or knowledge base (so a name cannot inject markup). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|<>]/g, (c) => `\\${c}`);
}

const FROM: Readonly<Record<TransferRegime, string>> = {
  EU: "from the European Economic Area",
  UK: "from the United Kingdom",
  CH: "from Switzerland",
};

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The decision itself, without the Official Journal reference and the article ("…, OJ L 76, …; GDPR Art. 45(3)"). */
export function shortCitation(citation: string): string {
  return citation.split(";")[0]!.split(", OJ ")[0]!.trim();
}

function detailText(mechanism: MechanismId, detail: string): string {
  switch (mechanism) {
    case "adequacy":
      return shortCitation(detail);
    case "derogation":
      return DEROGATION_LABELS[detail as keyof typeof DEROGATION_LABELS] ?? detail;
    case "eu_scc":
    case "uk_addendum":
    case "swiss_scc":
      return detail ? `Commission ${SCC_VERSION_LABELS[detail as keyof typeof SCC_VERSION_LABELS] ?? `decision ${detail}`}` : "";
    case "dpf":
    case "privacy_shield":
    case "safe_harbor":
      return detail;
    case "bcr":
      return detail ? `${detail.charAt(0).toUpperCase()}${detail.slice(1)} BCR` : "";
    default:
      return detail;
  }
}

export interface GeneratedSection {
  key: "transfers" | "recipients" | "ccpa";
  title: string;
  markdown: string;
}

/** The international-transfers section: destinations grouped by mechanism, and how to obtain a copy. */
export function transfersSection(facts: Pick<RegistryFacts, "asOf" | "mechanisms">, frameworkLabel: (id: string) => string): GeneratedSection {
  const lines: string[] = ["## International transfers of personal data", ""];
  if (facts.mechanisms.length === 0) {
    lines.push(`As of ${facts.asOf}, we do not transfer personal data outside the European Economic Area, the United Kingdom or Switzerland.`);
    return { key: "transfers", title: "International transfers", markdown: lines.join("\n") };
  }
  lines.push(
    "We transfer personal data to recipients in countries other than the one in which it was collected. Where personal data from the European Economic Area, the United Kingdom or Switzerland goes to another country, the transfer rests on an adequacy decision for that country or, where there is none, on one of the safeguards below:",
    "",
  );
  const byMechanism = new Map<MechanismId, MechanismFact[]>();
  for (const fact of facts.mechanisms) {
    const list = byMechanism.get(fact.mechanism) ?? [];
    list.push(fact);
    byMechanism.set(fact.mechanism, list);
  }
  for (const mechanism of MECHANISM_IDS) {
    const rows = byMechanism.get(mechanism);
    if (!rows) continue;
    lines.push(`### ${MECHANISM_LABELS[mechanism]}`, "");
    // One bullet per (detail, regime): its destinations.
    const groups = new Map<string, { detail: string; regime: TransferRegime; destinations: Set<string> }>();
    for (const row of rows) {
      const key = `${row.detail}|${row.regime}`;
      const group = groups.get(key) ?? { detail: row.detail, regime: row.regime, destinations: new Set<string>() };
      group.destinations.add(row.destination);
      groups.set(key, group);
    }
    for (const group of [...groups.values()].sort((a, b) => a.detail.localeCompare(b.detail) || a.regime.localeCompare(b.regime))) {
      const detail = mechanism === "dpf" || mechanism === "privacy_shield" || mechanism === "safe_harbor" ? frameworkLabel(group.detail) : detailText(mechanism, group.detail);
      const countries = [...group.destinations].sort((a, b) => countryName(a).localeCompare(countryName(b))).map(countryInSentence);
      lines.push(`- Transfers ${FROM[group.regime]} to ${escapeMarkdown(listWords(countries))}${detail ? ` (${escapeMarkdown(detail)})` : ""}.`);
    }
    lines.push("");
  }
  lines.push(
    "### How to obtain a copy of the safeguards",
    "",
    "You may request a copy of the safeguards we have put in place for these transfers (for example, the standard contractual clauses) by contacting us as described in the \"How to contact us\" section of this notice. We may redact commercial terms.",
  );
  return { key: "transfers", title: "International transfers", markdown: lines.join("\n") };
}

const SERVICE_WORDS: Partial<Record<RecipientCategoryId, string>> = {
  "service_provider:marketing": "marketing",
  "service_provider:analytics": "analytics",
  "service_provider:it_hosting": "IT hosting",
  "service_provider:payment": "payment processing",
  "service_provider:customer_support": "customer support",
  "service_provider:other": "other business services",
};
const ADVISER_WORDS: Partial<Record<RecipientCategoryId, string>> = {
  "professional_adviser:accountant": "accountants and auditors",
  "professional_adviser:attorney": "attorneys",
  "professional_adviser:consultant": "consultants",
};

/** The recipients section: the categories of recipients with a live transfer on the date. */
export function recipientsSection(facts: Pick<RegistryFacts, "asOf" | "recipients">): GeneratedSection {
  const present = new Set(facts.recipients.map((r) => r.category));
  const lines: string[] = ["## Recipients of personal data", ""];
  if (present.size === 0) {
    lines.push(`As of ${facts.asOf}, we do not share personal data with other parties.`);
    return { key: "recipients", title: "Recipients", markdown: lines.join("\n") };
  }
  lines.push("We share personal data with the following categories of recipients:", "");
  if (present.has("affiliate")) lines.push("- **Our affiliates and subsidiaries**, within our group of companies.");
  const services = Object.entries(SERVICE_WORDS)
    .filter(([id]) => present.has(id as RecipientCategoryId))
    .map(([, words]) => words);
  if (services.length > 0) {
    lines.push(`- **Service providers** that perform services on our behalf and only on our instructions: ${listWords(services)}.`);
  }
  if (present.has("reseller")) lines.push("- **Resellers** and distributors of our products, for the customers they serve.");
  const advisers = Object.entries(ADVISER_WORDS)
    .filter(([id]) => present.has(id as RecipientCategoryId))
    .map(([, words]) => words);
  if (advisers.length > 0 || present.has("professional_adviser")) {
    lines.push(`- **Professional advisers**${advisers.length > 0 ? `: ${listWords(advisers)}` : ""}.`);
  }
  if (present.has("advertising_partner")) lines.push("- **Advertising partners** (online advertising services and networks).");
  if (present.has("other")) lines.push("- **Other recipients**.");
  return { key: "recipients", title: "Recipients", markdown: lines.join("\n") };
}

const cell = (ids: readonly RecipientCategoryId[]) => (ids.length === 0 ? "None" : ids.map((id) => RECIPIENT_CATEGORY_LABELS[id]).join("; "));

/** The CCPA/CPRA table for the 12 months up to the date. */
export function ccpaSection(facts: Pick<RegistryFacts, "asOf" | "ccpaFrom" | "ccpa">): GeneratedSection & { table: CcpaTable; unmapped: string[] } {
  const { table, unmapped } = buildCcpaTable(facts.ccpa);
  const lines: string[] = [
    "## Categories of personal information disclosed, sold or shared (California)",
    "",
    `In the 12 months from ${facts.ccpaFrom} to ${facts.asOf}, we disclosed the following categories of personal information for a business purpose, sold them, or shared them for cross-context behavioural advertising, to the following categories of recipients:`,
    "",
  ];
  const rows = CCPA_CATEGORY_IDS.filter((id) => table[id]);
  if (rows.length === 0) {
    lines.push("We did not disclose, sell or share personal information in this period.");
  } else {
    lines.push("| Category of personal information | Disclosed for a business purpose to | Sold to | Shared with |", "|---|---|---|---|");
    for (const id of rows) {
      const row = table[id]!;
      lines.push(`| ${escapeMarkdown(CCPA_CATEGORY_LABELS[id])} | ${cell(row.disclosed)} | ${cell(row.sold)} | ${cell(row.shared)} |`);
    }
  }
  return { key: "ccpa", title: "CCPA/CPRA tables", markdown: lines.join("\n"), table, unmapped };
}
