"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/**
 * List state (filters, sort, page) kept in the URL, so a view can be shared
 * and survives reloads. Values equal to their default are left out of the URL.
 */
export function useUrlState<T extends Record<string, string>>(defaults: T) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const state = useMemo(() => {
    const out = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof T)[]) {
      const v = params.get(key as string);
      if (v !== null) out[key] = v as T[keyof T];
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);

  const update = useCallback(
    (patch: Partial<T>, options: { resetPage?: boolean } = { resetPage: true }) => {
      // Read the URL now, not the params of the last render: a debounced search firing after another
      // filter changed must not bring the old query string back.
      const next = new URLSearchParams(typeof window === "undefined" ? params.toString() : window.location.search);
      const merged: Record<string, string | undefined> = { ...patch };
      if (options.resetPage !== false && !("page" in patch) && "page" in defaults) merged.page = undefined;
      for (const [key, value] of Object.entries(merged)) {
        if (value === undefined || value === "" || value === defaults[key]) next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, router, pathname, defaults],
  );

  return [state, update] as const;
}
