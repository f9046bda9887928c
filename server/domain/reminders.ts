/**
 * Reminders: the dated events a DPO must act on before (or soon after) they happen. Pure: the as-of date is a
 * parameter, dates are `YYYY-MM-DD` strings compared as strings.
 *
 * Each kind has one rule here (what date the event falls on, from which window of dates it is shown, why it
 * matters); `server/services/reminders.ts` reads the candidate rows for each kind with an indexed date-range
 * query and turns them into events with these functions. A new kind (e.g. flags past their due date) adds its
 * code to `REMINDER_KINDS`, its rule here and one source in the service.
 */
import { addDays } from "./dates";

export const REMINDER_KINDS = ["safeguard_end", "dpf_check", "tia_review", "adequacy_end", "flag_due", "risk_rereview"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The horizon a user sees ahead of the as-of date, in days: default and bounds of the per-user setting. */
export const DEFAULT_HORIZON_DAYS = 90;
export const MIN_HORIZON_DAYS = 7;
export const MAX_HORIZON_DAYS = 365;

/** A date that has passed (a safeguard's or a decision's last day) stays in the inbox this many days. */
export const RECENTLY_PASSED_DAYS = 30;
/** An overdue TIA review stays in the inbox this long; after that it is the `tia_overdue` issue of the transfer. */
export const TIA_OVERDUE_SHOWN_DAYS = 365;
/** A DPF List check is stale when it is older than this many months (DPF List: annual re-certification). */
export const DPF_LIST_CHECK_MAX_AGE_MONTHS = 12;
/** The certifications a DPF List check concerns: the Data Privacy Framework and its extensions (not the invalidated ones). */
export const DPF_FRAMEWORKS = ["dpf_eu", "dpf_uk", "dpf_ch"] as const;

/**
 * Whether an event whose date has passed is still an open task ("overdue": a review or a check not done) or
 * simply a day that has gone by ("ended": a safeguard's last day).
 */
export const REMINDER_KIND_PASSED: Readonly<Record<ReminderKind, "overdue" | "ended">> = {
  safeguard_end: "ended",
  dpf_check: "overdue",
  tia_review: "overdue",
  adequacy_end: "ended",
  flag_due: "overdue",
  risk_rereview: "overdue",
};

/** Is `days` a horizon the setting accepts (a whole number of days from 7 to 365)? */
export function isValidHorizon(days: unknown): days is number {
  return typeof days === "number" && Number.isInteger(days) && days >= MIN_HORIZON_DAYS && days <= MAX_HORIZON_DAYS;
}

/** Whole days from `asOf` to `date`: positive ahead, 0 on the day, negative after it. */
export function daysFrom(asOf: string, date: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(date) - utc(asOf)) / 86_400_000);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `date` moved by whole years; 29 February becomes 28 February in a common year (never later than a year). */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const y = String(year).padStart(4, "0");
  return monthDay === "02-29" && !isLeapYear(year) ? `${y}-02-28` : `${y}-${monthDay}`;
}

/** The dates from which (inclusive; `null` = no lower bound) up to which an event of `kind` is shown. */
export interface ReminderWindow {
  from: string | null;
  to: string;
}

/**
 * The window of event dates the inbox shows for `kind` as of `asOf` with a horizon of `horizonDays`:
 * everything up to `asOf + horizon`; below, open tasks stay until they are done (DPF List checks), TIA reviews
 * for a year, and days that have simply passed (a safeguard's or a decision's last day) for 30 days.
 */
export function reminderWindow(kind: ReminderKind, asOf: string, horizonDays: number): ReminderWindow {
  const to = addDays(asOf, horizonDays);
  switch (kind) {
    case "dpf_check":
    case "flag_due":
    case "risk_rereview":
      return { from: null, to };
    case "tia_review":
      return { from: addDays(asOf, -TIA_OVERDUE_SHOWN_DAYS), to };
    case "safeguard_end":
    case "adequacy_end":
      return { from: addDays(asOf, -RECENTLY_PASSED_DAYS), to };
  }
}

/** The part of a window that lies before `asOf` (the events already due): for the overdue count. */
export function passedPart(window: ReminderWindow, asOf: string): ReminderWindow | null {
  const to = addDays(asOf, -1);
  if (window.from !== null && window.from > to) return null;
  return { from: window.from, to: window.to < to ? window.to : to };
}

export function isInWindow(date: string, window: ReminderWindow): boolean {
  return (window.from === null || window.from <= date) && date <= window.to;
}

// ---------------------------------------------------------------------------------------------------------------
// DPF certifications

/**
 * The day a DPF certification's List entry must next be checked: the first anniversary of its certification
 * date (`from`) after the last check (or after `from` when it was never checked). DPF participants re-certify
 * every year (DPF List: "annual re-certification"; ITA marks a lapsed organisation "Inactive"), so a check is
 * due after each re-certification date; and since anniversaries are a year apart, a check older than 12 months
 * is always past one (the check is overdue).
 */
