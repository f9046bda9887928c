import {
  archiveTransferSchema,
  createTransferSchema,
  describeTransferSchema,
  listTransfersSchema,
  transferAtSchema,
  transferIdSchema,
  transfersOfPartySchema,
  updateTransferSchema,
} from "@/server/schemas/transfer";
import * as transfers from "@/server/services/transfers";
import { duplicateTransfersSchema } from "@/server/schemas/procurement";
import { findDuplicateTransfers } from "@/server/services/procurement";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const transferRouter = createTRPCRouter({
  list: protectedProcedure("transfer.read").input(listTransfersSchema).query(({ ctx, input }) => transfers.listTransfers(ctx.db, input)),
  byId: protectedProcedure("transfer.read").input(transferAtSchema).query(({ ctx, input }) => transfers.viewTransfer(ctx.db, input.id, input.asOf)),
  coverage: protectedProcedure("transfer.read").input(transferAtSchema).query(({ ctx, input }) => transfers.transferCoverageTimeline(ctx.db, input.id, input.asOf)),
  history: protectedProcedure("transfer.read").input(transferIdSchema).query(({ ctx, input }) => transfers.transferHistory(ctx.db, input.id)),
  byParty: protectedProcedure("transfer.read").input(transfersOfPartySchema).query(({ ctx, input }) => transfers.transfersOfParty(ctx.db, input.partyId, input.asOf)),
  describe: protectedProcedure("transfer.read").input(describeTransferSchema).query(({ ctx, input }) => transfers.describeTransfer(ctx.db, input)),
  create: protectedProcedure("transfer.create").input(createTransferSchema).mutation(({ ctx, input }) => transfers.createTransfer(ctx.db, ctx.actor, input)),
  update: protectedProcedure("transfer.update").input(updateTransferSchema).mutation(({ ctx, input }) => transfers.updateTransfer(ctx.db, ctx.actor, input)),
  archive: protectedProcedure("transfer.archive").input(archiveTransferSchema).mutation(({ ctx, input }) => transfers.archiveTransfer(ctx.db, ctx.actor, input)),
  restore: protectedProcedure("transfer.archive").input(archiveTransferSchema).mutation(({ ctx, input }) => transfers.restoreTransfer(ctx.db, ctx.actor, input)),
  /** Live transfers that look like a draft (same parties and destination, a shared category and purpose): at most 5. */
  duplicates: protectedProcedure("transfer.read").input(duplicateTransfersSchema).query(({ ctx, input }) => findDuplicateTransfers(ctx.db, input)),
});
