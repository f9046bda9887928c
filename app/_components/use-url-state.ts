"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

/**
 * List state (filters, sort, page) kept in the URL, so a view can be shared
 * and survives reloads. Values equal to their default are left out of the URL.
 *
 * The router applies a URL change asynchronously, so the query we asked for is
 * kept until the URL shows it: controls reflect a change at once, and a second
 * change made meanwhile (a debounced search firing after a checkbox was ticked)
 * builds on the first instead of bringing the old query string back.
 */
export function useUrlState<T extends Record<string, string>>(defaults: T) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const current = params.toString();
  const [requested, setRequested] = useState<string | null>(null);
  const latest = useRef<string | null>(null);

  useEffect(() => {
    // The URL caught up with (or moved past) what we asked for.
    if (latest.current === current) latest.current = null;
    setRequested((r) => (r === current ? null : r));
  }, [current]);

  const effective = requested ?? current;
  const state = useMemo(() => {
    const search = new URLSearchParams(effective);
    const out = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof T)[]) {
      const v = search.get(key as string);
      if (v !== null) out[key] = v as T[keyof T];
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [effective]);

  const update = useCallback(
    (patch: Partial<T>, options: { resetPage?: boolean } = { resetPage: true }) => {
      const next = new URLSearchParams(latest.current ?? current);
      const merged: Record<string, string | undefined> = { ...patch };
      if (options.resetPage !== false && !("page" in patch) && "page" in defaults) merged.page = undefined;
      for (const [key, value] of Object.entries(merged)) {
        if (value === undefined || value === "" || value === defaults[key]) next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      latest.current = query;
      setRequested(query);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [current, router, pathname, defaults],
  );

  return [state, update] as const;
}
