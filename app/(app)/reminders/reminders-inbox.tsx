"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AsOfLink, withAsOf } from "@/app/_components/as-of";
import { useState } from "react";
import { REMINDER_KIND_LABELS } from "@/app/_components/labels";
import { REMINDER_KIND_CODES, REMINDER_LIST_DEFAULTS, reminderListInput } from "@/app/_components/list-inputs";
import { useCan } from "@/app/_components/session";
import { useToast } from "@/app/_components/toast";
import { useUrlState } from "@/app/_components/use-url-state";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader, PageHeader } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { FilterSelect } from "@/app/_components/ui/filters";
import { inputClass } from "@/app/_components/ui/field";
import { EmptyState, ErrorState, Notice, TableSkeleton } from "@/app/_components/ui/states";
import { Pagination, Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { describeDaysLeft, MAX_HORIZON_DAYS, MIN_HORIZON_DAYS, REMINDER_KIND_PASSED, reminderRecordPath } from "@/server/domain/reminders";

export function RemindersInbox() {
  const trpc = useTRPC();
  const [state, update] = useUrlState(REMINDER_LIST_DEFAULTS);
  const input = reminderListInput(state);
  const query = useQuery({ ...trpc.reminders.list.queryOptions(input), placeholderData: keepPreviousData });
  const data = query.data;

  return (
    <>
      <PageHeader
        title="Reminders"
        description={
          <>
            What falls due within your horizon{data ? ` of ${data.horizonDays} days` : ""}
            {input.asOf ? (
              <>
                {" "}
                from <strong>{input.asOf}</strong>
              </>
            ) : null}
            : safeguards that end, DPF List checks, TIA reviews and adequacy decisions&rsquo; last days. Overdue checks stay until they are done, overdue
            TIA reviews for a year; days that have passed stay for 30 days.
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <div className="flex flex-wrap items-end gap-x-6 gap-y-3 border-b border-slate-100 p-4">
            <div role="search" className="w-full sm:w-64">
            <FilterSelect label="Kind" value={state.kind} onChange={(kind) => update({ kind })}>
              <option value="">All kinds{data ? ` (${Object.values(data.byKind).reduce((a, b) => a + (b ?? 0), 0)})` : ""}</option>
              {REMINDER_KIND_CODES.map((k) => (
                <option key={k} value={k}>
                  {REMINDER_KIND_LABELS[k]}
                  {data ? ` (${data.byKind[k] ?? 0})` : ""}
                </option>
              ))}
            </FilterSelect>
            </div>
            <HorizonSetting />
            {data ? (
              <p className="text-sm text-slate-600 sm:ml-auto" aria-live="polite">
                <span className={cn(data.overdue > 0 && "font-semibold text-red-700")}>{data.overdue} overdue</span> · {data.total} event{data.total === 1 ? "" : "s"}
                {state.kind ? " of this kind" : ""}
              </p>
            ) : null}
          </div>
          {query.isError ? (
            <div className="p-4">
              <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
            </div>
          ) : query.isPending ? (
            <TableSkeleton rows={6} columns={4} />
          ) : query.data.items.length === 0 ? (
            <EmptyState
              title={state.kind ? "Nothing of this kind falls due" : "Nothing falls due within your horizon"}
              action={
                state.kind ? (
                  <button type="button" className="text-sm font-medium text-indigo-700" onClick={() => update({ kind: "" })}>
                    Show every kind
                  </button>
                ) : null
              }
            >
              A longer horizon shows events further ahead.
            </EmptyState>
          ) : (
            <div className={cn(query.isPlaceholderData && "opacity-60")}>
              <Table label="Reminders" stacked>
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Date</Th>
                    <Th>Concerns</Th>
                    <Th>Why it matters</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 bg-white">
                  {query.data.items.map((e) => {
                    const late = e.daysLeft < 0 && REMINDER_KIND_PASSED[e.kind] === "overdue";
                    return (
                      <tr key={e.uid}>
                        <Td label="Date" className="whitespace-nowrap">
                          <span className="font-medium text-slate-900">{e.date}</span>
                          <div className={cn("text-xs", late ? "font-semibold text-red-700" : e.daysLeft < 0 ? "text-slate-500" : "text-slate-600")}>{describeDaysLeft(e.kind, e.daysLeft)}</div>
                        </Td>
                        <Td label="Concerns">
                          <Badge tone={late ? "red" : e.kind === "dpf_check" || e.kind === "tia_review" ? "amber" : "slate"}>{REMINDER_KIND_LABELS[e.kind]}</Badge>
                          <div className="mt-1">
                            <AsOfLink href={withAsOf(reminderRecordPath(e.record), input.asOf)} className="font-medium text-indigo-700 hover:underline">
                              {e.record.title}
                            </AsOfLink>
                          </div>
                        </Td>
                        <Td label="Why it matters">
                          <p className="max-w-2xl text-sm text-slate-600">{e.why}</p>
                        </Td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            </div>
          )}
          {data && data.total > 0 ? (
            <Pagination page={input.page} pageSize={data.pageSize} total={data.total} noun="events" onPage={(p) => update({ page: String(p) }, { resetPage: false })} />
          ) : null}
        </Card>
        <CalendarFeed />
      </div>
    </>
  );
}

function HorizonSetting() {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const toast = useToast();
  const settings = useQuery(trpc.reminders.settings.queryOptions());
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.reminders.setHorizon.mutationOptions({
      onSuccess: async (s) => {
        setDraft(null);
        toast(`Horizon set to ${s.horizonDays} days.`);
        await queryClient.invalidateQueries({ queryKey: trpc.reminders.pathKey() });
      },
      onError: (e) => setError(e.message),
    }),
  );
  const allowed = can("reminders.configure");
  const value = draft ?? String(settings.data?.horizonDays ?? "");

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const days = Number(value);
    if (!/^\d+$/.test(value.trim()) || days < MIN_HORIZON_DAYS || days > MAX_HORIZON_DAYS) {
      setError(`Enter a whole number of days from ${MIN_HORIZON_DAYS} to ${MAX_HORIZON_DAYS}.`);
      return;
    }
    setError(null);
    save.mutate({ horizonDays: days });
  }

  if (settings.isError) return <p className="text-sm text-red-700">Could not load your horizon: {settings.error.message}</p>;
  if (!allowed) {
    return <p className="text-sm text-slate-600">Horizon: {settings.data ? `${settings.data.horizonDays} days` : "…"} (your role keeps the default).</p>;
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2" aria-label="Horizon">
      <div className="w-28">
        <label htmlFor="horizon-days" className="block text-xs font-medium text-slate-500">
          Days ahead
        </label>
        <input
          id="horizon-days"
          type="number"
          inputMode="numeric"
          min={MIN_HORIZON_DAYS}
          max={MAX_HORIZON_DAYS}
          className={cn(inputClass(Boolean(error)), "mt-1")}
          value={value}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "horizon-error horizon-hint" : "horizon-hint"}
        />
      </div>
      <Button type="submit" variant="secondary" loading={save.isPending} disabled={draft === null || draft === String(settings.data?.horizonDays)}>
        Save horizon
      </Button>
      <p id="horizon-hint" className="sr-only">
        Your horizon for the inbox, the overview and your calendar feed: from {MIN_HORIZON_DAYS} to {MAX_HORIZON_DAYS} days; the default is {settings.data?.defaultHorizonDays ?? 90}.
      </p>
      {error ? (
        <p id="horizon-error" role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function CalendarFeed() {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const toast = useToast();
  const settings = useQuery(trpc.reminders.settings.queryOptions());
  const [shownUrl, setShownUrl] = useState<string | null>(null);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.reminders.settings.queryKey() });
  const onIssued = async (r: { path: string }) => {
    setShownUrl(`${window.location.origin}${r.path}`);
    await refresh();
  };
  const create = useMutation(trpc.reminders.createFeed.mutationOptions({ onSuccess: onIssued }));
  const rotate = useMutation(trpc.reminders.rotateFeed.mutationOptions({ onSuccess: onIssued }));
  const revoke = useMutation(
    trpc.reminders.revokeFeed.mutationOptions({
      onSuccess: async () => {
        setShownUrl(null);
        setConfirmRevoke(false);
        toast("Calendar feed revoked: its address no longer works.");
        await refresh();
      },
    }),
  );
  const failed = create.error ?? rotate.error ?? revoke.error;
  const feed = settings.data?.feed ?? null;

  async function copy() {
    if (!shownUrl) return;
    try {
      await navigator.clipboard.writeText(shownUrl);
      toast("Feed address copied.");
    } catch {
      toast("Could not copy: select the address and copy it.");
    }
  }

  return (
    <Card>
      <CardHeader title="Calendar feed" description="Subscribe to the same events in your calendar app (iCalendar, .ics). Anyone with the address can read the feed: keep it private." />
      <div className="space-y-4 p-5">
        {settings.isError ? <ErrorState message={settings.error.message} onRetry={() => settings.refetch()} /> : null}
        {failed ? <ErrorState title="The feed was not changed" message={failed.message} /> : null}
        {!can("reminders.configure") ? (
          <p className="text-sm text-slate-600">Your role changes nothing, so it has no calendar feed.</p>
        ) : settings.isPending ? (
          <p className="text-sm text-slate-500">Loading…</p>
        ) : (
          <>
            {shownUrl ? (
              <Notice tone="success">
                <p className="font-medium">Copy your feed address now: it is shown only once.</p>
                <label htmlFor="feed-url" className="mt-2 block text-xs font-medium text-slate-700">
                  Feed address
                </label>
                <div className="mt-1 flex gap-2">
                  <input id="feed-url" readOnly className={inputClass(false, "font-mono text-xs")} value={shownUrl} onFocus={(e) => e.target.select()} />
                  <Button variant="secondary" size="sm" className="h-auto" onClick={copy}>
                    Copy
                  </Button>
                </div>
              </Notice>
            ) : null}
            {feed ? (
              <>
                <p className="text-sm text-slate-700">
                  Feed active since {feed.createdAt.slice(0, 10)}
                  {feed.rotatedAt ? `, address last changed ${feed.rotatedAt.slice(0, 10)}` : ""}. {shownUrl ? "" : "The address cannot be shown again; rotate it to get a new one."}
                </p>
                <div className="flex flex-wrap gap-2">
                  <Button variant="secondary" loading={rotate.isPending} onClick={() => rotate.mutate()}>
                    Rotate address
                  </Button>
                  {confirmRevoke ? (
                    <>
                      <Button variant="danger" loading={revoke.isPending} onClick={() => revoke.mutate()}>
                        Yes, revoke the feed
                      </Button>
                      <Button variant="ghost" onClick={() => setConfirmRevoke(false)}>
                        Keep it
                      </Button>
                    </>
                  ) : (
                    <Button variant="danger" onClick={() => setConfirmRevoke(true)}>
                      Revoke feed
                    </Button>
                  )}
                </div>
                <p className="text-xs text-slate-500">Rotating gives a new address and stops the old one; revoking stops the feed.</p>
              </>
            ) : (
              <>
                <p className="text-sm text-slate-700">You have no calendar feed.</p>
                <Button loading={create.isPending} onClick={() => create.mutate()}>
                  Create feed address
                </Button>
              </>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
