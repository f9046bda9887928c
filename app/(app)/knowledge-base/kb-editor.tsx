"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useAsOfRouter } from "@/app/_components/as-of";
import { useState } from "react";
import { ADEQUACY_STATUS_LABELS, END_REASON_LABELS } from "@/app/_components/kb-labels";
import { useToast } from "@/app/_components/toast";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Field, inputClass } from "@/app/_components/ui/field";
import { ErrorState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import { COUNTRIES, countryName } from "@/server/countries";
import {
  ADEQUACY_SCOPES,
  ADEQUACY_STATUSES,
  END_REASONS,
  FRAMEWORKS,
  REGIMES,
  type AdequacyEntry,
  type KbEntry,
} from "@/server/domain/kb/types";

interface Saved {
  id: string;
}

function useSave(existing: { id: string; version: number } | null) {
  const trpc = useTRPC();
  const router = useAsOfRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [error, setError] = useState<{ title: string; message: string; fields: Record<string, string> } | null>(null);
  const onSuccess = async (saved: Saved) => {
    await queryClient.invalidateQueries({ queryKey: trpc.kb.pathKey() });
    toast(existing ? "Entry saved." : "Entry added.");
    router.push(`/knowledge-base/${encodeURIComponent(saved.id)}`);
  };
  const onError = (e: unknown) => {
    const data = e instanceof TRPCClientError ? (e.data as { code?: string; fieldErrors?: Record<string, string> | null }) : undefined;
    setError({
      title: data?.code === "CONFLICT" ? "Not saved: the entry changed meanwhile" : "Not saved",
      message: e instanceof Error ? e.message : "The entry could not be saved.",
      fields: data?.fieldErrors ?? {},
    });
  };
  const create = useMutation(trpc.kb.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.kb.update.mutationOptions({ onSuccess, onError }));
  const save = (data: Record<string, unknown>) => {
    setError(null);
    if (existing) update.mutate({ id: existing.id, version: existing.version, data });
    else create.mutate({ data });
  };
  return { save, error, busy: create.isPending || update.isPending };
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** A structured form for adequacy decisions: the entry a DPO most often adds. */
export function AdequacyForm({ entry, version }: { entry?: AdequacyEntry; version?: number }) {
  const [original] = useState(entry && version ? { id: entry.id, version } : null);
  const { save, error, busy } = useSave(original);
  const [f, setF] = useState({
    id: entry?.id ?? "",
    regime: entry?.regime ?? "EU",
    destination: entry?.destination ?? "",
    destinationName: entry?.destinationName ?? "",
    scope: entry?.scope ?? "full",
    scopeCode: entry?.scopeCode ?? "",
    scopeText: entry?.scopeText ?? "",
    framework: entry?.framework ?? "",
    instrument: entry?.instrument ?? "",
    instrumentUri: entry?.instrumentUri ?? "",
    legalBasis: entry?.legalBasis ?? "GDPR Art. 45(3)",
    adopted: entry?.adopted ?? "",
    published: entry?.published ?? "",
    effectiveFrom: entry?.effectiveFrom ?? "",
    endDate: entry?.endDate ?? "",
    endReason: entry?.endReason ?? "",
    status: entry?.status ?? "in_force",
    sources: (entry?.sources ?? []).join("\n"),
    unconfirmed: entry?.unconfirmed ?? "",
    notes: entry?.notes ?? "",
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f, v: string) => setF((x) => ({ ...x, [k]: v }));
  const err = (k: string) => local[k] ?? error?.fields[k];

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!f.destination) problems.destination = "Choose the country (or enter an organisation id such as org:EPO).";
    if (!f.instrument.trim()) problems.instrument = "Name the instrument, e.g. “Commission Implementing Decision (EU) 2026/179”.";
    if (!f.effectiveFrom && !f.adopted) problems.effectiveFrom = "Give the date from which the decision covers transfers.";
    if (lines(f.sources).length === 0) problems.sources = "Cite at least one source (a URL to the decision or the authority’s page).";
    if (f.scope === "partial" && !f.scopeText.trim()) problems.scopeText = "Describe which recipients the partial decision covers.";
    setLocal(problems);
    if (Object.keys(problems).length) return;
    // A destination can have several decisions over time (a renewal, a replacement): the date keeps ids apart.
    const id = f.id || `${f.regime.toLowerCase()}-adequacy-${f.destination.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${f.effectiveFrom || f.adopted}`;
    const data: Record<string, unknown> = {
      id,
      kind: "adequacy",
      regime: f.regime,
      destination: f.destination,
      destinationName: f.destinationName || countryName(f.destination) || f.destination,
      scope: f.scope,
      scopeCode: f.scopeCode || null,
      scopeText: f.scopeText || (f.scope === "full" ? "Full" : ""),
      framework: f.framework || null,
      instrument: f.instrument.trim(),
      instrumentUri: f.instrumentUri || null,
      legalBasis: f.legalBasis,
      adopted: f.adopted || null,
      published: f.published || null,
      effectiveFrom: f.effectiveFrom || null,
      endDate: f.endDate || null,
      endReason: f.endReason || null,
      status: f.status,
      sources: lines(f.sources),
    };
    if (f.unconfirmed.trim()) data.unconfirmed = f.unconfirmed.trim();
    if (f.notes.trim()) data.notes = f.notes.trim();
    save(data);
  }

  const isCountry = COUNTRIES.some((c) => c.code === f.destination);
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      {error ? <ErrorState title={error.title} message={error.message} /> : null}
      <Card className="p-6">
        <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
          <Field label="Regime" required hint="Whose decision: the EU Commission, the UK (regulations), or Switzerland (Annex 1 DPO).">
            {(p) => (
              <select {...p} className={inputClass(false)} value={f.regime} onChange={(e) => set("regime", e.target.value)} disabled={Boolean(original)}>
                {REGIMES.map((r) => (
                  <option key={r} value={r}>
                    {r === "EU" ? "EU / EEA (GDPR)" : r === "UK" ? "United Kingdom (UK GDPR)" : "Switzerland (FADP)"}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Destination" required error={err("destination")} hint="The country the decision covers.">
            {(p) => (
              <select {...p} className={inputClass(Boolean(err("destination")))} value={isCountry || !f.destination ? f.destination : ""} onChange={(e) => set("destination", e.target.value)} disabled={Boolean(original)}>
                <option value="">{!isCountry && f.destination ? f.destination : "Choose…"}</option>
                {COUNTRIES.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Scope" required>
            {(p) => (
              <select {...p} className={inputClass(false)} value={f.scope} onChange={(e) => set("scope", e.target.value)}>
                {ADEQUACY_SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {s === "full" ? "Full" : "Partial (only some recipients)"}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Scope in words" error={err("scopeText")} hint="Shown in verdicts, e.g. “Recipients subject to PIPEDA”.">
            {(p) => <input {...p} className={inputClass(Boolean(err("scopeText")))} value={f.scopeText} onChange={(e) => set("scopeText", e.target.value)} />}
          </Field>
          <Field label="Scope code" error={err("scopeCode")} hint="Optional short code (pipeda, appi, pipa…).">
            {(p) => <input {...p} className={inputClass(false)} value={f.scopeCode} onChange={(e) => set("scopeCode", e.target.value)} />}
          </Field>
          <Field label="Required US framework" error={err("framework")} hint="Only for US decisions: the recipient must hold this certification.">
            {(p) => (
              <select {...p} className={inputClass(false)} value={f.framework} onChange={(e) => set("framework", e.target.value)}>
                <option value="">None</option>
                {FRAMEWORKS.map((fw) => (
                  <option key={fw}>{fw}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Instrument" required error={err("instrument")} className="md:col-span-2">
            {(p) => <input {...p} className={inputClass(Boolean(err("instrument")))} value={f.instrument} onChange={(e) => set("instrument", e.target.value)} />}
          </Field>
          <Field label="Instrument URI (ELI / EUR-Lex)" error={err("instrumentUri")}>
            {(p) => <input {...p} type="url" className={inputClass(false)} value={f.instrumentUri} onChange={(e) => set("instrumentUri", e.target.value)} />}
          </Field>
          <Field label="Legal basis" error={err("legalBasis")}>
            {(p) => <input {...p} className={inputClass(false)} value={f.legalBasis} onChange={(e) => set("legalBasis", e.target.value)} />}
          </Field>
          <Field label="Adopted" error={err("adopted")}>
            {(p) => <input {...p} type="date" className={inputClass(Boolean(err("adopted")))} value={f.adopted} onChange={(e) => set("adopted", e.target.value)} />}
          </Field>
          <Field label="Published (Official Journal)" error={err("published")}>
            {(p) => <input {...p} type="date" className={inputClass(Boolean(err("published")))} value={f.published} onChange={(e) => set("published", e.target.value)} />}
          </Field>
          <Field label="Covers transfers from" required error={err("effectiveFrom")} hint="Defaults to the adoption date.">
            {(p) => <input {...p} type="date" className={inputClass(Boolean(err("effectiveFrom")))} value={f.effectiveFrom} onChange={(e) => set("effectiveFrom", e.target.value)} />}
          </Field>
          <Field label="Last day covered" error={err("endDate")} hint="Sunset, or the day before it became invalid. Empty: still in force.">
            {(p) => <input {...p} type="date" className={inputClass(Boolean(err("endDate")))} value={f.endDate} onChange={(e) => set("endDate", e.target.value)} />}
          </Field>
          <Field label="End reason" error={err("endReason")}>
            {(p) => (
              <select {...p} className={inputClass(false)} value={f.endReason} onChange={(e) => set("endReason", e.target.value)}>
                <option value="">None</option>
                {END_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {END_REASON_LABELS[r] ?? r}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Status" error={err("status")}>
            {(p) => (
              <select {...p} className={inputClass(false)} value={f.status} onChange={(e) => set("status", e.target.value)}>
                {ADEQUACY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {ADEQUACY_STATUS_LABELS[s] ?? s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Sources" required error={err("sources")} hint="One URL or source key per line." className="md:col-span-2">
            {(p) => <textarea {...p} rows={3} className={inputClass(Boolean(err("sources")))} value={f.sources} onChange={(e) => set("sources", e.target.value)} />}
          </Field>
          <Field label="UNCONFIRMED note" hint="Leave empty once verified against the primary source. When filled, the entry is flagged UNCONFIRMED everywhere." className="md:col-span-2">
            {(p) => <textarea {...p} rows={2} className={inputClass(false)} value={f.unconfirmed} onChange={(e) => set("unconfirmed", e.target.value)} />}
          </Field>
          <Field label="Notes" className="md:col-span-2">
            {(p) => <textarea {...p} rows={2} className={inputClass(false)} value={f.notes} onChange={(e) => set("notes", e.target.value)} />}
          </Field>
        </div>
      </Card>
      <div className="flex justify-end gap-3">
        <ButtonLink href={original ? `/knowledge-base/${encodeURIComponent(original.id)}` : "/knowledge-base"} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" loading={busy}>
          {original ? "Save changes" : "Add adequacy decision"}
        </Button>
      </div>
    </form>
  );
}

/** Any other kind of entry: edited as JSON, validated by the server against the schema for its kind. */
export function JsonEntryEditor({ entry, version }: { entry: KbEntry; version: number }) {
  const [original] = useState({ id: entry.id, version });
  const { save, error, busy } = useSave(original);
  const [text, setText] = useState(JSON.stringify(entry, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        try {
          const data = JSON.parse(text) as Record<string, unknown>;
          setParseError(null);
          save(data);
        } catch (x) {
          setParseError(`Not valid JSON: ${(x as Error).message}`);
        }
      }}
    >
      {error ? (
        <ErrorState title={error.title} message={Object.keys(error.fields).length ? Object.entries(error.fields).map(([k, v]) => `${k}: ${v}`).join(" · ") : error.message} />
      ) : null}
      <Card className="p-6">
        <Field label="Entry (JSON)" error={parseError} hint="The id and kind cannot change. Dates are YYYY-MM-DD; an UNCONFIRMED note goes in “unconfirmed”.">
          {(p) => <textarea {...p} rows={24} spellCheck={false} className={inputClass(Boolean(parseError), "font-mono text-xs")} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
      </Card>
      <div className="flex justify-end gap-3">
        <ButtonLink href={`/knowledge-base/${encodeURIComponent(entry.id)}`} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" loading={busy}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
