import { listDataCategories } from "@/server/services/parties";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const categoryRouter = createTRPCRouter({
  list: protectedProcedure("category.read").query(({ ctx }) => listDataCategories(ctx.db)),
});
