import {
  archivePartySchema,
  createPartySchema,
  listPartiesSchema,
  partyIdSchema,
  updatePartySchema,
} from "@/server/schemas/party";
import { byIdsSchema, partySearchSchema } from "@/server/schemas/search";
import * as parties from "@/server/services/parties";
import { partiesByIds, searchParties } from "@/server/services/search";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const partyRouter = createTRPCRouter({
  list: protectedProcedure("party.read").input(listPartiesSchema).query(({ ctx, input }) => parties.listParties(ctx.db, input)),
  byId: protectedProcedure("party.read").input(partyIdSchema).query(({ ctx, input }) => parties.getParty(ctx.db, input.id)),
  /** The pickers: at most 20 parties per call, paged with `cursor`. */
  search: protectedProcedure("party.read").input(partySearchSchema).query(({ ctx, input }) => searchParties(ctx.db, input)),
  /** Names of already chosen parties (at most 20 ids). */
  byIds: protectedProcedure("party.read").input(byIdsSchema).query(({ ctx, input }) => partiesByIds(ctx.db, input)),
  history: protectedProcedure("party.read").input(partyIdSchema).query(({ ctx, input }) => parties.partyHistory(ctx.db, input.id)),
  create: protectedProcedure("party.create").input(createPartySchema).mutation(({ ctx, input }) => parties.createParty(ctx.db, ctx.actor, input)),
  update: protectedProcedure("party.update").input(updatePartySchema).mutation(({ ctx, input }) => parties.updateParty(ctx.db, ctx.actor, input)),
  archive: protectedProcedure("party.archive").input(archivePartySchema).mutation(({ ctx, input }) => parties.archiveParty(ctx.db, ctx.actor, input)),
  restore: protectedProcedure("party.archive").input(archivePartySchema).mutation(({ ctx, input }) => parties.restoreParty(ctx.db, ctx.actor, input)),
});
