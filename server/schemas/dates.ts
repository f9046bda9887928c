/**
 * The one schema for a calendar date entering the app (`YYYY-MM-DD`), used by every
 * tRPC input and form: it refuses impossible dates (2021-13-45, 2021-02-30, 0000-01-01)
 * with a message, so a bad date is a 400 (BAD_REQUEST), never a 500 further down.
 * The calendar check is the domain's `isValidIsoDate`, the same one the registry
 * validator and the knowledge-base schema use.
 */
import { z } from "zod";
import { isValidIsoDate } from "@/server/domain/dates";

export const INVALID_DATE_MESSAGE = "Enter a real date as YYYY-MM-DD.";

/** A `YYYY-MM-DD` date that exists. */
export const isoDate = (message = INVALID_DATE_MESSAGE) => z.string({ error: message }).trim().refine(isValidIsoDate, { message });

/** A required `YYYY-MM-DD` date; `message` is shown when it is missing or blank. */
export const requiredDate = (message: string) => z.string({ error: message }).trim().min(1, message).refine(isValidIsoDate, { message: INVALID_DATE_MESSAGE });

/** An optional `YYYY-MM-DD` date: "" and missing become null. */
export const optionalDate = () =>
  z
    .string()
    .trim()
    .nullable()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isValidIsoDate(v), { message: INVALID_DATE_MESSAGE });
