import { z } from "zod";
import { getKbEntry, createKbEntry, listKbEntries, listKbSchema, updateKbEntry, kbEntryHistory } from "@/server/services/knowledge-base";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const idInput = z.object({ id: z.string().min(1) });
/** The entry itself is validated by the service against the domain schema for its kind. */
const entryData = z.record(z.string(), z.unknown());

export const kbRouter = createTRPCRouter({
  list: protectedProcedure("kb.read").input(listKbSchema).query(({ ctx, input }) => listKbEntries(ctx.db, input)),
  byId: protectedProcedure("kb.read").input(idInput).query(({ ctx, input }) => getKbEntry(ctx.db, input.id)),
  history: protectedProcedure("kb.read").input(idInput).query(({ ctx, input }) => kbEntryHistory(ctx.db, input.id)),
  create: protectedProcedure("kb.edit").input(z.object({ data: entryData })).mutation(({ ctx, input }) => createKbEntry(ctx.db, ctx.actor, input.data)),
  update: protectedProcedure("kb.edit")
    .input(z.object({ id: z.string().min(1), version: z.number().int().positive(), data: entryData }))
    .mutation(({ ctx, input }) => updateKbEntry(ctx.db, ctx.actor, input)),
});