export function dpfCheckDue(from: string, verifiedOn: string | null): string {
  const base = verifiedOn !== null && verifiedOn > from ? verifiedOn : from;
  const startYear = Number(from.slice(0, 4));
  let years = Math.max(1, Number(base.slice(0, 4)) - startYear);
  let due = addYears(from, years);
  while (due <= base) due = addYears(from, ++years);
  return due;
}

/** The last DPF List check is older than 12 months on `asOf` (or there was none). */
export function isDpfCheckStale(verifiedOn: string | null, asOf: string): boolean {
  return verifiedOn === null || addYears(verifiedOn, DPF_LIST_CHECK_MAX_AGE_MONTHS / 12) <= asOf;
}

/**
 * The range of the check's base date (the later of the last check and `from`, as `dpfCheckDue` uses it) whose
 * due date can fall in `window`, for an indexed query (the exact due date is then `dpfCheckDue`): the due date
 * lies after the base date and at most a year later.
 */
export function dpfCheckBaseRange(window: ReminderWindow): ReminderWindow {
  return { from: window.from === null ? null : addYears(addDays(window.from, -1), -1), to: addDays(window.to, -1) };
}

// ---------------------------------------------------------------------------------------------------------------
// Events

/** The record an event concerns. */
export interface ReminderRecord {
  type: "safeguard" | "party" | "transfer" | "kb_entry";
  id: string;
  title: string;
}

const RECORD_PATHS: Readonly<Record<ReminderRecord["type"], string>> = { safeguard: "/safeguards", party: "/parties", transfer: "/transfers", kb_entry: "/knowledge-base" };

/** The app page of the record an event concerns (the inbox links to it, the feed's URL property too). */
export function reminderRecordPath(record: Pick<ReminderRecord, "type" | "id">): string {
  return `${RECORD_PATHS[record.type]}/${encodeURIComponent(record.id)}`;
}

export interface ReminderEvent {
  /** Stable per kind and record: a calendar keeps the same event when its date moves. */
  uid: string;
  kind: ReminderKind;
  date: string;
  /** Days from the as-of date (negative: passed). */
  daysLeft: number;
  record: ReminderRecord;
  /** A short title for a calendar entry. */
  summary: string;
  /** Why it matters, in one or two sentences. */
  why: string;
}

const UID_DOMAIN = "transfer-registry";

/** A calendar UID that depends only on the kind and the record (RFC 5545 3.8.4.7: globally unique, persistent). */
export function reminderUid(kind: ReminderKind, recordId: string): string {
  return `${kind}.${recordId}@${UID_DOMAIN}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** A safeguard's last day (`ended`), with the number of live transfers relying on it. */
export function safeguardEndEvent(row: { id: string; title: string; ended: string; relyingTransfers: number }, asOf: string): ReminderEvent {
  const passed = row.ended < asOf;
  const relying =
    row.relyingTransfers === 0
      ? "No live transfer relies on it."
      : `${plural(row.relyingTransfers, "live transfer")} ${row.relyingTransfers === 1 ? "relies" : "rely"} on it and ${passed ? "lost" : row.relyingTransfers === 1 ? "loses" : "lose"} this cover from the next day unless a successor is in place.`;
  return {
    uid: reminderUid("safeguard_end", row.id),
    kind: "safeguard_end",
    date: row.ended,
    daysLeft: daysFrom(asOf, row.ended),
    record: { type: "safeguard", id: row.id, title: row.title },
    summary: `Safeguard ends: ${row.title}`,
    why: `Its last day ${passed ? "was" : "is"} ${row.ended}. ${relying}`,
  };
}

/** A DPF certification's List check (see `dpfCheckDue`). */
export function dpfCheckEvent(
  row: { id: string; partyId: string; partyName: string; frameworkLabel: string; from: string; verifiedOn: string | null },
  asOf: string,
): ReminderEvent {
  const date = dpfCheckDue(row.from, row.verifiedOn);
  const checked = row.verifiedOn === null ? "The DPF List entry has never been checked" : `The DPF List entry was last checked on ${row.verifiedOn}`;
  const stale = isDpfCheckStale(row.verifiedOn, asOf) && row.verifiedOn !== null ? ", more than 12 months ago" : "";
  return {
    uid: reminderUid("dpf_check", row.id),
    kind: "dpf_check",
    date,
    daysLeft: daysFrom(asOf, date),
    record: { type: "party", id: row.partyId, title: `${row.partyName} · ${row.frameworkLabel}` },
    summary: `Check the DPF List: ${row.partyName} (${row.frameworkLabel})`,
    why: `${checked}${stale}. Its annual re-certification ${date < asOf ? "was" : "is"} due on ${date}: check the entry is still Active (a lapsed certification covers no transfer).`,
  };
}

/** The review date of a live transfer's latest TIA. */
export function tiaReviewEvent(
  row: { tiaId: string; transferId: string; exporterName: string; recipientName: string; completed: string; nextReview: string },
  asOf: string,
): ReminderEvent {
  const title = `${row.exporterName} → ${row.recipientName}`;
  return {
    uid: reminderUid("tia_review", row.tiaId),
    kind: "tia_review",
    date: row.nextReview,
    daysLeft: daysFrom(asOf, row.nextReview),
    record: { type: "transfer", id: row.transferId, title },
    summary: `TIA review: ${title}`,
    why: `The transfer impact assessment of ${row.completed} ${row.nextReview < asOf ? "was" : "is"} due for review on ${row.nextReview} (EDPB Recommendations 01/2020, step 6); an overdue review is an issue on the transfer.`,
  };
}

/** The last day of an adequacy decision in the knowledge base (a sunset, or the day before it stops applying). */
export function adequacyEndEvent(
  row: { id: string; regimeLabel: string; destinationName: string; endDate: string; endReasonLabel: string | null; sunset: boolean },
  asOf: string,
): ReminderEvent {
  const passed = row.endDate < asOf;
  const title = `${row.regimeLabel} adequacy: ${row.destinationName}`;
  const reason = row.sunset ? "its sunset" : row.endReasonLabel ? row.endReasonLabel.toLowerCase() : "its end";
  return {
    uid: reminderUid("adequacy_end", row.id),
    kind: "adequacy_end",
    date: row.endDate,
    daysLeft: daysFrom(asOf, row.endDate),
    record: { type: "kb_entry", id: row.id, title },
    summary: `Adequacy decision ends: ${row.destinationName} (${row.regimeLabel})`,
    why: `The decision's last day ${passed ? "was" : "is"} ${row.endDate} (${reason}). Transfers to ${row.destinationName} that rely on it need another basis from the next day unless it is renewed${row.sunset ? " (record the renewal in the knowledge base)" : ""}.`,
  };
}

