"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useAsOfRouter } from "@/app/_components/as-of";
import { ErrorSummary } from "@/app/_components/error-summary";
import { saveFailure, type FieldErrors, type SaveFailure } from "@/app/_components/form-errors";
import { kbSummary } from "@/app/_components/kb-labels";
import { PartyPicker, SafeguardMultiPicker } from "@/app/_components/pickers";
import { useToast } from "@/app/_components/toast";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { CountrySelect } from "@/app/_components/ui/country-select";
import { Field, inputClass } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { FRAMEWORK_LABELS, REGIME_LABELS, SCENARIO_CHANGE_LABELS } from "@/server/domain/labels";
import type { FrameworkId, RegimeId } from "@/server/domain/kb/types";
import type { ScenarioChange, ScenarioChangeKind } from "@/server/domain/scenarios";
import type { Scenario } from "@/server/services/scenarios";

const KINDS = Object.keys(SCENARIO_CHANGE_LABELS) as ScenarioChangeKind[];
const REGIMES: RegimeId[] = ["EU", "UK", "CH"];
const FRAMEWORKS = Object.keys(FRAMEWORK_LABELS) as FrameworkId[];

interface Draft {
  kind: ScenarioChangeKind;
  entryId: string;
  regime: RegimeId;
  country: string;
  partyId: string;
  framework: string;
  safeguardId: string;
  date: string;
}

const emptyDraft = (kind: ScenarioChangeKind = "kb_entry_ends"): Draft => ({ kind, entryId: "", regime: "EU", country: "", partyId: "", framework: "", safeguardId: "", date: "" });

function toDraft(c: ScenarioChange): Draft {
  switch (c.kind) {
    case "kb_entry_ends":
      return { ...emptyDraft(c.kind), entryId: c.entryId, date: c.invalidFrom };
    case "new_adequacy":
      return { ...emptyDraft(c.kind), regime: c.regime, country: c.country, date: c.from };
    case "certification_lapses":
      return { ...emptyDraft(c.kind), partyId: c.partyId, framework: c.framework ?? "", date: c.invalidFrom };
    case "safeguard_ends":
      return { ...emptyDraft(c.kind), safeguardId: c.safeguardId, date: c.invalidFrom };
  }
}

/** The change as the API takes it (the server validates it). */
function fromDraft(d: Draft) {
  switch (d.kind) {
    case "kb_entry_ends":
      return { kind: d.kind, entryId: d.entryId, invalidFrom: d.date };
    case "new_adequacy":
      return { kind: d.kind, regime: d.regime, country: d.country, from: d.date };
    case "certification_lapses":
      return { kind: d.kind, partyId: d.partyId, framework: d.framework || null, invalidFrom: d.date };
    case "safeguard_ends":
      return { kind: d.kind, safeguardId: d.safeguardId, invalidFrom: d.date };
  }
}

/** Field messages keyed by their full path (`changes.0.invalidFrom`), from the input's issues and the service. */
function fieldErrorsOf(error: unknown): FieldErrors {
  const data = error instanceof TRPCClientError ? (error.data as { inputIssues?: { path: (string | number)[]; message: string }[] | null; fieldErrors?: Record<string, string> | null } | undefined) : undefined;
  const out: FieldErrors = {};
  for (const issue of data?.inputIssues ?? []) {
    const path = issue.path[0] === "fields" ? issue.path.slice(1) : issue.path;
    out[path.join(".") || "form"] ??= issue.message;
  }
  for (const [k, v] of Object.entries(data?.fieldErrors ?? {})) out[k] = v;
  return out;
}

