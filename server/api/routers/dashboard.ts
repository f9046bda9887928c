import { z } from "zod";
import { overview } from "@/server/services/dashboard";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const asOfInput = z.object({ asOf: z.iso.date("Use a date as YYYY-MM-DD.").optional() });

export const dashboardRouter = createTRPCRouter({
  overview: protectedProcedure("transfer.read").input(asOfInput).query(({ ctx, input }) => overview(ctx.db, input.asOf)),
});
