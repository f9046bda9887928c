"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { Plus, Trash2 } from "lucide-react";
import { useAsOfRouter } from "@/app/_components/as-of";
import { useState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { fieldsFailure, saveFailure, type SaveFailure } from "@/app/_components/form-errors";
import { KB_KIND_SINGULAR } from "@/app/_components/kb-labels";
import { useToast } from "@/app/_components/toast";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Field, fieldId, inputClass } from "@/app/_components/ui/field";
import { useUnsavedChanges } from "@/app/_components/use-unsaved-changes";
import { useTRPC } from "@/app/_trpc/client";
import type { KbEntry, KbKind } from "@/server/domain/kb/types";
import { checkDraft, draftToEntry, friendlyMessage, isEmptyDraft, KB_FIELDS, newDraft, toDraft, type Draft, type DraftValue, type KbField } from "./kb-fields";

type Mode = "create" | "edit";
type Errors = Record<string, string>;

const isDraft = (v: DraftValue | undefined): v is Draft => typeof v === "object" && v !== null && !Array.isArray(v);

/** The value at a dotted path ("windows.0.lastSignDate") of a draft. */
function getIn(draft: DraftValue | undefined, path: string): DraftValue | undefined {
  let v: DraftValue | undefined = draft;
  for (const part of path.split(".")) {
    if (Array.isArray(v)) v = v[Number(part)];
    else if (isDraft(v)) v = v[part];
    else return undefined;
  }
  return v;
}

/** A copy of the draft with the value at `path` replaced. */
function setIn(draft: DraftValue, parts: string[], value: DraftValue): DraftValue {
  if (parts.length === 0) return value;
  const [head, ...rest] = parts as [string, ...string[]];
  if (Array.isArray(draft)) return draft.map((item, i) => (i === Number(head) ? (setIn(item, rest, value) as Draft) : item));
  const obj = isDraft(draft) ? draft : {};
  return { ...obj, [head]: setIn(obj[head] ?? null, rest, value) };
}

/** Where a nested field sits, in words ("When each regime accepts it › EU/EEA GDPR"), for the error summary. */
function contextOf(fields: readonly KbField[], draft: Draft, path: string): string {
  const parts = path.split(".");
  const words: string[] = [];
  let level: readonly KbField[] = fields;
  let value: DraftValue | undefined = draft;
  for (let i = 0; i < parts.length - 1; i++) {
    const f = level.find((x) => x.key === parts[i]);
    if (!f || (f.type !== "group" && f.type !== "object")) break;
    words.push(f.label);
    value = isDraft(value) ? value[f.key] : undefined;
    if (f.type === "group" && /^\d+$/.test(parts[i + 1] ?? "")) {
      const index = Number(parts[++i]);
      const item: Draft | undefined = Array.isArray(value) ? value[index] : undefined;
      words.push(f.itemTitle(item ?? {}, index));
      value = item;
    }
    level = f.fields;
  }
  return words.join(" › ");
}

function serverErrors(kind: KbKind, error: unknown): Errors {
  const data = error instanceof TRPCClientError ? (error.data as { fieldErrors?: Record<string, string> | null } | undefined) : undefined;
  const out: Errors = {};
  for (const [path, message] of Object.entries(data?.fieldErrors ?? {})) out[path] = friendlyMessage(kind, message);
  return out;
}

/**
 * The knowledge-base editor for any kind of entry, rendered from the kind's field descriptions (kb-fields.ts).
 * A date is asked for only when adding an entry: an existing entry keeps an empty date empty. Missing values
 * are named before sending; the server's refusals come back by path and are shown at their field.
 */