/**
/** A flag still open or in remediation, with the due date its owner was given (flags page, "Assign"). */
export function flagDueEvent(
  row: { flagId: string; transferId: string; exporterName: string; recipientName: string; codeLabel: string; dueDate: string; ownerName: string | null },
  asOf: string,
): ReminderEvent {
  const title = `${row.exporterName} → ${row.recipientName}`;
  const owner = row.ownerName ? `${row.ownerName} owns it` : "It has no owner";
  return {
    uid: reminderUid("flag_due", row.flagId),
    kind: "flag_due",
    date: row.dueDate,
    daysLeft: daysFrom(asOf, row.dueDate),
    record: { type: "transfer", id: row.transferId, title },
    summary: `Flag due: ${row.codeLabel} (${title})`,
    why: `${owner}; it ${row.dueDate < asOf ? "was" : "is"} due on ${row.dueDate} and is not resolved.`,
  };
}

/** An accepted risk whose re-review date comes (or came): on that day the flag opens again. */
export function riskRereviewEvent(
  row: { flagId: string; transferId: string; exporterName: string; recipientName: string; codeLabel: string; rereviewDate: string },
  asOf: string,
): ReminderEvent {
  const title = `${row.exporterName} → ${row.recipientName}`;
  return {
    uid: reminderUid("risk_rereview", row.flagId),
    kind: "risk_rereview",
    date: row.rereviewDate,
    daysLeft: daysFrom(asOf, row.rereviewDate),
    record: { type: "transfer", id: row.transferId, title },
    summary: `Re-review accepted risk: ${row.codeLabel} (${title})`,
    why: `The risk was accepted until ${row.rereviewDate}; from that day the flag is open again until it is re-reviewed.`,
  };
}

/**
 * End reasons that need no reminder: a superseded decision is followed by its successor the next day (the UK
 * renewals), so its last day changes nothing for the transfers.
 */
export const ADEQUACY_END_REASONS_WITHOUT_REMINDER = ["superseded"] as const;

/** How far the event is, in words: "in 12 days", "today", "3 days overdue", "ended 5 days ago". */
export function describeDaysLeft(kind: ReminderKind, daysLeft: number): string {
  if (daysLeft === 0) return "today";
  if (daysLeft === 1) return "tomorrow";
  if (daysLeft > 0) return `in ${plural(daysLeft, "day")}`;
  return REMINDER_KIND_PASSED[kind] === "overdue" ? `${plural(-daysLeft, "day")} overdue` : `${plural(-daysLeft, "day")} ago`;
}

/** Events in inbox order: by date, then kind, then record (stable across pages). */
export function compareEvents(a: ReminderEvent, b: ReminderEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.kind !== b.kind) return REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind);
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}
