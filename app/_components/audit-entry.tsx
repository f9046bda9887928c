"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import { useState } from "react";
import { auditActionLabel, entityTypeLabel } from "./labels";
import { formatDateTime } from "./party-labels";
import { Badge } from "./ui/badge";

export interface AuditRow {
  id: number;
  at: string;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

/** Bookkeeping fields that change on every edit and say nothing to a reader. */
const NOISE = new Set(["version", "updatedAt", "createdAt"]);

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === "object" ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { value: json };
  }
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.length ? v.map((x) => (x !== null && typeof x === "object" ? JSON.stringify(x) : String(x))).join(", ") : "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A record's field name in words: `processingLocations` → "Processing locations". */
export function fieldWords(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return (words.charAt(0).toUpperCase() + words.slice(1)).replace(/\buri\b/g, "URI").replace(/\bid\b/g, "id");
}

/** Where a record the audit trail names is shown, if it has a page. */
const RECORD_PAGES: Record<string, string> = { party: "/parties/", transfer: "/transfers/", safeguard: "/safeguards/", kb_entry: "/knowledge-base/" };

/**
 * The fields whose values differ between before and after. Nested records (a knowledge-base entry's
 * `windows[]`, `provisions`) are compared field by field, so an edit of one date names that date
 * ("Windows #1 › Last sign date") rather than two whole lists.
 */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const out: { field: string; before: string; after: string }[] = [];
  const walk = (b: unknown, a: unknown, path: string[]) => {
    const nested =
      (isPlain(b) && isPlain(a)) ||
      (Array.isArray(b) && Array.isArray(a) && b.length === a.length && b.length > 0 && [...b, ...a].every(isPlain));
    if (nested) {
      const keys = Array.isArray(b) ? b.map((_, i) => String(i)) : [...new Set([...Object.keys(b as object), ...Object.keys(a as object)])];
      for (const k of keys) walk((b as Record<string, unknown>)[k], (a as Record<string, unknown>)[k], [...path, k]);
    } else if (JSON.stringify(b ?? null) !== JSON.stringify(a ?? null)) {
      out.push({ field: path.map((seg) => (/^\d+$/.test(seg) ? `#${Number(seg) + 1}` : fieldWords(seg))).join(" › "), before: show(b), after: show(a) });
    }
  };
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) if (!NOISE.has(k)) walk(before?.[k], after?.[k], [k]);
  return out;
}

const VERB_TONE: Record<string, "green" | "indigo" | "amber" | "slate" | "red"> = {
  create: "green",
  update: "indigo",
  archive: "amber",
  restore: "slate",
  delete: "red",
};

export function AuditEntry({ row, showEntity = false }: { row: AuditRow; showEntity?: boolean }) {
  const [open, setOpen] = useState(false);
  const before = parse(row.before);
  const after = parse(row.after);
  const changes = changedFields(before, after);
  const verb = row.action.split(".")[1] ?? row.action;
  return (
    <li className="px-5 py-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span data-action={row.action}>
          <Badge tone={VERB_TONE[verb] ?? "slate"}>{auditActionLabel(row.action)}</Badge>
        </span>
        {showEntity ? (
          <span className="text-xs text-slate-600">
            {entityTypeLabel(row.entityType)}{" "}
            {RECORD_PAGES[row.entityType] && row.action !== "certification.delete" ? (
              <AsOfLink href={`${RECORD_PAGES[row.entityType]}${encodeURIComponent(row.entityId)}`} className="font-mono text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
                {row.entityId}
              </AsOfLink>
            ) : (
              <span className="font-mono">{row.entityId}</span>
            )}
          </span>
        ) : null}
        <span className="text-slate-700">
          by <span className="font-medium">{row.actorEmail}</span>
        </span>
        <time dateTime={row.at} className="text-slate-500">
          {formatDateTime(row.at)}
        </time>
      </div>
      {!before && after ? (
        <p className="mt-2 text-sm text-slate-600">
          Created{typeof after.name === "string" ? <> as <span className="font-medium text-slate-800">{after.name}</span></> : null}.
        </p>
      ) : null}
      {changes.length > 0 && before ? (
        <ul className="mt-2 space-y-1 text-sm" aria-label="Changed fields">
          {changes.slice(0, open ? undefined : 4).map((c) => (
            <li key={c.field} className="text-slate-600">
              <span className="font-medium text-slate-800">{c.field}</span>: <del className="text-red-700/80">{c.before}</del> →{" "}
              <ins className="text-emerald-700 no-underline">{c.after}</ins>
            </li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        className="mt-2 inline-flex items-center gap-1 text-xs font-medium text-indigo-600 hover:text-indigo-800"
      >
        {open ? <ChevronDown className="size-3.5" aria-hidden /> : <ChevronRight className="size-3.5" aria-hidden />}
        {open ? "Hide" : "Show"} full record{before && changes.length > 4 && !open ? ` (${changes.length - 4} more changes)` : ""}
      </button>
      {open ? (
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          <pre className="max-h-72 overflow-auto rounded-md bg-slate-50 p-3 text-xs text-slate-700" aria-label="Before">
            {before ? JSON.stringify(before, null, 2) : "(nothing: created)"}
          </pre>
          <pre className="max-h-72 overflow-auto rounded-md bg-slate-50 p-3 text-xs text-slate-700" aria-label="After">
            {after ? JSON.stringify(after, null, 2) : "(nothing)"}
          </pre>
        </div>
      ) : null}
    </li>
  );
}