export function KbEntryForm({ kind, entry, version }: { kind: KbKind; entry?: KbEntry; version?: number }) {
  const trpc = useTRPC();
  const router = useAsOfRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const fields = KB_FIELDS[kind];
  // Freeze the version the editor opened: a later refetch must never turn a stale edit into an overwrite.
  const [original] = useState(entry && version ? { entry, version } : null);
  const mode: Mode = original ? "edit" : "create";
  const [opened] = useState<Draft>(() => (entry ? toDraft(fields, entry as unknown as Record<string, unknown>) : newDraft(kind)));
  const [draft, setDraft] = useState<Draft>(opened);
  const release = useUnsavedChanges(JSON.stringify(draft) !== JSON.stringify(opened));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<SaveFailure | null>(null);

  const onSaved = async (saved: { id: string }) => {
    await queryClient.invalidateQueries({ queryKey: trpc.kb.pathKey() });
    release();
    const noun = KB_KIND_SINGULAR[kind];
    toast(original ? "Entry saved." : `${noun.charAt(0).toUpperCase()}${noun.slice(1)} added.`);
    router.push(`/knowledge-base/${encodeURIComponent(saved.id)}`);
  };
  const onError = (error: unknown) => {
    const found = serverErrors(kind, error);
    setErrors(found);
    setFailure(
      Object.keys(found).length
        ? fieldsFailure(Object.keys(found).length)
        : saveFailure(error, "entry", Boolean(original)),
    );
  };
  const create = useMutation(trpc.kb.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.kb.update.mutationOptions({ onSuccess: onSaved, onError }));
  const busy = create.isPending || update.isPending;

  const set = (path: string, value: DraftValue) => {
    setDraft((d) => setIn(d, path.split("."), value) as Draft);
    setErrors((e) => {
      const stale = Object.keys(e).filter((k) => k === path || k.startsWith(`${path}.`));
      if (stale.length === 0) return e;
      const next = { ...e };
      for (const k of stale) delete next[k];
      return next;
    });
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const problems = checkDraft(fields, draft, mode);
    if (Object.keys(problems).length) {
      setErrors(problems);
      setFailure(fieldsFailure(Object.keys(problems).length));
      return;
    }
    setFailure(null);
    const data = draftToEntry(kind, draft, original?.entry);
    if (original) update.mutate({ id: original.entry.id, version: original.version, data });
    else create.mutate({ data });
  }

  // The summary names where a nested field sits; the field itself shows the bare message.
  const summary: Errors = {};
  for (const [path, message] of Object.entries(errors)) {
    const where = path.includes(".") ? contextOf(fields, draft, path) : "";
    summary[path] = where ? `${message} (${where})` : message;
  }

  const ctx: Ctx = { mode, errors, set, opened };
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <ErrorSummary failure={failure} errors={summary} />
      <Card className="p-4 sm:p-6">
        <FieldGrid fields={fields} value={draft} prefix="" ctx={ctx} />
      </Card>
      <div className="flex flex-wrap justify-end gap-3">
        <ButtonLink href={original ? `/knowledge-base/${encodeURIComponent(original.entry.id)}` : "/knowledge-base"} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" loading={busy}>
          {original ? "Save changes" : `Add ${KB_KIND_SINGULAR[kind]}`}
        </Button>
      </div>
    </form>
  );
}

interface Ctx {
  mode: Mode;
  errors: Errors;
  set: (path: string, value: DraftValue) => void;
  opened: Draft;
}

function FieldGrid({ fields, value, prefix, ctx }: { fields: readonly KbField[]; value: Draft; prefix: string; ctx: Ctx }) {
  return (
    <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
      {fields.map((f) => (
        <FieldControl key={f.key} field={f} around={value} path={`${prefix}${f.key}`} ctx={ctx} />
      ))}
    </div>
  );
}

