"use client";

/**
 * The "Export" button of a list: a disclosure with the CSV and XLSX downloads of exactly what the list's
 * filters select (the same URL parameters go to the download route, page and sort included; the route
 * ignores the page). Plain links: the browser streams the file, however large.
 */
import { Download } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { buttonClass } from "./ui/button";

/** `dated`: the list follows the as-of date (the audit log does not: it is what happened, when). */
export function ExportMenu({ endpoint, what, total, dated = true }: { endpoint: string; what: string; total?: number; dated?: boolean }) {
  const params = useSearchParams();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: MouseEvent | KeyboardEvent) => {
      const el = ref.current;
      if (!el?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !el.contains(event.target as Node)) el.open = false;
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  const href = (format: "csv" | "xlsx") => {
    const query = new URLSearchParams(params.toString());
    query.delete("page");
    query.set("format", format);
    return `${endpoint}?${query.toString()}`;
  };
  const count = total === undefined ? "" : ` (${total.toLocaleString("en")})`;
  return (
    <details ref={ref} className="relative">
      <summary className={buttonClass("secondary", "md", "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>
        <Download className="size-4" aria-hidden />
        Export
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-64 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200 lg:right-0 lg:left-auto">
        <p className="px-3 py-2 text-xs text-slate-600">
          The {what} the filters select{count}
          {dated ? <>, as of the page&rsquo;s date.</> : "."}
        </p>
        <a href={href("csv")} download className="block rounded px-3 py-2 text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100">
          CSV (spreadsheet text)
        </a>
        <a href={href("xlsx")} download className="block rounded px-3 py-2 text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100">
          Excel workbook (XLSX)
        </a>
      </div>
    </details>
  );
}
