"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, ClipboardCopy, FileText, Loader2, Save, Upload } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import { useId, useState } from "react";
import { withAsOf } from "@/app/_components/as-of";
import { useCan } from "@/app/_components/session";
import { useToast } from "@/app/_components/toast";
import { useUrlState } from "@/app/_components/use-url-state";
import { Badge } from "@/app/_components/ui/badge";
import { Button, buttonClass } from "@/app/_components/ui/button";
import { Card, CardHeader, PageHeader } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { inputClass } from "@/app/_components/ui/field";
import { EmptyState, ErrorState, Notice, Skeleton, TableSkeleton } from "@/app/_components/ui/states";
import { Pagination, Table, Td, Th } from "@/app/_components/ui/table";
import { TabList } from "@/app/_components/ui/tabs";
import { useTRPC } from "@/app/_trpc/client";
import { FINDING_KIND_LABELS, FINDING_SEVERITY_LABELS, type Finding, type FindingSeverity } from "@/server/domain/notice/compare";
import type { GeneratedNoticeSection, NoticeCheckResult } from "@/server/services/notice";
import { NOTICE_DEFAULTS, NOTICE_HISTORY_PAGE_SIZE, noticeGenerateInput, noticeHistoryInput } from "./notice-inputs";

type Tab = "generate" | "check";
const TABS: { key: Tab; label: string }[] = [
  { key: "generate", label: "Generate" },
  { key: "check", label: "Check a notice" },
];

const SEVERITY_TONE: Record<FindingSeverity, "red" | "amber" | "blue" | "green"> = { error: "red", warning: "amber", info: "blue", ok: "green" };
const COUNT_WORDS: Record<FindingSeverity, [string, string]> = { error: ["error", "errors"], warning: ["warning", "warnings"], info: ["note", "notes"], ok: ["match", "matches"] };
const MAX_FILE_BYTES = 6 * 1024 * 1024;

/** The preview of generated HTML: headings, lists and the CCPA table styled without a typography plugin. */
const PROSE =
  "max-w-none text-sm text-slate-700 [&_h2]:mb-2 [&_h2]:text-base [&_h2]:font-semibold [&_h2]:text-slate-900 [&_h3]:mt-4 [&_h3]:mb-1 [&_h3]:font-semibold [&_h3]:text-slate-900 [&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-5 [&_table]:my-3 [&_table]:min-w-[40rem] [&_table]:border-collapse [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1.5 [&_td]:align-top [&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:px-2 [&_th]:py-1.5 [&_th]:text-left";

export function NoticeView() {
  const [state, update] = useUrlState(NOTICE_DEFAULTS);
  const tab: Tab = state.tab === "check" ? "check" : "generate";
  const asOf = noticeGenerateInput(state).asOf;
  return (
    <>
      <PageHeader
        title="Privacy notice"
        description="Generate the transfers, recipients and CCPA sections of your privacy notice from the registry, check a published notice against it, and keep a dated record of both."
      />
      <div className="mb-5 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="notice-as-of" className="block text-sm font-medium text-slate-700">
            Registry as of
          </label>
          <input
            id="notice-as-of"
            type="date"
            className={inputClass(false, "mt-1 w-44")}
            value={state.asOf}
            onChange={(e) => update({ asOf: e.target.value }, { resetPage: false })}
            aria-describedby="notice-as-of-hint"
          />
        </div>
        {state.asOf ? (
          <button type="button" onClick={() => update({ asOf: "" }, { resetPage: false })} className="h-9 rounded-md px-3 text-sm font-medium text-indigo-700 hover:bg-indigo-50">
            Back to today
          </button>
        ) : null}
        <p id="notice-as-of-hint" className="text-sm text-slate-500">
          {asOf ? `Sections and checks use the registry and the verdicts as of ${asOf}.` : "Sections and checks use today’s registry. Choose a date to see what a notice should have said then."}
        </p>
      </div>
      <TabList label="Privacy notice" tabs={TABS} selected={tab} onSelect={(key) => update({ tab: key }, { resetPage: false })} />
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="space-y-6">
        {tab === "generate" ? <GeneratePanel asOf={asOf} /> : <CheckPanel asOf={asOf} />}
      </div>
      <div className="mt-8">
        <HistoryCard page={noticeHistoryInput(state).page} onPage={(page) => update({ page: String(page) }, { resetPage: false })} />
      </div>
    </>
  );
}

