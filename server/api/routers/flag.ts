import { assignFlagSchema, commentFlagSchema, flagKeySchema, flagOwnersSchema, listFlagsSchema, moveFlagSchema } from "@/server/schemas/flag";
import * as flags from "@/server/services/flags";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const flagRouter = createTRPCRouter({
  list: protectedProcedure("flag.read").input(listFlagsSchema).query(({ ctx, input }) => flags.listFlags(ctx.db, ctx.actor, input)),
  summary: protectedProcedure("flag.read").input(flagKeySchema.pick({ asOf: true })).query(({ ctx, input }) => flags.flagSummary(ctx.db, input.asOf)),
  detail: protectedProcedure("flag.read").input(flagKeySchema).query(({ ctx, input }) => flags.flagDetail(ctx.db, input)),
  owners: protectedProcedure("flag.read").input(flagOwnersSchema).query(({ ctx, input }) => flags.flagOwners(ctx.db, input.search)),
  assign: protectedProcedure("flag.review").input(assignFlagSchema).mutation(({ ctx, input }) => flags.assignFlag(ctx.db, ctx.actor, input)),
  move: protectedProcedure("flag.review").input(moveFlagSchema).mutation(({ ctx, input }) => flags.moveFlag(ctx.db, ctx.actor, input)),
  comment: protectedProcedure("flag.comment").input(commentFlagSchema).mutation(({ ctx, input }) => flags.commentOnFlag(ctx.db, ctx.actor, input)),
});
