import { createScenarioSchema, deleteScenarioSchema, listScenariosSchema, scenarioIdSchema, scenarioRunSchema, updateScenarioSchema } from "@/server/schemas/scenario";
import * as scenarios from "@/server/services/scenarios";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** What-if scenarios: everyone reads them and their runs; only the DPO saves, changes or deletes one. */
export const scenarioRouter = createTRPCRouter({
  list: protectedProcedure("scenario.read").input(listScenariosSchema).query(({ ctx, input }) => scenarios.listScenarios(ctx.db, input)),
  byId: protectedProcedure("scenario.read").input(scenarioIdSchema).query(({ ctx, input }) => scenarios.getScenario(ctx.db, input.id)),
  /** The transfers whose status would change (a page of them, at most 100), with fallback and action needed. */
  run: protectedProcedure("scenario.read").input(scenarioRunSchema).query(({ ctx, input }) => scenarios.runScenario(ctx.db, input)),
  create: protectedProcedure("scenario.manage").input(createScenarioSchema).mutation(({ ctx, input }) => scenarios.createScenario(ctx.db, ctx.actor, input)),
  update: protectedProcedure("scenario.manage").input(updateScenarioSchema).mutation(({ ctx, input }) => scenarios.updateScenario(ctx.db, ctx.actor, input)),
  delete: protectedProcedure("scenario.manage").input(deleteScenarioSchema).mutation(({ ctx, input }) => scenarios.deleteScenario(ctx.db, ctx.actor, input)),
});
