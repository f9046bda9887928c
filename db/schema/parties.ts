/**
 * The party register: every legal person that sends or receives personal data.
 * A party's `id` is its registry id (transfer-registry/v1: `[a-z0-9._-]{1,64}`),
 * so import and export keep ids stable.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const parties = sqliteTable(
  "party",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** affiliate | service_provider | reseller | advertising_partner | professional_adviser | other */
    relationship: text("relationship").notNull(),
    /** For service providers: marketing | analytics | it_hosting | payment | customer_support | other */
    serviceCategory: text("service_category"),
    /** For professional advisers: accountant | attorney | consultant */
    adviserType: text("adviser_type"),
    /** ISO 3166-1 alpha-2 country of establishment. */
    country: text("country").notNull(),
    registrationNumber: text("registration_number"),
    website: text("website"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    /** CCPA role (Cal. Civ. Code §1798.140): service_provider | contractor | third_party */
    ccpaRole: text("ccpa_role"),
    ccpaSale: integer("ccpa_sale", { mode: "boolean" }).notNull().default(false),
    ccpaShare: integer("ccpa_share", { mode: "boolean" }).notNull().default(false),
    notes: text("notes"),
    /** Unknown fields from an imported registry document, kept so they round-trip (JSON object). */
    extra: text("extra"),
    /** ISO instant when archived; archived parties are hidden by default, never deleted. */
    archivedAt: text("archived_at"),
    /** Optimistic-concurrency version: every update must name the version it read. */
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index("party_name_idx").on(t.name),
    index("party_relationship_idx").on(t.relationship),
    index("party_country_idx").on(t.country),
  ],
);

/** Countries where a party stores, processes or remotely accesses the data. */
export const partyProcessingLocations = sqliteTable(
  "party_processing_location",
  {
    partyId: text("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "cascade" }),
    country: text("country").notNull(),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.country] }), index("ppl_country_idx").on(t.country)],
);

/** Editable list of personal-data categories, seeded from the seed notice. */
export const dataCategories = sqliteTable("data_category", {
  id: text("id").primaryKey(),
  label: text("label").notNull(),
  description: text("description"),
  sortOrder: integer("sort_order").notNull().default(0),
  archived: integer("archived", { mode: "boolean" }).notNull().default(false),
});

export const partyDataCategories = sqliteTable(
  "party_data_category",
  {
    partyId: text("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "cascade" }),
    categoryId: text("category_id")
      .notNull()
      .references(() => dataCategories.id),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.categoryId] })],
);
