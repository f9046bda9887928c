/**
 * The as-of date in URLs (pure; usable by server pages and client components). See `as-of.tsx`.
 */
export const AS_OF_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The as-of date from search parameters (a server page's `searchParams`), or undefined for today. */
export function asOfFrom(searchParams: Record<string, string | string[] | undefined> | URLSearchParams): string | undefined {
  const raw = searchParams instanceof URLSearchParams ? searchParams.get("asOf") : searchParams.asOf;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && AS_OF_DATE.test(value) ? value : undefined;
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

