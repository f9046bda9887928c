"use client";

import { AsOfLink } from "@/app/_components/as-of";
import { REGIME_LABELS } from "@/app/_components/labels";
import { STATUS_LABELS } from "@/app/_components/status-badge";
import { cn } from "@/app/_components/ui/cn";
import { STATUSES, type Status } from "@/server/domain/rules/types";

const SHORT_REGIME: Record<string, string> = { EU: "EU", UK: "UK", CH: "CH", none: "None" };

/**
 * Transfers by status and regime (the overview's counts, SQL over the verdict store): one row per status, one
 * column per regime; every non-zero figure opens the transfers list filtered on both (as of the page's date).
 */
export function RegimeCounts({ byRegime }: { byRegime: Record<string, Record<Status, number>> }) {
  const regimes = ["EU", "UK", "CH", "none"].filter((r) => byRegime[r]);
  for (const r of Object.keys(byRegime)) if (!regimes.includes(r)) regimes.push(r);
  if (regimes.length === 0) return <p className="p-5 text-sm text-slate-500">No transfers yet.</p>;
  const total = (r: string) => Object.values(byRegime[r]!).reduce((a, b) => a + b, 0);
  return (
    <div className="max-w-full overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Transfers by status and regime">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-4 py-2 text-left text-xs font-semibold text-slate-500 uppercase">
              Status
            </th>
            {regimes.map((r) => (
              <th key={r} scope="col" className="px-2 py-2 text-right text-xs font-semibold text-slate-500">
                <abbr title={REGIME_LABELS[r] ?? r} className="no-underline">
                  {SHORT_REGIME[r] ?? r}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {STATUSES.map((s) => (
            <tr key={s}>
              <th scope="row" className="px-4 py-2 text-left font-normal text-slate-700">
                {STATUS_LABELS[s]}
              </th>
              {regimes.map((r) => {
                const n = byRegime[r]![s];
                return (
                  <td key={r} className={cn("px-2 py-2 text-right tabular-nums", s === "unsafeguarded" && n > 0 ? "font-semibold text-red-700" : "text-slate-700")}>
                    {n > 0 ? (
                      <AsOfLink
                        href={`/transfers?regime=${r}&status=${s}`}
                        className="underline decoration-slate-300 underline-offset-2 hover:text-indigo-800"
                        aria-label={`${n} ${STATUS_LABELS[s].toLowerCase()} transfer${n === 1 ? "" : "s"}, ${REGIME_LABELS[r] ?? r}`}
                      >
                        {n}
                      </AsOfLink>
                    ) : (
                      <span className="text-slate-500">0</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr className="bg-slate-50/60">
            <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
              All
            </th>
            {regimes.map((r) => (
              <td key={r} className="px-2 py-2 text-right font-medium text-slate-900 tabular-nums">
                {total(r)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
