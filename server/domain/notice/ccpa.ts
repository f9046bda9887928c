/**
 * CCPA/CPRA disclosures from the registry: which CCPA categories of personal information each registry data
 * category falls under, how a party's CCPA role and flags mark a disclosure, and the table a notice shows.
 */
import { CCPA_CATEGORY_IDS, RECIPIENT_CATEGORY_IDS, type CcpaCategoryId, type RecipientCategoryId } from "./claim-rules";
import type { CcpaFact, CcpaMark, CcpaTable } from "./types";

/**
 * Registry data categories (data_category.id, seeded in migration 0001) → CCPA categories (§1798.140(v)(1)).
 * A category added in the app and missing here is reported as unmapped, never guessed.
 */
export const DATA_CATEGORY_TO_CCPA: Readonly<Record<string, readonly CcpaCategoryId[]>> = {
  // Name, telephone number, postal and e-mail address: identifiers, and §1798.80(e) customer records.
  contact: ["A", "B"],
  // Company, job title, billing and payment information: customer records, commercial and professional information.
  organisation_billing: ["B", "D", "I"],
  // Social media handles and content: identifiers (alias, account name) and network activity.
  social_media: ["A", "F"],
  // IP address, cookie identifiers, browsing actions: identifiers and internet activity.
  online_identifiers: ["A", "F"],
  // Product preferences, comments, enquiries: commercial information (products considered).
  user_generated_content: ["D"],
  // Health data via healthcare professionals: medical information (§1798.80(e)) and sensitive personal information.
  health_via_hcp: ["B", "L"],
};

/** The CCPA recipient category of a party (service providers by service category; advisers together). */
export function ccpaRecipientCategory(relationship: string, serviceCategory: string | null): RecipientCategoryId {
  if (relationship === "service_provider") {
    const id = `service_provider:${serviceCategory ?? "other"}`;
    return (RECIPIENT_CATEGORY_IDS as readonly string[]).includes(id) ? (id as RecipientCategoryId) : "service_provider:other";
  }
  if ((RECIPIENT_CATEGORY_IDS as readonly string[]).includes(relationship)) return relationship as RecipientCategoryId;
  return "other";
}

/**
 * How a disclosure to a party is marked: "sold" when the party's CCPA sale flag is set, "shared" (cross-context
 * behavioural advertising, §1798.140(ah)) when its share flag is; otherwise the disclosure is for a business
 * purpose (to a service provider or contractor under contract, to an affiliate, or to a third party without a sale).
 */
export function ccpaMarks(sale: boolean, share: boolean): CcpaMark[] {
  const marks: CcpaMark[] = [];
  if (sale) marks.push("sold");
  if (share) marks.push("shared");
  if (marks.length === 0) marks.push("disclosed");
  return marks;
}

/** The first day of the 12 months that end on `asOf` (the same day a year earlier; 29 February → 28 February). */
export function twelveMonthsBefore(asOf: string): string {
  const year = Number(asOf.slice(0, 4)) - 1;
  const monthDay = asOf.slice(5) === "02-29" ? "02-28" : asOf.slice(5);
  return `${String(year).padStart(4, "0")}-${monthDay}`;
}

const RECIPIENT_ORDER = new Map(RECIPIENT_CATEGORY_IDS.map((id, i) => [id, i] as const));

/** The CCPA table from the facts: rows in CCPA order, recipient categories in registry order, no duplicates. */
export function buildCcpaTable(facts: readonly CcpaFact[]): { table: CcpaTable; unmapped: string[] } {
  const sets = new Map<CcpaCategoryId, Record<CcpaMark, Set<RecipientCategoryId>>>();
  const unmapped = new Set<string>();
  for (const fact of facts) {
    const ccpa = DATA_CATEGORY_TO_CCPA[fact.dataCategory];
    if (!ccpa) {
      unmapped.add(fact.dataCategory);
      continue;
    }
    for (const category of ccpa) {
      let row = sets.get(category);
      if (!row) sets.set(category, (row = { disclosed: new Set(), sold: new Set(), shared: new Set() }));
      for (const mark of fact.marks) row[mark].add(fact.recipientCategory);
    }
  }
  const table: CcpaTable = {};
  const order = (ids: Set<RecipientCategoryId>) => [...ids].sort((a, b) => (RECIPIENT_ORDER.get(a) ?? 99) - (RECIPIENT_ORDER.get(b) ?? 99));
  for (const id of CCPA_CATEGORY_IDS) {
    const row = sets.get(id);
    if (row) table[id] = { disclosed: order(row.disclosed), sold: order(row.sold), shared: order(row.shared) };
  }
  return { table, unmapped: [...unmapped].sort() };
}

/** The CCPA categories the registry marks sold, or shared. */
export function ccpaCategoriesWith(table: CcpaTable, mark: CcpaMark): CcpaCategoryId[] {
  return CCPA_CATEGORY_IDS.filter((id) => (table[id]?.[mark].length ?? 0) > 0);
}
