import { createTiaSchema, listTiasSchema } from "@/server/schemas/tia";
import * as tias from "@/server/services/tias";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const tiaRouter = createTRPCRouter({
  list: protectedProcedure("transfer.read").input(listTiasSchema).query(({ ctx, input }) => tias.listTias(ctx.db, input.transferId)),
  create: protectedProcedure("tia.manage").input(createTiaSchema).mutation(({ ctx, input }) => tias.createTia(ctx.db, ctx.actor, input)),
});
