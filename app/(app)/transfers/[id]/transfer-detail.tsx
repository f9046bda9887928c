"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore, ArrowRight, Pencil } from "lucide-react";
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
import { ErrorState, Notice, TableSkeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import { countryName } from "@/server/countries";
import { SAFEGUARD_TYPE_SHORT, type SafeguardType } from "@/server/domain/choices/safeguard-labels";
import { DATA_SUBJECT_LABELS, FREQUENCY_LABELS } from "@/server/domain/choices/transfer-labels";
import { BASIS_TYPE_LABELS } from "@/server/domain/labels";
import { REGIME_LABELS, roleArrow } from "../_shared/labels";
import { CoverageTimeline } from "./coverage-timeline";
import { TiaSection } from "./tia-section";

type Tab = "overview" | "history";

const TABS = [
  { key: "overview", label: "Overview" },
  { key: "history", label: "History" },
] as const;

export function TransferDetailView({ id }: { id: string }) {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Tab>("overview");
  const [confirm, setConfirm] = useState(false);
  const asOf = useAsOf();
  const transfer = useQuery(trpc.transfer.byId.queryOptions({ id, asOf }));
  const purposes = useQuery(trpc.purpose.list.queryOptions());
  const categories = useQuery(trpc.category.list.queryOptions());
  const history = useQuery({ ...trpc.transfer.history.queryOptions({ id }), enabled: tab === "history" });

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.transfer.pathKey() });
  const toast = useToast();
  // Archiving is undone by restoring, with the version the archive returned (a later edit makes the undo refuse, not overwrite).
  const archive = useMutation(
    trpc.transfer.archive.mutationOptions({
      onSuccess: (archived) => (
        setConfirm(false),
        toast("Transfer archived.", { action: { label: "Undo", onClick: () => restore.mutate({ id: archived.id, version: archived.version }) } }),
        refresh()
      ),
    }),
  );
  const restore = useMutation(
    trpc.transfer.restore.mutationOptions({ onSuccess: () => (toast("Transfer restored."), refresh()), onError: (error) => toast(`Could not restore the transfer: ${error.message}`) }),
  );

  if (transfer.isPending) return <TableSkeleton rows={6} columns={2} />;
  if (transfer.isError)
    return (
      <ErrorState
        title={transfer.error.data?.code === "NOT_FOUND" ? "Transfer not found" : "Could not load the transfer"}
        message={transfer.error.message}
        onRetry={transfer.error.data?.code === "NOT_FOUND" ? undefined : () => transfer.refetch()}
        action={
          transfer.error.data?.code === "NOT_FOUND" ? (
            <AsOfLink href="/transfers" className="font-medium text-red-700 underline underline-offset-2 hover:text-red-900">
              Back to the transfers
            </AsOfLink>
          ) : undefined
        }
      />
    );
  const t = transfer.data;
  const v = t.verdict;
  const categoryLabel = (cid: string) => categories.data?.find((c) => c.id === cid)?.label ?? cid;
  const purposeLabel = (pid: string) => purposes.data?.find((p) => p.id === pid)?.label ?? pid;

  return (
    <>
      <PageHeader
        breadcrumb={
          <AsOfLink href="/transfers" className="hover:text-slate-700">
            Transfers
          </AsOfLink>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span>
              {t.exporter.name} <ArrowRight className="inline size-5 text-slate-500" aria-label="to" /> {t.recipient.name}
            </span>
            {t.archivedAt ? <Badge tone="amber">Archived</Badge> : <StatusBadge status={v.status} size="lg" />}
          </span>
        }
        description={
          <span>
            {countryName(t.destination)} · {roleArrow(t.exporterRole, t.recipientRole)} · {v.regime ? REGIME_LABELS[v.regime] : "no transfer regime"} ·{" "}
            <span className="font-mono">{t.id}</span>
          </span>
        }
        actions={
          can("transfer.update") ? (
            <>
              {!t.archivedAt ? (
                <ButtonLink href={`/transfers/${t.id}/edit`} variant="secondary">
                  <Pencil className="size-4" aria-hidden />
                  Edit
                </ButtonLink>
              ) : null}
              {can("transfer.archive") ? (
                t.archivedAt ? (
                  <Button variant="secondary" loading={restore.isPending} onClick={() => restore.mutate({ id: t.id, version: t.version })}>
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

      {t.archivedAt ? (
        <div className="mb-6">
          <Notice tone="warning">This transfer was archived on {formatDateTime(t.archivedAt)}. It is kept for the record, left out of verdicts and can be restored.</Notice>
        </div>
      ) : null}
      {restore.isError ? (
        <div className="mb-6">
          <ErrorState title="Could not restore" message={restore.error.message} />
        </div>
      ) : null}

      <TabList label="Transfer sections" tabs={TABS} selected={tab} onSelect={setTab} />

      {tab === "overview" ? (
        <div id="panel-overview" role="tabpanel" aria-labelledby="tab-overview" className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            <Card>
              <CardHeader
                title="Verdict"
                description={`As of ${t.asOf}, evaluated live against knowledge base ${t.knowledgeBase.version}${t.knowledgeBase.checkedUpTo ? `, checked up to ${t.knowledgeBase.checkedUpTo}` : ""}.`}
              />
              <div className="space-y-5 p-5">
                {t.note ? <Notice tone="info">{t.note}</Notice> : null}
                <div className="flex flex-wrap items-center gap-3" aria-label="Current status">
                  <StatusBadge status={v.status} size="lg" />
                  <span className="text-sm text-slate-600">{v.regime ? `${REGIME_LABELS[v.regime]} regime` : "No transfer regime applies"}</span>
                </div>
                <div>
                  <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Basis</h3>
                  {v.basis.length ? (
                    <ul className="mt-1 space-y-1" aria-label="Basis">
                      {v.basis.map((b) => {
                        const safeguard = t.safeguards.find((s) => s.id === b.ref);
                        return (
                          <li key={`${b.type}-${b.ref}`} className="text-sm text-slate-700">
                            {safeguard ? (
                              <AsOfLink href={`/safeguards/${b.ref}`} className="text-indigo-700 hover:underline">
                                {safeguard.title}
                              </AsOfLink>
                            ) : (
                              <span>{BASIS_TYPE_LABELS[b.type] ?? "Basis"}</span>
                            )}
                            {b.citation ? (
                              <>
                                {": "}
                                {b.uri ? (
                                  <a href={b.uri} target="_blank" rel="noreferrer" className="text-indigo-700 hover:underline">
                                    {b.citation}
                                  </a>
                                ) : (
                                  b.citation
                                )}
                              </>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  ) : (
                    <p className="mt-1 text-sm text-slate-500">Nothing covers this transfer.</p>
                  )}
                </div>
                <div>
                  <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Issues</h3>
                  {v.issues.length ? (
                    <ul className="mt-2 space-y-2" aria-label="Issues">
                      {v.issues.map((i, n) => (
                        <li key={`${i.code}-${n}`} className="flex flex-col gap-1 rounded-md bg-slate-50 p-3 text-sm sm:flex-row sm:items-start sm:gap-3">
                          <IssueBadge code={i.code} severity={i.severity} />
                          <span className="text-slate-600">{i.message}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-1 text-sm text-slate-500" aria-label="Issues">
                      No issues.
                    </p>
                  )}
                </div>
                <div>
                  <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Reasons</h3>
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label="Reasons">
                    {v.reasons.map((r, n) => (
                      <li key={n}>{r}</li>
                    ))}
                  </ul>
                </div>
              </div>
            </Card>
            <CoverageTimeline id={t.id} />
            <TiaSection transferId={t.id} archived={Boolean(t.archivedAt)} />
          </div>
          <div className="space-y-6">
            <Card>
              <CardHeader title="Safeguards relied on" />
              {t.safeguards.length ? (
                <ul className="divide-y divide-slate-100" aria-label="Safeguards relied on">
                  {t.safeguards.map((s) => (
                    <li key={s.id} className="px-5 py-3 text-sm">
                      <AsOfLink href={`/safeguards/${s.id}`} className="font-medium text-indigo-700 hover:underline">
                        {s.title}
                      </AsOfLink>
                      <div className="text-xs text-slate-500">
                        {SAFEGUARD_TYPE_SHORT[s.type as SafeguardType] ?? s.type}
                        {s.archivedAt ? " · archived" : ""}
                      </div>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="p-5 text-sm text-slate-500">None recorded.</p>
              )}
            </Card>
            <Card>
              <CardHeader title="Details" />
              <dl className="divide-y divide-slate-100 px-5">
                <DetailItem label="Exporter">
                  <AsOfLink href={`/parties/${t.exporter.id}`} className="text-indigo-700 hover:underline">
                    {t.exporter.name}
                  </AsOfLink>{" "}
                  <span className="text-slate-500">({t.exporterRole})</span>
                </DetailItem>
                <DetailItem label="Recipient">
                  <AsOfLink href={`/parties/${t.recipient.id}`} className="text-indigo-700 hover:underline">
                    {t.recipient.name}
                  </AsOfLink>{" "}
                  <span className="text-slate-500">({t.recipientRole})</span>
                </DetailItem>
                <DetailItem label="Destination">
                  {countryName(t.destination)} ({t.destination})
                </DetailItem>
                <DetailItem label="Frequency">{FREQUENCY_LABELS[t.frequency as keyof typeof FREQUENCY_LABELS] ?? t.frequency}</DetailItem>
                <DetailItem label="Runs">
                  {t.start} – {t.end ?? "ongoing"}
                </DetailItem>
                <DetailItem label="Personal data">
                  {t.dataCategories.length ? t.dataCategories.map(categoryLabel).join(", ") : <span className="text-slate-500">Not recorded</span>}
                  {t.specialCategory ? (
                    <Badge tone="red" className="ml-1">
                      Special category
                    </Badge>
                  ) : null}
                </DetailItem>
                <DetailItem label="Data subjects">
                  {t.dataSubjects.length ? t.dataSubjects.map((s) => DATA_SUBJECT_LABELS[s] ?? s).join(", ") : <span className="text-slate-500">Not recorded</span>}
                </DetailItem>
                <DetailItem label="Purposes">{t.purposes.length ? t.purposes.map(purposeLabel).join("; ") : <span className="text-slate-500">Not recorded</span>}</DetailItem>
                <DetailItem label="Notes">{t.notes ? <p className="whitespace-pre-wrap">{t.notes}</p> : <span className="text-slate-500">None</span>}</DetailItem>
              </dl>
            </Card>
            <p className="text-xs text-slate-500">
              Version {t.version} · last changed {formatDateTime(t.updatedAt)}
            </p>
          </div>
        </div>
      ) : (
        <div id="panel-history" role="tabpanel" aria-labelledby="tab-history">
          <HistoryCard description="Every change to this transfer and its assessments, newest first, from the audit trail." history={history} />
        </div>
      )}

      <ArchiveDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title="Archive this transfer?"
        description="Archived transfers are left out of lists and verdicts. Nothing is deleted; you can restore it at any time."
        noun="transfer"
        error={archive.error}
        pending={archive.isPending}
        onConfirm={() => archive.mutate({ id: t.id, version: t.version })}
      />
    </>
  );
}
