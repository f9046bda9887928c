"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import { REQUEST_CHANNEL_LABELS, REQUEST_STATUS_LABELS, REQUEST_STATUSES, STATUS_TONE, URGENCY_LABELS, URGENCY_TONE } from "@/app/_components/request-labels";
import { useCan } from "@/app/_components/session";
import { useUrlState } from "@/app/_components/use-url-state";
import { Badge } from "@/app/_components/ui/badge";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { FilterSelect, SearchBox } from "@/app/_components/ui/filters";
import { EmptyState, ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { Pagination, SortableTh, Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import type { RequestChannel } from "@/server/domain/choices/request-labels";

const DEFAULTS = { search: "", status: "", urgency: "", sort: "due", dir: "asc", page: "1" };
type Sort = "due" | "received" | "requester" | "status";

export function RequestList() {
  const trpc = useTRPC();
  const can = useCan();
  const [state, update] = useUrlState(DEFAULTS);
  const page = Math.max(1, Number(state.page) || 1);
  const query = useQuery({
    ...trpc.request.list.queryOptions({
      search: state.search || undefined,
      status: (state.status || undefined) as "open" | undefined,
      urgency: (state.urgency || undefined) as "overdue" | undefined,
      sort: state.sort as Sort,
      dir: state.dir === "desc" ? "desc" : "asc",
      page,
      pageSize: 25,
    }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(state.search || state.status || state.urgency);
  const onSort = (column: Sort, dir: "asc" | "desc") => update({ sort: column, dir });

  return (
    <>
      <PageHeader
        title="Requests"
        description="Requests for a copy of the safeguards (GDPR Art. 13(1)(f), 14(1)(f), 15(2)). Each is due one month after receipt (Art. 12(3)), extendable once by up to two further months."
        actions={
          can("request.manage") ? (
            <ButtonLink href="/requests/new">
              <Plus className="size-4" aria-hidden /> Log a request
            </ButtonLink>
          ) : null
        }
      />
      <Card>
        <h2 className="sr-only">Request log</h2>
        <div className="grid grid-cols-1 gap-3 border-b border-slate-100 p-4 sm:grid-cols-3" role="search">
          <SearchBox label="Search" value={state.search} onSearch={(search) => update({ search })} placeholder="Requester name or contact" />
          <FilterSelect label="Status" value={state.status} onChange={(status) => update({ status })}>
            <option value="">Any status</option>
            <option value="open">Open (received or in progress)</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REQUEST_STATUS_LABELS[s]}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label="Deadline" value={state.urgency} onChange={(urgency) => update({ urgency })}>
            <option value="">Any deadline</option>
            <option value="overdue">Overdue</option>
            <option value="due_soon">Due within 7 days</option>
          </FilterSelect>
        </div>
        {query.isError ? (
          <div className="p-4">
            <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
          </div>
        ) : query.isPending ? (
          <TableSkeleton rows={5} columns={5} />
        ) : query.data.items.length === 0 ? (
          <EmptyState
            title={filtered ? "No requests match these filters" : "No requests yet"}
            action={
              filtered ? (
                <button type="button" className="text-sm font-medium text-indigo-700" onClick={() => update({ search: "", status: "", urgency: "" })}>
                  Clear filters
                </button>
              ) : null
            }
          >
            {filtered ? null : "When someone asks for a copy of the safeguards, log it here to keep its deadline."}
          </EmptyState>
        ) : (
          <div className={query.isPlaceholderData ? "opacity-60" : undefined}>
            <Table label="Requests for a copy of the safeguards" stacked>
              <thead className="bg-slate-50">
                <tr>
                  <SortableTh label="Requester" column="requester" sort={state.sort as Sort} dir={state.dir as "asc" | "desc"} onSort={onSort} />
                  <SortableTh label="Received" column="received" sort={state.sort as Sort} dir={state.dir as "asc" | "desc"} onSort={onSort} />
                  <SortableTh label="Due" column="due" sort={state.sort as Sort} dir={state.dir as "asc" | "desc"} onSort={onSort} />
                  <SortableTh label="Status" column="status" sort={state.sort as Sort} dir={state.dir as "asc" | "desc"} onSort={onSort} />
                  <Th>Deadline</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {query.data.items.map((r) => (
                  <tr key={r.id} className={r.urgency === "overdue" ? "bg-red-50/60" : r.urgency === "due_soon" ? "bg-amber-50/50" : undefined}>
                    <Td label="Requester">
                      <AsOfLink href={`/requests/${r.id}`} className="font-medium text-indigo-700 hover:underline">
                        {r.requesterName}
                      </AsOfLink>
                      <div className="text-xs text-slate-500">{REQUEST_CHANNEL_LABELS[r.channel as RequestChannel] ?? r.channel}</div>
                    </Td>
                    <Td label="Received">{r.received}</Td>
                    <Td label="Due">
                      {r.due}
                      {r.extended ? <span className="ml-1 text-xs text-slate-500">(extended)</span> : null}
                    </Td>
                    <Td label="Status">
                      <Badge tone={STATUS_TONE[r.status]}>{REQUEST_STATUS_LABELS[r.status]}</Badge>
                    </Td>
                    <Td label="Deadline">
                      {r.urgency === "overdue" || r.urgency === "due_soon" ? <Badge tone={URGENCY_TONE[r.urgency]}>{URGENCY_LABELS[r.urgency]}</Badge> : <span className="text-sm text-slate-500">{URGENCY_LABELS[r.urgency]}</span>}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        {query.data && query.data.total > 0 ? (
          <Pagination page={page} pageSize={query.data.pageSize} total={query.data.total} noun="requests" onPage={(p) => update({ page: String(p) }, { resetPage: false })} />
        ) : null}
      </Card>
    </>
  );
}
