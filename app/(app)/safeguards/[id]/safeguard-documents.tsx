"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Upload } from "lucide-react";
import { useRef, useState } from "react";
import { formatDateTime } from "@/app/_components/party-labels";
import { COPY_PART_LABELS, COPY_PARTS, formatBytes } from "@/app/_components/request-labels";
import { useCan } from "@/app/_components/session";
import { useToast } from "@/app/_components/toast";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { Field, inputClass } from "@/app/_components/ui/field";
import { EmptyState, ErrorState, Notice } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import type { CopyPart } from "@/server/domain/choices/request-labels";

/** The safeguard's documents: its executed contract (upload, download) and its parts as applied, with redactions. */
export function SafeguardDocuments({ safeguardId }: { safeguardId: string }) {
  const can = useCan();
  return (
    <div className="grid gap-6 lg:col-span-3 lg:grid-cols-3">
      {can("request.read") ? <CopyParts safeguardId={safeguardId} /> : null}
      <SignedContract safeguardId={safeguardId} />
    </div>
  );
}

/** Uploads a PDF to the upload route; resolves with the server's error message, or null when stored. */
export async function uploadPdf(query: string, file: File): Promise<string | null> {
  const response = await fetch(`/api/files/upload?${query}&fileName=${encodeURIComponent(file.name)}`, {
    method: "POST",
    headers: { "Content-Type": file.type || "application/octet-stream" },
    body: file,
  });
  if (response.ok) return null;
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return body?.error ?? `The upload failed (HTTP ${response.status}).`;
}

