/**
 * Calendar-date helpers for `YYYY-MM-DD` strings.
 *
 * The rules engine compares dates as strings: ISO calendar dates sort lexicographically in date order, so
 * `a <= b` on the strings is `a` on or before `b`. That keeps the hot path free of Date objects. The helpers
 * below are only used off the hot path (compiling the knowledge base, coverage, caching "as of + 90 days").
 */

/** Matches the shape of a calendar date; calendar validity is checked by {@link isValidIsoDate}. */
export const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Digit value of the character at `i`, or -1. Char codes instead of a regex: this runs ~500k times per 100k-row import. */
function digitAt(value: string, i: number): number {
  const code = value.charCodeAt(i) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** True when `value` is a real calendar day written `YYYY-MM-DD` (rejects 2021-02-30, 2021-13-01). */
export function isValidIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y0 = digitAt(value, 0), y1 = digitAt(value, 1), y2 = digitAt(value, 2), y3 = digitAt(value, 3);
  const m0 = digitAt(value, 5), m1 = digitAt(value, 6), d0 = digitAt(value, 8), d1 = digitAt(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return false;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || year < 1) return false;
  const max = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return day <= max;
}

/** Adds `days` (may be negative) to a `YYYY-MM-DD` date, in UTC so no time zone can shift the day. */
const shiftedDates = new Map<string, string>();

export function addDays(date: string, days: number): string {
  // Pure, and called for the same few thousand dates over and over when 100k transfers are judged: memoised.
  const key = `${date}|${days}`;
  let out = shiftedDates.get(key);
  if (out === undefined) {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const day = Number(date.slice(8, 10));
    const shifted = new Date(Date.UTC(year, month - 1, day + days));
    out = shifted.toISOString().slice(0, 10);
    if (shiftedDates.size >= 100_000) shiftedDates.clear();
    shiftedDates.set(key, out);
  }
  return out;
}

/** The later of two dates where `null` means "open ended" (later than any date). */
export function laterOrOpen(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  return a >= b ? a : b;
}

/** The earlier of two dates where `null` means "open ended". */
export function earlierOrOpen(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

/** True when `asOf` lies in the inclusive range `from..to` (`null` bounds are open). */
export function isWithin(asOf: string, from: string | null | undefined, to: string | null | undefined): boolean {
  return (from == null || from <= asOf) && (to == null || asOf <= to);
}
