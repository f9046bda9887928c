"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore, Pencil } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import { useState } from "react";
import { useToast } from "@/app/_components/toast";
import { ArchiveDialog } from "@/app/_components/archive-dialog";
import { HistoryCard } from "@/app/_components/history-card";
import { ccpaRoleLabel, formatDateTime, relationshipLabel } from "@/app/_components/party-labels";
import { useCan } from "@/app/_components/session";
import { Badge } from "@/app/_components/ui/badge";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Card, CardHeader, DetailItem, PageHeader } from "@/app/_components/ui/card";
import { ErrorState, Notice, TableSkeleton } from "@/app/_components/ui/states";
import { TabList } from "@/app/_components/ui/tabs";
import { useTRPC } from "@/app/_trpc/client";
import { PartyCertifications } from "../../transfers/_shared/party-certifications";
import { PartyTransfers, PartyWorstStatus } from "../../transfers/_shared/party-transfers";
import { countryName } from "@/server/countries";

type Tab = "overview" | "history";

const TABS = [
  { key: "overview", label: "Overview" },
  { key: "history", label: "History" },
] as const;

export function PartyDetailView({ id }: { id: string }) {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Tab>("overview");
  const [confirm, setConfirm] = useState(false);
  const party = useQuery(trpc.party.byId.queryOptions({ id }));
  const categories = useQuery(trpc.category.list.queryOptions());
  const history = useQuery({ ...trpc.party.history.queryOptions({ id }), enabled: tab === "history" });

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.party.pathKey() });
  const toast = useToast();
  // Archiving is undone by restoring, with the version the archive returned (a later edit makes the undo refuse, not overwrite).
  const archive = useMutation(
    trpc.party.archive.mutationOptions({
      onSuccess: (archived) => (
        setConfirm(false),
        toast("Party archived.", { action: { label: "Undo", onClick: () => restore.mutate({ id: archived.id, version: archived.version }) } }),
        refresh()
      ),
    }),
  );
  const restore = useMutation(
    trpc.party.restore.mutationOptions({ onSuccess: () => (toast("Party restored."), refresh()), onError: (error) => toast(`Could not restore the party: ${error.message}`) }),
  );

  if (party.isPending) return <TableSkeleton rows={6} columns={2} />;
  if (party.isError)
    return (
      <ErrorState
        title={party.error.data?.code === "NOT_FOUND" ? "Party not found" : "Could not load the party"}
        message={party.error.message}
        onRetry={party.error.data?.code === "NOT_FOUND" ? undefined : () => party.refetch()}
        action={
          party.error.data?.code === "NOT_FOUND" ? (
            <AsOfLink href="/parties" className="font-medium text-red-700 underline underline-offset-2 hover:text-red-900">
              Back to the parties
            </AsOfLink>
          ) : undefined
        }
      />
    );
  const p = party.data;
  const categoryLabel = (cid: string) => categories.data?.find((c) => c.id === cid)?.label ?? cid;
  const mayEdit = can("party.update");

  return (
    <>
      <PageHeader
        breadcrumb={
          <AsOfLink href="/parties" className="hover:text-slate-700">
            Parties
          </AsOfLink>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            {p.name}
            {p.archivedAt ? <Badge tone="amber">Archived</Badge> : <PartyWorstStatus partyId={p.id} />}
          </span>
        }
        description={
          <span>
            {relationshipLabel(p)} · established in {countryName(p.country)} · <span className="font-mono">{p.id}</span>
          </span>
        }
        actions={
          mayEdit ? (
            <>
              {!p.archivedAt ? (
                <ButtonLink href={`/parties/${p.id}/edit`} variant="secondary">
                  <Pencil className="size-4" aria-hidden />
                  Edit
                </ButtonLink>
              ) : null}
              {can("party.archive") ? (
                p.archivedAt ? (
                  <Button variant="secondary" loading={restore.isPending} onClick={() => restore.mutate({ id: p.id, version: p.version })}>
                    <ArchiveRestore className="size-4" aria-hidden />
                    Restore
                  </Button>
                ) : (
                  <Button variant="danger" onClick={() => setConfirm(true)}>
                    <Archive className="size-4" aria-hidden />
                    Archive
                  </Button>
                )
              ) : null}
            </>
          ) : null
        }
      />

      {p.archivedAt ? (
        <div className="mb-6">
          <Notice tone="warning">This party was archived on {formatDateTime(p.archivedAt)}. It is kept for the record and can be restored.</Notice>
        </div>
      ) : null}
      {restore.isError ? (
        <div className="mb-6">
          <ErrorState title="Could not restore" message={restore.error.message} />
        </div>
      ) : null}

      <TabList label="Party sections" tabs={TABS} selected={tab} onSelect={setTab} />

      {tab === "overview" ? (
        <div id="panel-overview" role="tabpanel" aria-labelledby="tab-overview" className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
          <PartyTransfers partyId={p.id} isAffiliate={p.relationship === "affiliate"} />
          <Card>
            <CardHeader title="Details" />
            <dl className="divide-y divide-slate-100 px-5">
              <DetailItem label="Legal name">{p.name}</DetailItem>
              <DetailItem label="Relationship">{relationshipLabel(p)}</DetailItem>
              <DetailItem label="Country of establishment">
                {countryName(p.country)} ({p.country})
              </DetailItem>
              <DetailItem label="Registration number">{p.registrationNumber ?? <Muted />}</DetailItem>
              <DetailItem label="Website">
                {p.website ? (
                  <a href={p.website} className="text-indigo-700 hover:underline" rel="noreferrer noopener" target="_blank">
                    {p.website}
                  </a>
                ) : (
                  <Muted />
                )}
              </DetailItem>
              <DetailItem label="Contact">
                {p.contactName || p.contactEmail ? (
                  <>
                    {p.contactName}
                    {p.contactEmail ? (
                      <a href={`mailto:${p.contactEmail}`} className="block text-indigo-700 hover:underline">
                        {p.contactEmail}
                      </a>
                    ) : null}
                  </>
                ) : (
                  <Muted />
                )}
              </DetailItem>
              <DetailItem label="Notes">{p.notes ? <p className="whitespace-pre-wrap">{p.notes}</p> : <Muted />}</DetailItem>
            </dl>
          </Card>
          </div>
          <div className="space-y-6">
            <PartyCertifications partyId={p.id} archived={Boolean(p.archivedAt)} />
            <Card>
              <CardHeader title="Processing locations" description="Where the data is stored, processed or accessed." />
              <ul className="flex flex-wrap gap-2 p-5" aria-label="Processing locations">
                {p.processingLocations.map((c) => (
                  <li key={c}>
                    <Badge tone="blue">
                      {countryName(c)} ({c})
                    </Badge>
                  </li>
                ))}
              </ul>
            </Card>
            <Card>
              <CardHeader title="Personal data received" />
              {p.dataCategories.length ? (
                <ul className="space-y-1 p-5 text-sm text-slate-700">
                  {p.dataCategories.map((c) => (
                    <li key={c}>{categoryLabel(c)}</li>
                  ))}
                </ul>
              ) : (
                <p className="p-5 text-sm text-slate-500">No categories recorded.</p>
              )}
            </Card>
            <Card>
              <CardHeader title="California (CCPA)" />
              <dl className="divide-y divide-slate-100 px-5">
                <DetailItem label="Role">{ccpaRoleLabel(p.ccpaRole)}</DetailItem>
                <DetailItem label="Sale">{p.ccpaSale ? "Yes" : "No"}</DetailItem>
                <DetailItem label="Sharing">{p.ccpaShare ? "Yes" : "No"}</DetailItem>
              </dl>
            </Card>
            <p className="text-xs text-slate-500">
              Version {p.version} · last changed {formatDateTime(p.updatedAt)}
            </p>
          </div>
        </div>
      ) : (
        <div id="panel-history" role="tabpanel" aria-labelledby="tab-history">
          <HistoryCard description="Every change to this party and its certifications, newest first, from the audit trail." history={history} />
        </div>
      )}

      <ArchiveDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title={`Archive ${p.name}?`}
        description="Archived parties are hidden from lists and pickers. Nothing is deleted; you can restore it at any time."
        noun="party"
        error={archive.error}
        pending={archive.isPending}
        onConfirm={() => archive.mutate({ id: p.id, version: p.version })}
      />
    </>
  );
}

function Muted() {
  return <span className="text-slate-500">Not recorded</span>;
}
