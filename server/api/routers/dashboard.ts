import { z } from "zod";
import { isoDate } from "@/server/schemas/dates";
import { overview } from "@/server/services/dashboard";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const asOfInput = z.object({ asOf: isoDate().optional() });

export const dashboardRouter = createTRPCRouter({
  overview: protectedProcedure("transfer.read").input(asOfInput).query(({ ctx, input }) => overview(ctx.db, input.asOf)),
});
