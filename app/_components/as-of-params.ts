/**
 * The as-of date in URLs (pure; usable by server pages and client components). See `as-of.tsx`.
 */
import { isValidIsoDate } from "@/server/domain/dates";

export const AS_OF_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The as-of date from search parameters (a server page's `searchParams`), or undefined for today (also for an impossible date). */
export function asOfFrom(searchParams: Record<string, string | string[] | undefined> | URLSearchParams): string | undefined {
  const raw = searchParams instanceof URLSearchParams ? searchParams.get("asOf") : searchParams.asOf;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && AS_OF_DATE.test(value) && isValidIsoDate(value) ? value : undefined;
}

/** `href` with `asOf` set (kept as is when the href already names one, or when asOf is undefined). */
export function withAsOf(href: string, asOf: string | undefined): string {
  if (!asOf || !href.startsWith("/")) return href;
  const [pathAndQuery, hash] = href.split("#", 2) as [string, string | undefined];
  const [path, query = ""] = pathAndQuery.split("?", 2) as [string, string | undefined];
  const params = new URLSearchParams(query);
  if (!params.has("asOf")) params.set("asOf", asOf);
  return `${path}?${params.toString()}${hash ? `#${hash}` : ""}`;
}

/**
 * The query string of `search` with the as-of date set to `date` (removed when `date` is undefined or today), and
 * the page number dropped (the rows of page 3 on another date are other rows).
 */
export function searchWithAsOf(search: string, date: string | undefined, today: string): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  if (!date || date === today) params.delete("asOf");
  else params.set("asOf", date);
  return params.toString();
}

/** Whether `asOf` lies before or after `today` (undefined: today). */
export function asOfTense(asOf: string | undefined, today: string): "past" | "future" | "today" {
  if (!asOf || asOf === today) return "today";
  return asOf < today ? "past" : "future";
}

/** Today's date in UTC (the server's `today()` uses the same day). */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);
