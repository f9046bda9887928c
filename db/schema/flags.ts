/**
 * Flags (issue 10): the review workflow over the verdicts' flags. A flag is derived from the verdicts (a live
 * transfer that is unsafeguarded or has a warning/error issue, as of a date); a `flag` row holds what people
 * decided about it (owner, due date, state, accepted risk) and exists from the first review action on. A flag
 * without a row is `open`. See server/services/flags.ts for how the derived and the persisted state meet.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { transfers } from "./transfers";

/** The review states (the same list as FLAG_STATES in server/domain/flags.ts; the migration's CHECK holds them too). */
const FLAG_STATES = ["open", "in_remediation", "resolved", "risk_accepted"] as const;

export const flags = sqliteTable(
  "flag",
  {
    id: text("id").primaryKey(),
    transferId: text("transfer_id")
      .notNull()
      .references(() => transfers.id),
    /** An issue code, or `unsafeguarded`. */
    code: text("code").notNull(),
    state: text("state", { enum: FLAG_STATES }).notNull(),
    ownerId: text("owner_id").references(() => user.id),
    dueDate: text("due_date"),
    justification: text("justification"),
    rereviewDate: text("rereview_date"),
    openedOn: text("opened_on").notNull(),
    resolvedOn: text("resolved_on"),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    uniqueIndex("flag_transfer_code_idx").on(t.transferId, t.code),
    index("flag_owner_idx").on(t.ownerId),
    index("flag_state_idx").on(t.state),
    // Reminders (migration 0014): flags past their due date, accepted risks due for re-review.
    index("flag_due_idx").on(t.dueDate).where(sql`${t.state} IN ('open','in_remediation') AND ${t.dueDate} IS NOT NULL`),
    index("flag_rereview_idx").on(t.rereviewDate).where(sql`${t.state} = 'risk_accepted' AND ${t.rereviewDate} IS NOT NULL`),
  ],
);

export const flagComments = sqliteTable(
  "flag_comment",
  {
    id: text("id").primaryKey(),
    flagId: text("flag_id")
      .notNull()
      .references(() => flags.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => user.id),
    authorEmail: text("author_email").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("flag_comment_flag_idx").on(t.flagId, t.createdAt)],
);

/** Bumped by triggers on every write to `flag` (migration 0014): caches that read flags key on it. */
export const flagRevision = sqliteTable("flag_revision", {
  id: integer("id").primaryKey(),
  revision: integer("revision").notNull().default(0),
});
