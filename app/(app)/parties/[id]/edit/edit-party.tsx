"use client";

import { useQuery } from "@tanstack/react-query";
import { AsOfLink } from "@/app/_components/as-of";
import { useCan } from "@/app/_components/session";
import { PageHeader } from "@/app/_components/ui/card";
import { ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import { PartyForm } from "../../party-form";

export function EditParty({ id }: { id: string }) {
  const trpc = useTRPC();
  const can = useCan();
  // Load once: the form edits the version it opened (no refetch on focus).
  const query = useQuery({ ...trpc.party.byId.queryOptions({ id }), staleTime: Infinity, refetchOnWindowFocus: false, gcTime: 0 });
  if (!can("party.update")) return <ErrorState title="Not allowed" message="Your role may not edit parties." />;
  if (query.isPending) return <TableSkeleton rows={6} columns={2} />;
  if (query.isError) return <ErrorState message={query.error.message} onRetry={() => query.refetch()} />;
  const party = query.data;
  return (
    <>
      <PageHeader
        title={`Edit ${party.name}`}
        breadcrumb={
          <>
            <AsOfLink href="/parties" className="hover:text-slate-700">
              Parties
            </AsOfLink>{" "}
            /{" "}
            <AsOfLink href={`/parties/${party.id}`} className="hover:text-slate-700">
              {party.name}
            </AsOfLink>
          </>
        }
        description={`Version ${party.version}. If someone else saves a change first, your save is refused and nothing is overwritten.`}
      />
      <PartyForm party={party} />
    </>
  );
}
