/**
 * GET /api/calendar/<token>.ics: a user's reminders as an iCalendar feed. Calendar apps fetch it without a
 * session, so the secret token in the URL is the credential (server/services/reminders.ts keeps only its
 * SHA-256 hash); an unknown, rotated or revoked token gets 404 and learns nothing more.
 */
import { getDb } from "@/db/client";
import { calendarFeedFor } from "@/server/services/calendar-feed";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const notFound = () => new Response("Not found.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** The app's public origin for links in the feed (BETTER_AUTH_URL, else the request's own). */
function appOrigin(request: Request): string {
  const configured = process.env.BETTER_AUTH_URL;
  return (configured ? configured : new URL(request.url).origin).replace(/\/+$/, "");
}

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (!file.endsWith(".ics")) return notFound();
  const body = calendarFeedFor(getDb(), file.slice(0, -".ics".length), appOrigin(request));
  if (body === null) return notFound();
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="reminders.ics"',
      "Cache-Control": "private, no-store",
    },
  });
}
