"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRight, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { AsOfLink, useAsOfRouter } from "@/app/_components/as-of";
import { kbSummary } from "@/app/_components/kb-labels";
import { useCan } from "@/app/_components/session";
import { StatusBadge } from "@/app/_components/status-badge";
import { useToast } from "@/app/_components/toast";
import { useUrlState } from "@/app/_components/use-url-state";
import { Badge } from "@/app/_components/ui/badge";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Card, CardHeader, PageHeader } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { FilterSelect } from "@/app/_components/ui/filters";
import { EmptyState, ErrorState, Notice, TableSkeleton } from "@/app/_components/ui/states";
import { Pagination, Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { countryName } from "@/server/countries";
import { FRAMEWORK_LABELS, REGIME_LABELS, SCENARIO_CHANGE_LABELS } from "@/server/domain/labels";
import type { ScenarioChange } from "@/server/domain/scenarios";
import { RESULT_FILTERS as FILTERS, runInput } from "../scenario-inputs";

const RESULT_DEFAULTS = { filter: "all", page: "1" };
/** One change in words, with the names of what it is about. */
function ChangeText({ change }: { change: ScenarioChange }) {
  const trpc = useTRPC();
  const entry = useQuery({ ...trpc.kb.byId.queryOptions({ id: change.kind === "kb_entry_ends" ? change.entryId : "" }), enabled: change.kind === "kb_entry_ends" });
  const party = useQuery({ ...trpc.party.byIds.queryOptions({ ids: change.kind === "certification_lapses" ? [change.partyId] : [] }), enabled: change.kind === "certification_lapses" });
  const safeguard = useQuery({ ...trpc.safeguard.byIds.queryOptions({ ids: change.kind === "safeguard_ends" ? [change.safeguardId] : [] }), enabled: change.kind === "safeguard_ends" });
  switch (change.kind) {
    case "kb_entry_ends": {
      const e = entry.data?.entry;
      const title = !e ? change.entryId : e.kind === "adequacy" ? `The ${REGIME_LABELS[e.regime] ?? e.regime} adequacy decision for ${e.destinationName} (${e.instrument})` : kbSummary(e).title;
      return (
        <>
          <strong>{title}</strong> no longer applies from <strong>{change.invalidFrom}</strong>.
        </>
      );
    }
    case "new_adequacy":
      return (
        <>
          A new {REGIME_LABELS[change.regime]} adequacy decision for <strong>{change.countryName}</strong> applies from <strong>{change.from}</strong>.
        </>
      );
    case "certification_lapses":
      return (
        <>
          The {change.framework ? FRAMEWORK_LABELS[change.framework] : "US framework"} certification{change.framework ? "" : "s"} of <strong>{party.data?.[0]?.name ?? change.partyId}</strong> no longer
          appl{change.framework ? "ies" : "y"} from <strong>{change.invalidFrom}</strong>.
        </>
      );
    case "safeguard_ends":
      return (
        <>
          <strong>{safeguard.data?.[0]?.title ?? change.safeguardId}</strong> no longer applies from <strong>{change.invalidFrom}</strong>.
        </>
      );
  }
}

export function ScenarioDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const can = useCan();
  const router = useAsOfRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [state, update] = useUrlState(RESULT_DEFAULTS);
  const [confirming, setConfirming] = useState(false);
  const scenario = useQuery(trpc.scenario.byId.queryOptions({ id }));
  const input = runInput(id, state);
  const run = useQuery({ ...trpc.scenario.run.queryOptions(input), placeholderData: keepPreviousData });
  const remove = useMutation(
    trpc.scenario.delete.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.scenario.pathKey() });
        toast("Scenario deleted.");
        router.push("/scenarios");
      },
    }),
  );

  if (scenario.isPending) return <TableSkeleton rows={6} columns={3} />;
  if (scenario.isError) return <ErrorState message={scenario.error.message} onRetry={() => scenario.refetch()} />;
  const s = scenario.data;

  return (
    <>
      <PageHeader
        breadcrumb={
          <AsOfLink href="/scenarios" className="hover:text-slate-700">
            What-if scenarios
          </AsOfLink>
        }
        title={s.name}
        description={s.description ?? undefined}
        actions={
          can("scenario.manage") ? (
            <>
              <ButtonLink href={`/scenarios/${s.id}/edit`} variant="secondary">
                <Pencil className="size-4" aria-hidden />
                Edit
              </ButtonLink>
              {confirming ? (
                <>
                  <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate({ id: s.id, version: s.version })}>
                    Delete for good
                  </Button>
                  <Button variant="ghost" onClick={() => setConfirming(false)}>
                    Keep it
                  </Button>
                </>
              ) : (
                <Button variant="danger" onClick={() => setConfirming(true)}>
                  <Trash2 className="size-4" aria-hidden />
                  Delete
                </Button>
              )}
            </>
          ) : null
        }
      />
      {remove.isError ? (
        <div className="mb-6">
          <ErrorState title="Could not delete" message={remove.error.message} />
        </div>
      ) : null}

      <div className="space-y-6">
        <Card>
          <CardHeader title="What changes" description={`Evaluated as of ${s.asOf}, against a copy of the knowledge base and the registry; nothing real changes.`} />
          <ol className="list-decimal space-y-1.5 py-4 pr-5 pl-10 text-sm text-slate-800">
            {s.changes.map((c, i) => (
              <li key={i}>
                <span className="sr-only">{SCENARIO_CHANGE_LABELS[c.kind]}: </span>
                <ChangeText change={c} />
              </li>
            ))}
          </ol>
        </Card>

        <Card>
          <CardHeader
            title="Transfers whose status would change"
            description={
              run.data
                ? `As of ${run.data.asOf}: ${run.data.changed} of the ${run.data.evaluated} transfers the changes can affect would change status; ${run.data.needsAction} need action, ${run.data.withFallback} already have a fallback safeguard. "Today" is the registry's real status on ${run.data.today}.`
                : undefined
            }
          />
          <div className="border-b border-slate-100 p-4" role="search">
            <FilterSelect label="Show" value={state.filter} onChange={(filter) => update({ filter })}>
              {Object.entries(FILTERS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </FilterSelect>
          </div>
          {run.isError ? (
            <ErrorState message={run.error.message} onRetry={() => run.refetch()} />
          ) : run.isPending ? (
            <TableSkeleton rows={5} columns={5} />
          ) : (
            <>
              {run.data.problems.length ? (
                <div className="p-4">
                  <Notice tone="warning">{run.data.problems.map((p) => `Change ${p.index + 1}: ${p.message}`).join(" ")}</Notice>
                </div>
              ) : null}
              {run.data.total === 0 ? (
                <EmptyState title={run.data.changed === 0 ? "No transfer would change status" : "No transfer matches this filter"}>
                  {run.data.changed === 0 ? `On ${run.data.asOf}, every transfer keeps its status under this scenario.` : "Choose another filter."}
                </EmptyState>
              ) : (
                <div className={cn(run.isPlaceholderData && "opacity-60")}>
                  <Table label="Transfers whose status would change" stacked>
                    <thead className="bg-slate-50">
                      <tr>
                        <Th>Transfer</Th>
                        <Th>Today</Th>
                        <Th>As of {run.data.asOf}</Th>
                        <Th>Fallback</Th>
                        <Th>Action</Th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100 bg-white">
                      {run.data.items.map((t) => (
                        <tr key={t.id}>
                          <Td>
                            <AsOfLink href={`/transfers/${t.id}`} className="font-medium text-indigo-700 hover:underline">
                              {t.exporter.name} → {t.recipient.name}
                            </AsOfLink>
                            <div className="text-xs text-slate-500">
                              to {countryName(t.destination)} · <span className="font-mono">{t.id}</span>
                            </div>
                            {t.reason ? <p className="mt-1 max-w-xl text-xs text-slate-600">{t.reason}</p> : null}
                          </Td>
                          <Td label="Today">{t.today ? <StatusBadge status={t.today} /> : <span className="text-xs text-slate-500">—</span>}</Td>
                          <Td label={`As of ${run.data.asOf}`}>
                            <span className="flex flex-wrap items-center gap-1.5" aria-label={`Without the changes ${t.before}, with them ${t.after}`}>
                              <StatusBadge status={t.before} />
                              <ArrowRight className="size-3.5 text-slate-500" aria-hidden />
                              <span data-scenario-after>
                                <StatusBadge status={t.after} />
                              </span>
                            </span>
                          </Td>
                          <Td label="Fallback" className="text-xs">
                            {t.fallback.length ? (
                              t.fallback.map((f) => (
                                <div key={f.ref}>
                                  <AsOfLink href={`/safeguards/${f.ref}`} className="text-indigo-700 hover:underline">
                                    {f.title}
                                  </AsOfLink>
                                </div>
                              ))
                            ) : (
                              <span className="text-slate-500">None</span>
                            )}
                          </Td>
                          <Td label="Action">{t.needsAction ? <Badge tone="red">Needs action</Badge> : <Badge tone="green">Covered</Badge>}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                </div>
              )}
              {run.data.total > 0 ? (
                <Pagination page={input.page} pageSize={run.data.pageSize} total={run.data.total} noun="transfers" onPage={(p) => update({ page: String(p) }, { resetPage: false })} />
              ) : null}
            </>
          )}
        </Card>
      </div>
    </>
  );
}
