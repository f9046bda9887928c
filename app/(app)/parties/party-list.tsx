"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Plus, Upload } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import { relationshipLabel } from "@/app/_components/party-labels";
import { useCan } from "@/app/_components/session";
import { STATUS_LABELS, StatusBadge } from "@/app/_components/status-badge";
import { PARTY_LIST_DEFAULTS, partyListInput } from "@/app/_components/list-inputs";
import { useUrlState } from "@/app/_components/use-url-state";
import { Badge } from "@/app/_components/ui/badge";
import { ButtonLink } from "@/app/_components/ui/button";
import { ExportMenu } from "@/app/_components/export-menu";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { FilterSelect, SearchBox } from "@/app/_components/ui/filters";
import { EmptyState, ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { Pagination, SortableTh, Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { COUNTRIES, countryName } from "@/server/countries";
import { STATUSES } from "@/server/domain/rules/types";
import {
  type PARTY_SORTS,
  RELATIONSHIP_LABELS,
  RELATIONSHIPS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
} from "@/server/domain/choices/party-labels";

const DEFAULTS = PARTY_LIST_DEFAULTS;
type Sort = (typeof PARTY_SORTS)[number];

export function PartyList() {
  const trpc = useTRPC();
  const can = useCan();
  const [state, update] = useUrlState(DEFAULTS);

  const input = partyListInput(state);
  const { page } = input;
  const query = useQuery({
    ...trpc.party.list.queryOptions(input),
    placeholderData: keepPreviousData,
  });

  const filtered = Boolean(state.q || state.relationship || state.country || state.category || state.status || state.archived !== "active");
  const onSort = (sort: Sort, dir: "asc" | "desc") => update({ sort, dir });

  return (
    <>
      <PageHeader
        title="Parties"
        description="Every legal person that sends or receives personal data: group affiliates, service providers, resellers, advertising partners and advisers."
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {can("registry.export") ? <ExportMenu endpoint="/api/export/parties" what="parties" total={query.data?.total} /> : null}
            {can("party.import") ? (
              <ButtonLink href="/parties/import" variant="secondary">
                <Upload className="size-4" aria-hidden />
                Import CSV
              </ButtonLink>
            ) : null}
            {can("party.create") ? (
              <ButtonLink href="/parties/new">
                <Plus className="size-4" aria-hidden />
                New party
              </ButtonLink>
            ) : null}
          </div>
        }
      />
      <Card>
        <div className="grid grid-cols-1 gap-3 border-b border-slate-100 p-4 sm:grid-cols-2 xl:grid-cols-[minmax(16rem,2fr)_repeat(4,minmax(9rem,1fr))] xl:items-end" role="search">
          <SearchBox
            label="Search parties"
            placeholder="Name, id, registration number or contact"
            value={state.q}
            onSearch={(q) => update({ q })}
            className="sm:col-span-2 xl:col-span-1"
          />
          <FilterSelect label="Relationship" value={state.relationship} onChange={(relationship) => update({ relationship })}>
            <option value="">All relationships</option>
            {RELATIONSHIPS.map((r) => (
              <option key={r} value={r}>
                {RELATIONSHIP_LABELS[r]}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label="Service category" value={state.category} onChange={(category) => update({ category })}>
            <option value="">All categories</option>
            {SERVICE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {SERVICE_CATEGORY_LABELS[c]}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label="Country" value={state.country} onChange={(country) => update({ country })}>
            <option value="">All countries</option>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label="Transfer status" value={state.status} onChange={(status) => update({ status })}>
            <option value="">Any worst status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
            <option value="none">No transfers</option>
          </FilterSelect>
          <FilterSelect label="Records" value={state.archived} onChange={(archived) => update({ archived })}>
            <option value="active">Active</option>
            <option value="archived">Archived</option>
            <option value="all">Active and archived</option>
          </FilterSelect>
        </div>

        {query.isError ? (
          <div className="p-4">
            <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
          </div>
        ) : query.isPending ? (
          <TableSkeleton columns={4} />
        ) : query.data.items.length === 0 ? (
          <EmptyState
            title={filtered ? "No parties match these filters" : "No parties yet"}
            action={
              filtered ? (
                <button
                  type="button"
                  className="text-sm font-medium text-indigo-600 hover:text-indigo-500"
                  onClick={() => {
                    update({ q: "", relationship: "", country: "", category: "", status: "", archived: "active" });
                  }}
                >
                  Clear filters
                </button>
              ) : can("party.create") ? (
                <ButtonLink href="/parties/new">Register the first party</ButtonLink>
              ) : null
            }
          >
            {filtered ? "Try another search term or remove a filter." : "Register the group's affiliates and every vendor that receives personal data."}
          </EmptyState>
        ) : (
          <div aria-busy={query.isFetching} className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
            <Table label="Parties" stacked>
              <thead className="bg-slate-50">
                <tr>
                  <SortableTh label="Name" column="name" sort={state.sort as Sort} dir={state.dir as "asc" | "desc"} onSort={onSort} />
                  <SortableTh label="Relationship" column="relationship" sort={state.sort as Sort} dir={state.dir as "asc" | "desc"} onSort={onSort} />
                  <SortableTh label="Established" column="country" sort={state.sort as Sort} dir={state.dir as "asc" | "desc"} onSort={onSort} />
                  <Th>Processing locations</Th>
                  <SortableTh label="Worst status" column="status" sort={state.sort as Sort} dir={state.dir as "asc" | "desc"} onSort={onSort} />
                  <SortableTh label="Last change" column="updatedAt" sort={state.sort as Sort} dir={state.dir as "asc" | "desc"} onSort={onSort} />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {query.data.items.map((p) => (
                  <tr key={p.id} className="hover:bg-slate-50">
                    <Td>
                      <AsOfLink href={`/parties/${p.id}`} className="font-medium text-indigo-700 hover:text-indigo-900 hover:underline">
                        {p.name}
                      </AsOfLink>
                      <div className="font-mono text-xs text-slate-500">{p.id}</div>
                      {p.archivedAt ? (
                        <Badge tone="slate" className="mt-1">
                          Archived
                        </Badge>
                      ) : null}
                    </Td>
                    <Td>{relationshipLabel(p)}</Td>
                    <Td label="Established">{countryName(p.country)}</Td>
                    <Td>
                      <div className="flex flex-wrap gap-1">
                        {p.processingLocations.map((c) => (
                          <Badge key={c} tone="blue">
                            <span title={countryName(c)}>{c}</span>
                          </Badge>
                        ))}
                      </div>
                    </Td>
                    <Td>
                      <StatusBadge status={p.worstStatus} />
                    </Td>
                    <Td label="Last change" className="whitespace-nowrap text-slate-500">{p.updatedAt.slice(0, 10)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        {query.data && query.data.total > 0 ? (
          <Pagination page={page} pageSize={query.data.pageSize} total={query.data.total} noun="parties" onPage={(p) => update({ page: String(p) }, { resetPage: false })} />
        ) : null}
      </Card>
    </>
  );
}

