/**
 * The knowledge base of transfer law (regimes, area memberships, adequacy
 * decisions, frameworks, instruments, derogations). Each row is one entry of
 * server/domain/kb, stored as JSON and validated with `knowledgeBaseEntrySchema`.
 * Reference entries come from db/reference and are loaded when the table is
 * empty; DPO and admin can edit them or add their own, and every edit is audited.
 */
import { integer, sqliteTable, text, index } from "drizzle-orm/sqlite-core";

export const kbEntries = sqliteTable(
  "kb_entry",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    /** The entry as JSON (server/domain/kb schema for its kind). */
    data: text("data").notNull(),
    /** reference (shipped in db/reference) | custom (added in the app). */
    origin: text("origin").notNull().default("reference"),
    /** Whether an editor changed a reference entry. */
    edited: integer("edited", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    updatedAt: text("updated_at").notNull(),
    updatedBy: text("updated_by"),
  },
  (t) => [index("kb_entry_kind_idx").on(t.kind)],
);
