/**
 * Inputs of the procurement shortcuts (issue 12, item 3): the transfers a safeguard's page can attach it to,
 * attaching it (each transfer with the version the user saw), and the duplicate-transfer check of the form.
 */
import { z } from "zod";
import { SEARCH_LIMIT_MAX } from "./search";

const id = z.string().min(1).max(100);

export const attachableTransfersSchema = z.object({
  safeguardId: id,
  /** Part of the transfer id, of a party's name or id, or a destination code (case-insensitive). */
  q: z.string().trim().max(200, "Search for at most 200 characters.").default(""),
  limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_MAX),
  cursor: z.number().int().min(0).nullish(),
});
export type AttachableTransfersInput = z.input<typeof attachableTransfersSchema>;

export const attachSafeguardSchema = z.object({
  safeguardId: id,
  /** The transfers, each with the version the user saw (a transfer changed since is refused, nothing is attached). */
  transfers: z
    .array(z.object({ id, version: z.number().int().positive() }))
    .min(1, "Choose at least one transfer.")
    .max(SEARCH_LIMIT_MAX, `Attach at most ${SEARCH_LIMIT_MAX} transfers at a time.`)
    .refine((a) => new Set(a.map((t) => t.id)).size === a.length, { message: "Each transfer may be listed only once." }),
});
export type AttachSafeguardInput = z.input<typeof attachSafeguardSchema>;

export const duplicateTransfersSchema = z.object({
  exporterId: id,
  recipientId: id,
  destination: z.string().min(2).max(2),
  dataCategories: z.array(id).max(50).default([]),
  purposes: z.array(id).max(50).default([]),
  /** The transfer being edited: never its own duplicate. */
  excludeId: id.optional(),
});
export type DuplicateTransfersInput = z.input<typeof duplicateTransfersSchema>;
