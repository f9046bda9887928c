import {
  applyRegistryImport,
  applyRegistryImportSchema,
  previewRegistryImport,
  registryImportTextSchema,
  registryStats,
} from "@/server/services/registry-import";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Import and export of the whole registry (transfer-registry/v1). The download itself is GET /api/registry/export. */
export const registryRouter = createTRPCRouter({
  stats: protectedProcedure("registry.export").query(({ ctx }) => registryStats(ctx.db)),
  /** A mutation although it changes nothing: the document is too large for a query string. */
  preview: protectedProcedure("registry.import").input(registryImportTextSchema).mutation(({ ctx, input }) => previewRegistryImport(ctx.db, input)),
  // Named `import`, not `apply`: tRPC reserves `apply` (and `call`, `then`) as procedure names.
  import: protectedProcedure("registry.import").input(applyRegistryImportSchema).mutation(({ ctx, input }) => applyRegistryImport(ctx.db, ctx.actor, input)),
});
