"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowRight, Wrench } from "lucide-react";
import { AsOfLink, withAsOf } from "@/app/_components/as-of";
import { useState } from "react";
import { ExportMenu } from "@/app/_components/export-menu";
import { PartyPicker } from "@/app/_components/pickers";
import { useCan, useSession } from "@/app/_components/session";
import { IssueBadge } from "@/app/_components/status-badge";
import { useUrlState } from "@/app/_components/use-url-state";
import { Badge } from "@/app/_components/ui/badge";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { FilterSelect } from "@/app/_components/ui/filters";
import { EmptyState, ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { Pagination } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { COUNTRIES, countryName } from "@/server/countries";
import { FLAG_CODES, type FlagState, type RemedyAction } from "@/server/domain/flag-types";
import { FLAG_CODE_LABELS, FLAG_STATE_LABELS, ISSUE_EXPLANATIONS, REGIME_LABELS } from "@/server/domain/labels";
import type { FlagListItem } from "@/server/services/flags";
import { FLAG_LIST_DEFAULTS, flagListInput } from "./flag-inputs";
import { FlagReview } from "./flag-review";

const FILTER_KEYS = ["severity", "regime", "country", "party", "code", "owner", "mine"] as const;

const STATE_TONE: Record<FlagState, "red" | "amber" | "green" | "violet"> = { open: "red", in_remediation: "amber", resolved: "green", risk_accepted: "violet" };

/** Where a remedy's button leads: the pre-filled safeguard form, the TIA form, the recipient's certifications or the transfer. */
export function remedyHref(flag: Pick<FlagListItem, "transferId" | "exporter" | "recipient">, action: RemedyAction): string {
  switch (action.kind) {
    case "safeguard": {
      const q = new URLSearchParams({ type: action.params.type, exporter: flag.exporter.id, recipient: flag.recipient.id, transfer: flag.transferId });
      if (action.params.version) q.set("version", action.params.version);
      if (action.params.module) q.set("module", String(action.params.module));
      if (action.params.ukAddendum) q.set("ukAddendum", "1");
      if (action.params.swissAdaptations) q.set("swissAdaptations", "1");
      return `/safeguards/new?${q.toString()}`;
    }
    case "tia":
      return `/transfers/${encodeURIComponent(flag.transferId)}?tia=new#tias`;
    case "certifications":
      return `/parties/${encodeURIComponent(flag.recipient.id)}#certifications`;
    case "edit_transfer":
      return `/transfers/${encodeURIComponent(flag.transferId)}/edit`;
    case "transfer":
      return `/transfers/${encodeURIComponent(flag.transferId)}`;
  }
}

/** "for 12 days", "since before 2015-01-01". */
function raisedFor(flag: FlagListItem): string {
  if (flag.state === "resolved") return "No longer raised";
  if (flag.raisedBeforeFloor) return `Raised since before ${flag.raisedSince}`;
  if (flag.daysRaised === 0) return `Raised since ${flag.raisedSince} (today)`;
  return `Raised since ${flag.raisedSince} (${flag.daysRaised === 1 ? "1 day" : `${flag.daysRaised.toLocaleString("en")} days`})`;
}

export function FlagList() {
  const trpc = useTRPC();
  const can = useCan();
  const session = useSession();
  const [state, update] = useUrlState(FLAG_LIST_DEFAULTS);
  const input = flagListInput(state);
  const asOf = input.asOf;
  const query = useQuery({ ...trpc.flag.list.queryOptions(input), placeholderData: keepPreviousData });
  const owners = useQuery(trpc.flag.owners.queryOptions({}));
  const filtered = FILTER_KEYS.some((k) => state[k]) || state.state !== "active";
  const mayReview = can("flag.review");

  return (
    <>
      <PageHeader
        title="Flags"
        actions={can("registry.export") ? <ExportMenu endpoint="/api/export/flags" what="flags" total={query.data?.total} /> : null}
        description={
          <>
            Transfers that are unsafeguarded, have a warning or an error, or will lack cover when they start, as of{" "}
            <span className="font-medium text-slate-700">{query.data?.asOf ?? asOf ?? "today"}</span>
            {asOf ? (
              <>
                {" "}
                (a what-if view with today&rsquo;s registry and decisions).{" "}
                <button type="button" className="font-medium text-indigo-700 hover:underline" onClick={() => update({ asOf: "" })}>
                  Back to today
                </button>
              </>
            ) : (
              "."
            )}
          </>
        }
      />
      <Card>
        <div className="grid grid-cols-2 gap-3 border-b border-slate-100 p-4 md:grid-cols-4" role="search" aria-label="Filter flags">
          <FilterSelect label="State" value={state.state} onChange={(v) => update({ state: v })}>
            <option value="active">Needs action</option>
            <option value="open">Open</option>
            <option value="in_remediation">In remediation</option>
            <option value="risk_accepted">Risk accepted</option>
            <option value="resolved">Resolved</option>
            <option value="all">All raised flags</option>
          </FilterSelect>
          <FilterSelect label="Severity" value={state.severity} onChange={(v) => update({ severity: v })}>
            <option value="">Errors and warnings</option>
            <option value="error">Errors</option>
            <option value="warning">Warnings</option>
          </FilterSelect>
          <FilterSelect label="Issue" value={state.code} onChange={(v) => update({ code: v })}>
            <option value="">Any issue</option>
            {FLAG_CODES.map((c) => (
              <option key={c} value={c}>
                {FLAG_CODE_LABELS[c]}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label="Owner" value={state.mine === "1" ? "__mine" : state.owner} onChange={(v) => (v === "__mine" ? update({ mine: "1", owner: "" }) : update({ owner: v, mine: "" }))}>
            <option value="">Anyone or nobody</option>
            {session.role === "procurement" || session.role === "dpo" ? <option value="__mine">My flags</option> : null}
            {(owners.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </FilterSelect>
          <PartyPicker variant="filter" label="Party (exporter or recipient)" placeholder="All parties" value={state.party} onChange={(party) => update({ party: party?.id ?? "" })} />
          <FilterSelect label="Destination" value={state.country} onChange={(v) => update({ country: v })}>
            <option value="">All destinations</option>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label="Regime" value={state.regime} onChange={(v) => update({ regime: v })}>
            <option value="">All regimes</option>
            <option value="EU">{REGIME_LABELS.EU}</option>
            <option value="UK">{REGIME_LABELS.UK}</option>
            <option value="CH">{REGIME_LABELS.CH}</option>
          </FilterSelect>
          <FilterSelect label="Sort by" value={state.sort} onChange={(v) => update({ sort: v })}>
            <option value="severity">Severity</option>
            <option value="due">Due date</option>
            <option value="transfer">Transfer</option>
          </FilterSelect>
        </div>

        {query.isError ? (
          <div className="p-4">
            <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
          </div>
        ) : query.isPending ? (
          <TableSkeleton columns={3} />
        ) : query.data.items.length === 0 ? (
          <EmptyState
            title={filtered ? "No flags match these filters" : "Nothing needs action"}
            action={
              filtered ? (
                <button
                  type="button"
                  className="text-sm font-medium text-indigo-700 hover:text-indigo-500"
                  onClick={() => update({ severity: "", regime: "", country: "", party: "", code: "", owner: "", mine: "", state: "active" })}
                >
                  Clear filters
                </button>
              ) : null
            }
          >
            {filtered ? "Try another state or remove a filter." : "No transfer is unsafeguarded, has a warning or an error, or will start without cover on this date."}
          </EmptyState>
        ) : (
          <ul aria-label="Flags" aria-busy={query.isFetching} className={query.isPlaceholderData ? "divide-y divide-slate-100 opacity-60" : "divide-y divide-slate-100"}>
            {query.data.items.map((flag) => (
              <FlagItem key={`${flag.transferId}|${flag.code}`} flag={flag} asOf={asOf} mayReview={mayReview} mayRemedy={can("safeguard.create") && can("tia.manage")} />
            ))}
          </ul>
        )}
        {query.data && query.data.total > 0 ? (
          <Pagination page={input.page} pageSize={query.data.pageSize} total={query.data.total} noun="flags" onPage={(p) => update({ page: String(p) }, { resetPage: false })} />
        ) : null}
      </Card>
    </>
  );
}

function FlagItem({ flag, asOf, mayReview, mayRemedy }: { flag: FlagListItem; asOf: string | undefined; mayReview: boolean; mayRemedy: boolean }) {
  const [open, setOpen] = useState(false);
  const label = FLAG_CODE_LABELS[flag.code];
  const explanation = flag.code === "unsafeguarded" ? undefined : ISSUE_EXPLANATIONS[flag.code];
  const transferHref = withAsOf(`/transfers/${encodeURIComponent(flag.transferId)}`, asOf);
  const remedyOpensForm = flag.remedy.action.kind === "safeguard" || flag.remedy.action.kind === "tia" || flag.remedy.action.kind === "edit_transfer";
  return (
    <li className="px-4 py-4 sm:px-5" data-flag={`${flag.transferId}|${flag.code}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <IssueBadge code={flag.code === "unsafeguarded" ? "unsafeguarded" : flag.code} severity={flag.severity} />
            <Badge tone={STATE_TONE[flag.state]}>{FLAG_STATE_LABELS[flag.state]}</Badge>
            {flag.commentCount > 0 ? <span className="text-xs text-slate-500">{flag.commentCount === 1 ? "1 comment" : `${flag.commentCount} comments`}</span> : null}
          </div>
          <h2 className="text-sm font-semibold text-slate-900">
            <span className="sr-only">{label}: </span>
            <AsOfLink href={transferHref} className="text-indigo-700 hover:text-indigo-900 hover:underline">
              {flag.exporter.name}
              <ArrowRight className="mx-1 inline size-3.5" aria-hidden />
              <span className="sr-only"> to </span>
              {flag.recipient.name}
            </AsOfLink>
          </h2>
          <p className="text-xs text-slate-600">
            {countryName(flag.destination)}
            {flag.regime ? ` · ${REGIME_LABELS[flag.regime]}` : ""} · {raisedFor(flag)}
            {flag.owner ? ` · Owner: ${flag.owner.name}` : ""}
            {flag.dueDate ? ` · Due ${flag.dueDate}` : ""}
            {flag.state === "risk_accepted" && flag.rereviewDate ? ` · Re-review on ${flag.rereviewDate}` : ""}
          </p>
          <p className="text-sm text-slate-700">{flag.message}</p>
          {explanation ? <p className="text-xs text-slate-500">{explanation}</p> : null}
        </div>
      </div>
      {flag.state !== "resolved" ? (
        <div className="mt-3 flex flex-col items-start gap-2 rounded-md bg-slate-50 px-3 py-2 sm:flex-row sm:items-center sm:gap-3">
          <Wrench className="hidden size-4 shrink-0 text-slate-500 sm:block" aria-hidden />
          <p className="min-w-0 flex-1 text-sm text-slate-800">
            <span className="font-medium">Suggested remedy: </span>
            {flag.remedy.text}
          </p>
          {mayRemedy || !remedyOpensForm ? (
            <ButtonLink href={withAsOf(remedyHref(flag, flag.remedy.action), asOf)} size="sm" variant="secondary" aria-label={`${flag.remedy.actionLabel}: ${flag.exporter.name} to ${flag.recipient.name}`}>
              {flag.remedy.actionLabel}
            </ButtonLink>
          ) : null}
        </div>
      ) : null}
      <button
        type="button"
        className="mt-2 text-sm font-medium text-indigo-700 hover:underline"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? "Hide details" : mayReview ? "Details and review" : "Details"}
      </button>
      {open ? (
        <div className="mt-3 space-y-4">
          <div>
            <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Reasons</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
              {flag.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
            {flag.citations.length ? (
              <>
                <h3 className="mt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">Citations</h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {flag.citations.map((c, i) => (
                    <li key={i}>
                      {c.uri ? (
                        <a href={c.uri} className="text-indigo-700 hover:underline" target="_blank" rel="noreferrer">
                          {c.citation}
                        </a>
                      ) : (
                        c.citation
                      )}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
          <FlagReview flag={flag} mayReview={mayReview} />
        </div>
      ) : null}
    </li>
  );
}
