/**
 * The iCalendar feed (RFC 5545) of a user's reminders, built with ical-generator: one all-day event per
 * reminder on its date, with a UID that depends only on the kind and the record (a calendar updates the same
 * event when the date moves). Served by app/api/calendar/[file]/route.ts.
 */
import ical from "ical-generator";
import type { DbOrTx } from "@/db/client";
import { REMINDER_KIND_LABELS } from "@/server/domain/labels";
import { reminderRecordPath, type ReminderEvent } from "@/server/domain/reminders";
import { feedEvents, feedOwner } from "./reminders";
import { today } from "./verdict-store";

function utcDay(date: string): Date {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}

/** The feed as text for these events; links point into the app at `origin`. */
export function buildCalendar(events: ReminderEvent[], origin: string): string {
  const calendar = ical({ name: "Transfer Registry reminders", prodId: { company: "transfer-registry", product: "reminders", language: "EN" }, ttl: 60 * 60 * 6 });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      start: utcDay(e.date),
      allDay: true,
      summary: e.summary,
      description: `${REMINDER_KIND_LABELS[e.kind]}: ${e.record.title}\n${e.why}`,
      url: `${origin}${reminderRecordPath(e.record)}`,
    });
  }
  return calendar.toString();
}

/** The feed for a token (the last path segment without ".ics"), or null when the token is not active (404). */
export function calendarFeedFor(db: DbOrTx, token: string, origin: string, asOf: string = today()): string | null {
  const owner = feedOwner(db, token);
  if (!owner) return null;
  return buildCalendar(feedEvents(db, owner.id, asOf), origin);
}
