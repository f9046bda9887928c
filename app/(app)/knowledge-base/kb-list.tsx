"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AlertTriangle, Plus } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import { KB_KIND_LABELS, KB_KIND_SINGULAR, kbSummary } from "@/app/_components/kb-labels";
import { REGIME_LABELS } from "@/app/_components/labels";
import { useCan } from "@/app/_components/session";
import { useUrlState } from "@/app/_components/use-url-state";
import { Badge } from "@/app/_components/ui/badge";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { inputClass } from "@/app/_components/ui/field";
import { SearchBox } from "@/app/_components/ui/filters";
import { EmptyState, ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { Pagination, Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { KB_KINDS, type KbKind } from "@/server/domain/kb/types";

const DEFAULTS = { kind: "adequacy", q: "", regime: "", unconfirmed: "", page: "1" };
const PAGE_SIZE = 25;

export function KbList() {
  const trpc = useTRPC();
  const can = useCan();
  const [state, update] = useUrlState(DEFAULTS);

  const kind = (KB_KINDS as readonly string[]).includes(state.kind) ? (state.kind as KbKind) : "adequacy";
  const query = useQuery({
    ...trpc.kb.list.queryOptions({ kind, search: state.q || undefined, unconfirmedOnly: state.unconfirmed === "1" }),
    placeholderData: keepPreviousData,
  });
  // Sorted by the name shown in the list (not by the entry's code).
  const rows = (query.data ?? [])
    .filter((r) => !state.regime || kbSummary(r.entry).regime?.includes(state.regime))
    .map((r) => ({ r, title: kbSummary(r.entry).title }))
    .sort((a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base", numeric: true }))
    .map(({ r }) => r);
  const page = Math.min(Math.max(1, Number(state.page) || 1), Math.max(1, Math.ceil(rows.length / PAGE_SIZE)));
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <>
      <PageHeader
        title="Knowledge base"
        description="The dated, cited law every verdict is computed from: regimes, area membership, adequacy decisions, US frameworks, safeguard instruments and derogations. An edit here changes every verdict at once."
        actions={
          can("kb.edit") ? (
            <ButtonLink href={kind === "adequacy" ? "/knowledge-base/new" : `/knowledge-base/new?kind=${kind}`}>
              <Plus className="size-4" aria-hidden />
              New {KB_KIND_SINGULAR[kind]}
            </ButtonLink>
          ) : null
        }
      />
      <nav aria-label="Kinds of entries" className="mb-4 flex flex-wrap gap-1 border-b border-slate-200">
        {KB_KINDS.map((k) => (
          <AsOfLink
            key={k}
            href={`/knowledge-base?kind=${k}${state.regime ? `&regime=${state.regime}` : ""}`}
            aria-current={k === kind ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              k === kind ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {KB_KIND_LABELS[k]}
          </AsOfLink>
        ))}
      </nav>
      <Card>
        <div className="flex flex-wrap items-end gap-3 border-b border-slate-100 p-4" role="search">
          <SearchBox label="Search the knowledge base" placeholder="Titles, instruments, sources…" value={state.q} onSearch={(q) => update({ q })} className="min-w-64 flex-1" />
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
            Regime
            <select className={inputClass(false, "w-40")} value={state.regime} onChange={(e) => update({ regime: e.target.value })}>
              <option value="">All regimes</option>
              <option value="EU">EU / EEA GDPR</option>
              <option value="UK">UK GDPR</option>
              <option value="CH">Swiss FADP</option>
            </select>
          </label>
          <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
            <input type="checkbox" className="size-4 rounded border-slate-300" checked={state.unconfirmed === "1"} onChange={(e) => update({ unconfirmed: e.target.checked ? "1" : "" })} />
            Only UNCONFIRMED entries
          </label>
        </div>
        {query.isError ? (
          <div className="p-4">
            <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
          </div>
        ) : query.isPending ? (
          <TableSkeleton columns={4} />
        ) : rows.length === 0 ? (
          <EmptyState title="No entries match">Try another search, regime or kind of entry.</EmptyState>
        ) : (
          <Table label={KB_KIND_LABELS[kind]} stacked>
            <thead className="bg-slate-50">
              <tr>
                <Th>Entry</Th>
                <Th>Regime</Th>
                <Th>Dates</Th>
                <Th>Sources</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {shown.map((r) => {
                const s = kbSummary(r.entry);
                return (
                  <tr key={r.id} className="hover:bg-slate-50">
                    <Td>
                      <AsOfLink href={`/knowledge-base/${encodeURIComponent(r.id)}`} className="font-medium text-indigo-700 hover:underline">
                        {s.title}
                      </AsOfLink>
                      <div className="text-xs text-slate-500">{s.detail}</div>
                      <div className="mt-1 flex flex-wrap gap-1">
                        {r.entry.unconfirmed ? (
                          <Badge tone="amber">
                            <AlertTriangle className="size-3" aria-hidden />
                            UNCONFIRMED
                          </Badge>
                        ) : null}
                        {r.origin === "custom" ? <Badge tone="violet">Added in the app</Badge> : r.edited ? <Badge tone="indigo">Edited</Badge> : null}
                      </div>
                    </Td>
                    <Td label="Regime" className="whitespace-nowrap">{s.regime ? s.regime.split(", ").map((x) => REGIME_LABELS[x] ?? x).join(", ") : "—"}</Td>
                    <Td label="Dates" className="font-mono text-xs whitespace-nowrap">{s.dates}</Td>
                    <Td className="text-xs text-slate-500">{r.entry.sources.length} source{r.entry.sources.length === 1 ? "" : "s"}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        {rows.length > 0 ? <Pagination page={page} pageSize={PAGE_SIZE} total={rows.length} noun="entries" onPage={(p) => update({ page: String(p) }, { resetPage: false })} /> : null}
      </Card>
    </>
  );
}
