import { applyPartyImport, getPartyImportMapping, partyImportApplySchema, partyImportPreviewSchema, previewPartyImport } from "@/server/services/party-import";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Bulk CSV import of parties (/parties/import): the file's text goes in the input (at most 5 MB, 20,000 rows). */
export const partyImportRouter = createTRPCRouter({
  /** The column mapping the signed-in user used last. */
  mapping: protectedProcedure("party.import").query(({ ctx }) => (ctx.actor.kind === "user" ? getPartyImportMapping(ctx.db, ctx.actor.id) : {})),
  preview: protectedProcedure("party.import").input(partyImportPreviewSchema).mutation(({ ctx, input }) => previewPartyImport(ctx.db, ctx.actor, input)),
  run: protectedProcedure("party.import").input(partyImportApplySchema).mutation(({ ctx, input }) => applyPartyImport(ctx.db, ctx.actor, input)),
});
