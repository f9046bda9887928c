"use client";

import { useQuery } from "@tanstack/react-query";
import { AsOfLink } from "@/app/_components/as-of";
import { useCan } from "@/app/_components/session";
import { PageHeader } from "@/app/_components/ui/card";
import { ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import { SafeguardForm } from "../../safeguard-form";

export function EditSafeguard({ id }: { id: string }) {
  const trpc = useTRPC();
  const can = useCan();
  const query = useQuery({ ...trpc.safeguard.byId.queryOptions({ id }), staleTime: Infinity, refetchOnWindowFocus: false, gcTime: 0 });
  if (!can("safeguard.update")) return <ErrorState title="Not allowed" message="Your role may not edit safeguards." />;
  if (query.isPending) return <TableSkeleton rows={6} columns={2} />;
  if (query.isError) return <ErrorState message={query.error.message} onRetry={() => query.refetch()} />;
  const s = query.data;
  if (s.archivedAt) return <ErrorState title="Archived" message="This safeguard is archived: restore it before editing." />;
  return (
    <>
      <PageHeader
        title={`Edit ${s.title}`}
        breadcrumb={
          <>
            <AsOfLink href="/safeguards" className="hover:text-slate-700">
              Safeguards
            </AsOfLink>{" "}
            /{" "}
            <AsOfLink href={`/safeguards/${s.id}`} className="hover:text-slate-700">
              {s.title}
            </AsOfLink>
          </>
        }
        description={`Version ${s.version}. If someone else saves a change first, your save is refused and nothing is overwritten.`}
      />
      <SafeguardForm safeguard={s} />
    </>
  );
}
