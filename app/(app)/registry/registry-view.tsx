"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, Download, FileJson, Loader2, Upload } from "lucide-react";
import { useId, useState } from "react";
import { AsOfLink, useAsOf, withAsOf } from "@/app/_components/as-of";
import { useCan } from "@/app/_components/session";
import { Badge } from "@/app/_components/ui/badge";
import { Button, buttonClass } from "@/app/_components/ui/button";
import { Card, CardHeader, PageHeader } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { inputClass } from "@/app/_components/ui/field";
import { ErrorState, Notice, Skeleton } from "@/app/_components/ui/states";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { MAX_IMPORT_BYTES, MAX_IMPORT_SIZE_LABEL } from "@/server/schemas/registry-import";
import type { EntityKind, ImportIssue, KindPreview, PlannedEntity, RegistryImportPreview, RegistryImportResult } from "@/server/services/registry-import";

const KINDS: { kind: EntityKind; one: string; many: string; title: string }[] = [
  { kind: "parties", one: "party", many: "parties", title: "Parties" },
  { kind: "certifications", one: "certification", many: "certifications", title: "Certifications" },
  { kind: "safeguards", one: "safeguard", many: "safeguards", title: "Safeguards" },
  { kind: "transfers", one: "transfer", many: "transfers", title: "Transfers" },
  { kind: "tias", one: "TIA", many: "TIAs", title: "Impact assessments (TIAs)" },
];

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

export function RegistryView() {
  const can = useCan();
  return (
    <>
      <PageHeader
        title="Import / export"
        description={
          <>
            The whole registry as one JSON document in the open <code className="font-mono text-slate-700">transfer-registry/v1</code> format: keep it in git,
            review changes as diffs, check it in CI with the command-line checker, and bring it back in.
          </>
        }
      />
      <div className="space-y-6">
        <ExportCard />
        {can("registry.import") ? (
          <ImportCard />
        ) : (
          <p className="text-sm text-slate-500">Importing a registry is open to procurement and the data protection officer.</p>
        )}
      </div>
    </>
  );
}

function ExportCard() {
  const trpc = useTRPC();
  const can = useCan();
  const asOf = useAsOf();
  const stats = useQuery(trpc.registry.stats.queryOptions());
  return (
    <Card>
      <CardHeader
        title="Export the registry"
        description={
          can("registry.export_full")
            ? "Parties with their certifications, safeguards, transfers and impact assessments. The shareable file leaves out contacts and internal notes; the full file keeps them and can be imported back."
            : "Parties with their certifications, safeguards, transfers and impact assessments, without contacts and internal notes (the full file is for administrators)."
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <a href="/api/registry/export?variant=shareable" download className={buttonClass(can("registry.export_full") ? "secondary" : "primary")}>
              <Download className="size-4" aria-hidden />
              Download shareable JSON
            </a>
            {can("registry.export_full") ? (
              <a href="/api/registry/export" download className={buttonClass("primary")}>
                <Download className="size-4" aria-hidden />
                Download full JSON
              </a>
            ) : null}
            {/* The verdicts as of the app's date (the header control), in the checker's verdicts-v1 format. */}
            <a href={`/api/registry/export?content=verdicts${asOf ? `&asOf=${asOf}` : ""}`} download className={buttonClass("secondary")}>
              <Download className="size-4" aria-hidden />
              Verdicts {asOf ? `as of ${asOf}` : "as of today"}
            </a>
          </div>
        }
      />
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-5 py-3 text-sm text-slate-600">
        <p>For auditors: the counts by status and regime, the top issues and the knowledge base{asOf ? `, as of ${asOf}` : ", as of today"}, as a PDF.</p>
        <a href={withAsOf("/api/export/summary", asOf)} download className={buttonClass("secondary")}>
          <Download className="size-4" aria-hidden />
          Summary for auditors (PDF)
        </a>
      </div>
      <div className="px-5 py-4 text-sm text-slate-600" aria-live="polite">
        {stats.isError ? (
          <ErrorState title="Could not count the registry" message={stats.error.message} onRetry={() => stats.refetch()} />
        ) : stats.isPending ? (
          <Skeleton className="h-4 w-96" />
        ) : (
          <p>
            The file will contain{" "}
            {KINDS.map((k, i) => (
              <span key={k.kind}>
                <span className="font-medium text-slate-900">{plural(stats.data[k.kind], k.one, k.many)}</span>
                {i < KINDS.length - 2 ? ", " : i === KINDS.length - 2 ? " and " : "."}
              </span>
            ))}
          </p>
        )}
      </div>
    </Card>
  );
}

