import { registryStats } from "@/server/services/registry-import";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/**
 * The registry as a whole (transfer-registry/v1). The files themselves do not go through tRPC:
 * the download is GET /api/registry/export and the upload POST /api/registry/import?mode=preview|apply
 * (route handlers that stream the body, up to MAX_IMPORT_BYTES), both checked against the same permission table.
 */
export const registryRouter = createTRPCRouter({
  stats: protectedProcedure("registry.export").query(({ ctx }) => registryStats(ctx.db)),
});
