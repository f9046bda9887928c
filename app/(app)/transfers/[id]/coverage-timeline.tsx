"use client";

import { useAsOf } from "@/app/_components/as-of";
import { useQuery } from "@tanstack/react-query";
import { STATUS_LABELS, StatusBadge } from "@/app/_components/status-badge";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { ErrorState, Skeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import type { Status } from "@/server/domain/rules";
import { basisLabel } from "../_shared/labels";

const BAR: Record<Status, string> = {
  unsafeguarded: "bg-red-500",
  derogation: "bg-amber-400",
  safeguarded: "bg-indigo-500",
  adequate: "bg-emerald-500",
  not_restricted: "bg-slate-400",
  inactive: "bg-white border border-dashed border-slate-400",
};

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** The transfer's status over time, from its start (at the earliest 2015-01-01) to today: intervals and gaps. */
export function CoverageTimeline({ id }: { id: string }) {
  const trpc = useTRPC();
  const coverage = useQuery(trpc.transfer.coverage.queryOptions({ id, asOf: useAsOf() }));
  return (
    <Card>
      <CardHeader
        title="Coverage over time"
        description={
          coverage.data
            ? coverage.data.planned
              ? `The transfer starts on ${coverage.data.from}: what will cover it on that day.`
              : `${coverage.data.from} to ${coverage.data.to}: what covered the transfer on each day.`
            : undefined
        }
      />
      <div className="p-5">
        {coverage.isPending ? (
          <Skeleton className="h-6 w-full" />
        ) : coverage.isError ? (
          <ErrorState message={coverage.error.message} onRetry={() => coverage.refetch()} />
        ) : coverage.data.intervals.length === 0 ? (
          <p className="text-sm text-slate-500">The transfer has not started yet.</p>
        ) : (
          <>
            {(() => {
              const total = days(coverage.data.from, coverage.data.to);
              return (
                <div className="flex h-6 w-full overflow-hidden rounded-md ring-1 ring-slate-200" role="img" aria-label="Coverage timeline">
                  {coverage.data.intervals.map((iv) => (
                    <div
                      key={iv.from}
                      className={cn("h-full", BAR[iv.status])}
                      style={{ width: `${(days(iv.from, iv.to) / total) * 100}%` }}
                      title={`${iv.from} – ${iv.to}: ${STATUS_LABELS[iv.status]}`}
                    />
                  ))}
                </div>
              );
            })()}
            <div className="mt-1 flex justify-between text-xs text-slate-500">
              <span>{coverage.data.from}</span>
              <span>{coverage.data.to}</span>
            </div>
            <ol className="mt-4 divide-y divide-slate-100 text-sm" aria-label="Coverage intervals">
              {coverage.data.intervals.map((iv) => (
                <li key={iv.from} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                  <span className="w-52 font-mono text-xs text-slate-600">
                    {iv.from} – {iv.to}
                  </span>
                  <StatusBadge status={iv.status} />
                  <span className="text-xs text-slate-500">{iv.basis.map((b) => basisLabel({ type: b.type })).join(", ")}</span>
                </li>
              ))}
            </ol>
            {coverage.data.gaps.length ? (
              <p className="mt-3 text-sm text-red-700">
                {coverage.data.gaps.length === 1 ? "1 gap" : `${coverage.data.gaps.length} gaps`} without cover:{" "}
                {coverage.data.gaps.map((g) => `${g.from} – ${g.to}`).join("; ")}.
              </p>
            ) : (
              <p className="mt-3 text-sm text-emerald-700">No gaps in this period.</p>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