function SignedContract({ safeguardId }: { safeguardId: string }) {
  const trpc = useTRPC();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const files = useQuery(trpc.file.list.queryOptions({ safeguardId }));
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    const message = await uploadPdf(`kind=signed_contract&safeguardId=${encodeURIComponent(safeguardId)}`, file);
    setBusy(false);
    if (input.current) input.current.value = "";
    if (message) return setError(message);
    toast("Executed contract stored.");
    void queryClient.invalidateQueries({ queryKey: trpc.file.pathKey() });
  };
  return (
    <Card className="self-start">
      <CardHeader title="Executed contract" description="The signed PDF, stored by its SHA-256 (at most 20 MB)." />
      {can("file.upload") ? (
        <div className="border-b border-slate-100 px-5 py-4">
          <label htmlFor={`contract-${safeguardId}`} className="block text-sm font-medium text-slate-800">
            Upload the signed PDF
          </label>
          <input
            ref={input}
            id={`contract-${safeguardId}`}
            type="file"
            accept="application/pdf,.pdf"
            disabled={busy}
            className="mt-1.5 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-indigo-700"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          {busy ? (
            <p className="mt-2 flex items-center gap-1 text-sm text-slate-600">
              <Upload className="size-4" aria-hidden /> Uploading…
            </p>
          ) : null}
          {error ? (
            <p className="mt-2 text-sm text-red-700" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
      {files.isError ? (
        <div className="p-4">
          <ErrorState message={files.error.message} onRetry={() => files.refetch()} />
        </div>
      ) : !files.data ? (
        <p className="p-5 text-sm text-slate-500">Loading…</p>
      ) : files.data.length === 0 ? (
        <p className="p-5 text-sm text-slate-500">No executed contract uploaded.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Executed contract files">
          {files.data.map((f) => (
            <li key={f.id} className="px-5 py-2.5 text-sm">
              <a href={`/api/files/stored/${f.id}`} download className="inline-flex items-center gap-1 font-medium text-indigo-700 hover:underline">
                <Download className="size-4" aria-hidden /> {f.originalName}
              </a>
              <div className="text-xs text-slate-500">
                {formatBytes(f.size)} · {formatDateTime(f.uploadedAt)} by {f.uploadedByEmail}
              </div>
              <code className="font-mono text-[11px] break-all text-slate-500">{f.sha256}</code>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

const EMPTY = { part: "annex_ii" as CopyPart, content: "", redacted: true, summary: "", reason: "" };

function CopyParts({ safeguardId }: { safeguardId: string }) {
  const trpc = useTRPC();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const parts = useQuery(trpc.request.parts.queryOptions({ safeguardId }));
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.request.parts.pathKey() });
  const create = useMutation(
    trpc.request.createPart.mutationOptions({
      onSuccess: () => (setForm(EMPTY), setErrors({}), setError(null), toast("Part saved."), refresh()),
      onError: (e) => {
        const issues = (e.data as { inputIssues?: { path: string[]; message: string }[] } | undefined)?.inputIssues ?? [];
        const next: Record<string, string> = {};
        for (const i of issues) next[i.path[i.path.length - 1] ?? "form"] ??= i.message;
        setErrors(next);
        setError(issues.length ? "Please correct the highlighted fields." : e.message);
      },
    }),
  );
  const remove = useMutation(trpc.request.deletePart.mutationOptions({ onSuccess: () => (toast("Part removed."), refresh()), onError: (e) => setError(e.message) }));
  const manage = can("request.manage");
  return (
    <Card className="lg:col-span-2">
      <CardHeader
        title="In copies for requesters"
        description="The annexes as applied and other parts a copy shows. Mark commercially sensitive parts (Annex II measures, prices, signatories) as redacted: a copy then shows only your summary and the reason (SCC Clause 8.3; Module 1: 8.2(c))."
      />
      {parts.isError ? (
        <div className="p-4">
          <ErrorState message={parts.error.message} onRetry={() => parts.refetch()} />
        </div>
      ) : !parts.data ? (
        <p className="p-5 text-sm text-slate-500">Loading…</p>
      ) : parts.data.length === 0 ? (
        <EmptyState title="No parts recorded">A copy will name the mechanism, its version, modules and official text only.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Parts shown in copies">
          {parts.data.map((p) => (
            <li key={p.id} className="space-y-1 px-5 py-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium text-slate-900">{COPY_PART_LABELS[p.part as CopyPart] ?? p.part}</span>
                <span className="flex items-center gap-2">
                  {p.redacted ? <Badge tone="amber">Redacted in copies</Badge> : <Badge tone="green">Shown in copies</Badge>}
                  {manage ? (
                    <Button variant="ghost" size="sm" onClick={() => remove.mutate({ id: p.id, version: p.version })} aria-label={`Remove ${COPY_PART_LABELS[p.part as CopyPart] ?? p.part}`}>
                      Remove
                    </Button>
                  ) : null}
                </span>
              </div>
              {p.redacted ? (
                <p className="text-slate-700">
                  <span className="font-medium">Summary in copies:</span> {p.summary}
                </p>
              ) : null}
              <details className="text-slate-600">
                <summary className="cursor-pointer text-xs text-slate-500">Text as applied{p.redacted ? " (internal, never in a copy)" : ""}</summary>
                <p className="mt-1 whitespace-pre-wrap">{p.content}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
      {manage ? (
        <form
          className="grid gap-4 border-t border-slate-100 p-5 md:grid-cols-2"
          aria-label="Add a part"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ safeguardId, fields: { ...form, summary: form.summary || null, reason: form.reason || null } });
          }}
        >
          {error ? (
            <div className="md:col-span-2" role="alert">
              <Notice tone="warning">{error}</Notice>
            </div>
          ) : null}
          <Field label="Part" name="part">
            {(p) => (
              <select {...p} className={inputClass(false)} value={form.part} onChange={(e) => setForm({ ...form, part: e.target.value as CopyPart })}>
                {COPY_PARTS.map((c) => (
                  <option key={c} value={c}>
                    {COPY_PART_LABELS[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
            <input type="checkbox" checked={form.redacted} onChange={(e) => setForm({ ...form, redacted: e.target.checked })} />
            Redact in copies
          </label>
          <Field label="Text as applied" name="content" required error={errors.content} className="md:col-span-2">
            {(p) => <textarea {...p} rows={3} className={inputClass(Boolean(errors.content))} value={form.content} onChange={(e) => setForm({ ...form, content: e.target.value })} />}
          </Field>
          {form.redacted ? (
            <>
              <Field label="Summary shown instead" name="summary" required error={errors.summary} hint="Meaningful enough for the requester to understand the part and exercise their rights.">
                {(p) => <textarea {...p} rows={2} className={inputClass(Boolean(errors.summary))} value={form.summary} onChange={(e) => setForm({ ...form, summary: e.target.value })} />}
              </Field>
              <Field label="Reason for the redaction" name="reason" error={errors.reason} hint="Leave empty for the clause the SCCs give (8.3; Module 1: 8.2(c)).">
                {(p) => <textarea {...p} rows={2} className={inputClass(Boolean(errors.reason))} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />}
              </Field>
            </>
          ) : null}
          <div className="md:col-span-2">
            <Button type="submit" variant="secondary" loading={create.isPending}>
              Save part
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
