"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, ExternalLink, Pencil } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import { HistoryCard } from "@/app/_components/history-card";
import { ADEQUACY_SCOPE_LABELS, ADEQUACY_STATUS_LABELS, END_REASON_LABELS, KB_KIND_LABELS, kbSummary } from "@/app/_components/kb-labels";
import { REGIME_LABELS } from "@/app/_components/labels";
import { formatDateTime } from "@/app/_components/party-labels";
import { useCan } from "@/app/_components/session";
import { Badge } from "@/app/_components/ui/badge";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card, CardHeader, DetailItem, PageHeader } from "@/app/_components/ui/card";
import { ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import type { KbKind } from "@/server/domain/kb/types";
import { fieldAt, type KbField } from "../kb-fields";

/** camelCase → "Camel case" for field labels. */
const label = (key: string) => {
  const words = key.replace(/([A-Z])/g, " $1").toLowerCase();
  return (words.charAt(0).toUpperCase() + words.slice(1)).replace(/\buri\b/, "URI");
};

/** Coded values of an entry, in words. */
const VALUE_LABELS: Record<string, Record<string, string>> = { status: ADEQUACY_STATUS_LABELS, endReason: END_REASON_LABELS, scope: ADEQUACY_SCOPE_LABELS, regime: REGIME_LABELS };

function Value({ value, field, desc }: { value: unknown; field?: string; desc?: KbField }) {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
    return <span className="text-slate-500">{value === null && desc && (desc.type === "group" || desc.type === "nullableText") && desc.nullLabel ? desc.nullLabel : (desc?.emptyText ?? (desc?.type === "select" ? desc.emptyLabel : undefined) ?? "—")}</span>;
  if (desc?.type === "select") {
    const option = desc.options.find((o) => o.value === String(value));
    if (option) return <>{option.label}</>;
  }
  if (field && typeof value === "string" && VALUE_LABELS[field]?.[value]) return <>{VALUE_LABELS[field][value]}</>;
  if (typeof value === "boolean") return <>{value ? "Yes" : "No"}</>;
  if (typeof value === "string" && /^https?:\/\//.test(value))
    return (
      <a href={value} className="break-all text-indigo-700 hover:underline" target="_blank" rel="noreferrer noopener">
        {value}
      </a>
    );
  if (desc && (desc.type === "group" || desc.type === "object") && typeof value === "object") {
    const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [value as Record<string, unknown>];
    return (
      <div className="space-y-2">
        {items.map((item, i) => (
          <dl key={i} className="grid grid-cols-1 gap-x-3 gap-y-1 rounded-md bg-slate-50 p-2 text-xs sm:grid-cols-[auto_1fr]">
            {desc.fields
              .filter((f) => desc.type === "group" || item[f.key] !== undefined)
              .map((f) => (
                <div key={f.key} className="contents">
                  <dt className="font-medium text-slate-600">{f.label}</dt>
                  <dd className="min-w-0 text-slate-800">
                    <Value value={item[f.key]} desc={f} />
                  </dd>
                </div>
              ))}
          </dl>
        ))}
      </div>
    );
  }
  if (typeof value === "object") return <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(value, null, 2)}</pre>;
  return <>{String(value)}</>;
}

const HIDDEN = new Set(["id", "kind", "sources", "unconfirmed", "notes"]);

export function KbDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const can = useCan();
  const query = useQuery(trpc.kb.byId.queryOptions({ id }));
  const history = useQuery(trpc.kb.history.queryOptions({ id }));
  if (query.isPending) return <TableSkeleton rows={6} columns={2} />;
  if (query.isError) return <ErrorState title="Could not load the entry" message={query.error.message} />;
  const row = query.data;
  const e = row.entry;
  const s = kbSummary(e);
  const kindLabel = KB_KIND_LABELS[e.kind];
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <AsOfLink href="/knowledge-base" className="hover:text-slate-700">
              Knowledge base
            </AsOfLink>{" "}
            /{" "}
            <AsOfLink href={`/knowledge-base?kind=${e.kind}`} className="hover:text-slate-700">
              {kindLabel}
            </AsOfLink>
          </>
        }
        title={s.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{e.id}</span>
            {s.regime ? <Badge tone="blue">{s.regime}</Badge> : null}
            {row.origin === "custom" ? <Badge tone="violet">Added in the app</Badge> : row.edited ? <Badge tone="indigo">Edited reference entry</Badge> : <Badge>Reference data</Badge>}
          </span>
        }
        actions={
          can("kb.edit") ? (
            <ButtonLink href={`/knowledge-base/${encodeURIComponent(e.id)}/edit`} variant="secondary">
              <Pencil className="size-4" aria-hidden />
              Edit
            </ButtonLink>
          ) : null
        }
      />
      {e.unconfirmed ? (
        <div role="note" className="mb-6 flex gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <AlertTriangle className="mt-0.5 size-5 shrink-0 text-amber-500" aria-hidden />
          <div>
            <p className="font-semibold">UNCONFIRMED</p>
            <p className="mt-1">{e.unconfirmed}</p>
            <p className="mt-1 text-amber-800">This fact was not verified against a primary source or two independent sources. It stays editable: check it and correct or confirm it.</p>
          </div>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Entry" description={s.detail} />
          <dl className="divide-y divide-slate-100 px-5">
            {Object.entries(e)
              .filter(([k]) => !HIDDEN.has(k))
              .map(([k, v]) => (
                <DetailItem key={k} label={fieldAt(e.kind as KbKind, k)?.label ?? label(k)}>
                  <Value value={v} field={k} desc={fieldAt(e.kind as KbKind, k)} />
                </DetailItem>
              ))}
            {e.notes ? <DetailItem label="Notes">{e.notes}</DetailItem> : null}
          </dl>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Sources" />
            <ul className="space-y-2 p-5 text-sm">
              {e.sources.map((src) => (
                <li key={src} className="break-all">
                  {/^https?:\/\//.test(src) ? (
                    <a href={src} target="_blank" rel="noreferrer noopener" className="inline-flex items-start gap-1 text-indigo-700 hover:underline">
                      <ExternalLink className="mt-0.5 size-3.5 shrink-0" aria-hidden />
                      {src}
                    </a>
                  ) : (
                    <span className="text-slate-700">{src}</span>
                  )}
                </li>
              ))}
            </ul>
          </Card>
          <p className="text-xs text-slate-500">
            Version {row.version} · {row.updatedBy ? `last edited by ${row.updatedBy}` : "as shipped"} · {formatDateTime(row.updatedAt)}
          </p>
        </div>
      </div>
      <div className="mt-6">
        <HistoryCard description="Edits of this entry, from the audit trail." emptyTitle="Not edited since it was loaded from the reference data" history={history} />
      </div>
    </>
  );
}