/** The knowledge-base entries a scenario can end: adequacy decisions and US frameworks, by title. */
function useEndableEntries() {
  const trpc = useTRPC();
  const adequacy = useQuery(trpc.kb.list.queryOptions({ kind: "adequacy" }));
  const frameworks = useQuery(trpc.kb.list.queryOptions({ kind: "framework" }));
  const option = (r: { id: string; entry: Parameters<typeof kbSummary>[0] }) => {
    const s = kbSummary(r.entry);
    return { id: r.id, label: `${s.regime ? `${s.regime} · ` : ""}${s.title}${s.dates ? ` (${s.dates})` : ""}` };
  };
  return {
    loading: adequacy.isPending || frameworks.isPending,
    groups: [
      { label: "US frameworks", options: (frameworks.data ?? []).map(option) },
      { label: "Adequacy decisions", options: (adequacy.data ?? []).map(option) },
    ],
  };
}

export function ScenarioForm({ scenario }: { scenario?: Scenario }) {
  const trpc = useTRPC();
  const router = useAsOfRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const entries = useEndableEntries();
  const [name, setName] = useState(scenario?.name ?? "");
  const [description, setDescription] = useState(scenario?.description ?? "");
  const [asOf, setAsOf] = useState(scenario?.asOf ?? "");
  const [changes, setChanges] = useState<Draft[]>(scenario ? scenario.changes.map(toDraft) : [emptyDraft()]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<SaveFailure | null>(null);

  const onError = (error: unknown) => {
    setErrors(fieldErrorsOf(error));
    setFormError(saveFailure(error, "scenario", Boolean(scenario)));
  };
  const onSaved = (saved: Scenario) => {
    void queryClient.invalidateQueries({ queryKey: trpc.scenario.pathKey() });
    toast(scenario ? "Scenario saved." : "Scenario created.");
    router.push(`/scenarios/${saved.id}`);
  };
  const create = useMutation(trpc.scenario.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.scenario.update.mutationOptions({ onSuccess: onSaved, onError }));
  const saving = create.isPending || update.isPending;

  const setChange = (i: number, patch: Partial<Draft>) => setChanges((list) => list.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    const fields = { name, description, asOf, changes: changes.map(fromDraft) };
    if (scenario) update.mutate({ id: scenario.id, version: scenario.version, fields: fields as never });
    else create.mutate(fields as never);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <ErrorSummary failure={formError} errors={errors} />
      <Card className="p-6">
        <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
          <Field label="Name" name="name" required error={errors.name} hint='For example "EU-US DPF invalid from 2027-01-01".'>
            {(p) => <input {...p} className={inputClass(Boolean(errors.name))} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Evaluate as of" name="asOf" required error={errors.asOf} hint="The day on which the transfers are judged with and without the changes.">
            {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.asOf), "w-48")} value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
          </Field>
          <Field label="Description" name="description" error={errors.description} className="md:col-span-2">
            {(p) => <textarea {...p} rows={2} className={inputClass(Boolean(errors.description))} value={description} onChange={(e) => setDescription(e.target.value)} />}
          </Field>
        </div>
      </Card>

      <Card className="p-6">
        <h2 className="text-base font-semibold text-slate-900">Hypothetical changes</h2>
        <p className="mt-1 text-sm text-slate-600">Applied to a copy of the knowledge base and of the registry while the scenario runs; nothing real changes.</p>
        {errors.changes ? (
          <p className="mt-2 text-sm text-red-600" role="alert">
            {errors.changes}
          </p>
        ) : null}
        <ol className="mt-4 space-y-4">
          {changes.map((d, i) => {
            const err = (field: string) => errors[`changes.${i}.${field}`] ?? errors[`changes.${i}`];
            return (
              <li key={i} className="rounded-lg border border-slate-200 p-4" aria-label={`Change ${i + 1}`}>
                <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
                  <Field label={`Change ${i + 1}`} name={`changes.${i}.kind`} error={errors[`changes.${i}.kind`]}>
                    {(p) => (
                      <select {...p} className={inputClass(false)} value={d.kind} onChange={(e) => setChange(i, { ...emptyDraft(e.target.value as ScenarioChangeKind), date: d.date })}>
                        {KINDS.map((k) => (
                          <option key={k} value={k}>
                            {SCENARIO_CHANGE_LABELS[k]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  {d.kind === "kb_entry_ends" ? (
                    <Field label="Knowledge-base entry" name={`changes.${i}.entryId`} required error={err("entryId")} className="md:col-span-2">
                      {(p) => (
                        <select {...p} className={inputClass(Boolean(err("entryId")))} value={d.entryId} onChange={(e) => setChange(i, { entryId: e.target.value })}>
                          <option value="">{entries.loading ? "Loading…" : "Choose a decision or framework…"}</option>
                          {entries.groups.map((g) => (
                            <optgroup key={g.label} label={g.label}>
                              {g.options.map((o) => (
                                <option key={o.id} value={o.id}>
                                  {o.label}
                                </option>
                              ))}
                            </optgroup>
                          ))}
                        </select>
                      )}
                    </Field>
                  ) : null}
                  {d.kind === "new_adequacy" ? (
                    <>
                      <Field label="Regime" name={`changes.${i}.regime`} required error={err("regime")}>
                        {(p) => (
                          <select {...p} className={inputClass(false)} value={d.regime} onChange={(e) => setChange(i, { regime: e.target.value as RegimeId })}>
                            {REGIMES.map((r) => (
                              <option key={r} value={r}>
                                {REGIME_LABELS[r]}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                      <Field label="Country" name={`changes.${i}.country`} required error={err("country")}>
                        {(p) => <CountrySelect {...p} value={d.country} onChange={(country) => setChange(i, { country })} />}
                      </Field>
                    </>
                  ) : null}
                  {d.kind === "certification_lapses" ? (
                    <>
                      <PartyPicker label="Recipient" required error={err("partyId")} placeholder="Search the parties…" value={d.partyId} onChange={(party) => setChange(i, { partyId: party?.id ?? "" })} />
                      <Field label="Certification" name={`changes.${i}.framework`} error={err("framework")}>
                        {(p) => (
                          <select {...p} className={inputClass(false)} value={d.framework} onChange={(e) => setChange(i, { framework: e.target.value })}>
                            <option value="">All its certifications</option>
                            {FRAMEWORKS.map((f) => (
                              <option key={f} value={f}>
                                {FRAMEWORK_LABELS[f]}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                    </>
                  ) : null}
                  {d.kind === "safeguard_ends" ? (
                    <SafeguardMultiPicker
                      label="Safeguard"
                      required
                      showAll
                      className="md:col-span-2"
                      error={err("safeguardId")}
                      placeholder="Search the safeguards…"
                      value={d.safeguardId ? [d.safeguardId] : []}
                      onChange={(ids) => setChange(i, { safeguardId: ids[ids.length - 1] ?? "" })}
                    />
                  ) : null}
                  <Field
                    label={d.kind === "new_adequacy" ? "Applies from" : "No longer applies from"}
                    name={`changes.${i}.${d.kind === "new_adequacy" ? "from" : "invalidFrom"}`}
                    required
                    error={errors[`changes.${i}.invalidFrom`] ?? errors[`changes.${i}.from`]}
                  >
                    {(p) => <input {...p} type="date" className={inputClass(Boolean(errors[`changes.${i}.invalidFrom`] ?? errors[`changes.${i}.from`]), "w-48")} value={d.date} onChange={(e) => setChange(i, { date: e.target.value })} />}
                  </Field>
                </div>
                {changes.length > 1 ? (
                  <Button variant="ghost" size="sm" className="mt-3" onClick={() => setChanges((list) => list.filter((_, j) => j !== i))}>
                    <Trash2 className="size-4" aria-hidden />
                    Remove change {i + 1}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ol>
        <Button variant="secondary" size="sm" className="mt-4" onClick={() => setChanges((list) => [...list, emptyDraft()])} disabled={changes.length >= 20}>
          <Plus className="size-4" aria-hidden />
          Add a change
        </Button>
      </Card>

      <div className="flex justify-end gap-3">
        <ButtonLink href={scenario ? `/scenarios/${scenario.id}` : "/scenarios"} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" loading={saving}>
          {scenario ? "Save scenario" : "Create scenario"}
        </Button>
      </div>
    </form>
  );
}