function FieldControl({ field: f, around, path, ctx }: { field: KbField; around: Draft; path: string; ctx: Ctx }) {
  const value = around[f.key] ?? null;
  const error = ctx.errors[path];
  const wide = f.wide || f.type === "group" || f.type === "object" ? "md:col-span-2" : undefined;
  const required = f.required === true || f.required === ctx.mode || (f.requiredIf?.(around) ?? false);
  const locked = ctx.mode === "edit" && f.fixed === true;
  const openedValue = getIn(ctx.opened, path);
  const emptyAtOpen = ctx.mode === "edit" && openedValue !== undefined && isEmptyDraft(openedValue);
  const hint = locked ? "Cannot change once the entry exists." : emptyAtOpen && f.emptyHint ? [f.hint, f.emptyHint].filter(Boolean).join(" ") : f.hint;
  const text = typeof value === "string" ? value : "";

  switch (f.type) {
    case "group":
      return <GroupControl field={f} value={value} path={path} ctx={ctx} hint={hint} />;
    case "object":
      return (
        <fieldset className={`${wide} min-w-0 rounded-lg border border-slate-200 p-4`}>
          <legend className="px-1 text-sm font-semibold text-slate-900">{f.label}</legend>
          {hint ? <p className="mb-3 text-xs text-slate-500">{hint}</p> : null}
          {error ? (
            <p className="mb-3 text-sm text-red-600" role="alert">
              {error}
            </p>
          ) : null}
          <FieldGrid fields={f.fields} value={isDraft(value) ? value : {}} prefix={`${path}.`} ctx={ctx} />
        </fieldset>
      );
    case "checkbox":
      return (
        <div className={wide}>
          <div className="flex items-start gap-2">
            <input
              id={fieldId(path)}
              type="checkbox"
              className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
              checked={value === true}
              disabled={locked}
              aria-describedby={hint ? `${fieldId(path)}-hint` : undefined}
              onChange={(e) => ctx.set(path, e.target.checked)}
            />
            <label htmlFor={fieldId(path)} className="text-sm font-medium text-slate-800">
              {f.label}
            </label>
          </div>
          {hint ? (
            <p id={`${fieldId(path)}-hint`} className="mt-1 pl-6 text-xs text-slate-500">
              {hint}
            </p>
          ) : null}
        </div>
      );
    case "nullableText": {
      const isNull = value === null;
      return (
        <Field label={f.label} name={path} hint={hint} error={error} className={wide}>
          {(p) => (
            <div className="space-y-2">
              <input {...p} className={inputClass(Boolean(error))} value={text} disabled={isNull} onChange={(e) => ctx.set(path, e.target.value)} />
              <label className="flex items-center gap-2 text-xs text-slate-700">
                <input type="checkbox" className="size-4 rounded border-slate-300 text-indigo-600" checked={isNull} onChange={(e) => ctx.set(path, e.target.checked ? null : "")} />
                {f.nullLabel}
              </label>
            </div>
          )}
        </Field>
      );
    }
    case "select": {
      const known = f.options.some((o) => o.value === text);
      return (
        <Field label={f.label} name={path} hint={hint} error={error} required={required} className={wide}>
          {(p) => (
            <select {...p} className={inputClass(Boolean(error))} value={text} disabled={locked} onChange={(e) => ctx.set(path, e.target.value)}>
              {!required || !text ? <option value="">{required ? "Choose…" : (f.emptyLabel ?? "None")}</option> : null}
              {text && !known ? <option value={text}>{text}</option> : null}
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
    }
    case "lines":
    case "textarea":
      return (
        <Field label={f.label} name={path} hint={hint} error={error} required={required} className={wide}>
          {(p) => (
            <textarea
              {...p}
              rows={Math.min(8, Math.max(f.type === "lines" ? 3 : 2, text.split("\n").length + 1))}
              className={inputClass(Boolean(error))}
              value={text}
              disabled={locked}
              onChange={(e) => ctx.set(path, e.target.value)}
            />
          )}
        </Field>
      );
    default:
      return (
        <Field label={f.label} name={path} hint={hint} error={error} required={required} className={wide}>
          {(p) => (
            <input
              {...p}
              type={f.type === "url" ? "url" : f.type === "date" ? "date" : "text"}
              inputMode={f.type === "url" ? "url" : undefined}
              className={inputClass(Boolean(error))}
              value={text}
              disabled={locked}
              onChange={(e) => ctx.set(path, e.target.value)}
            />
          )}
        </Field>
      );
  }
}

function GroupControl({ field: f, value, path, ctx, hint }: { field: Extract<KbField, { type: "group" }>; value: DraftValue; path: string; ctx: Ctx; hint?: string }) {
  const items = Array.isArray(value) ? value : null;
  const error = ctx.errors[path];
  const legendId = `${fieldId(path)}-legend`;
  return (
    <fieldset className="min-w-0 rounded-lg border border-slate-200 p-4 md:col-span-2" aria-describedby={hint ? `${fieldId(path)}-hint` : undefined}>
      <legend id={legendId} className="px-1 text-sm font-semibold text-slate-900">
        {f.label}
      </legend>
      {hint ? (
        <p id={`${fieldId(path)}-hint`} className="mb-3 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="mb-3 text-sm text-red-600" role="alert">
          {error}
        </p>
      ) : null}
      {f.nullLabel ? (
        <label className="mb-3 flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" id={fieldId(path)} className="size-4 rounded border-slate-300 text-indigo-600" checked={items === null} onChange={(e) => ctx.set(path, e.target.checked ? null : [])} />
          {f.nullLabel}
        </label>
      ) : null}
      {items ? (
        <>
          {items.length === 0 ? <p className="mb-3 text-sm text-slate-500">None yet.</p> : null}
          <ol className="space-y-4">
            {items.map((item, i) => {
              const title = f.itemTitle(item, i);
              const headingId = `${fieldId(`${path}.${i}`)}-title`;
              return (
                <li key={i} className="rounded-md bg-slate-50 p-4 ring-1 ring-slate-200" aria-labelledby={headingId}>
                  <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                    <h2 id={headingId} className="text-sm font-semibold text-slate-800">
                      {title}
                    </h2>
                    <Button variant="ghost" size="sm" aria-label={`Remove ${title}`} onClick={() => ctx.set(path, items.filter((_, j) => j !== i))}>
                      <Trash2 className="size-4" aria-hidden />
                      Remove
                    </Button>
                  </div>
                  <FieldGrid fields={f.fields} value={item} prefix={`${path}.${i}.`} ctx={ctx} />
                </li>
              );
            })}
          </ol>
          <Button variant="secondary" size="sm" className="mt-4" onClick={() => ctx.set(path, [...items, toDraft(f.fields, {})])}>
            <Plus className="size-4" aria-hidden />
            {f.addLabel}
          </Button>
        </>
      ) : null}
    </fieldset>
  );
}
