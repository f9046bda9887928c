import {
  archiveSafeguardSchema,
  createSafeguardSchema,
  listSafeguardsSchema,
  safeguardAtSchema,
  safeguardIdSchema,
  updateSafeguardSchema,
} from "@/server/schemas/safeguard";
import { byIdsSchema, safeguardSearchSchema } from "@/server/schemas/search";
import { attachableTransfersSchema, attachSafeguardSchema } from "@/server/schemas/procurement";
import { attachSafeguardToTransfers, searchAttachableTransfers } from "@/server/services/procurement";
import * as safeguards from "@/server/services/safeguards";
import { safeguardsByIds, searchSafeguards } from "@/server/services/search";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const safeguardRouter = createTRPCRouter({
  list: protectedProcedure("safeguard.read").input(listSafeguardsSchema).query(({ ctx, input }) => safeguards.listSafeguards(ctx.db, input)),
  byId: protectedProcedure("safeguard.read").input(safeguardAtSchema).query(({ ctx, input }) => safeguards.viewSafeguard(ctx.db, input.id, input.asOf)),
  /** The pickers: at most 20 safeguards per call, paged with `cursor`. */
  search: protectedProcedure("safeguard.read").input(safeguardSearchSchema).query(({ ctx, input }) => searchSafeguards(ctx.db, input)),
  /** Titles of already chosen safeguards (at most 20 ids). */
  byIds: protectedProcedure("safeguard.read").input(byIdsSchema).query(({ ctx, input }) => safeguardsByIds(ctx.db, input)),
  history: protectedProcedure("safeguard.read").input(safeguardIdSchema).query(({ ctx, input }) => safeguards.safeguardHistory(ctx.db, input.id)),
  create: protectedProcedure("safeguard.create").input(createSafeguardSchema).mutation(({ ctx, input }) => safeguards.createSafeguard(ctx.db, ctx.actor, input)),
  update: protectedProcedure("safeguard.update").input(updateSafeguardSchema).mutation(({ ctx, input }) => safeguards.updateSafeguard(ctx.db, ctx.actor, input)),
  archive: protectedProcedure("safeguard.archive").input(archiveSafeguardSchema).mutation(({ ctx, input }) => safeguards.archiveSafeguard(ctx.db, ctx.actor, input)),
  restore: protectedProcedure("safeguard.archive").input(archiveSafeguardSchema).mutation(({ ctx, input }) => safeguards.restoreSafeguard(ctx.db, ctx.actor, input)),
  /** The live transfers this safeguard could be attached to (between parties it binds): at most 20 per call. */
  attachable: protectedProcedure("transfer.read").input(attachableTransfersSchema).query(({ ctx, input }) => searchAttachableTransfers(ctx.db, input)),
  /** Attaches it to transfers (an edit of each transfer: version-checked, audited, verdicts re-evaluated). */
  attach: protectedProcedure("transfer.update").input(attachSafeguardSchema).mutation(({ ctx, input }) => attachSafeguardToTransfers(ctx.db, ctx.actor, input)),
});
