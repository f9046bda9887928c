"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { AsOfLink } from "@/app/_components/as-of";
import { useCan } from "@/app/_components/session";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { EmptyState, ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { Pagination, Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { formatDateTime } from "@/app/_components/party-labels";
import { SCENARIO_LIST_INPUT } from "./scenario-inputs";


export function ScenarioList() {
  const trpc = useTRPC();
  const can = useCan();
  const [page, setPage] = useState(1);
  const query = useQuery({ ...trpc.scenario.list.queryOptions({ ...SCENARIO_LIST_INPUT, page }), placeholderData: keepPreviousData });
  return (
    <>
      <PageHeader
        title="What-if scenarios"
        description="Hypothetical changes to the law or to the registry (a framework falls, an adequacy decision is not renewed or is adopted, a certification lapses), and the transfers whose status they would change. Nothing real changes."
        actions={
          can("scenario.manage") ? (
            <ButtonLink href="/scenarios/new">
              <Plus className="size-4" aria-hidden />
              New scenario
            </ButtonLink>
          ) : null
        }
      />
      <Card>
        {query.isError ? (
          <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
        ) : query.isPending ? (
          <TableSkeleton rows={4} columns={4} />
        ) : query.data.total === 0 ? (
          <EmptyState
            title="No scenarios yet"
            action={can("scenario.manage") ? <ButtonLink href="/scenarios/new">Describe the first scenario</ButtonLink> : undefined}
          >
            {can("scenario.manage") ? "Describe what might change, and see which transfers would need action." : "The data protection officer has not saved any scenario yet."}
          </EmptyState>
        ) : (
          <>
            <Table label="Saved scenarios" stacked>
              <thead className="bg-slate-50">
                <tr>
                  <Th>Scenario</Th>
                  <Th>As of</Th>
                  <Th>Changes</Th>
                  <Th>Last saved</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {query.data.items.map((s) => (
                  <tr key={s.id}>
                    <Td>
                      <AsOfLink href={`/scenarios/${s.id}`} className="font-medium text-indigo-700 hover:underline">
                        {s.name}
                      </AsOfLink>
                      {s.description ? <p className="mt-1 max-w-xl text-xs text-slate-600">{s.description}</p> : null}
                    </Td>
                    <Td label="As of">{s.asOf}</Td>
                    <Td label="Changes">{s.changes.length}</Td>
                    <Td label="Last saved" className="text-xs text-slate-600">
                      {formatDateTime(s.updatedAt)}
                      {s.updatedBy ? <div>{s.updatedBy}</div> : null}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination page={page} pageSize={query.data.pageSize} total={query.data.total} noun="scenarios" onPage={setPage} />
          </>
        )}
      </Card>
    </>
  );
}
