"use client";

import { useQuery } from "@tanstack/react-query";
import { AsOfLink } from "@/app/_components/as-of";
import { URGENCY_LABELS, URGENCY_TONE } from "@/app/_components/request-labels";
import { useCan } from "@/app/_components/session";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";

/** The overview's card of open requests for a copy of the safeguards: overdue and due-soon ones stand out. */
export function RequestsDue() {
  const trpc = useTRPC();
  const can = useCan();
  const allowed = can("request.read");
  const query = useQuery({ ...trpc.request.dueSummary.queryOptions(), enabled: allowed });
  if (!allowed || !query.data || query.data.open === 0) return null;
  const { overdue, dueSoon, open, next } = query.data;
  return (
    <Card className={overdue > 0 ? "border-red-200" : dueSoon > 0 ? "border-amber-200" : undefined}>
      <CardHeader
        title="Requests for a copy of the safeguards"
        description={`${open} open: ${overdue} overdue, ${dueSoon} due within 7 days.`}
        actions={
          <AsOfLink href={overdue > 0 ? "/requests?urgency=overdue" : "/requests?status=open"} className="text-sm font-medium text-indigo-700 hover:underline">
            {overdue > 0 ? "Overdue requests" : "Open requests"}
          </AsOfLink>
        }
      />
      <ul className="divide-y divide-slate-100">
        {next.map((r) => (
          <li key={r.id} className="flex items-center justify-between gap-3 px-5 py-2.5 text-sm">
            <AsOfLink href={`/requests/${r.id}`} className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
              {r.requesterName}
            </AsOfLink>
            <span className="flex items-center gap-2 text-slate-600">
              due {r.due}
              {r.urgency === "overdue" || r.urgency === "due_soon" ? <Badge tone={URGENCY_TONE[r.urgency]}>{URGENCY_LABELS[r.urgency]}</Badge> : null}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
