/**
 * Requests for a copy of the safeguards (GDPR Art. 13(1)(f), 14(1)(f), 15(2)) and the parts of a safeguard the
 * DPO may redact (SCC 2021/914 Clause 8.3; Module 1: Clause 8.2(c)): the inputs the router validates.
 */
import { z } from "zod";
import { isoDate, requiredDate } from "./dates";
import { COPY_PARTS, REQUEST_CHANNELS, REQUEST_STATUSES } from "@/server/domain/choices/request-labels";
import { optionalText } from "./transfer";

export * from "@/server/domain/choices/request-labels";

const idList = (what: string) => z.array(z.string().trim().min(1).max(64), { error: `Choose ${what}.` }).max(50, `At most 50 ${what}.`).default([]);

export const requestFieldsSchema = z
  .object({
    requesterName: z.string({ error: "Enter the requester's name." }).trim().min(1, "Enter the requester's name.").max(200, "At most 200 characters."),
    requesterContact: z
      .string({ error: "Enter how to reach the requester." })
      .trim()
      .min(1, "Enter how to reach the requester (e-mail or postal address).")
      .max(500, "At most 500 characters."),
    received: requiredDate("Enter the date the request was received."),
    channel: z.enum(REQUEST_CHANNELS, { error: "Choose how the request arrived." }),
    question: z.string({ error: "Describe what was asked." }).trim().min(1, "Describe what was asked.").max(4000, "At most 4,000 characters."),
    partyIds: idList("entities"),
    categoryIds: idList("data categories"),
    purposeIds: idList("processing purposes"),
    withholdNames: z.boolean().default(false),
    notes: optionalText(4000, "Notes"),
  })
  .superRefine((v, ctx) => {
    if (v.partyIds.length + v.categoryIds.length + v.purposeIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["partyIds"], message: "Choose at least one entity, data category or processing purpose the request concerns." });
    }
  });
export type RequestFieldsInput = z.input<typeof requestFieldsSchema>;
export type RequestFields = z.output<typeof requestFieldsSchema>;

export const createRequestSchema = z.object({ fields: requestFieldsSchema });
export const updateRequestSchema = z.object({ id: z.string().min(1), version: z.number().int().positive(), fields: requestFieldsSchema });
export const requestIdSchema = z.object({ id: z.string().min(1) });

export const REQUEST_SORTS = ["due", "received", "requester", "status"] as const;
export const listRequestsSchema = z.object({
  search: z.string().trim().max(200).optional(),
  status: z.enum([...REQUEST_STATUSES, "open"]).optional(),
  urgency: z.enum(["overdue", "due_soon"]).optional(),
  sort: z.enum(REQUEST_SORTS).default("due"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListRequestsInput = z.input<typeof listRequestsSchema>;

export const extendRequestSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  extraMonths: z.union([z.literal(1), z.literal(2)], { error: "Extend by one or two further months." }),
  reason: z.string({ error: "Give the reason for the delay." }).trim().min(1, "Give the reason for the delay: the requester must be told it.").max(2000),
  on: isoDate().optional(),
});

export const setRequestStatusSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    status: z.enum(REQUEST_STATUSES),
    reason: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === "refused" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give the reason for refusing (Art. 12(4): the requester must be told it)." });
  });

export const generateCopySchema = z.object({ id: z.string().min(1), asOf: isoDate().optional() });

export const copyPartFieldsSchema = z
  .object({
    part: z.enum(COPY_PARTS, { error: "Choose which part this is." }),
    content: z.string({ error: "Enter the text of this part." }).trim().min(1, "Enter the text of this part as applied.").max(20_000, "At most 20,000 characters."),
    redacted: z.boolean().default(false),
    summary: optionalText(2000, "The summary"),
    reason: optionalText(500, "The reason"),
  })
  .superRefine((v, ctx) => {
    if (v.redacted && !v.summary) {
      ctx.addIssue({ code: "custom", path: ["summary"], message: "A redacted part needs a meaningful summary the requester can understand (SCC Clause 8.3)." });
    }
  });
export type CopyPartFields = z.output<typeof copyPartFieldsSchema>;

export const listCopyPartsSchema = z.object({ safeguardId: z.string().min(1) });
export const createCopyPartSchema = z.object({ safeguardId: z.string().min(1), fields: copyPartFieldsSchema });
export const updateCopyPartSchema = z.object({ id: z.string().min(1), version: z.number().int().positive(), fields: copyPartFieldsSchema });
export const deleteCopyPartSchema = z.object({ id: z.string().min(1), version: z.number().int().positive() });

export const listFilesSchema = z.object({ safeguardId: z.string().min(1).optional(), tiaId: z.string().min(1).optional() }).refine((v) => Boolean(v.safeguardId) !== Boolean(v.tiaId), {
  message: "Name either a safeguard or a TIA.",
});
