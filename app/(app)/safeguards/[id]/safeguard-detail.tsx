"use client";

import dynamic from "next/dynamic";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore, ArrowRight, Link2, Pencil } from "lucide-react";
import { AsOfLink, useAsOf } from "@/app/_components/as-of";
import { useState } from "react";
import { useToast } from "@/app/_components/toast";
import { ArchiveDialog } from "@/app/_components/archive-dialog";
import { HistoryCard } from "@/app/_components/history-card";
import { formatDateTime } from "@/app/_components/party-labels";
import { useCan } from "@/app/_components/session";
import { IssueBadge, StatusBadge } from "@/app/_components/status-badge";
import { Badge } from "@/app/_components/ui/badge";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Card, CardHeader, DetailItem, PageHeader } from "@/app/_components/ui/card";
import { TabList } from "@/app/_components/ui/tabs";
import { EmptyState, ErrorState, Notice, TableSkeleton } from "@/app/_components/ui/states";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { countryName } from "@/server/countries";
import {
  BCR_VARIANT_LABELS,
  DEROGATION_BASIS_LABELS,
  SAFEGUARD_TYPE_LABELS,
  SCC_MODULE_LABELS,
  SCC_VERSION_LABELS,
  type DerogationBasis,
  type SafeguardType,
  type SccVersion,
} from "@/server/domain/choices/safeguard-labels";
import { roleArrow } from "../../transfers/_shared/labels";
import { SafeguardDocuments } from "./safeguard-documents";

// Loaded when "Attach to transfers" is first used, not with the page.
const AttachTransfersDialog = dynamic(() => import("./attach-transfers-dialog").then((m) => m.AttachTransfersDialog), { ssr: false });

type Tab = "overview" | "history";

const TABS = [
  { key: "overview", label: "Overview" },
  { key: "history", label: "History" },
] as const;

