"use client";

import { useQuery } from "@tanstack/react-query";
import { AsOfLink } from "@/app/_components/as-of";
import { PageHeader } from "@/app/_components/ui/card";
import { ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import { ScenarioForm } from "../../scenario-form";

export function EditScenario({ id }: { id: string }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.scenario.byId.queryOptions({ id }), staleTime: Infinity, refetchOnWindowFocus: false });
  if (query.isPending) return <TableSkeleton rows={4} columns={2} />;
  if (query.isError) return <ErrorState message={query.error.message} onRetry={() => query.refetch()} />;
  return (
    <>
      <PageHeader
        title={`Edit “${query.data.name}”`}
        breadcrumb={
          <AsOfLink href={`/scenarios/${id}`} className="hover:text-slate-700">
            {query.data.name}
          </AsOfLink>
        }
        description="Fields marked * are required."
      />
      <ScenarioForm scenario={query.data} />
    </>
  );
}