function useCopy() {
  const toast = useToast();
  return async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast(`${what} copied to the clipboard.`);
    } catch {
      toast(`${what} could not be copied: your browser refused access to the clipboard.`);
    }
  };
}

function GeneratePanel({ asOf }: { asOf: string | undefined }) {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const toast = useToast();
  const generated = useQuery(trpc.notice.generate.queryOptions({ asOf }));
  const save = useMutation(
    trpc.notice.saveGenerated.mutationOptions({
      onSuccess: async (record) => {
        toast(`Sections as of ${record.asOf} stored in the history.`);
        await queryClient.invalidateQueries({ queryKey: trpc.notice.history.queryKey() });
      },
    }),
  );
  if (generated.isError) return <ErrorState title="The sections could not be generated" message={generated.error.message} onRetry={() => generated.refetch()} />;
  if (generated.isPending) return <TableSkeleton rows={6} columns={1} />;
  const data = generated.data;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          Generated from the registry as of <strong>{data.asOf}</strong>, knowledge base {data.kbVersion}. Copy each section into your notice as Markdown or HTML.
        </p>
        {can("notice.manage") ? (
          <Button variant="secondary" loading={save.isPending} onClick={() => save.mutate({ asOf })}>
            <Save className="size-4" aria-hidden />
            Store these sections
          </Button>
        ) : null}
      </div>
      {save.isError ? <ErrorState title="The sections were not stored" message={save.error.message} /> : null}
      {data.notes.length > 0 ? (
        <Notice tone="warning">
          <p className="font-medium">For the data protection officer (not part of the notice)</p>
          <ul className="mt-1 list-disc pl-5">
            {data.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {data.sections.map((section) => (
        <SectionCard key={section.key} section={section} />
      ))}
    </>
  );
}

function SectionCard({ section }: { section: GeneratedNoticeSection }) {
  const copy = useCopy();
  const [view, setView] = useState<"preview" | "markdown" | "html">("preview");
  const id = useId();
  return (
    <Card>
      <CardHeader
        title={section.title}
        actions={
          <>
            <Button variant="secondary" size="sm" onClick={() => copy(section.markdown, `${section.title} (Markdown)`)}>
              <ClipboardCopy className="size-4" aria-hidden />
              Copy Markdown
            </Button>
            <Button variant="secondary" size="sm" onClick={() => copy(section.html, `${section.title} (HTML)`)}>
              <ClipboardCopy className="size-4" aria-hidden />
              Copy HTML
            </Button>
          </>
        }
      />
      <div className="px-5 py-4">
        <fieldset className="mb-3 flex flex-wrap gap-4 text-sm">
          <legend className="sr-only">Show {section.title} as</legend>
          {(["preview", "markdown", "html"] as const).map((v) => (
            <label key={v} className="inline-flex items-center gap-1.5">
              <input type="radio" name={`${id}-view`} checked={view === v} onChange={() => setView(v)} />
              {v === "preview" ? "Preview" : v === "markdown" ? "Markdown" : "HTML"}
            </label>
          ))}
        </fieldset>
        {view === "preview" ? (
          <div className="overflow-x-auto">
            {/* Generated on the server from registry aggregates; every registry or knowledge-base string is Markdown-escaped. */}
            <div className={PROSE} dangerouslySetInnerHTML={{ __html: section.html }} />
          </div>
        ) : (
          <pre className="max-h-96 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap text-slate-800" aria-label={`${section.title} as ${view === "markdown" ? "Markdown" : "HTML"}`} tabIndex={0}>
            {view === "markdown" ? section.markdown : section.html}
          </pre>
        )}
      </div>
    </Card>
  );
}

type Source = { kind: "text"; text: string } | { kind: "html"; html: string } | { kind: "pdf"; base64: string };

async function readNoticeFile(file: File): Promise<Source> {
  const name = file.name.toLowerCase();
  if (name.endsWith(".pdf") || file.type === "application/pdf") {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { kind: "pdf", base64: btoa(binary) };
  }
  const text = await file.text();
  if (name.endsWith(".html") || name.endsWith(".htm") || file.type === "text/html") return { kind: "html", html: text };
  return { kind: "text", text };
}

function CheckPanel({ asOf }: { asOf: string | undefined }) {
  const can = useCan();
  if (!can("notice.manage")) {
    return (
      <Card>
        <EmptyState title="Checking a notice is open to the data protection officer">
          You can read the generated sections and the stored checks in the history below.
        </EmptyState>
      </Card>
    );
  }
  return <CheckForm asOf={asOf} />;
}

function CheckForm({ asOf }: { asOf: string | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [text, setText] = useState("");
  const [file, setFile] = useState<{ name: string; source: Source } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [checkedName, setCheckedName] = useState<string>("");
  const check = useMutation(trpc.notice.check.mutationOptions());
  const save = useMutation(
    trpc.notice.saveCheck.mutationOptions({
      onSuccess: async (record) => {
        toast(`Check of ${record.sourceName ?? "the notice"} stored in the history.`);
        await queryClient.invalidateQueries({ queryKey: trpc.notice.history.queryKey() });
      },
    }),
  );
  const fileId = useId();
  const source = (): { source: Source; name: string } | null => {
    if (file) return { source: file.source, name: file.name };
    if (text.trim() === "") return null;
    return { source: { kind: "text", text }, name: "Pasted text" };
  };
  const run = (store: boolean) => {
    const s = source();
    if (!s) {
      setFormError("Paste the notice's text or choose a file first.");
      return;
    }
    setFormError(null);
    setCheckedName(s.name);
    if (store) save.mutate({ asOf, source: s.source, sourceName: s.name });
    check.mutate({ asOf, source: s.source });
  };

  return (
    <>
      <Card>
        <CardHeader title="Check a published notice" description="Paste the notice or upload it (text, HTML or PDF). The claims about transfers, recipients and CCPA disclosures are compared with the registry." />
        <form
          className="space-y-4 px-5 py-5"
          onSubmit={(e) => {
            e.preventDefault();
            run(false);
          }}
          noValidate
        >
          <div>
            <label htmlFor="notice-text" className="block text-sm font-medium text-slate-700">
              Notice text
            </label>
            <textarea
              id="notice-text"
              rows={8}
              className={inputClass(Boolean(formError), "mt-1 font-mono text-xs")}
              value={text}
              disabled={file !== null}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={formError ? true : undefined}
              aria-describedby={formError ? "notice-form-error" : "notice-text-hint"}
              placeholder="Paste the text of your privacy notice here…"
            />
            <p id="notice-text-hint" className="mt-1 text-xs text-slate-500">
              The whole notice works best: the check looks for the transfers section, the recipients and the CCPA tables.
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <input
              id={fileId}
              type="file"
              accept=".txt,.text,.md,.html,.htm,.pdf,text/plain,text/html,application/pdf"
              className="peer sr-only"
              onChange={async (e) => {
                const chosen = e.target.files?.[0];
                e.target.value = "";
                if (!chosen) return;
                if (chosen.size > MAX_FILE_BYTES) {
                  setFormError(`${chosen.name} is larger than 6 MB, the most the check reads.`);
                  return;
                }
                try {
                  setFile({ name: chosen.name, source: await readNoticeFile(chosen) });
                  setFormError(null);
                } catch {
                  setFormError(`${chosen.name} could not be read. Choose it again.`);
                }
              }}
            />
            <label htmlFor={fileId} className={buttonClass("secondary", "md", "cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-600")}>
              <Upload className="size-4" aria-hidden />
              Upload a file (.txt, .html, .pdf)
            </label>
            {file ? (
              <span className="inline-flex items-center gap-2 text-sm text-slate-700">
                <FileText className="size-4 text-slate-500" aria-hidden />
                {file.name}
                <button type="button" className="font-medium text-indigo-700 underline underline-offset-2" onClick={() => setFile(null)}>
                  Remove
                </button>
              </span>
            ) : null}
          </div>
          {formError ? (
            <p id="notice-form-error" role="alert" className="text-sm text-red-700">
              {formError}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" loading={check.isPending && !save.isPending}>
              Check notice
            </Button>
            <Button type="button" variant="secondary" loading={save.isPending} onClick={() => run(true)}>
              <Save className="size-4" aria-hidden />
              Check and store in the history
            </Button>
          </div>
          {save.isError ? <ErrorState title="The check was not stored" message={save.error.message} /> : null}
        </form>
      </Card>
      <div aria-live="polite">
        {check.isPending ? (
          <p className="flex items-center gap-2 text-sm text-slate-600" role="status">
            <Loader2 className="size-4 animate-spin" aria-hidden />
            Checking {checkedName}…
          </p>
        ) : check.isError ? (
          <ErrorState title="The notice could not be checked" message={check.error.message} />
        ) : check.data ? (
          <Findings result={check.data} name={checkedName} />
        ) : null}
      </div>
    </>
  );
}

function Findings({ result, name }: { result: NoticeCheckResult; name: string }) {
  const [show, setShow] = useState<"problems" | "all">("problems");
  const visible = show === "all" ? result.findings : result.findings.filter((f) => f.severity !== "ok");
  return (
    <Card>
      <CardHeader
        title={`Findings for ${name}`}
        description={`Registry as of ${result.asOf} · knowledge base ${result.kbVersion} · claim rules ${result.rulesVersion} · ${result.claims} claims found in ${result.textLength.toLocaleString("en-GB")} characters`}
      />
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-3">
        {(["error", "warning", "info", "ok"] as const).map((s) => (
          <Badge key={s} tone={SEVERITY_TONE[s]}>
            {result.counts[s]} {COUNT_WORDS[s][result.counts[s] === 1 ? 0 : 1]}
          </Badge>
        ))}
        <label className="ml-auto inline-flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={show === "all"} onChange={(e) => setShow(e.target.checked ? "all" : "problems")} />
          Show matches too
        </label>
      </div>
      {visible.length === 0 ? (
        <EmptyState title="No problems found">Every claim the rules found agrees with the registry as of {result.asOf}.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Findings">
          {visible.map((f, i) => (
            <FindingItem key={`${f.kind}-${f.subject}-${i}`} finding={f} asOf={result.asOf} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function FindingItem({ finding, asOf }: { finding: Finding; asOf: string }) {
  return (
    <li className="px-5 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={SEVERITY_TONE[finding.severity]}>{FINDING_SEVERITY_LABELS[finding.severity]}</Badge>
        <span className="text-sm font-semibold text-slate-900">{FINDING_KIND_LABELS[finding.kind]}</span>
        <span className="text-sm text-slate-600">· {finding.subject}</span>
      </div>
      {finding.quote ? (
        <blockquote className="mt-2 border-l-4 border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800 italic">
          “{finding.quote}”{finding.line ? <span className="ml-2 text-xs text-slate-500 not-italic">line {finding.line}</span> : null}
        </blockquote>
      ) : (
        <p className="mt-2 text-sm text-slate-500 italic">Not stated in the notice.</p>
      )}
      <p className="mt-2 text-sm text-slate-700">{finding.message}</p>
      {finding.links.length > 0 ? (
        <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {finding.links.map((l) => (
            <AsOfLink key={l.href} href={withAsOf(l.href, asOf)} className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
              {l.label}
            </AsOfLink>
          ))}
        </p>
      ) : null}
    </li>
  );
}

function HistoryCard({ page, onPage }: { page: number; onPage: (page: number) => void }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.notice.history.queryOptions({ page, pageSize: NOTICE_HISTORY_PAGE_SIZE }));
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card>
      <CardHeader title="History" description="Generated sections and checks stored by the data protection officer, with the registry date, the versions used and a SHA-256 of what was stored." />
      {history.isError ? (
        <div className="p-5">
          <ErrorState title="The history could not be loaded" message={history.error.message} onRetry={() => history.refetch()} />
        </div>
      ) : history.isPending ? (
        <TableSkeleton rows={3} columns={5} />
      ) : history.data.total === 0 ? (
        <EmptyState title="Nothing stored yet">Store generated sections or a check to keep a dated record of what the notice said and what the registry held.</EmptyState>
      ) : (
        <>
          <Table label="Stored notice records" stacked>
            <thead className="bg-slate-50">
              <tr>
                <Th>Stored</Th>
                <Th>What</Th>
                <Th>Registry as of</Th>
                <Th>Versions</Th>
                <Th>SHA-256</Th>
                <Th>Result</Th>
                <Th>
                  <span className="sr-only">Details</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {history.data.rows.map((r) => (
                <tr key={r.id}>
                  <Td label="Stored">
                    {r.createdAt.slice(0, 16).replace("T", " ")} UTC
                    <span className="block text-xs text-slate-500">{r.createdBy}</span>
                  </Td>
                  <Td label="What">{r.kind === "check" ? `Check of ${r.sourceName ?? "a notice"}` : "Generated sections"}</Td>
                  <Td label="Registry as of">{r.asOf}</Td>
                  <Td label="Versions">
                    <span className="block text-xs">Knowledge base {r.kbVersion}</span>
                    <span className="block text-xs text-slate-500">{r.rulesVersion}</span>
                  </Td>
                  <Td label="SHA-256">
                    <code className="font-mono text-xs" title={r.sha256}>
                      {r.sha256.slice(0, 12)}…
                    </code>
                  </Td>
                  <Td label="Result">{r.summary}</Td>
                  <Td>
                    <Button variant="ghost" size="sm" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>
                      {open === r.id ? "Hide" : "View"}
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {open ? <RecordDetail id={open} /> : null}
          <Pagination page={page} pageSize={NOTICE_HISTORY_PAGE_SIZE} total={history.data.total} onPage={onPage} noun="records" />
        </>
      )}
    </Card>
  );
}

function RecordDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const copy = useCopy();
  const record = useQuery(trpc.notice.record.queryOptions({ id }));
  if (record.isError) return <ErrorState title="The record could not be loaded" message={record.error.message} />;
  if (record.isPending) return <Skeleton className="m-5 h-24" />;
  const r = record.data;
  const content = JSON.parse(r.content) as { sections?: GeneratedNoticeSection[]; text?: string; findings?: Finding[] };
  return (
    <section aria-label="Stored record" className={cn("border-t border-slate-200 bg-slate-50/60 px-5 py-4 text-sm")}>
      <p className="text-slate-600">
        Stored {r.createdAt.replace("T", " ").slice(0, 19)} UTC by {r.createdBy} · SHA-256 <code className="font-mono text-xs break-all">{r.sha256}</code>
      </p>
      {content.sections ? (
        <div className="mt-3 space-y-3">
          {content.sections.map((s) => (
            <div key={s.key}>
              <div className="flex items-center justify-between gap-2">
                <h3 className="font-semibold text-slate-900">{s.title}</h3>
                <Button variant="secondary" size="sm" onClick={() => copy(s.markdown, `${s.title} (Markdown)`)}>
                  <ClipboardCopy className="size-4" aria-hidden />
                  Copy Markdown
                </Button>
              </div>
              <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-white p-3 font-mono text-xs whitespace-pre-wrap ring-1 ring-slate-200" tabIndex={0} aria-label={`${s.title} as stored`}>
                {s.markdown}
              </pre>
            </div>
          ))}
        </div>
      ) : (
        <div className="mt-3 space-y-2">
          <p className="font-medium text-slate-900">{r.summary}</p>
          <ul className="list-disc space-y-1 pl-5">
            {(content.findings ?? [])
              .filter((f) => f.severity !== "ok")
              .map((f, i) => (
                <li key={i}>
                  <span className="font-medium">{FINDING_SEVERITY_LABELS[f.severity]}:</span> {FINDING_KIND_LABELS[f.kind]} · {f.subject}
                  {f.quote ? <span className="text-slate-500"> — “{f.quote}”</span> : null}
                </li>
              ))}
          </ul>
          <details>
            <summary className="cursor-pointer font-medium text-indigo-700">The notice text as checked</summary>
            <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-white p-3 font-mono text-xs whitespace-pre-wrap ring-1 ring-slate-200" tabIndex={0} aria-label="Notice text as checked">
              {content.text}
            </pre>
          </details>
        </div>
      )}
      <p className="mt-3 flex items-center gap-1 text-xs text-slate-500">
        <Check className="size-3.5" aria-hidden /> Records are never changed after they are stored; the audit log lists who stored each one.
      </p>
    </section>
  );
}
