import { listPurposes } from "@/server/services/purposes";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const purposeRouter = createTRPCRouter({
  list: protectedProcedure("category.read").query(({ ctx }) => listPurposes(ctx.db)),
});
