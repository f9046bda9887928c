"use client";

import { useQuery } from "@tanstack/react-query";
import { AsOfLink } from "@/app/_components/as-of";
import { withAsOf } from "./as-of-params";
import { Card, CardHeader } from "./ui/card";
import { ErrorState, Skeleton } from "./ui/states";
import { useTRPC } from "@/app/_trpc/client";

/** "Open flags by severity": the flags that need action (open or in remediation) as of a date, linking to the flags page. */
export function FlagSummary({ asOf }: { asOf?: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.flag.summary.queryOptions(asOf ? { asOf } : {}));
  const link = (severity: string) => withAsOf(`/flags?severity=${severity}`, asOf);
  return (
    <Card>
      <CardHeader title="Open flags by severity" description="Flags that need action: open or in remediation." />
      <div className="p-5">
        {query.isPending ? (
          <Skeleton className="h-12 w-full" />
        ) : query.isError ? (
          <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
        ) : (
          <div className="grid grid-cols-2 gap-3">
            <AsOfLink href={link("error")} className="rounded-lg border border-red-200 bg-red-50/60 p-3 hover:shadow-sm">
              <span className="block text-2xl font-semibold text-slate-900">{query.data.error}</span>
              <span className="text-xs text-red-800">{query.data.error === 1 ? "error" : "errors"}</span>
            </AsOfLink>
            <AsOfLink href={link("warning")} className="rounded-lg border border-amber-200 bg-amber-50/60 p-3 hover:shadow-sm">
              <span className="block text-2xl font-semibold text-slate-900">{query.data.warning}</span>
              <span className="text-xs text-amber-900">{query.data.warning === 1 ? "warning" : "warnings"}</span>
            </AsOfLink>
          </div>
        )}
      </div>
    </Card>
  );
}
