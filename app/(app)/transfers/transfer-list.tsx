"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowRight, Plus } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import { PartyPicker } from "@/app/_components/pickers";
import { useCan } from "@/app/_components/session";
import { IssueBadge, STATUS_LABELS, StatusBadge } from "@/app/_components/status-badge";
import { TRANSFER_LIST_DEFAULTS, transferListInput } from "@/app/_components/list-inputs";
import { useUrlState } from "@/app/_components/use-url-state";
import { Badge } from "@/app/_components/ui/badge";
import { ButtonLink } from "@/app/_components/ui/button";
import { ExportMenu } from "@/app/_components/export-menu";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { FilterSelect, SearchBox } from "@/app/_components/ui/filters";
import { EmptyState, ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { Pagination, SortableTh, Table, Td } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { COUNTRIES, countryName } from "@/server/countries";
import { ISSUE_CODES, STATUSES } from "@/server/domain/rules/types";
import type { TransferSort } from "@/server/domain/choices/transfer-labels";
import { ISSUE_LABELS, REGIME_LABELS, roleArrow } from "./_shared/labels";

const DEFAULTS = TRANSFER_LIST_DEFAULTS;
const FILTER_KEYS = ["q", "exporter", "recipient", "destination", "regime", "status", "issue", "exporterCountry"] as const;

export function TransferList() {
  const trpc = useTRPC();
  const can = useCan();
  const [state, update] = useUrlState(DEFAULTS);

  const input = transferListInput(state);
  const { page, sort, dir } = input;
  const query = useQuery({
    ...trpc.transfer.list.queryOptions(input),
    placeholderData: keepPreviousData,
  });

  const filtered = FILTER_KEYS.some((k) => state[k]) || state.archived !== "active";
  const onSort = (s: TransferSort, d: "asc" | "desc") => update({ sort: s, dir: d });

  return (
    <>
      <PageHeader
        title="Transfers"
        description={
          <>
            Every flow of personal data from a group affiliate to a recipient, with its status as of{" "}
            <span className="font-medium text-slate-700">{query.data?.asOf ?? (state.asOf || "today")}</span>.
          </>
        }
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {can("registry.export") ? <ExportMenu endpoint="/api/export/transfers" what="transfers, with their verdicts," total={query.data?.total} /> : null}
            {can("transfer.create") ? (
              <ButtonLink href="/transfers/new">
                <Plus className="size-4" aria-hidden />
                New transfer
              </ButtonLink>
            ) : null}
          </div>
        }
      />
      <Card>
        <div className="grid grid-cols-2 gap-3 border-b border-slate-100 p-4 md:grid-cols-4" role="search">
          <SearchBox label="Search transfers" placeholder="Id, exporter, recipient or destination" value={state.q} onSearch={(q) => update({ q })} className="col-span-2" />
          <FilterSelect label="Status" value={state.status} onChange={(status) => update({ status })}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label="Issue" value={state.issue} onChange={(issue) => update({ issue })}>
            <option value="">Any issue or none</option>
            {ISSUE_CODES.map((c) => (
              <option key={c} value={c}>
                {ISSUE_LABELS[c] ?? c}
              </option>
            ))}
          </FilterSelect>
          <PartyPicker
            variant="filter"
            label="Exporter"
            placeholder="All exporters"
            relationship="affiliate"
            value={state.exporter}
            onChange={(party) => update({ exporter: party?.id ?? "" })}
          />
          <PartyPicker variant="filter" label="Recipient" placeholder="All recipients" value={state.recipient} onChange={(party) => update({ recipient: party?.id ?? "" })} />
          <FilterSelect label="Destination" value={state.destination} onChange={(destination) => update({ destination })}>
            <option value="">All destinations</option>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label="Exporter country" value={state.exporterCountry} onChange={(exporterCountry) => update({ exporterCountry })}>
            <option value="">All exporter countries</option>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </FilterSelect>
          <div className="col-span-2 grid grid-cols-2 gap-3 md:col-span-1">
            <FilterSelect label="Regime" value={state.regime} onChange={(regime) => update({ regime })}>
              <option value="">All</option>
              <option value="EU">EU</option>
              <option value="UK">UK</option>
              <option value="CH">CH</option>
              <option value="none">None</option>
            </FilterSelect>
            <FilterSelect label="Records" value={state.archived} onChange={(archived) => update({ archived })}>
              <option value="active">Active</option>
              <option value="archived">Archived</option>
              <option value="all">All</option>
            </FilterSelect>
          </div>
        </div>

        {query.isError ? (
          <div className="p-4">
            <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
          </div>
        ) : query.isPending ? (
          <TableSkeleton columns={6} />
        ) : query.data.items.length === 0 ? (
          <EmptyState
            title={filtered ? "No transfers match these filters" : "No transfers yet"}
            action={
              filtered ? (
                <button
                  type="button"
                  className="text-sm font-medium text-indigo-600 hover:text-indigo-500"
                  onClick={() => {
                    update({ q: "", exporter: "", recipient: "", destination: "", regime: "", status: "", issue: "", exporterCountry: "", archived: "active" });
                  }}
                >
                  Clear filters
                </button>
              ) : can("transfer.create") ? (
                <ButtonLink href="/transfers/new">Register the first transfer</ButtonLink>
              ) : null
            }
          >
            {filtered ? "Try another search term or remove a filter." : "Register each flow of personal data from a group affiliate to a vendor or another affiliate."}
          </EmptyState>
        ) : (
          <div aria-busy={query.isFetching} className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
            <Table label="Transfers" stacked>
              <thead className="bg-slate-50">
                <tr>
                  <SortableTh label="Exporter → recipient" column="exporter" sort={sort} dir={dir} onSort={onSort} />
                  <SortableTh label="Destination" column="destination" sort={sort} dir={dir} onSort={onSort} />
                  <SortableTh label="Status and issues" column="status" sort={sort} dir={dir} onSort={onSort} />
                  <SortableTh label="Start" column="start" sort={sort} dir={dir} onSort={onSort} />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {query.data.items.map((t) => (
                  <tr key={t.id} className="hover:bg-slate-50">
                    <Td>
                      <AsOfLink href={`/transfers/${t.id}`} className="font-medium text-indigo-700 hover:text-indigo-900 hover:underline xl:whitespace-nowrap">
                        <span className="sr-only">Transfer </span>
                        {t.exporter.name}
                        <ArrowRight className="mx-1 inline size-3.5" aria-hidden />
                        <span className="sr-only"> to </span>
                        {t.recipient.name}
                      </AsOfLink>
                      <div className="text-xs text-slate-600">
                        <span className="font-mono">{t.id}</span>
                        <span aria-hidden> · </span>
                        <span className="sr-only">, roles: </span>
                        {roleArrow(t.exporterRole, t.recipientRole)}
                      </div>
                      {t.archivedAt ? (
                        <Badge tone="slate" className="mt-1">
                          Archived
                        </Badge>
                      ) : null}
                    </Td>
                    <Td label="Destination">
                      <span title={countryName(t.destination)}>{countryName(t.destination)}</span>
                      {t.verdict?.regime ? <div className="text-xs text-slate-500">{REGIME_LABELS[t.verdict.regime]}</div> : null}
                    </Td>
                    <Td>
                      {t.verdict ? <StatusBadge status={t.verdict.status} /> : <span className="text-xs text-slate-500">Archived</span>}
                      {t.verdict?.issues.length ? (
                        <div className="mt-1 flex max-w-64 flex-wrap gap-1">
                          {t.verdict.issues.map((i, n) => (
                            <IssueBadge key={`${i.code}-${n}`} code={i.code} severity={i.severity} />
                          ))}
                        </div>
                      ) : null}
                    </Td>
                    <Td label="Start" className="whitespace-nowrap text-slate-500">
                      {t.start}
                      {t.end ? <div className="text-xs">until {t.end}</div> : null}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        {query.data && query.data.total > 0 ? (
          <Pagination page={page} pageSize={query.data.pageSize} total={query.data.total} noun="transfers" onPage={(p) => update({ page: String(p) }, { resetPage: false })} />
        ) : null}
      </Card>
    </>
  );
}

