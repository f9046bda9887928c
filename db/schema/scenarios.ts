/**
 * What-if scenarios (server/domain/scenarios): a named list of hypothetical changes to the knowledge base or the
 * registry, evaluated as of a date. Saved by the DPO; never applied to real data. Not a registry table: writing
 * one does not bump the data revision (no verdict depends on it).
 */
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const scenarios = sqliteTable(
  "scenario",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description"),
    /** The date the scenario is evaluated as of (`YYYY-MM-DD`). */
    asOf: text("as_of").notNull(),
    /** The changes as JSON (`ScenarioChange[]`, validated with server/schemas/scenario.ts). */
    changes: text("changes").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    updatedBy: text("updated_by"),
  },
  (t) => [uniqueIndex("scenario_name_idx").on(t.name)],
);
