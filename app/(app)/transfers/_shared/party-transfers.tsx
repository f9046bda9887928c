"use client";

import { useQuery } from "@tanstack/react-query";
import { AsOfLink, useAsOf } from "@/app/_components/as-of";
import { useCan } from "@/app/_components/session";
import { StatusBadge } from "@/app/_components/status-badge";
import { Badge } from "@/app/_components/ui/badge";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { countryName } from "@/server/countries";
import type { PartyTransferItem } from "@/server/services/transfers";
import { roleArrow } from "./labels";

/** The party's worst live transfer status, for the party page header. */
export function PartyWorstStatus({ partyId }: { partyId: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.transfer.byParty.queryOptions({ partyId, asOf: useAsOf() }));
  if (!q.data) return null;
  return (
    <span className="inline-flex items-center gap-2" aria-label="Worst transfer status">
      <StatusBadge status={q.data.worstStatus} size="lg" />
    </span>
  );
}

/** "Showing the worst 50 of 1,234 — all of them in the transfers list" under a capped table. */
function MoreLink({ shown, total, href }: { shown: number; total: number; href: string }) {
  if (total <= shown) return null;
  return (
    <p className="px-5 py-2 text-sm text-slate-600">
      Showing the {shown} most urgent of {total.toLocaleString("en")}.{" "}
      <AsOfLink href={href} className="font-medium text-indigo-700 underline">
        See all {total.toLocaleString("en")} in the transfers list
      </AsOfLink>
    </p>
  );
}

function TransferTable({ label, items, counterpart }: { label: string; items: PartyTransferItem[]; counterpart: string }) {
  return (
    <Table label={label} stacked>
      <thead className="bg-slate-50">
        <tr>
          <Th>{counterpart}</Th>
          <Th>Destination</Th>
          <Th>Roles</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {items.map((t) => (
          <tr key={t.id}>
            <Td>
              <AsOfLink href={`/transfers/${t.id}`} className="font-medium text-indigo-700 hover:underline">
                {t.counterpart.name}
              </AsOfLink>
              <div className="font-mono text-xs text-slate-500">{t.id}</div>
            </Td>
            <Td label="Destination">{countryName(t.destination)}</Td>
            <Td label="Roles" className="text-xs whitespace-nowrap">{roleArrow(t.exporterRole, t.recipientRole)}</Td>
            <Td>
              {t.archivedAt ? <Badge tone="slate">Archived</Badge> : <StatusBadge status={t.status} />}
              {t.issueCount ? <div className="mt-1 text-xs text-amber-700">{t.issueCount === 1 ? "1 issue" : `${t.issueCount} issues`}</div> : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The party's transfers as exporter and as recipient, with their live status. */
export function PartyTransfers({ partyId, isAffiliate }: { partyId: string; isAffiliate: boolean }) {
  const trpc = useTRPC();
  const can = useCan();
  const q = useQuery(trpc.transfer.byParty.queryOptions({ partyId, asOf: useAsOf() }));
  return (
    <Card>
      <CardHeader
        title="Transfers"
        description={q.data ? `Status as of ${q.data.asOf}.` : undefined}
        actions={can("transfer.create") ? <ButtonLink href={`/transfers/new?${isAffiliate ? "exporter" : "recipient"}=${encodeURIComponent(partyId)}`} size="sm" variant="secondary">
              New transfer
            </ButtonLink> : null}
      />
      {q.isPending ? (
        <TableSkeleton rows={2} columns={4} />
      ) : q.isError ? (
        <div className="p-4">
          <ErrorState message={q.error.message} onRetry={() => q.refetch()} />
        </div>
      ) : (
        <div className="space-y-4 pb-2">
          {isAffiliate || q.data.asExporter.length ? (
            <section>
              <h3 className="px-5 pt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">As exporter</h3>
              {q.data.asExporter.length ? (
                <>
                  <TransferTable label="Transfers as exporter" items={q.data.asExporter} counterpart="Recipient" />
                  <MoreLink shown={q.data.asExporter.length} total={q.data.exporterTotal} href={`/transfers?exporter=${encodeURIComponent(partyId)}&archived=all`} />
                </>
              ) : (
                <p className="px-5 py-2 text-sm text-slate-500">This party exports no data.</p>
              )}
            </section>
          ) : null}
          <section>
            <h3 className="px-5 pt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">As recipient</h3>
            {q.data.asRecipient.length ? (
              <>
                <TransferTable label="Transfers as recipient" items={q.data.asRecipient} counterpart="Exporter" />
                <MoreLink shown={q.data.asRecipient.length} total={q.data.recipientTotal} href={`/transfers?recipient=${encodeURIComponent(partyId)}&archived=all`} />
              </>
            ) : (
              <p className="px-5 py-2 text-sm text-slate-500">This party receives no registered transfers.</p>
            )}
          </section>
        </div>
      )}
    </Card>
  );
}
