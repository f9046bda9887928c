/** Input schemas of the flags page and its review workflow (server/services/flags.ts). */
import { z } from "zod";
import { FLAG_CODES, FLAG_STATES } from "@/server/domain/flag-types";
import { isoDate, optionalDate } from "./dates";

/** The state filter: `active` = open or in remediation (the default: what needs doing). */
export const FLAG_STATE_FILTERS = ["active", ...FLAG_STATES, "all"] as const;
export const FLAG_SORTS = ["severity", "due", "transfer"] as const;

export const listFlagsSchema = z.object({
  asOf: isoDate().optional(),
  severity: z.enum(["error", "warning"]).optional(),
  regime: z.enum(["EU", "UK", "CH"]).optional(),
  /** The destination country (ISO alpha-2). */
  country: z.string().trim().length(2).optional(),
  /** The exporter or the recipient. */
  partyId: z.string().min(1).max(200).optional(),
  code: z.enum(FLAG_CODES).optional(),
  ownerId: z.string().min(1).max(200).optional(),
  /** Only the flags whose owner is the signed-in user. */
  mine: z.boolean().default(false),
  state: z.enum(FLAG_STATE_FILTERS).default("active"),
  sort: z.enum(FLAG_SORTS).default("severity"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(25),
});
export type ListFlagsInput = z.input<typeof listFlagsSchema>;

/** One flag: a transfer and a code. `version` is the row's version, 0 while nobody has acted on it. */
const flagKey = {
  transferId: z.string().min(1).max(200),
  code: z.enum(FLAG_CODES, { error: "Unknown flag." }),
};

export const flagKeySchema = z.object({ ...flagKey, asOf: isoDate().optional() });

export const assignFlagSchema = z.object({
  ...flagKey,
  version: z.number().int().min(0),
  ownerId: z.string().max(200).nullable().transform((v) => (v ? v : null)),
  dueDate: optionalDate(),
});

export const moveFlagSchema = z
  .object({
    ...flagKey,
    version: z.number().int().min(0),
    to: z.enum(FLAG_STATES, { error: "Choose the new state." }),
    justification: z
      .string()
      .trim()
      .max(5000, "The justification must be at most 5,000 characters.")
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
    rereviewDate: optionalDate(),
  })
  .superRefine((v, ctx) => {
    if (v.to !== "risk_accepted") return;
    if (!v.justification) ctx.addIssue({ code: "custom", path: ["justification"], message: "Explain why the risk is accepted." });
    if (!v.rereviewDate) ctx.addIssue({ code: "custom", path: ["rereviewDate"], message: "Enter the date on which the accepted risk is reviewed again." });
  });

export const commentFlagSchema = z.object({
  ...flagKey,
  body: z.string({ error: "Write a comment." }).trim().min(1, "Write a comment.").max(5000, "A comment must be at most 5,000 characters."),
});

export const flagOwnersSchema = z.object({ search: z.string().trim().max(200).optional() });
