"use client";

import { useQuery } from "@tanstack/react-query";
import { AsOfLink, useAsOf, withAsOf } from "@/app/_components/as-of";
import { REMINDER_KIND_LABELS } from "@/app/_components/labels";
import { useCan } from "@/app/_components/session";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { ErrorState, Skeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import { describeDaysLeft, reminderRecordPath } from "@/server/domain/reminders";

/** The overview's "Upcoming events": the next few reminders and how many are overdue (the inbox has the rest). */
export function UpcomingEvents() {
  const trpc = useTRPC();
  const can = useCan();
  const asOf = useAsOf();
  const query = useQuery({ ...trpc.reminders.summary.queryOptions({ asOf }), enabled: can("reminders.read") });
  if (!can("reminders.read")) return null;
  const data = query.data;
  return (
    <Card>
      <CardHeader
        title="Upcoming events"
        description={data ? `The next ${data.horizonDays} days.` : undefined}
        actions={
          <AsOfLink href={withAsOf("/reminders", asOf)} className="text-sm font-medium text-indigo-700 hover:underline">
            All reminders
          </AsOfLink>
        }
      />
      {query.isError ? (
        <div className="p-4">
          <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
        </div>
      ) : !data ? (
        <div className="space-y-2 p-5" aria-busy="true">
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="h-4 w-2/3" />
        </div>
      ) : (
        <>
          <p className="px-5 pt-3 text-sm text-slate-700">
            <AsOfLink href={withAsOf("/reminders", asOf)} className={cn("underline underline-offset-2", data.overdue > 0 ? "font-semibold text-red-700" : "text-slate-700")}>
              {data.overdue} overdue
            </AsOfLink>{" "}
            · {data.total} event{data.total === 1 ? "" : "s"} in all
          </p>
          {data.next.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-500">Nothing falls due within the horizon.</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Next events">
              {data.next.map((e) => (
                <li key={e.uid} className="px-5 py-2.5 text-sm">
                  <div className="flex items-baseline justify-between gap-3">
                    <AsOfLink href={withAsOf(reminderRecordPath(e.record), asOf)} className="min-w-0 font-medium break-words text-indigo-700 hover:underline">
                      {e.record.title}
                    </AsOfLink>
                    <span className="shrink-0 text-xs text-slate-600">{describeDaysLeft(e.kind, e.daysLeft)}</span>
                  </div>
                  <div className="text-xs text-slate-500">
                    {REMINDER_KIND_LABELS[e.kind]} · {e.date}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}
