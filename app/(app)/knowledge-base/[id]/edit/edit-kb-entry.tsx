"use client";

import { useQuery } from "@tanstack/react-query";
import { AsOfLink } from "@/app/_components/as-of";
import { kbSummary } from "@/app/_components/kb-labels";
import { useCan } from "@/app/_components/session";
import { PageHeader } from "@/app/_components/ui/card";
import { ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import { KbEntryForm } from "../../kb-entry-form";

export function EditKbEntry({ id }: { id: string }) {
  const trpc = useTRPC();
  const can = useCan();
  const query = useQuery({ ...trpc.kb.byId.queryOptions({ id }), staleTime: Infinity, refetchOnWindowFocus: false, gcTime: 0 });
  if (!can("kb.edit")) return <ErrorState title="Not allowed" message="Only the DPO and administrators edit the knowledge base." />;
  if (query.isPending) return <TableSkeleton rows={8} columns={2} />;
  if (query.isError) return <ErrorState message={query.error.message} />;
  const row = query.data;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <AsOfLink href="/knowledge-base" className="hover:text-slate-700">
              Knowledge base
            </AsOfLink>{" "}
            /{" "}
            <AsOfLink href={`/knowledge-base/${encodeURIComponent(row.id)}`} className="hover:text-slate-700">
              {kbSummary(row.entry).title}
            </AsOfLink>
          </>
        }
        title={`Edit ${kbSummary(row.entry).title}`}
        description="Every verdict is recomputed from the edited entry as soon as you save. The edit is recorded in the audit trail."
      />
      <KbEntryForm kind={row.entry.kind} entry={row.entry} version={row.version} />
    </>
  );
}
