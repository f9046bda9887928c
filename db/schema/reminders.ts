/**
 * Reminders (migration 0008): each user's horizon and calendar feed. The indexes the reminder sources'
 * date-range queries use are declared with their tables (safeguard_ended_idx, tia_next_review_idx,
 * certification_dpf_check_idx).
 */
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { user } from "./auth";

/** A user's reminder settings; no row = the defaults (horizon 90 days). */
export const reminderSettings = sqliteTable("reminder_setting", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  /** Days ahead of the as-of date the inbox and the feed show (7–365). */
  horizonDays: integer("horizon_days").notNull(),
  updatedAt: text("updated_at").notNull(),
});

/**
 * A user's iCalendar feed: only the SHA-256 hash (hex) of the secret token in its URL is stored. Rotating
 * replaces the hash; revoking deletes the row. No row = no feed.
 */
export const calendarFeeds = sqliteTable(
  "calendar_feed",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: text("created_at").notNull(),
    rotatedAt: text("rotated_at"),
  },
  (t) => [uniqueIndex("calendar_feed_token_hash_unique").on(t.tokenHash)],
);
