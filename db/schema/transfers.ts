/**
 * Transfers: one flow of personal data from an exporter (an affiliate) to a
 * recipient processing it in a destination country. A transfer's `id` is its
 * registry id. Dates with legal meaning are `YYYY-MM-DD` text.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { dataCategories, parties } from "./parties";
import { safeguards } from "./safeguards";

export const transfers = sqliteTable(
  "transfer",
  {
    id: text("id").primaryKey(),
    exporterId: text("exporter_id")
      .notNull()
      .references(() => parties.id),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => parties.id),
    /** ISO alpha-2: where the recipient processes the data. */
    destination: text("destination").notNull(),
    /** controller | processor */
    exporterRole: text("exporter_role").notNull(),
    recipientRole: text("recipient_role").notNull(),
    specialCategory: integer("special_category", { mode: "boolean" }).notNull().default(false),
    /** JSON array of data-subject category codes (customers, prospects…). */
    dataSubjects: text("data_subjects").notNull().default("[]"),
    /** continuous | occasional */
    frequency: text("frequency").notNull(),
    start: text("start").notNull(),
    end: text("end"),
    notes: text("notes"),
    extra: text("extra"),
    archivedAt: text("archived_at"),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index("transfer_exporter_idx").on(t.exporterId),
    // Also answers "has this party a live transfer on this date?" from the index alone (the privacy notice).
    index("transfer_recipient_idx").on(t.recipientId, t.archivedAt, t.start, t.end),
    index("transfer_destination_idx").on(t.destination),
    // Reminders (0008): "is this transfer live" answered from the index alone.
    index("transfer_live_idx").on(t.id, t.archivedAt, t.end),
  ],
);

export const transferSafeguards = sqliteTable(
  "transfer_safeguard",
  {
    transferId: text("transfer_id")
      .notNull()
      .references(() => transfers.id, { onDelete: "cascade" }),
    safeguardId: text("safeguard_id")
      .notNull()
      .references(() => safeguards.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.transferId, t.safeguardId] }), index("transfer_safeguard_sg_idx").on(t.safeguardId)],
);

export const transferDataCategories = sqliteTable(
  "transfer_data_category",
  {
    transferId: text("transfer_id")
      .notNull()
      .references(() => transfers.id, { onDelete: "cascade" }),
    categoryId: text("category_id")
      .notNull()
      .references(() => dataCategories.id),
  },
  (t) => [primaryKey({ columns: [t.transferId, t.categoryId] })],
);

/** Editable list of processing purposes, seeded from the seed notice. */
export const purposes = sqliteTable("purpose", {
  id: text("id").primaryKey(),
  label: text("label").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  archived: integer("archived", { mode: "boolean" }).notNull().default(false),
});

export const transferPurposes = sqliteTable(
  "transfer_purpose",
  {
    transferId: text("transfer_id")
      .notNull()
      .references(() => transfers.id, { onDelete: "cascade" }),
    purposeId: text("purpose_id")
      .notNull()
      .references(() => purposes.id),
  },
  (t) => [primaryKey({ columns: [t.transferId, t.purposeId] })],
);

/** Transfer impact assessments (EDPB Recommendations 01/2020; SCC Clause 14). The latest one counts. */
export const transferImpactAssessments = sqliteTable(
  "transfer_impact_assessment",
  {
    id: text("id").primaryKey(),
    transferId: text("transfer_id")
      .notNull()
      .references(() => transfers.id, { onDelete: "cascade" }),
    completed: text("completed").notNull(),
    assessor: text("assessor"),
    /** proceed | proceed_with_measures | suspend */
    outcome: text("outcome"),
    measuresTechnical: text("measures_technical"),
    measuresContractual: text("measures_contractual"),
    measuresOrganisational: text("measures_organisational"),
    nextReview: text("next_review"),
    /** Where the assessment document is kept (a URL or a document reference). */
    documentRef: text("document_ref"),
    /** Unknown fields of the TIA in an imported registry document (JSON object), kept so they round-trip. */
    extra: text("extra"),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index("tia_transfer_idx").on(t.transferId, t.completed),
    // Reminders (0008): covering indexes for the TIA review dates of the latest TIA of each live transfer.
    index("tia_next_review_idx").on(t.nextReview, t.transferId, t.completed, t.id),
    index("tia_transfer_latest_idx").on(t.transferId, t.completed, t.id),
  ],
);
