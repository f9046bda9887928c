import { z } from "zod";
import { isoDate } from "@/server/schemas/dates";
import {
  issueFeedToken,
  listReminders,
  listRemindersSchema,
  reminderSettings,
  reminderSummary,
  revokeFeedToken,
  setHorizon,
  setHorizonSchema,
} from "@/server/services/reminders";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const remindersRouter = createTRPCRouter({
  list: protectedProcedure("reminders.read").input(listRemindersSchema).query(({ ctx, input }) => listReminders(ctx.db, ctx.user.id, input)),
  summary: protectedProcedure("reminders.read")
    .input(z.object({ asOf: isoDate().optional() }))
    .query(({ ctx, input }) => reminderSummary(ctx.db, ctx.user.id, input.asOf)),
  settings: protectedProcedure("reminders.read").query(({ ctx }) => reminderSettings(ctx.db, ctx.user.id)),
  setHorizon: protectedProcedure("reminders.configure").input(setHorizonSchema).mutation(({ ctx, input }) => setHorizon(ctx.db, ctx.actor, input)),
  createFeed: protectedProcedure("reminders.configure").mutation(({ ctx }) => issueFeedToken(ctx.db, ctx.actor, "create")),
  rotateFeed: protectedProcedure("reminders.configure").mutation(({ ctx }) => issueFeedToken(ctx.db, ctx.actor, "rotate")),
  revokeFeed: protectedProcedure("reminders.configure").mutation(({ ctx }) => revokeFeedToken(ctx.db, ctx.actor)),
});
