/**
 * Exports and the bulk party import (issue 11, items 4 and 5). The exports themselves store nothing (they
 * stream from the registry and the verdict store; each is one audit row); the CSV import remembers, per user,
 * how the columns of their file map to party fields, so the next file from the same spreadsheet maps itself.
 */
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth";

export const partyImportMappings = sqliteTable("party_import_mapping", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  /** JSON: { [party field]: the CSV column header it was mapped from }. */
  mapping: text("mapping").notNull(),
  updatedAt: text("updated_at").notNull(),
});
