/**
 * Requests for a copy of the safeguards (GDPR Art. 13(1)(f), 14(1)(f), 15(2)), the parts of each safeguard as
 * applied (annexes, prices, signatories) that the DPO may redact for a copy (SCC 2021/914 Clause 8.3; Module 1:
 * Clause 8.2(c)), the copies generated for a request, and uploaded files (executed contracts, TIA documents).
 * Files live under the data folder named by their SHA-256 (server/services/file-store.ts); these rows are their
 * metadata. Dates with legal meaning are `YYYY-MM-DD` text.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { safeguards } from "./safeguards";
import { transferImpactAssessments } from "./transfers";

export const safeguardRequests = sqliteTable(
  "safeguard_request",
  {
    id: text("id").primaryKey(),
    requesterName: text("requester_name").notNull(),
    requesterContact: text("requester_contact").notNull(),
    received: text("received").notNull(),
    /** email | post | web_form | phone | in_person | other */
    channel: text("channel").notNull(),
    question: text("question").notNull(),
    /** JSON arrays of the party ids, data-category ids and purpose ids the request concerns. */
    partyIds: text("party_ids").notNull().default("[]"),
    categoryIds: text("category_ids").notNull().default("[]"),
    purposeIds: text("purpose_ids").notNull().default("[]"),
    /** The copy names recipients by category only (GDPR Art. 13(1)(e), 15(1)(c): "recipients or categories"). */
    withholdNames: integer("withhold_names", { mode: "boolean" }).notNull().default(false),
    /** received | in_progress | sent | refused */
    status: text("status").notNull().default("received"),
    /** The due date in force: received + 1 month, or the extended date. */
    due: text("due").notNull(),
    extensionMonths: integer("extension_months"),
    extensionReason: text("extension_reason"),
    extendedOn: text("extended_on"),
    refusalReason: text("refusal_reason"),
    closedOn: text("closed_on"),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("safeguard_request_status_due_idx").on(t.status, t.due), index("safeguard_request_received_idx").on(t.received)],
);

/** A part of a safeguard as applied, shown in copies; `redacted` parts appear only as their summary and reason. */
export const safeguardCopyParts = sqliteTable(
  "safeguard_copy_part",
  {
    id: text("id").primaryKey(),
    safeguardId: text("safeguard_id")
      .notNull()
      .references(() => safeguards.id, { onDelete: "cascade" }),
    /** annex_i | annex_ii | annex_iii | prices | signatories | other */
    part: text("part").notNull(),
    content: text("content").notNull(),
    redacted: integer("redacted", { mode: "boolean" }).notNull().default(false),
    summary: text("summary"),
    reason: text("reason"),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("safeguard_copy_part_safeguard_idx").on(t.safeguardId)],
);

/** A generated copy of the safeguards: the bytes are in the file store under `sha256`, never regenerated. */
export const requestCopies = sqliteTable(
  "request_copy",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id")
      .notNull()
      .references(() => safeguardRequests.id),
    /** pdf | html */
    format: text("format").notNull(),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    asOf: text("as_of").notNull(),
    transferCount: integer("transfer_count").notNull(),
    createdAt: text("created_at").notNull(),
    createdById: text("created_by_id"),
    createdByEmail: text("created_by_email").notNull(),
  },
  (t) => [index("request_copy_request_idx").on(t.requestId, t.createdAt)],
);

/** An uploaded document: an executed safeguard (signed contract) or a TIA document. */
export const storedFiles = sqliteTable(
  "stored_file",
  {
    id: text("id").primaryKey(),
    /** signed_contract | tia_document */
    kind: text("kind").notNull(),
    safeguardId: text("safeguard_id").references(() => safeguards.id, { onDelete: "cascade" }),
    tiaId: text("tia_id").references(() => transferImpactAssessments.id, { onDelete: "cascade" }),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    contentType: text("content_type").notNull(),
    /** The uploader's file name, sanitised: metadata only, never a path. */
    originalName: text("original_name").notNull(),
    uploadedAt: text("uploaded_at").notNull(),
    uploadedById: text("uploaded_by_id"),
    uploadedByEmail: text("uploaded_by_email").notNull(),
  },
  (t) => [index("stored_file_safeguard_idx").on(t.safeguardId), index("stored_file_tia_idx").on(t.tiaId)],
);
