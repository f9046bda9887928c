"use client";

/**
 * The overview's trend card: the share of live transfers per status at each month-end over the registry's life,
 * for all regimes or one, with the knowledge base's invalidations marked and cited, a legend, and the same
 * figures as a table (the chart's text alternative).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { useAsOf } from "@/app/_components/as-of";
import { REGIME_LABELS } from "@/app/_components/labels";
import { STATUS_LABELS } from "@/app/_components/status-badge";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { inputClass } from "@/app/_components/ui/field";
import { ErrorState, Skeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import { STATUSES, type Status } from "@/server/domain/rules/types";
import { STATUS_COLORS, TREND_STATUSES } from "./colors";
import type { TrendChartRow } from "./trend-chart";

const TrendChart = dynamic(() => import("./trend-chart"), { ssr: false, loading: () => <Skeleton className="h-full w-full" /> });

type RegimeFilter = "all" | "EU" | "UK" | "CH";
const zero = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
const pct = (n: number, total: number) => (total > 0 ? `${Math.round((n / total) * 1000) / 10} %` : "–");

export function TrendCard() {
  const trpc = useTRPC();
  const asOf = useAsOf();
  const [regime, setRegime] = useState<RegimeFilter>("all");
  const query = useQuery({ ...trpc.dashboard.trend.queryOptions({ asOf }), placeholderData: keepPreviousData });

  const rows: TrendChartRow[] = useMemo(() => {
    if (!query.data) return [];
    return query.data.points.map((p) => {
      const counts = zero();
      for (const [r, byStatus] of Object.entries(p.counts)) {
        if (regime !== "all" && r !== regime) continue;
        for (const s of STATUSES) counts[s] += byStatus[s];
      }
      return { month: p.date.slice(0, 7), total: STATUSES.reduce((a, s) => a + counts[s], 0), counts };
    });
  }, [query.data, regime]);
  const events = useMemo(() => (query.data?.events ?? []).filter((e) => regime === "all" || e.regime === regime).map((e, i) => ({ ...e, n: i + 1, month: e.date.slice(0, 7) })), [query.data, regime]);

  return (
    <Card>
      <CardHeader
        title="Status trend"
        description="Share of running transfers per status at each month-end, evaluated with today's registry and knowledge base."
        actions={
          <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
            Regime
            <select className={inputClass(false, "h-8 w-36 py-0 text-sm")} value={regime} onChange={(e) => setRegime(e.target.value as RegimeFilter)}>
              <option value="all">All regimes</option>
              <option value="EU">{REGIME_LABELS.EU}</option>
              <option value="UK">{REGIME_LABELS.UK}</option>
              <option value="CH">{REGIME_LABELS.CH}</option>
            </select>
          </label>
        }
      />
      {query.isError ? (
        <div className="p-5">
          <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
        </div>
      ) : query.isPending ? (
        // The first trend after a restart or an import judges the whole registry's history: seconds, at 100k.
        <div className="relative p-5" role="status">
          <Skeleton className="h-72 w-full" />
          <p className="absolute inset-0 flex items-center justify-center px-8 text-center text-sm text-slate-600">
            Working out the share of each status at every month-end…
          </p>
        </div>
      ) : (
        <div className={cn("space-y-4 p-5", query.isPlaceholderData && "opacity-60")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend: trend statuses">
            {TREND_STATUSES.map((s) => (
              <li key={s} className="flex items-center gap-1.5">
                <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: STATUS_COLORS[s] }} aria-hidden />
                {STATUS_LABELS[s]}
              </li>
            ))}
            <li className="flex items-center gap-1.5">
              <span className="inline-block h-3 border-l-2 border-dashed border-slate-900" aria-hidden />
              Event (numbered below)
            </li>
          </ul>
          <figure className="m-0">
            <div className="h-72 w-full" data-testid="trend-chart" role="img" aria-label={`Share of transfers per status at each month-end from ${rows[0]?.month ?? ""} to ${rows.at(-1)?.month ?? ""}; the figures are in the table below.`}>
              {rows.some((r) => r.total > 0) ? <TrendChart rows={rows} events={events} /> : <p className="grid h-full place-items-center text-sm text-slate-500">No running transfers in this period.</p>}
            </div>
            <figcaption className="sr-only">Status trend chart</figcaption>
          </figure>
          {events.length > 0 ? (
            <ol className="space-y-1 text-xs text-slate-700" aria-label="Events marked on the chart">
              {events.map((e) => (
                <li key={`${e.regime}-${e.date}`}>
                  <span className="font-semibold">{e.n}.</span> {e.date} · {REGIME_LABELS[e.regime]} · {e.title}.{" "}
                  {e.uri ? (
                    <a href={e.uri} className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900" rel="noreferrer" target="_blank">
                      {e.citation}
                    </a>
                  ) : (
                    e.citation
                  )}
                </li>
              ))}
            </ol>
          ) : null}
          <details className="rounded-lg border border-slate-200">
            <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-indigo-700">Show the figures as a table</summary>
            <div className="max-h-96 max-w-full overflow-auto" tabIndex={0} role="region" aria-label="Trend figures">
              <table className="min-w-full divide-y divide-slate-200 text-xs" aria-label="Transfers per status at each month-end">
                <thead className="sticky top-0 bg-slate-50">
                  <tr>
                    <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-500">
                      Month-end
                    </th>
                    {TREND_STATUSES.map((s) => (
                      <th key={s} scope="col" className="px-3 py-2 text-right font-semibold text-slate-500">
                        {STATUS_LABELS[s]}
                      </th>
                    ))}
                    <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-500">
                      Running
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 bg-white">
                  {rows.map((r) => (
                    <tr key={r.month}>
                      <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-700">
                        {r.month}
                      </th>
                      {TREND_STATUSES.map((s) => (
                        <td key={s} className="px-3 py-1.5 text-right text-slate-700 tabular-nums">
                          {r.counts[s]} <span className="text-slate-500">({pct(r.counts[s], r.total)})</span>
                        </td>
                      ))}
                      <td className="px-3 py-1.5 text-right font-medium text-slate-900 tabular-nums">{r.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </div>
      )}
    </Card>
  );
}
