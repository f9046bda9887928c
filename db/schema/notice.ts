/**
 * Privacy-notice history (migration 0011): generated notice sections and checks of a published notice, stored
 * by the DPO with the date they speak for, the knowledge-base and claim-rules versions and a SHA-256 of their
 * content. Append-only (triggers refuse UPDATE and DELETE).
 */
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const noticeRecords = sqliteTable(
  "notice_record",
  {
    id: text("id").primaryKey(),
    /** generated | check */
    kind: text("kind").notNull(),
    /** The registry date the record speaks for (YYYY-MM-DD). */
    asOf: text("as_of").notNull(),
    kbVersion: text("kb_version").notNull(),
    rulesVersion: text("rules_version").notNull(),
    /** SHA-256 (hex) of `content`. */
    sha256: text("sha256").notNull(),
    /** For a check: the uploaded file's name, or "Pasted text". */
    sourceName: text("source_name"),
    /** One line for the list, e.g. "2 errors, 5 warnings, 3 notes, 9 matches". */
    summary: text("summary").notNull(),
    /** JSON: the generated sections (Markdown and HTML), or the checked text and its findings. */
    content: text("content").notNull(),
    createdById: text("created_by_id"),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("notice_record_created_idx").on(t.createdAt, t.id)],
);
