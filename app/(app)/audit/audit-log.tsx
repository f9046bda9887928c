"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AuditEntry } from "@/app/_components/audit-entry";
import { auditActionLabel, entityTypeLabel } from "@/app/_components/labels";
import { ExportMenu } from "@/app/_components/export-menu";
import { AUDIT_LIST_DEFAULTS, auditListInput } from "@/app/_components/list-inputs";
import { useCan } from "@/app/_components/session";
import { useUrlState } from "@/app/_components/use-url-state";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { inputClass } from "@/app/_components/ui/field";
import { EmptyState, ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { Pagination } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";

/** Codes sorted by the words shown for them. */
const byWords = (codes: readonly string[] | undefined, words: (code: string) => string) =>
  [...(codes ?? [])].sort((a, b) => words(a).localeCompare(words(b), "en", { sensitivity: "base" }));

const DEFAULTS = AUDIT_LIST_DEFAULTS;

export function AuditLog() {
  const trpc = useTRPC();
  const can = useCan();
  const [state, update] = useUrlState(DEFAULTS);
  const input = auditListInput(state);
  const page = input.page;
  const allowed = can("audit.read");
  const facets = useQuery({ ...trpc.audit.facets.queryOptions(), enabled: allowed });
  const badRange = Boolean(state.from && state.to && state.from > state.to);
  const query = useQuery({
    ...trpc.audit.list.queryOptions(input),
    enabled: allowed && !badRange,
    placeholderData: keepPreviousData,
  });

  if (!allowed) return <ErrorState title="Not allowed" message="Your role may not read the audit log." />;
  const filtered = Object.entries(state).some(([k, v]) => k !== "page" && v);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in the registry: who, when, what, and the record before and after. Entries cannot be edited or deleted."
        actions={!badRange ? <ExportMenu endpoint="/api/export/audit" what="audit entries" total={query.data?.total} dated={false} /> : null}
      />
      <Card>
        <div className="grid grid-cols-2 gap-3 border-b border-slate-100 p-4 md:grid-cols-3 xl:grid-cols-6" role="search">
          <Filter label="Actor">
            <select className={inputClass(false)} value={state.actor} onChange={(e) => update({ actor: e.target.value })}>
              <option value="">Anyone</option>
              {facets.data?.actors.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </Filter>
          <Filter label="Action">
            <select className={inputClass(false)} value={state.action} onChange={(e) => update({ action: e.target.value })}>
              <option value="">Any action</option>
              {byWords(facets.data?.actions, auditActionLabel).map((a) => (
                <option key={a} value={a}>
                  {auditActionLabel(a)}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label="Record type">
            <select className={inputClass(false)} value={state.entityType} onChange={(e) => update({ entityType: e.target.value })}>
              <option value="">Any record</option>
              {byWords(facets.data?.entityTypes, entityTypeLabel).map((a) => (
                <option key={a} value={a}>
                  {entityTypeLabel(a)}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label="Record id">
            <input className={inputClass(false)} value={state.entityId} onChange={(e) => update({ entityId: e.target.value.trim() })} placeholder="e.g. acme-gmbh" />
          </Filter>
          <Filter label="From (UTC)">
            <input type="date" className={inputClass(badRange)} value={state.from} onChange={(e) => update({ from: e.target.value })} />
          </Filter>
          <Filter label="To (UTC)">
            <input type="date" className={inputClass(badRange)} value={state.to} onChange={(e) => update({ to: e.target.value })} />
          </Filter>
        </div>
        {badRange ? (
          <div className="p-4">
            <ErrorState title="Check the date range" message="The “from” date is after the “to” date." />
          </div>
        ) : query.isError ? (
          <div className="p-4">
            <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
          </div>
        ) : query.isPending ? (
          <TableSkeleton rows={6} columns={3} />
        ) : query.data.items.length === 0 ? (
          <EmptyState
            title={filtered ? "No entries match these filters" : "The audit log is empty"}
            action={
              filtered ? (
                <button type="button" className="text-sm font-medium text-indigo-600" onClick={() => update({ actor: "", action: "", entityType: "", entityId: "", from: "", to: "" })}>
                  Clear filters
                </button>
              ) : null
            }
          />
        ) : (
          <ol className={query.isPlaceholderData ? "divide-y divide-slate-100 opacity-60" : "divide-y divide-slate-100"} aria-label="Audit entries">
            {query.data.items.map((row) => (
              <AuditEntry key={row.id} row={row} showEntity />
            ))}
          </ol>
        )}
        {query.data && query.data.total > 0 && !badRange ? (
          <Pagination page={page} pageSize={query.data.pageSize} total={query.data.total} noun="entries" onPage={(p) => update({ page: String(p) }, { resetPage: false })} />
        ) : null}
      </Card>
    </>
  );
}

function Filter({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
      {label}
      {children}
    </label>
  );
}