/** A document to import: the chosen file itself (sent as it is, never read into the page) or pasted text. */
interface Source {
  body: Blob | string;
  fileName: string;
}

/**
 * POST /api/registry/import: the body is the document, so a file of up to 256 MB is streamed to the server
 * instead of going through a JSON-encoded tRPC string.
 */
async function postImport<T>(mode: "preview" | "apply", source: Source, planHash?: string): Promise<T> {
  const params = new URLSearchParams({ mode, fileName: source.fileName });
  if (planHash) params.set("planHash", planHash);
  let response: Response;
  try {
    response = await fetch(`/api/registry/import?${params.toString()}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: source.body,
    });
  } catch {
    throw new Error(
      typeof source.body === "string"
        ? "The server could not be reached. Check your connection and try again."
        : `${source.fileName} could not be sent: the server could not be reached, or the file was changed or moved since you chose it. Choose it again.`,
    );
  }
  const payload = (await response.json().catch(() => null)) as ({ error?: string } & T) | null;
  if (!response.ok) throw new Error(payload?.error ?? `The server answered ${response.status} ${response.statusText}.`);
  if (payload === null) throw new Error("The server's answer could not be read.");
  return payload;
}

function ImportCard() {
  const queryClient = useQueryClient();
  const [source, setSource] = useState<Source | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [imported, setImported] = useState<{ fileName: string; result: RegistryImportResult } | null>(null);
  const preview = useMutation({ mutationFn: (next: Source) => postImport<RegistryImportPreview>("preview", next) });
  const apply = useMutation({
    mutationFn: ({ source: next, planHash }: { source: Source; planHash: string }) => postImport<RegistryImportResult>("apply", next, planHash),
    onSuccess: async (result, input) => {
      setImported({ fileName: input.source.fileName, result });
      setSource(null);
      preview.reset();
      await queryClient.invalidateQueries();
    },
  });

  const check = (next: Source) => {
    setSource(next);
    setReadError(null);
    setImported(null);
    apply.reset();
    preview.mutate(next);
  };

  const readFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setSource(null);
      preview.reset();
      setReadError(`${file.name} is larger than ${MAX_IMPORT_SIZE_LABEL}, the most the registry imports at once.`);
      return;
    }
    check({ body: file, fileName: file.name });
  };

  const startOver = () => {
    setSource(null);
    setReadError(null);
    preview.reset();
    apply.reset();
  };

  const result = preview.data;
  return (
    <Card>
      <CardHeader
        title="Import a registry"
        description="Check a document first: the preview lists every error, or exactly what would be added and changed. Nothing is saved until you import."
      />
      <div className="space-y-5 px-5 py-5">
        {imported ? <ImportedNotice fileName={imported.fileName} result={imported.result} /> : null}
        <SourcePicker onFile={readFile} onPaste={(text) => check({ body: text, fileName: "Pasted JSON" })} busy={preview.isPending} />

        <div aria-live="polite" className="space-y-4">
          {readError ? <ErrorState title="The file was not checked" message={readError} /> : null}
          {preview.isPending ? (
            <p className="flex items-center gap-2 text-sm text-slate-600" role="status">
              <Loader2 className="size-4 animate-spin" aria-hidden />
              Checking {source?.fileName}…
            </p>
          ) : preview.isError ? (
            <ErrorState title="The document could not be checked" message={preview.error.message} onRetry={() => source && check(source)} />
          ) : result && source ? (
            result.ok ? (
              <PreviewPanel
                fileName={source.fileName}
                kinds={result.kinds}
                warnings={result.warnings}
                totalChanges={result.totalChanges}
                applying={apply.isPending}
                applyError={apply.error?.message ?? null}
                onApply={() => apply.mutate({ source, planHash: result.planHash })}
                onRecheck={() => check(source)}
                onCancel={startOver}
              />
            ) : (
              <ErrorsPanel fileName={source.fileName} errors={result.errors} onCancel={startOver} />
            )
          ) : null}
        </div>
      </div>
    </Card>
  );
}

function SourcePicker({ onFile, onPaste, busy }: { onFile: (file: File | undefined) => void; onPaste: (text: string) => void; busy: boolean }) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const pasteId = useId();
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState("");
  return (
    <div className="space-y-3">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          onFile(e.dataTransfer.files[0]);
        }}
        className={cn(
          "flex flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors",
          dragging ? "border-indigo-400 bg-indigo-50" : "border-slate-300 bg-slate-50/60",
        )}
      >
        <FileJson className="size-8 text-slate-400" aria-hidden />
        <p className="text-sm text-slate-600">Drop a registry file here, or</p>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          className="peer sr-only"
          aria-describedby={hintId}
          disabled={busy}
          onChange={(e) => {
            onFile(e.target.files?.[0]);
            // Choosing the same file again (after fixing it) must check it again.
            e.target.value = "";
          }}
        />
        <label htmlFor={inputId} className={buttonClass("secondary", "md", "cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60")}>
          <Upload className="size-4" aria-hidden />
          Choose a registry file (.json)
        </label>
        <p id={hintId} className="text-xs text-slate-500">
          A <code className="font-mono">transfer-registry/v1</code> document, for example an earlier export. Up to {MAX_IMPORT_SIZE_LABEL}.
        </p>
      </div>
      <details className="group rounded-lg border border-slate-200">
        <summary className="cursor-pointer rounded-lg px-4 py-2.5 text-sm font-medium text-slate-700 hover:bg-slate-50">Paste JSON instead</summary>
        <form
          className="space-y-3 border-t border-slate-100 px-4 py-4"
          onSubmit={(e) => {
            e.preventDefault();
            onPaste(pasted);
          }}
        >
          <label htmlFor={pasteId} className="block text-sm font-medium text-slate-800">
            Registry JSON
          </label>
          <textarea
            id={pasteId}
            rows={8}
            spellCheck={false}
            className={inputClass(false, "font-mono text-xs")}
            placeholder='{ "format": "transfer-registry/v1", "parties": [ … ], "safeguards": [ … ], "transfers": [ … ] }'
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
          />
          <Button type="submit" variant="secondary" disabled={pasted.trim() === ""} loading={busy}>
            Check pasted JSON
          </Button>
        </form>
      </details>
    </div>
  );
}

function ErrorsPanel({ fileName, errors, onCancel }: { fileName: string; errors: ImportIssue[]; onCancel: () => void }) {
  return (
    <section aria-labelledby="import-errors-title" className="space-y-3">
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        <h3 id="import-errors-title" className="font-semibold">
          {fileName} cannot be imported: {plural(errors.length, "error", "errors")}
          {errors.length >= 1000 ? " (the first 1,000 are shown)" : ""}
        </h3>
        <p className="mt-1">Nothing has been changed. A document is imported whole or not at all: fix each problem below, then choose the file again.</p>
      </div>
      <div className="overflow-hidden rounded-lg border border-slate-200">
        <Table label="Import errors">
          <thead className="bg-slate-50">
            <tr>
              <Th className="w-1/3">Where (JSON path)</Th>
              <Th>Problem</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {errors.map((e, i) => (
              <tr key={`${e.path}-${i}`}>
                <Td className="font-mono text-xs break-all text-slate-900">{e.path}</Td>
                <Td>{e.message}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <Button variant="secondary" onClick={onCancel}>
        Clear
      </Button>
    </section>
  );
}

function PreviewPanel({
  fileName,
  kinds,
  warnings,
  totalChanges,
  applying,
  applyError,
  onApply,
  onRecheck,
  onCancel,
}: {
  fileName: string;
  kinds: Record<EntityKind, KindPreview>;
  warnings: ImportIssue[];
  totalChanges: number;
  applying: boolean;
  applyError: string | null;
  onApply: () => void;
  onRecheck: () => void;
  onCancel: () => void;
}) {
  return (
    <section aria-labelledby="import-preview-title" className="space-y-4">
      <div>
        <h3 id="import-preview-title" className="text-base font-semibold text-slate-900">
          Preview of {fileName}
        </h3>
        <p className="mt-0.5 text-sm text-slate-500">
          {totalChanges === 0
            ? "The document is valid and the registry already matches it: there is nothing to import."
            : `The document is valid. Importing it makes ${plural(totalChanges, "change", "changes")}, each recorded in the audit log.`}
        </p>
      </div>

      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" aria-label="Summary">
        {KINDS.map(({ kind, one, many, title }) => {
          const c = kinds[kind].counts;
          return (
            <li key={kind} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
              <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</p>
              <p className={cn("mt-1 text-sm", c.added ? "font-medium text-emerald-700" : "text-slate-500")}>{plural(c.added, one, many)} to add</p>
              <p className={cn("text-sm", c.changed ? "font-medium text-indigo-700" : "text-slate-500")}>{plural(c.changed, one, many)} to change</p>
              <p className="text-sm text-slate-500">{plural(c.unchanged, one, many)} unchanged</p>
            </li>
          );
        })}
      </ul>

      <div className="space-y-2">
        {KINDS.filter(({ kind }) => kinds[kind].counts.added + kinds[kind].counts.changed + kinds[kind].counts.unchanged > 0).map((k) => (
          <KindDetails key={k.kind} title={k.title} preview={kinds[k.kind]} />
        ))}
      </div>

      {warnings.length ? (
        <Notice tone="warning">
          <p className="font-semibold">{plural(warnings.length, "field is", "fields are")} not kept</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {warnings.slice(0, 20).map((w, i) => (
              <li key={`${w.path}-${i}`}>
                <code className="font-mono text-xs">{w.path}</code> {w.message}
              </li>
            ))}
            {warnings.length > 20 ? <li>… and {warnings.length - 20} more</li> : null}
          </ul>
        </Notice>
      ) : null}

      <Notice tone="info">
        An import never deletes: parties, safeguards and transfers that are in the registry but not in this file stay as they are. For the entities in the file, the
        file wins: a field it leaves out is cleared.
      </Notice>

      {applyError ? <ErrorState title="Nothing was imported" message={applyError} onRetry={onRecheck} /> : null}

      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={onApply} disabled={totalChanges === 0} loading={applying}>
          {applying ? "Importing…" : totalChanges === 0 ? "Nothing to import" : `Import ${plural(totalChanges, "change", "changes")}`}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={applying}>
          Cancel
        </Button>
      </div>
    </section>
  );
}

function KindDetails({ title, preview }: { title: string; preview: KindPreview }) {
  const c = preview.counts;
  const parts = [c.added ? `${c.added} to add` : null, c.changed ? `${c.changed} to change` : null, c.unchanged ? `${c.unchanged} unchanged` : null].filter(Boolean);
  return (
    <details className="rounded-lg border border-slate-200 bg-white">
      <summary className="cursor-pointer rounded-lg px-4 py-2.5 text-sm hover:bg-slate-50">
        <span className="font-medium text-slate-900">{title}</span> <span className="text-slate-500">({parts.join(", ")})</span>
      </summary>
      <div className="space-y-4 border-t border-slate-100 px-4 py-3">
        <EntityList heading={`To add (${c.added})`} items={preview.added} total={c.added} tone="green" />
        <EntityList heading={`To change (${c.changed})`} items={preview.changed} total={c.changed} tone="indigo" showFields />
        {c.unchanged ? (
          <details>
            <summary className="cursor-pointer text-xs font-semibold tracking-wide text-slate-500 uppercase hover:text-slate-700">Unchanged ({c.unchanged})</summary>
            <EntityList heading={`Unchanged (${c.unchanged})`} items={preview.unchanged} total={c.unchanged} tone="slate" hideHeading />
          </details>
        ) : null}
      </div>
    </details>
  );
}

function EntityList({
  heading,
  items,
  total,
  tone,
  showFields = false,
  hideHeading = false,
}: {
  heading: string;
  items: PlannedEntity[];
  total: number;
  tone: "green" | "indigo" | "slate";
  showFields?: boolean;
  hideHeading?: boolean;
}) {
  if (total === 0) return null;
  return (
    <div>
      {hideHeading ? null : <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{heading}</h4>}
      <ul className="mt-1.5 divide-y divide-slate-100 text-sm" aria-label={heading}>
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-1.5">
            <span className="text-slate-900">{item.label}</span>
            <span className="font-mono text-xs text-slate-400">{item.id}</span>
            {showFields && item.fields.length ? (
              <span className="flex flex-wrap gap-1" aria-label="Changed fields">
                {item.fields.map((f) => (
                  <Badge key={f} tone={tone}>
                    {f}
                  </Badge>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {total > items.length ? <p className="mt-1 text-xs text-slate-500">… and {(total - items.length).toLocaleString("en-GB")} more</p> : null}
    </div>
  );
}

function ImportedNotice({ fileName, result }: { fileName: string; result: RegistryImportResult }) {
  const done = KINDS.flatMap(({ kind, one, many }) => {
    const c = result.counts[kind];
    return [c.added ? `${plural(c.added, one, many)} added` : null, c.changed ? `${plural(c.changed, one, many)} changed` : null].filter((x): x is string => x !== null);
  });
  return (
    <div role="status" className="flex items-start gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
      <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-emerald-600" aria-hidden />
      <div>
        <p className="font-semibold">{fileName} was imported</p>
        <p className="mt-0.5">{done.length ? `${done.join(", ")}.` : "Nothing needed to change."} Every change is recorded in the audit log.</p>
        <p className="mt-2 flex gap-4">
          <AsOfLink href="/parties" className="font-medium text-emerald-800 underline underline-offset-2 hover:text-emerald-950">
            View parties
          </AsOfLink>
          <AsOfLink href="/audit" className="font-medium text-emerald-800 underline underline-offset-2 hover:text-emerald-950">
            Open the audit log
          </AsOfLink>
        </p>
      </div>
    </div>
  );
}
