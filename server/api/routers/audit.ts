import { auditFacets, listAudit, listAuditSchema } from "@/server/services/audit";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: protectedProcedure("audit.read").input(listAuditSchema).query(({ ctx, input }) => listAudit(ctx.db, input)),
  facets: protectedProcedure("audit.read").query(({ ctx }) => auditFacets(ctx.db)),
});
