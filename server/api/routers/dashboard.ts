import { z } from "zod";
import { isoDate } from "@/server/schemas/dates";
import { overview } from "@/server/services/dashboard";
import { flowMap } from "@/server/services/dashboard-map";
import { statusTrendData } from "@/server/services/dashboard-trend";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const asOfInput = z.object({ asOf: isoDate().optional() });
const mapInput = z.object({ asOf: isoDate().optional(), regime: z.enum(["EU", "UK", "CH"], { error: "Choose the EU, UK or Swiss regime." }) });

export const dashboardRouter = createTRPCRouter({
  overview: protectedProcedure("transfer.read").input(asOfInput).query(({ ctx, input }) => overview(ctx.db, input.asOf)),
  trend: protectedProcedure("transfer.read").input(asOfInput).query(({ ctx, input }) => statusTrendData(ctx.db, input.asOf)),
  map: protectedProcedure("transfer.read").input(mapInput).query(({ ctx, input }) => flowMap(ctx.db, input)),
});
