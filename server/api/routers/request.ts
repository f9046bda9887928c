import {
  createCopyPartSchema,
  createRequestSchema,
  deleteCopyPartSchema,
  extendRequestSchema,
  generateCopySchema,
  listCopyPartsSchema,
  listFilesSchema,
  listRequestsSchema,
  requestIdSchema,
  setRequestStatusSchema,
  updateCopyPartSchema,
  updateRequestSchema,
} from "@/server/schemas/request";
import { listFiles } from "@/server/services/contract-files";
import { generateCopy } from "@/server/services/request-copy";
import * as requests from "@/server/services/requests";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const requestRouter = createTRPCRouter({
  list: protectedProcedure("request.read").input(listRequestsSchema).query(({ ctx, input }) => requests.listRequests(ctx.db, input)),
  byId: protectedProcedure("request.read").input(requestIdSchema).query(({ ctx, input }) => requests.getRequest(ctx.db, input.id)),
  dueSummary: protectedProcedure("request.read").query(({ ctx }) => requests.dueSummary(ctx.db)),
  create: protectedProcedure("request.manage").input(createRequestSchema).mutation(({ ctx, input }) => requests.createRequest(ctx.db, ctx.actor, input)),
  update: protectedProcedure("request.manage").input(updateRequestSchema).mutation(({ ctx, input }) => requests.updateRequest(ctx.db, ctx.actor, input)),
  extend: protectedProcedure("request.manage").input(extendRequestSchema).mutation(({ ctx, input }) => requests.extendRequest(ctx.db, ctx.actor, input)),
  setStatus: protectedProcedure("request.manage").input(setRequestStatusSchema).mutation(({ ctx, input }) => requests.setRequestStatus(ctx.db, ctx.actor, input)),
  generateCopy: protectedProcedure("request.manage").input(generateCopySchema).mutation(({ ctx, input }) => generateCopy(ctx.db, ctx.actor, input)),
  parts: protectedProcedure("request.read").input(listCopyPartsSchema).query(({ ctx, input }) => requests.listCopyParts(ctx.db, input.safeguardId)),
  createPart: protectedProcedure("request.manage").input(createCopyPartSchema).mutation(({ ctx, input }) => requests.createCopyPart(ctx.db, ctx.actor, input)),
  updatePart: protectedProcedure("request.manage").input(updateCopyPartSchema).mutation(({ ctx, input }) => requests.updateCopyPart(ctx.db, ctx.actor, input)),
  deletePart: protectedProcedure("request.manage").input(deleteCopyPartSchema).mutation(({ ctx, input }) => requests.deleteCopyPart(ctx.db, ctx.actor, input)),
});

export const fileRouter = createTRPCRouter({
  list: protectedProcedure("file.read").input(listFilesSchema).query(({ ctx, input }) => listFiles(ctx.db, input)),
});
