"use client";

import { useQuery } from "@tanstack/react-query";
import { AsOfLink } from "@/app/_components/as-of";
import { PageHeader } from "@/app/_components/ui/card";
import { ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import { TransferForm } from "../../transfer-form";

export function EditTransfer({ id }: { id: string }) {
  const trpc = useTRPC();
  // Load once: the form edits the version it opened (no refetch on focus).
  const query = useQuery({ ...trpc.transfer.byId.queryOptions({ id }), staleTime: Infinity, refetchOnWindowFocus: false, gcTime: 0 });
  // Roles that may not edit never get here: the server page answers them 403 (requireAllowed).
  if (query.isPending) return <TableSkeleton rows={6} columns={2} />;
  if (query.isError) return <ErrorState message={query.error.message} onRetry={() => query.refetch()} />;
  const t = query.data;
  if (t.archivedAt) return <ErrorState title="Archived" message="This transfer is archived: restore it before editing." />;
  return (
    <>
      <PageHeader
        title={`Edit ${t.exporter.name} → ${t.recipient.name}`}
        breadcrumb={
          <>
            <AsOfLink href="/transfers" className="hover:text-slate-700">
              Transfers
            </AsOfLink>{" "}
            /{" "}
            <AsOfLink href={`/transfers/${t.id}`} className="hover:text-slate-700">
              {t.id}
            </AsOfLink>
          </>
        }
        description={`Version ${t.version}. If someone else saves a change first, your save is refused and nothing is overwritten.`}
      />
      <TransferForm transfer={t} />
    </>
  );
}