export function SafeguardDetailView({ id }: { id: string }) {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Tab>("overview");
  const [confirm, setConfirm] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const sg = useQuery(trpc.safeguard.byId.queryOptions({ id, asOf: useAsOf() }));
  const history = useQuery({ ...trpc.safeguard.history.queryOptions({ id }), enabled: tab === "history" });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.safeguard.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.transfer.pathKey() })]);
  const toast = useToast();
  // Archiving is undone by restoring, with the version the archive returned (a later edit makes the undo refuse, not overwrite).
  const archive = useMutation(
    trpc.safeguard.archive.mutationOptions({
      onSuccess: (archived) => (
        setConfirm(false),
        toast("Safeguard archived.", { action: { label: "Undo", onClick: () => restore.mutate({ id: archived.id, version: archived.version }) } }),
        refresh()
      ),
    }),
  );
  const restore = useMutation(
    trpc.safeguard.restore.mutationOptions({ onSuccess: () => (toast("Safeguard restored."), refresh()), onError: (error) => toast(`Could not restore the safeguard: ${error.message}`) }),
  );

  if (sg.isPending) return <TableSkeleton rows={6} columns={2} />;
  if (sg.isError)
    return (
      <ErrorState
        title={sg.error.data?.code === "NOT_FOUND" ? "Safeguard not found" : "Could not load the safeguard"}
        message={sg.error.message}
        onRetry={sg.error.data?.code === "NOT_FOUND" ? undefined : () => sg.refetch()}
        action={
          sg.error.data?.code === "NOT_FOUND" ? (
            <AsOfLink href="/safeguards" className="font-medium text-red-700 underline underline-offset-2 hover:text-red-900">
              Back to the safeguards
            </AsOfLink>
          ) : undefined
        }
      />
    );
  const s = sg.data;
  const type = s.type as SafeguardType;
  const yesNo = (b: boolean) => (b ? "Yes" : "No");
  const none = <span className="text-slate-500">Not recorded</span>;

  return (
    <>
      <PageHeader
        breadcrumb={
          <AsOfLink href="/safeguards" className="hover:text-slate-700">
            Safeguards
          </AsOfLink>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            {s.title}
            {s.archivedAt ? <Badge tone="amber">Archived</Badge> : null}
          </span>
        }
        description={
          <span>
            {SAFEGUARD_TYPE_LABELS[type] ?? s.type} · <span className="font-mono">{s.id}</span>
          </span>
        }
        actions={
          can("safeguard.update") ? (
            <>
              {!s.archivedAt ? (
                <ButtonLink href={`/safeguards/${s.id}/edit`} variant="secondary">
                  <Pencil className="size-4" aria-hidden />
                  Edit
                </ButtonLink>
              ) : null}
              {can("safeguard.archive") ? (
                s.archivedAt ? (
                  <Button variant="secondary" loading={restore.isPending} onClick={() => restore.mutate({ id: s.id, version: s.version })}>
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
      {s.archivedAt ? (
        <div className="mb-6">
          <Notice tone="warning">This safeguard was archived on {formatDateTime(s.archivedAt)}. It is kept for the record and can be restored.</Notice>
        </div>
      ) : null}

      <TabList label="Safeguard sections" tabs={TABS} selected={tab} onSelect={setTab} />

      {tab === "overview" ? (
        <div id="panel-overview" role="tabpanel" aria-labelledby="tab-overview" className="grid gap-6 lg:grid-cols-3">
          <Card className="lg:col-span-2">
            <CardHeader
              title="Transfers relying on it"
              description={`With their live status as of ${s.asOf}.`}
              actions={
                can("transfer.update") && !s.archivedAt ? (
                  <Button size="sm" variant="secondary" onClick={() => setAttaching(true)}>
                    <Link2 className="size-4" aria-hidden /> Attach to transfers
                  </Button>
                ) : null
              }
            />
            {s.transfers.length === 0 ? (
              <EmptyState title="No transfer relies on this safeguard">
                {can("transfer.update") && !s.archivedAt ? "Attach it to the transfers between its parties with “Attach to transfers”." : "No transfer lists it among its safeguards."}
              </EmptyState>
            ) : (
              <Table label="Transfers relying on this safeguard" stacked>
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Transfer</Th>
                    <Th>Destination</Th>
                    <Th>Roles</Th>
                    <Th>Status</Th>
                    <Th>Issues</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {s.transfers.map((t) => (
                    <tr key={t.id}>
                      <Td>
                        <AsOfLink href={`/transfers/${t.id}`} className="font-medium text-indigo-700 hover:underline">
                          {t.exporter.name} <ArrowRight className="inline size-3.5" aria-hidden />
                          <span className="sr-only"> to </span> {t.recipient.name}
                        </AsOfLink>
                        <div className="font-mono text-xs text-slate-500">{t.id}</div>
                      </Td>
                      <Td label="Destination">{countryName(t.destination)}</Td>
                      <Td label="Roles" className="text-xs whitespace-nowrap">{roleArrow(t.exporterRole, t.recipientRole)}</Td>
                      <Td>{t.archivedAt ? <Badge tone="slate">Archived</Badge> : <StatusBadge status={t.status} />}</Td>
                      <Td>
                        <div className="flex flex-wrap gap-1">
                          {t.issues.map((i, n) => (
                            <span key={n} title={i.message}>
                              <IssueBadge code={i.code} severity={i.severity} />
                            </span>
                          ))}
                        </div>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {s.transferTotal > s.transfers.length ? (
              <p className="border-t border-slate-100 px-5 py-3 text-sm text-slate-600">
                Showing the {s.transfers.length} most urgent of {s.transferTotal.toLocaleString("en")} transfers relying on this safeguard.
              </p>
            ) : null}
          </Card>
          <div className="space-y-6">
            <Card>
              <CardHeader title="Details" />
              <dl className="divide-y divide-slate-100 px-5">
                {type === "scc" ? (
                  <>
                    <DetailItem label="Version">{s.sccVersion ? (SCC_VERSION_LABELS[s.sccVersion as SccVersion] ?? s.sccVersion) : none}</DetailItem>
                    {s.sccVersion === "2021/914" ? (
                      <DetailItem label="Modules">
                        <ul>
                          {s.modules.map((m) => (
                            <li key={m}>{SCC_MODULE_LABELS[m]}</li>
                          ))}
                        </ul>
                      </DetailItem>
                    ) : null}
                    <DetailItem label="Signed">{s.signed ?? none}</DetailItem>
                    <DetailItem label="Docking clause">{yesNo(s.dockingClause)}</DetailItem>
                    <DetailItem label="UK Addendum">{s.ukAddendum ? `Yes${s.ukAddendumVersion ? ` (${s.ukAddendumVersion})` : ""}` : "No"}</DetailItem>
                    <DetailItem label="Swiss adaptations">{yesNo(s.swissAdaptations)}</DetailItem>
                    <DetailItem label="Supervisory authority">{s.supervisoryAuthority ?? none}</DetailItem>
                    <DetailItem label="Governing law">{s.governingLaw ?? none}</DetailItem>
                  </>
                ) : null}
                {type === "uk_idta" ? (
                  <>
                    <DetailItem label="IDTA version">{s.idtaVersion ?? none}</DetailItem>
                    <DetailItem label="Signed">{s.signed ?? none}</DetailItem>
                  </>
                ) : null}
                {type === "bcr" ? (
                  <>
                    <DetailItem label="Variant">{s.bcrVariant ? BCR_VARIANT_LABELS[s.bcrVariant as "controller" | "processor"] : none}</DetailItem>
                    <DetailItem label="Approving authority">{s.approvingAuthority ?? none}</DetailItem>
                    <DetailItem label="Approved">{s.approved ?? none}</DetailItem>
                  </>
                ) : null}
                {type === "code_of_conduct" || type === "certification" || type === "ad_hoc_clauses" ? (
                  <>
                    <DetailItem label="Approved">{s.approved ?? none}</DetailItem>
                    <DetailItem label="Reference">{s.reference ?? none}</DetailItem>
                  </>
                ) : null}
                {type === "derogation" ? (
                  <>
                    <DetailItem label="Basis">{s.derogationBasis ? (DEROGATION_BASIS_LABELS[s.derogationBasis as DerogationBasis] ?? s.derogationBasis) : none}</DetailItem>
                    <DetailItem label="Justification">{s.justification ? <p className="whitespace-pre-wrap">{s.justification}</p> : none}</DetailItem>
                    {s.derogationBasis === "49(1)-2" ? <DetailItem label="Authority informed">{s.saInformedOn ?? none}</DetailItem> : null}
                  </>
                ) : null}
                {type !== "derogation" ? <DetailItem label="Ended">{s.ended ?? "In force"}</DetailItem> : null}
                <DetailItem label="Notes">{s.notes ? <p className="whitespace-pre-wrap">{s.notes}</p> : <span className="text-slate-500">None</span>}</DetailItem>
              </dl>
            </Card>
            <Card>
              <CardHeader title={type === "bcr" ? "Members" : "Parties"} />
              {s.parties.length ? (
                <ul className="divide-y divide-slate-100" aria-label="Parties to this safeguard">
                  {s.parties.map((p) => (
                    <li key={p.id} className="px-5 py-2.5 text-sm">
                      <AsOfLink href={`/parties/${p.id}`} className="text-indigo-700 hover:underline">
                        {p.name}
                      </AsOfLink>{" "}
                      <span className="text-slate-500">({p.country})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="p-5 text-sm text-slate-500">No parties recorded.</p>
              )}
              {s.partyCount > s.parties.length ? (
                <p className="border-t border-slate-100 px-5 py-3 text-sm text-slate-600">
                  and {(s.partyCount - s.parties.length).toLocaleString("en")} more ({s.partyCount.toLocaleString("en")} in all).
                </p>
              ) : null}
            </Card>
            <p className="text-xs text-slate-500">
              Version {s.version} · last changed {formatDateTime(s.updatedAt)}
            </p>
          </div>
          <SafeguardDocuments safeguardId={s.id} />
        </div>
      ) : (
        <div id="panel-history" role="tabpanel" aria-labelledby="tab-history">
          <HistoryCard description="Every change to this safeguard, newest first, from the audit trail." history={history} />
        </div>
      )}

      {attaching ? <AttachTransfersDialog open onClose={() => setAttaching(false)} safeguardId={s.id} safeguardTitle={s.title} /> : null}

      <ArchiveDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title={`Archive ${s.title}?`}
        description="Archived safeguards are hidden from lists and pickers. Nothing is deleted; you can restore it at any time."
        noun="safeguard"
        error={archive.error}
        pending={archive.isPending}
        onConfirm={() => archive.mutate({ id: s.id, version: s.version })}
      />
    </>
  );
}
