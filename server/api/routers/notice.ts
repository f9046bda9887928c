import { z } from "zod";
import { isoDate } from "@/server/schemas/dates";
import { checkNotice, generateNotice, getNoticeRecord, listNoticeRecords, NOTICE_TEXT_MAX, saveGeneratedNotice, saveNoticeCheck } from "@/server/services/notice";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const asOfInput = z.object({ asOf: isoDate().optional() });

/** The notice to check: pasted text, an HTML file's markup, or a PDF (base64, up to about 6 MB). */
const noticeSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string().max(NOTICE_TEXT_MAX, "The notice is too long (at most 1,000,000 characters).") }),
  z.object({ kind: z.literal("html"), html: z.string().max(4 * NOTICE_TEXT_MAX, "The HTML file is too large (at most 4 MB).") }),
  z.object({ kind: z.literal("pdf"), base64: z.string().max(8_000_000, "The PDF is too large (at most 6 MB).").regex(/^[A-Za-z0-9+/=\s]*$/, "Not a base64-encoded file.") }),
]);

const checkInput = z.object({ asOf: isoDate().optional(), source: noticeSource });

export const noticeRouter = createTRPCRouter({
  generate: protectedProcedure("notice.read").input(asOfInput).query(({ ctx, input }) => generateNotice(ctx.db, input.asOf)),
  history: protectedProcedure("notice.read")
    .input(z.object({ page: z.number().int().min(1).max(100_000).default(1), pageSize: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => listNoticeRecords(ctx.db, input)),
  record: protectedProcedure("notice.read").input(z.object({ id: z.string().min(1).max(64) })).query(({ ctx, input }) => getNoticeRecord(ctx.db, input.id)),
  check: protectedProcedure("notice.manage").input(checkInput).mutation(({ ctx, input }) => checkNotice(ctx.db, input)),
  saveGenerated: protectedProcedure("notice.manage").input(asOfInput).mutation(({ ctx, input }) => saveGeneratedNotice(ctx.db, ctx.actor, input)),
  saveCheck: protectedProcedure("notice.manage")
    .input(checkInput.extend({ sourceName: z.string().max(200).optional() }))
    .mutation(({ ctx, input }) => saveNoticeCheck(ctx.db, ctx.actor, input)),
});
