"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import { ExportMenu } from "@/app/_components/export-menu";
import { PartyPicker } from "@/app/_components/pickers";
import { useCan } from "@/app/_components/session";
import { SAFEGUARD_LIST_DEFAULTS, safeguardListInput } from "@/app/_components/list-inputs";
import { useUrlState } from "@/app/_components/use-url-state";
import { Badge } from "@/app/_components/ui/badge";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { FilterSelect, SearchBox } from "@/app/_components/ui/filters";
import { EmptyState, ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { Pagination, SortableTh, Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { SAFEGUARD_TYPE_LABELS, SAFEGUARD_TYPE_SHORT, SAFEGUARD_TYPES, type SafeguardSort, type SafeguardType } from "@/server/domain/choices/safeguard-labels";

const DEFAULTS = SAFEGUARD_LIST_DEFAULTS;

export function SafeguardList() {
  const trpc = useTRPC();
  const can = useCan();
  const [state, update] = useUrlState(DEFAULTS);

  const input = safeguardListInput(state);
  const { page, sort, dir } = input;
  const query = useQuery({
    ...trpc.safeguard.list.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(state.q || state.type || state.party || state.archived !== "active");
  const onSort = (s: SafeguardSort, d: "asc" | "desc") => update({ sort: s, dir: d });

  return (
    <>
      <PageHeader
        title="Safeguards"
        description="Transfer tools the group relies on: SCCs, the UK IDTA, BCR, codes of conduct, certifications, ad hoc clauses and Art. 49 derogations."
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {can("registry.export") ? <ExportMenu endpoint="/api/export/safeguards" what="safeguards" total={query.data?.total} /> : null}
            {can("safeguard.create") ? (
              <ButtonLink href="/safeguards/new">
                <Plus className="size-4" aria-hidden />
                New safeguard
              </ButtonLink>
            ) : null}
          </div>
        }
      />
      <Card>
        <div className="flex flex-wrap items-end gap-3 border-b border-slate-100 p-4" role="search">
          <SearchBox label="Search safeguards" placeholder="Title, id or party" value={state.q} onSearch={(q) => update({ q })} className="min-w-64 flex-1" />
          <FilterSelect label="Type" value={state.type} onChange={(type) => update({ type })}>
            <option value="">All types</option>
            {SAFEGUARD_TYPES.map((t) => (
              <option key={t} value={t}>
                {SAFEGUARD_TYPE_SHORT[t]}
              </option>
            ))}
          </FilterSelect>
          <PartyPicker variant="filter" label="Party" placeholder="All parties" value={state.party} onChange={(party) => update({ party: party?.id ?? "" })} className="min-w-56" />
          <FilterSelect label="Records" value={state.archived} onChange={(archived) => update({ archived })}>
            <option value="active">Active</option>
            <option value="archived">Archived</option>
            <option value="all">All</option>
          </FilterSelect>
        </div>
        {query.isError ? (
          <div className="p-4">
            <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
          </div>
        ) : query.isPending ? (
          <TableSkeleton columns={5} />
        ) : query.data.items.length === 0 ? (
          <EmptyState
            title={filtered ? "No safeguards match these filters" : "No safeguards yet"}
            action={
              filtered ? (
                <button
                  type="button"
                  className="text-sm font-medium text-indigo-600 hover:text-indigo-500"
                  onClick={() => {
                    update({ q: "", type: "", party: "", archived: "active" });
                  }}
                >
                  Clear filters
                </button>
              ) : can("safeguard.create") ? (
                <ButtonLink href="/safeguards/new">Register the first safeguard</ButtonLink>
              ) : null
            }
          >
            {filtered ? "Try another search term or remove a filter." : "Register the SCCs, IDTAs and BCR that the group's transfers rely on."}
          </EmptyState>
        ) : (
          <div aria-busy={query.isFetching} className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
            <Table label="Safeguards" stacked>
              <thead className="bg-slate-50">
                <tr>
                  <SortableTh label="Title" column="title" sort={sort} dir={dir} onSort={onSort} />
                  <SortableTh label="Type" column="type" sort={sort} dir={dir} onSort={onSort} />
                  <Th>Parties</Th>
                  <SortableTh label="Signed / approved" column="date" sort={sort} dir={dir} onSort={onSort} />
                  <Th>Transfers</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {query.data.items.map((s) => (
                  <tr key={s.id} className="hover:bg-slate-50">
                    <Td>
                      <AsOfLink href={`/safeguards/${s.id}`} className="font-medium text-indigo-700 hover:text-indigo-900 hover:underline">
                        {s.title}
                      </AsOfLink>
                      <div className="font-mono text-xs text-slate-500">{s.id}</div>
                      {s.archivedAt ? (
                        <Badge tone="slate" className="mt-1">
                          Archived
                        </Badge>
                      ) : null}
                    </Td>
                    <Td>
                      <span title={SAFEGUARD_TYPE_LABELS[s.type as SafeguardType]}>{SAFEGUARD_TYPE_SHORT[s.type as SafeguardType] ?? s.type}</span>
                      {s.sccVersion ? (
                        <div className="text-xs text-slate-500">
                          {s.sccVersion}
                          {s.modules.length ? ` · module ${s.modules.join(", ")}` : ""}
                        </div>
                      ) : null}
                    </Td>
                    <Td label="Parties" className="text-xs">
                      {s.parties.map((p) => p.name).join(", ") || <span className="text-slate-500">—</span>}
                      {s.partyCount > s.parties.length ? <span className="text-slate-500"> and {(s.partyCount - s.parties.length).toLocaleString("en")} more</span> : null}
                    </Td>
                    <Td label="Signed / approved" className="whitespace-nowrap text-slate-600">
                      {s.date ?? "—"}
                      {s.ended ? <div className="text-xs text-slate-500">ended {s.ended}</div> : null}
                      {s.state !== "in_force" ? (
                        <Badge tone="amber" className="mt-1">
                          {s.state === "not_yet" ? `Not yet in force on ${query.data.asOf}` : `Ended before ${query.data.asOf}`}
                        </Badge>
                      ) : null}
                    </Td>
                    <Td label="Transfers">{s.transferCount}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        {query.data && query.data.total > 0 ? (
          <Pagination page={page} pageSize={query.data.pageSize} total={query.data.total} noun="safeguards" onPage={(p) => update({ page: String(p) }, { resetPage: false })} />
        ) : null}
      </Card>
    </>
  );
}

