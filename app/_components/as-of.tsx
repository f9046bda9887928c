"use client";

/**
 * The as-of date of the whole app: `?asOf=YYYY-MM-DD` in the URL, absent for today.
 * Every page reads it with `useAsOf()` (client) or `asOfFrom(searchParams)` (server page) and passes it to its
 * queries; every internal link carries it with `<AsOfLink>` or `withAsOf()`, so a date chosen once survives the
 * click-through. A value that is not a well-formed date is ignored (today).
 */
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ComponentProps } from "react";
import { asOfFrom, withAsOf } from "./as-of-params";

export { asOfFrom, withAsOf };

/** The as-of date of the current URL, or undefined for today. */
export function useAsOf(): string | undefined {
  const params = useSearchParams();
  return asOfFrom(params);
}

/** A Next link that carries the current as-of date. */
export function AsOfLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const asOf = useAsOf();
  return <Link href={withAsOf(href, asOf)} {...props} />;
}
