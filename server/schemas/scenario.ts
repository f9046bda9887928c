/**
 * Input schemas of the what-if scenarios: a name, a date and a structured list of changes (never free JSON).
 */
import { z } from "zod";
import { isCountryCode, countryName } from "@/server/countries";
import { FRAMEWORKS, REGIMES } from "@/server/domain/kb/types";
import { MAX_SCENARIO_CHANGES } from "@/server/domain/scenarios";
import { requiredDate } from "./dates";
import { optionalText } from "./transfer";

const id = (label: string) => z.string({ error: `Choose ${label}.` }).trim().min(1, `Choose ${label}.`).max(200);

export const scenarioChangeSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("kb_entry_ends"), entryId: id("a knowledge-base entry"), invalidFrom: requiredDate("Enter the first day it no longer applies.") }),
    z
      .object({
        kind: z.literal("new_adequacy"),
        regime: z.enum(REGIMES, { error: "Choose the regime." }),
        country: z.string({ error: "Choose a country." }).trim().toUpperCase().refine(isCountryCode, { message: "Choose a country." }),
        from: requiredDate("Enter the day the decision applies from."),
      })
      .transform((v) => ({ ...v, countryName: countryName(v.country) })),
    z.object({
      kind: z.literal("certification_lapses"),
      partyId: id("the recipient"),
      framework: z.enum(FRAMEWORKS).nullable().default(null),
      invalidFrom: requiredDate("Enter the first day the certification no longer applies."),
    }),
    z.object({ kind: z.literal("safeguard_ends"), safeguardId: id("the safeguard"), invalidFrom: requiredDate("Enter the first day the safeguard no longer applies.") }),
  ],
  { error: "Choose what changes." },
);

export const scenarioFieldsSchema = z.object({
  name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "The name must be at most 120 characters."),
  description: optionalText(2000, "The description"),
  asOf: requiredDate("Enter the date to evaluate the scenario as of."),
  changes: z.array(scenarioChangeSchema).min(1, "Add at least one change.").max(MAX_SCENARIO_CHANGES, `A scenario holds at most ${MAX_SCENARIO_CHANGES} changes.`),
});
export type ScenarioFieldsInput = z.input<typeof scenarioFieldsSchema>;
export type ScenarioFields = z.output<typeof scenarioFieldsSchema>;

export const createScenarioSchema = scenarioFieldsSchema;
export const updateScenarioSchema = z.object({ id: z.string().min(1), version: z.number().int().positive(), fields: scenarioFieldsSchema });
export const deleteScenarioSchema = z.object({ id: z.string().min(1), version: z.number().int().positive() });
export const scenarioIdSchema = z.object({ id: z.string().min(1) });
export const listScenariosSchema = z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(5).max(100).default(20) });
export const RESULT_FILTERS = ["all", "needs_action", "has_fallback"] as const;
export const scenarioRunSchema = z.object({
  id: z.string().min(1),
  /** Another date than the scenario's own (absent: the scenario's date). */
  asOf: requiredDate("Enter a real date as YYYY-MM-DD.").optional(),
  filter: z.enum(RESULT_FILTERS).default("all"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(25),
});
export type ScenarioRunInput = z.input<typeof scenarioRunSchema>;
