/**
 * Safeguards (transfer tools) and the parties bound by them, plus the US
 * framework certifications held by parties. A safeguard's `id` is its registry
 * id (transfer-registry/v1), so import and export keep ids stable.
 * Dates with legal meaning are `YYYY-MM-DD` text.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { parties } from "./parties";

export const safeguards = sqliteTable(
  "safeguard",
  {
    id: text("id").primaryKey(),
    /** scc | uk_idta | bcr | code_of_conduct | certification | ad_hoc_clauses | derogation */
    type: text("type").notNull(),
    /** A human name, e.g. "SCCs Norvale GmbH – Stratus Hosting (2021)". */
    title: text("title").notNull(),
    /** SCC: Commission decision 2001/497 | 2004/915 | 2010/87 | 2021/914. */
    sccVersion: text("scc_version"),
    /** SCC 2021/914 modules, JSON array of 1–4. */
    modules: text("modules"),
    /** SCC / IDTA: date signed. */
    signed: text("signed"),
    /** BCR, code of conduct, certification, ad hoc clauses: date approved. */
    approved: text("approved"),
    /** Date it stopped applying (terminated, replaced); null = still in force. */
    ended: text("ended"),
    dockingClause: integer("docking_clause", { mode: "boolean" }).notNull().default(false),
    ukAddendum: integer("uk_addendum", { mode: "boolean" }).notNull().default(false),
    ukAddendumVersion: text("uk_addendum_version"),
    swissAdaptations: integer("swiss_adaptations", { mode: "boolean" }).notNull().default(false),
    supervisoryAuthority: text("supervisory_authority"),
    governingLaw: text("governing_law"),
    idtaVersion: text("idta_version"),
    /** BCR: controller | processor. */
    bcrVariant: text("bcr_variant"),
    approvingAuthority: text("approving_authority"),
    /** Codes of conduct, certifications, ad hoc clauses: the approval reference. */
    reference: text("reference"),
    /** Derogation: 49(1)(a) … 49(1)(g) or 49(1)-2. */
    derogationBasis: text("derogation_basis"),
    justification: text("justification"),
    /** Derogation 49(1) second subparagraph: when the supervisory authority was informed. */
    saInformedOn: text("sa_informed_on"),
    notes: text("notes"),
    /** Unknown fields from an imported registry document (JSON object), kept so they round-trip. */
    extra: text("extra"),
    archivedAt: text("archived_at"),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("safeguard_type_idx").on(t.type), index("safeguard_ended_idx").on(t.ended)],
);

/** Parties that signed a safeguard (SCC, IDTA…) or are bound by it (BCR members). Ordered by `position`. */
export const safeguardParties = sqliteTable(
  "safeguard_party",
  {
    safeguardId: text("safeguard_id")
      .notNull()
      .references(() => safeguards.id, { onDelete: "cascade" }),
    partyId: text("party_id")
      .notNull()
      .references(() => parties.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.safeguardId, t.partyId] }), index("safeguard_party_party_idx").on(t.partyId)],
);

/** US framework self-certifications of a party (Safe Harbor, Privacy Shield, DPF…). */
export const certifications = sqliteTable(
  "certification",
  {
    id: text("id").primaryKey(),
    partyId: text("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "cascade" }),
    /** safe_harbor_eu | safe_harbor_ch | privacy_shield_eu | privacy_shield_ch | dpf_eu | dpf_uk | dpf_ch */
    framework: text("framework").notNull(),
    from: text("from").notNull(),
    to: text("to"),
    /** hr | non_hr | both */
    coveredData: text("covered_data"),
    /** When and by whom the DPF List entry was last checked. */
    verifiedOn: text("verified_on"),
    verifiedBy: text("verified_by"),
    /** Unknown fields of the certification in an imported registry document (JSON object), kept so they round-trip. */
    extra: text("extra"),
    /** Position within the party's list, so export order is stable. */
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("certification_party_idx").on(t.partyId),
    // Reminders (0008): the base date of a DPF List check (server/domain/reminders.ts dpfCheckDue), DPF only.
    index("certification_dpf_check_idx")
      .on(sql`max(coalesce(${t.verifiedOn}, ${t.from}), ${t.from})`)
      .where(sql`${t.framework} IN ('dpf_eu', 'dpf_uk', 'dpf_ch')`),
  ],
);
