"use client";

/**
 * The as-of date of the whole app: `?asOf=YYYY-MM-DD` in the URL, absent for today.
 * Every page reads it with `useAsOf()` (client) or `asOfFrom(searchParams)` (server page) and passes it to its
 * queries; every internal link carries it with `<AsOfLink>` or `withAsOf()`, so a date chosen once survives the
 * click-through. A value that is not a real date is ignored (today). The one control that sets it is
 * `<AsOfControl>` in the app header; `<AsOfBanner>` says when the user is looking at the past or the future.
 */
import { CalendarClock } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState, type ComponentProps } from "react";
import { isValidIsoDate } from "@/server/domain/dates";
import { asOfFrom, asOfTense, searchWithAsOf, todayUtc, withAsOf } from "./as-of-params";
import { cn } from "./ui/cn";

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

/** `router.push` that carries the current as-of date. */
export function useAsOfRouter() {
  const router = useRouter();
  const asOf = useAsOf();
  return { push: (href: string) => router.push(withAsOf(href, asOf)), replace: (href: string) => router.replace(withAsOf(href, asOf)) };
}

/** Moves the whole app to `date` (undefined: today), keeping the page and its other URL state. */
function useSetAsOf() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (date: string | undefined) => {
    const query = searchWithAsOf(params.toString(), date, todayUtc());
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
}

/** A date worth navigating to while the user is still typing (not 0002-07-15 on the way to 2020-07-15). */
const plausible = (value: string) => isValidIsoDate(value) && value >= "1990-01-01" && value <= "2099-12-31";

/** The app header's date control: every status, count, list and page below it is as of this date. */
export function AsOfControl({ className }: { className?: string }) {
  const asOf = useAsOf();
  const setAsOf = useSetAsOf();
  const id = useId();
  const current = asOf ?? todayUtc();
  const [draft, setDraft] = useState(current);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => setDraft(current), [current]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const commit = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (isValidIsoDate(value) && value !== current) setAsOf(value);
  };
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <label htmlFor={id} className="flex items-center gap-1.5 text-sm font-medium whitespace-nowrap text-slate-700">
        <CalendarClock className="size-4 text-slate-500" aria-hidden />
        As of
      </label>
      <input
        id={id}
        type="date"
        value={draft}
        min="1990-01-01"
        max="2099-12-31"
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const value = e.target.value;
          setDraft(value);
          if (timer.current) clearTimeout(timer.current);
          if (plausible(value)) timer.current = setTimeout(() => commit(value), 350);
        }}
        onBlur={() => commit(draft)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(draft);
        }}
        className="h-9 w-40 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
      />
      <span id={`${id}-hint`} className="sr-only">
        Every status, count and list in the app is shown as of this date. Pick a past or future date to see which transfers were or will be covered then.
      </span>
      {asOf ? (
        <button type="button" onClick={() => setAsOf(undefined)} className="h-9 rounded-md px-2.5 text-sm font-medium whitespace-nowrap text-indigo-700 hover:bg-indigo-50">
          Today
        </button>
      ) : null}
    </div>
  );
}

/** Says when the app shows another date than today, with one click back to today. */
export function AsOfBanner() {
  const asOf = useAsOf();
  const setAsOf = useSetAsOf();
  const tense = asOfTense(asOf, todayUtc());
  if (tense === "today") return null;
  return (
    <div
      role="region"
      aria-label="As-of date"
      className={cn(
        "no-print mb-5 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border px-4 py-2.5 text-sm",
        tense === "past" ? "border-amber-300 bg-amber-50 text-amber-950" : "border-sky-300 bg-sky-50 text-sky-950",
      )}
    >
      <CalendarClock className="size-4 shrink-0" aria-hidden />
      <p className="flex-1">
        Viewing the registry as of <strong>{asOf}</strong> ({tense}): statuses are evaluated for that day with today&rsquo;s registry and knowledge base.
      </p>
      <button type="button" onClick={() => setAsOf(undefined)} className="font-medium underline underline-offset-2 hover:no-underline">
        Back to today
      </button>
    </div>
  );
}
