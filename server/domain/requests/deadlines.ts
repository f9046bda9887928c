/**
 * Deadlines of a request for a copy of the safeguards (GDPR Art. 13(1)(f), 14(1)(f), 15(2); UK GDPR the same
 * articles; the Swiss FADP's duties to inform and of access). Pure: every date is a parameter, `YYYY-MM-DD`.
 *
 * GDPR Art. 12(3): the controller answers "without undue delay and in any event within one month of receipt of
 * the request. That period may be extended by two further months where necessary, taking into account the
 * complexity and number of the requests. The controller shall inform the data subject of any such extension
 * within one month of receipt of the request, together with the reasons for the delay."
 *
 * Counting months (Regulation (EEC, Euratom) No 1182/71, Art. 3(2)(c)): a period expressed in months ends on the
 * day of the last month with the same number as the day of receipt; where that month has no such day, on the
 * month's last day (received 31 January → due 28 February, or 29 in a leap year).
 *
 * An extension is counted from receipt as well: received + 1 + (1 or 2) months, clamped the same way, so a request
 * received on 31 January and extended by two months is due on 30 April (not on 28 April, as counting from the
 * clamped first due date would give).
 */
import { addDays, isValidIsoDate } from "../dates";

/** At most this many further months (Art. 12(3): "two further months"). */
export const MAX_EXTENSION_MONTHS = 2;
/** A request is "due soon" when its due date is at most this many days away. */
export const DUE_SOON_DAYS = 7;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `date` plus `months` calendar months, the day clamped to the last day of the resulting month. */
export function addMonths(date: string, months: number): string {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(day, daysInMonth(y, m)))}`;
}

/** The first due date: one month after receipt (Art. 12(3)). */
export function dueDate(received: string): string {
  return addMonths(received, 1);
}

/** The due date after an extension by `extraMonths` (1 or 2) further months, counted from receipt. */
export function extendedDueDate(received: string, extraMonths: number): string {
  if (!Number.isInteger(extraMonths) || extraMonths < 1 || extraMonths > MAX_EXTENSION_MONTHS) {
    throw new RangeError(`An extension is one or two further months (GDPR Art. 12(3)), not ${extraMonths}.`);
  }
  return addMonths(received, 1 + extraMonths);
}

export interface ExtensionCheck {
  ok: boolean;
  /** Why not, in words for the DPO. */
  message?: string;
}

/**
 * May a request received on `received` be extended on `on`? Only once, only with a reason (which the requester
 * must be told), and only within the first month: on or before the first due date (Art. 12(3)).
 */
export function checkExtension(input: { received: string; on: string; alreadyExtended: boolean; extraMonths: number; reason: string }): ExtensionCheck {
  if (input.alreadyExtended) return { ok: false, message: "This request was already extended: Art. 12(3) allows one extension." };
  if (!Number.isInteger(input.extraMonths) || input.extraMonths < 1 || input.extraMonths > MAX_EXTENSION_MONTHS) {
    return { ok: false, message: "Extend by one or two further months (Art. 12(3): at most two further months)." };
  }
  if (input.reason.trim().length === 0) return { ok: false, message: "Give the reason for the delay: the requester must be told it (Art. 12(3))." };
  if (input.on < input.received) return { ok: false, message: "The extension cannot be decided before the request was received." };
  const firstDue = dueDate(input.received);
  if (input.on > firstDue) {
    return { ok: false, message: `Too late to extend: the requester had to be told within the first month, by ${firstDue} (Art. 12(3)).` };
  }
  return { ok: true };
}

export type Urgency = "overdue" | "due_soon" | "on_time" | "closed";

/** How urgent an open request is on `today`: past its due date, due within DUE_SOON_DAYS, or neither. */
export function urgency(input: { due: string; today: string; open: boolean }): Urgency {
  if (!input.open) return "closed";
  if (input.today > input.due) return "overdue";
  if (addDays(input.today, DUE_SOON_DAYS) >= input.due) return "due_soon";
  return "on_time";
}

/** The last day that counts as "due soon" for a request evaluated on `today` (for SQL: due <= this). */
export function dueSoonUntil(today: string): string {
  return addDays(today, DUE_SOON_DAYS);
}
