"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowRight } from "lucide-react";
import { useEffect, useState } from "react";
import { StatusBadge } from "@/app/_components/status-badge";
import { useToast } from "@/app/_components/toast";
import { Button } from "@/app/_components/ui/button";
import { Dialog } from "@/app/_components/ui/dialog";
import { inputClass } from "@/app/_components/ui/field";
import { ErrorState, Notice } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import { countryName } from "@/server/countries";

/**
 * "Attach to transfers" on a safeguard's page: searches the live transfers between parties the safeguard
 * binds (20 at a time, on the server) and attaches it to one with a click. Each attach sends the version
 * of the transfer it listed, so a transfer edited meanwhile is refused (reload and try again) rather than
 * overwritten; the server audits it and re-evaluates the verdict in the same transaction.
 */
export function AttachTransfersDialog({ open, onClose, safeguardId, safeguardTitle }: { open: boolean; onClose: () => void; safeguardId: string; safeguardTitle: string }) {
  return (
    <Dialog open={open} onClose={onClose} size="lg" title="Attach to transfers" description={<>Transfers between parties that “{safeguardTitle}” binds, not yet relying on it.</>}>
      <AttachList safeguardId={safeguardId} onClose={onClose} />
    </Dialog>
  );
}

function AttachList({ safeguardId, onClose }: { safeguardId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const search = useInfiniteQuery({
    ...trpc.safeguard.attachable.infiniteQueryOptions({ safeguardId, q, limit: 20 }, { getNextPageParam: (last) => last.nextCursor }),
    placeholderData: keepPreviousData,
  });
  const [attached, setAttached] = useState<string[]>([]);
  const attach = useMutation(
    trpc.safeguard.attach.mutationOptions({
      onSuccess: async (result) => {
        setAttached((ids) => [...ids, ...result.attached.map((t) => t.id)]);
        toast(result.attached.length === 1 ? "Safeguard attached to the transfer." : `Safeguard attached to ${result.attached.length} transfers.`);
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.safeguard.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.transfer.pathKey() })]);
      },
    }),
  );
  const rows = search.data?.pages.flatMap((p) => p.items) ?? [];
  const bindsParties = search.data?.pages[0]?.bindsParties ?? true;
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="attach-search" className="block text-sm font-medium text-slate-800">
          Search the transfers
        </label>
        <input
          id="attach-search"
          type="search"
          className={`mt-1.5 ${inputClass(false)}`}
          placeholder="Party name, transfer id or country code…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="attach-search-hint"
        />
        <p id="attach-search-hint" className="mt-1 text-xs text-slate-500">
          {bindsParties ? "Only transfers whose exporter and recipient both are parties of this safeguard." : "This safeguard names no party: any live transfer can rely on it."}
        </p>
      </div>
      {attach.isError ? <ErrorState title="Could not attach" message={attach.error.message} onRetry={() => void search.refetch()} /> : null}
      {attached.length ? (
        <Notice tone="success">
          Attached to {attached.length === 1 ? "1 transfer" : `${attached.length} transfers`}: {attached.join(", ")}.
        </Notice>
      ) : null}
      <div aria-live="polite" aria-busy={search.isFetching || undefined}>
        {search.isPending ? (
          <p className="text-sm text-slate-500">Searching…</p>
        ) : search.isError ? (
          <ErrorState message={search.error.message} onRetry={() => void search.refetch()} />
        ) : rows.length === 0 ? (
          <p className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-600">
            {q ? `No transfer matching “${q}” can be attached.` : "No transfer left to attach: every live transfer between its parties already relies on it."}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Transfers it can be attached to">
            {rows.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <p className="text-sm font-medium text-slate-900">
                    {t.exporter.name} <ArrowRight className="inline size-3.5" aria-hidden />
                    <span className="sr-only"> to </span> {t.recipient.name}
                  </p>
                  <p className="text-xs text-slate-600">
                    {countryName(t.destination)} · since {t.start} · <span className="font-mono">{t.id}</span>
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <StatusBadge status={t.status} />
                  <Button
                    size="sm"
                    variant="secondary"
                    loading={attach.isPending && attach.variables?.transfers[0]?.id === t.id}
                    disabled={attach.isPending}
                    onClick={() => attach.mutate({ safeguardId, transfers: [{ id: t.id, version: t.version }] })}
                  >
                    Attach<span className="sr-only"> to {t.exporter.name} to {t.recipient.name} ({t.id})</span>
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {search.hasNextPage ? (
          <div className="mt-3 text-center">
            <Button variant="secondary" size="sm" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
              Show more
            </Button>
          </div>
        ) : null}
      </div>
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Done
        </Button>
      </div>
    </div>
  );
}
