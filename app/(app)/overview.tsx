"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AsOfLink } from "@/app/_components/as-of";
import { FlagSummary } from "@/app/_components/flag-summary";
import { IssueBadge, STATUS_DESCRIPTIONS, STATUS_LABELS, StatusBadge } from "@/app/_components/status-badge";
import { issueLabel, REGIME_LABELS } from "@/app/_components/labels";
import { OVERVIEW_DEFAULTS, overviewInput } from "@/app/_components/list-inputs";
import { UpcomingEvents } from "@/app/_components/upcoming-events";
import { useUrlState } from "@/app/_components/use-url-state";
import { Card, CardHeader, PageHeader } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { EmptyState, ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { countryName } from "@/server/countries";
import { RegimeCounts } from "./_dashboard/regime-counts";
import { STATUSES, type Status } from "@/server/domain/rules/types";
import { RequestsDue } from "./requests-due";

const CARD_TONE: Record<Status, string> = {
  unsafeguarded: "border-red-200 bg-red-50/60",
  derogation: "border-amber-200 bg-amber-50/60",
  safeguarded: "border-indigo-200 bg-indigo-50/40",
  adequate: "border-emerald-200 bg-emerald-50/40",
  not_restricted: "border-slate-200 bg-white",
  inactive: "border-dashed border-slate-300 bg-white",
};


export function Overview() {
  const trpc = useTRPC();
  const [state] = useUrlState(OVERVIEW_DEFAULTS);
  const input = overviewInput(state);
  const query = useQuery({ ...trpc.dashboard.overview.queryOptions(input), placeholderData: keepPreviousData });

  const asOfLabel = query.data?.asOf;
  const whatIf = Boolean(input.asOf);
  // Links carry the as-of date through AsOfLink.
  const statusLink = (s: Status) => `/transfers?status=${s}`;

  return (
    <>
      <PageHeader
        title="Overview"
        description={
          whatIf ? (
            <span>
              Every transfer evaluated as of <strong>{input.asOf}</strong> with today&rsquo;s registry and knowledge base (change the date at the top of the page).
            </span>
          ) : (
            "Every transfer evaluated today against the knowledge base. Start with what is unsafeguarded."
          )
        }
      />
      {query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
      ) : query.isPending ? (
        <TableSkeleton rows={6} columns={4} />
      ) : (
        <div className={cn("space-y-6", query.isPlaceholderData && "opacity-60")}>
          <p className="text-xs text-slate-600">
            Knowledge base {query.data.knowledgeBase.version}
            {query.data.knowledgeBase.checkedUpTo ? `, checked up to ${query.data.knowledgeBase.checkedUpTo}` : ""}.
            {query.data.note ? ` ${query.data.note}` : ""}
          </p>
          <section aria-label={`Transfers by status as of ${asOfLabel}`} className="grid grid-cols-[repeat(auto-fill,minmax(9.5rem,1fr))] gap-3 sm:gap-4">
            {STATUSES.map((s) => (
              <AsOfLink key={s} href={statusLink(s)} className={cn("rounded-xl border p-4 shadow-sm transition hover:shadow-md", CARD_TONE[s])} title={STATUS_DESCRIPTIONS[s]}>
                <StatusBadge status={s} />
                <p className="mt-3 text-3xl font-semibold tracking-tight text-slate-900">{query.data.byStatus[s]}</p>
                <p className="mt-1 text-xs text-slate-700">{STATUS_LABELS[s].toLowerCase()} transfer{query.data.byStatus[s] === 1 ? "" : "s"}</p>
              </AsOfLink>
            ))}
          </section>

          <div className="grid gap-6 xl:grid-cols-3">
            <Card className="xl:col-span-2">
              <CardHeader
                title="Needs attention"
                description={`Unsafeguarded and derogation-based transfers, and transfers with warnings, as of ${asOfLabel}.`}
                actions={
                  <AsOfLink href="/transfers" className="text-sm font-medium text-indigo-700 hover:underline">
                    All transfers
                  </AsOfLink>
                }
              />
              {query.data.attention.length === 0 ? (
                <EmptyState title="Nothing needs attention">Every transfer is covered, with no warnings.</EmptyState>
              ) : (
                <Table label="Transfers that need attention" stacked>
                  <thead className="bg-slate-50">
                    <tr>
                      <Th>Transfer</Th>
                      <Th className="w-56">Status and issues</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100 bg-white">
                    {query.data.attention.map((t) => (
                      <tr key={t.id}>
                        <Td>
                          <AsOfLink href={`/transfers/${t.id}`} className="font-medium text-indigo-700 hover:underline">
                            {t.exporter.name} → {t.recipient.name}
                          </AsOfLink>
                          <div className="text-xs text-slate-500">
                            to {countryName(t.destination)} · {t.regime ? REGIME_LABELS[t.regime] : "no regime"}
                          </div>
                          {t.firstReason ? <p className="mt-1 max-w-2xl text-xs text-slate-600">{t.firstReason}</p> : null}
                        </Td>
                        <Td label="Status and issues">
                          {/* One narrow column, the badges one under the other (long issue names wrap), so that the
                              transfer and its reason keep most of the card's width. */}
                          <div className="flex flex-col items-start gap-1">
                            <StatusBadge status={t.status} />
                            {t.issues
                              .filter((i) => i.severity !== "info")
                              .map((i) => (
                                <IssueBadge key={i.code} code={i.code} severity={i.severity as "warning" | "error"} className="items-start whitespace-normal" />
                              ))}
                          </div>
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
              {query.data.attentionTotal > query.data.attention.length ? (
                <p className="border-t border-slate-100 px-5 py-3 text-sm text-slate-500">
                  and {query.data.attentionTotal - query.data.attention.length} more on the{" "}
                  <AsOfLink href={statusLink("unsafeguarded")} className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
                    transfers list
                  </AsOfLink>
                  .
                </p>
              ) : null}
            </Card>
            <div className="space-y-6">
              <RequestsDue />
              <FlagSummary asOf={input.asOf} />
              <UpcomingEvents />
              <Card>
                <CardHeader title="By status and regime" description="Whose transfer rules apply, from the exporter's country on that date." />
                <RegimeCounts byRegime={query.data.byRegime} />
              </Card>
              <Card>
                <CardHeader title="Issues" description="Warnings that do not change a status but need follow-up." />
                {Object.keys(query.data.byIssue).length === 0 ? (
                  <p className="p-5 text-sm text-slate-500">No issues.</p>
                ) : (
                  <ul className="divide-y divide-slate-100">
                    {Object.entries(query.data.byIssue)
                      .sort((a, b) => b[1] - a[1])
                      .map(([code, n]) => (
                        <li key={code} className="flex items-center justify-between px-5 py-2.5 text-sm">
                          <AsOfLink href={`/transfers?issue=${code}`} className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
                            {issueLabel(code)}
                          </AsOfLink>
                          <span className="font-medium text-slate-700">{n}</span>
                        </li>
                      ))}
                  </ul>
                )}
              </Card>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
