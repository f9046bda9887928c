"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, FileText, Printer } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import { useState } from "react";
import { formatDateTime } from "@/app/_components/party-labels";
import { REQUEST_CHANNEL_LABELS, REQUEST_STATUS_LABELS, STATUS_TONE, URGENCY_LABELS, URGENCY_TONE, formatBytes } from "@/app/_components/request-labels";
import { useCan } from "@/app/_components/session";
import { useToast } from "@/app/_components/toast";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader, DetailItem, PageHeader } from "@/app/_components/ui/card";
import { Dialog } from "@/app/_components/ui/dialog";
import { Field, inputClass } from "@/app/_components/ui/field";
import { EmptyState, ErrorState, Notice, TableSkeleton } from "@/app/_components/ui/states";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import type { RequestChannel } from "@/server/domain/choices/request-labels";

const todayIso = () => new Date().toISOString().slice(0, 10);

export function RequestDetailView({ id }: { id: string }) {
  const trpc = useTRPC();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.request.byId.queryOptions({ id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.request.pathKey() });
  const [asOf, setAsOf] = useState(todayIso());
  const [months, setMonths] = useState<1 | 2>(2);
  const [extensionReason, setExtensionReason] = useState("");
  const [refusing, setRefusing] = useState(false);
  const [refusal, setRefusal] = useState("");
  const [error, setError] = useState<string | null>(null);
  const onError = (e: { message: string }) => setError(e.message);
  const generate = useMutation(trpc.request.generateCopy.mutationOptions({ onSuccess: () => (setError(null), toast("Copy generated and stored."), refresh()), onError }));
  const extend = useMutation(trpc.request.extend.mutationOptions({ onSuccess: () => (setError(null), setExtensionReason(""), toast("Deadline extended."), refresh()), onError }));
  const status = useMutation(trpc.request.setStatus.mutationOptions({ onSuccess: () => (setError(null), setRefusing(false), toast("Status changed."), refresh()), onError }));

  if (query.isPending) return <TableSkeleton rows={6} columns={2} />;
  if (query.isError)
    return (
      <ErrorState
        title={query.error.data?.code === "NOT_FOUND" ? "Request not found" : "Could not load the request"}
        message={query.error.message}
        onRetry={query.error.data?.code === "NOT_FOUND" ? undefined : () => query.refetch()}
        action={
          query.error.data?.code === "NOT_FOUND" ? (
            <AsOfLink href="/requests" className="font-medium text-red-700 underline underline-offset-2 hover:text-red-900">
              Back to the requests
            </AsOfLink>
          ) : undefined
        }
      />
    );
  const r = query.data;
  const manage = can("request.manage");
  const open = r.status === "received" || r.status === "in_progress";
  const latestPdf = r.copies.find((c) => c.format === "pdf");

  return (
    <>
      <PageHeader
        title={`Request from ${r.requesterName}`}
        breadcrumb={
          <AsOfLink href="/requests" className="hover:underline">
            Requests
          </AsOfLink>
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONE[r.status as keyof typeof STATUS_TONE]}>{REQUEST_STATUS_LABELS[r.status as keyof typeof REQUEST_STATUS_LABELS]}</Badge>
            {r.urgency === "overdue" || r.urgency === "due_soon" ? <Badge tone={URGENCY_TONE[r.urgency]}>{URGENCY_LABELS[r.urgency]}</Badge> : null}
            <span>
              Received {r.received}, due {r.due}
            </span>
          </span>
        }
        actions={
          manage && open ? (
            <div className="flex flex-wrap gap-2">
              {r.status === "received" ? (
                <Button variant="secondary" loading={status.isPending} onClick={() => status.mutate({ id: r.id, version: r.version, status: "in_progress" })}>
                  Start work
                </Button>
              ) : null}
              {r.status === "in_progress" ? (
                <Button
                  disabled={r.copies.length === 0}
                  title={r.copies.length === 0 ? "Generate the copy first" : undefined}
                  loading={status.isPending}
                  onClick={() => status.mutate({ id: r.id, version: r.version, status: "sent" })}
                >
                  Mark as sent
                </Button>
              ) : null}
              <Button variant="danger" onClick={() => setRefusing(true)}>
                Refuse
              </Button>
            </div>
          ) : null
        }
      />
      {error ? (
        <div className="mb-4" role="alert">
          <Notice tone="warning">{error}</Notice>
        </div>
      ) : null}
      {r.urgency === "overdue" ? (
        <div className="mb-4">
          <Notice tone="warning">
            This request is overdue: it was due on {r.due}. Art. 12(3) GDPR requires an answer within one month of receipt
            {r.extensionMonths ? " (as extended)" : ""}.
          </Notice>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader
              title="Copy of the safeguards"
              description="Generated on the server as a PDF and a printable page, stored by SHA-256; a download gives exactly the stored bytes."
            />
            {manage && open ? (
              <form
                className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-5 py-4"
                onSubmit={(e) => {
                  e.preventDefault();
                  generate.mutate({ id: r.id, asOf });
                }}
              >
                <Field label="As of" name="asOf" hint="The date the transfers and safeguards are described as of.">
                  {(p) => <input {...p} type="date" className={inputClass(false, "w-44")} value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
                </Field>
                <Button type="submit" loading={generate.isPending}>
                  <FileText className="size-4" aria-hidden /> Generate copy
                </Button>
              </form>
            ) : null}
            {r.copies.length === 0 ? (
              <EmptyState title="No copy generated yet">{manage && open ? "Generate the copy, check it, then mark the request as sent." : null}</EmptyState>
            ) : (
              <Table label="Generated copies" stacked>
                <thead className="bg-slate-50">
                  <tr>
                    <Th>Generated</Th>
                    <Th>As of</Th>
                    <Th>Transfers</Th>
                    <Th>SHA-256</Th>
                    <Th>File</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 bg-white">
                  {r.copies.map((c) => (
                    <tr key={c.id}>
                      <Td label="Generated">
                        {formatDateTime(c.createdAt)}
                        <div className="text-xs text-slate-500">by {c.createdByEmail}</div>
                      </Td>
                      <Td label="As of">{c.asOf}</Td>
                      <Td label="Transfers">{c.transferCount}</Td>
                      <Td label="SHA-256">
                        <code className="font-mono text-xs break-all text-slate-700" data-testid="copy-sha256">
                          {c.sha256}
                        </code>
                      </Td>
                      <Td label="File">
                        {c.format === "pdf" ? (
                          <a href={`/api/files/copies/${c.id}`} download className="inline-flex items-center gap-1 font-medium text-indigo-700 hover:underline">
                            <Download className="size-4" aria-hidden /> PDF <span className="text-xs text-slate-500">({formatBytes(c.size)})</span>
                          </a>
                        ) : (
                          <a href={`/api/files/copies/${c.id}`} target="_blank" rel="noopener" className="inline-flex items-center gap-1 font-medium text-indigo-700 hover:underline">
                            <Printer className="size-4" aria-hidden /> Printable page
                          </a>
                        )}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
          <Card>
            <CardHeader title="The request" />
            <dl className="grid gap-4 p-5 sm:grid-cols-2">
              <DetailItem label="Contact">{r.requesterContact}</DetailItem>
              <DetailItem label="Channel">{REQUEST_CHANNEL_LABELS[r.channel as RequestChannel] ?? r.channel}</DetailItem>
              <DetailItem label="What was asked">
                <span className="whitespace-pre-wrap">{r.question}</span>
              </DetailItem>
              <DetailItem label="Entities">
                {r.parties.length === 0 ? "Any" : r.parties.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 ? ", " : null}
                    <AsOfLink href={`/parties/${p.id}`} className="text-indigo-700 hover:underline">
                      {p.name}
                    </AsOfLink>
                  </span>
                ))}
              </DetailItem>
              <DetailItem label="Data categories">{r.categories.length === 0 ? "Any" : r.categories.map((c) => c.label).join(", ")}</DetailItem>
              <DetailItem label="Purposes">{r.purposes.length === 0 ? "Any" : r.purposes.map((p) => p.label).join(", ")}</DetailItem>
              <DetailItem label="Recipients in the copy">{r.withholdNames ? "By category only" : "By name"}</DetailItem>
              {r.notes ? <DetailItem label="Notes">{r.notes}</DetailItem> : null}
              {r.refusalReason ? <DetailItem label="Reason for refusing">{r.refusalReason}</DetailItem> : null}
              {r.closedOn ? <DetailItem label={r.status === "sent" ? "Sent on" : "Closed on"}>{r.closedOn}</DetailItem> : null}
            </dl>
          </Card>
        </div>
        <Card className="self-start">
          <CardHeader title="Deadline" description="GDPR Art. 12(3): one month from receipt; once, two further months where necessary." />
          <dl className="grid gap-4 p-5">
            <DetailItem label="Due">
              <span className={r.urgency === "overdue" ? "font-semibold text-red-700" : undefined}>{r.due}</span>
            </DetailItem>
            <DetailItem label="One month from receipt">{r.firstDue}</DetailItem>
            {r.extensionMonths ? (
              <DetailItem label="Extension">
                {r.extensionMonths} further month{r.extensionMonths === 1 ? "" : "s"}, decided {r.extendedOn}: {r.extensionReason}
              </DetailItem>
            ) : null}
            {latestPdf ? <DetailItem label="Latest copy">{latestPdf.asOf}</DetailItem> : null}
          </dl>
          {manage && r.canExtendUntil ? (
            <form
              className="space-y-3 border-t border-slate-100 p-5"
              onSubmit={(e) => {
                e.preventDefault();
                extend.mutate({ id: r.id, version: r.version, extraMonths: months, reason: extensionReason });
              }}
            >
              <p className="text-sm text-slate-600">Extend until {r.canExtendUntil} at the latest, and tell the requester why.</p>
              <Field label="Further months" name="extraMonths">
                {(p) => (
                  <select {...p} className={inputClass(false)} value={months} onChange={(e) => setMonths(Number(e.target.value) === 1 ? 1 : 2)}>
                    <option value={1}>One further month</option>
                    <option value={2}>Two further months</option>
                  </select>
                )}
              </Field>
              <Field label="Reason given to the requester" name="extensionReason" required>
                {(p) => <textarea {...p} rows={2} className={inputClass(false)} value={extensionReason} onChange={(e) => setExtensionReason(e.target.value)} />}
              </Field>
              <Button type="submit" variant="secondary" loading={extend.isPending}>
                Extend the deadline
              </Button>
            </form>
          ) : null}
        </Card>
      </div>
      <Dialog open={refusing} onClose={() => setRefusing(false)} title="Refuse this request" description="Art. 12(4): tell the requester why, and that they may complain to a supervisory authority.">
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            status.mutate({ id: r.id, version: r.version, status: "refused", reason: refusal });
          }}
        >
          <Field label="Reason" name="refusalReason" required>
            {(p) => <textarea {...p} rows={3} className={inputClass(false)} value={refusal} onChange={(e) => setRefusal(e.target.value)} />}
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setRefusing(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={status.isPending}>
              Refuse request
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
