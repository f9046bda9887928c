"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useAsOfRouter } from "@/app/_components/as-of";
import { useState } from "react";
import { PartyMultiPicker } from "@/app/_components/pickers";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Field, inputClass } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import type { SafeguardFieldsInput } from "@/server/schemas/safeguard";
import {
  BCR_VARIANT_LABELS,
  BCR_VARIANTS,
  DEROGATION_BASES,
  DEROGATION_BASIS_LABELS,
  SAFEGUARD_TYPE_LABELS,
  SAFEGUARD_TYPES,
  SCC_MODULE_LABELS,
  SCC_MODULES,
  SCC_VERSION_LABELS,
  SCC_VERSIONS,
  type SafeguardType,
} from "@/server/domain/choices/safeguard-labels";
import type { SafeguardView } from "@/server/services/safeguards";
import { ErrorSummary } from "@/app/_components/error-summary";
import { useToast } from "@/app/_components/toast";
import { useUnsavedChanges } from "@/app/_components/use-unsaved-changes";
import { saveFailure, serverFieldErrors, type FieldErrors, type SaveFailure } from "@/app/_components/form-errors";

interface FormState {
  id: string;
  type: string;
  title: string;
  partyIds: string[];
  sccVersion: string;
  modules: number[];
  signed: string;
  approved: string;
  ended: string;
  dockingClause: boolean;
  ukAddendum: boolean;
  ukAddendumVersion: string;
  swissAdaptations: boolean;
  supervisoryAuthority: string;
  governingLaw: string;
  idtaVersion: string;
  bcrVariant: string;
  approvingAuthority: string;
  reference: string;
  derogationBasis: string;
  justification: string;
  saInformedOn: string;
  notes: string;
}

const EMPTY: FormState = {
  id: "",
  type: "",
  title: "",
  partyIds: [],
  sccVersion: "",
  modules: [],
  signed: "",
  approved: "",
  ended: "",
  dockingClause: false,
  ukAddendum: false,
  ukAddendumVersion: "",
  swissAdaptations: false,
  supervisoryAuthority: "",
  governingLaw: "",
  idtaVersion: "",
  bcrVariant: "",
  approvingAuthority: "",
  reference: "",
  derogationBasis: "",
  justification: "",
  saInformedOn: "",
  notes: "",
};

function fromSafeguard(s: SafeguardView): FormState {
  const text = (v: string | null) => v ?? "";
  return {
    id: s.id,
    type: s.type,
    title: s.title,
    partyIds: s.partyIds,
    sccVersion: text(s.sccVersion),
    modules: s.modules,
    signed: text(s.signed),
    approved: text(s.approved),
    ended: text(s.ended),
    dockingClause: s.dockingClause,
    ukAddendum: s.ukAddendum,
    ukAddendumVersion: text(s.ukAddendumVersion),
    swissAdaptations: s.swissAdaptations,
    supervisoryAuthority: text(s.supervisoryAuthority),
    governingLaw: text(s.governingLaw),
    idtaVersion: text(s.idtaVersion),
    bcrVariant: text(s.bcrVariant),
    approvingAuthority: text(s.approvingAuthority),
    reference: text(s.reference),
    derogationBasis: text(s.derogationBasis),
    justification: text(s.justification),
    saInformedOn: text(s.saInformedOn),
    notes: text(s.notes),
  };
}

/** The form as the server's input: the server validates it (the zod schema never reaches the browser). */
function toInput(s: FormState): SafeguardFieldsInput {
  const { id: _id, ...rest } = s;
  return {
    ...rest,
    type: s.type || undefined,
    sccVersion: s.sccVersion || null,
    bcrVariant: s.bcrVariant || null,
    derogationBasis: s.derogationBasis || null,
  } as SafeguardFieldsInput;
}

const PARTY_LABEL: Partial<Record<SafeguardType, { label: string; hint: string }>> = {
  scc: { label: "Signing parties", hint: "The exporter(s) and importer(s) that signed the clauses." },
  uk_idta: { label: "Signing parties", hint: "The exporter and importer that signed the IDTA." },
  bcr: { label: "Member parties", hint: "The group members bound by the BCR." },
};

/** Pre-fill of a new safeguard from the URL (a flag's suggested remedy): `/safeguards/new?type=scc&version=2021/914&module=2&exporter=…&recipient=…&transfer=…`. */
export interface SafeguardPrefill {
  fields: Partial<Pick<FormState, "type" | "title" | "sccVersion" | "modules" | "ukAddendum" | "swissAdaptations" | "partyIds">>;
  /** The transfer the new safeguard is attached to when saved. */
  transferId?: string;
}

export function SafeguardForm({ safeguard: loaded, prefill }: { safeguard?: SafeguardView; prefill?: SafeguardPrefill }) {
  const trpc = useTRPC();
  const [safeguard] = useState(loaded);
  const router = useAsOfRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(safeguard ? fromSafeguard(safeguard) : { ...EMPTY, ...prefill?.fields });
  const attachTo = safeguard ? undefined : prefill?.transferId;
  // A half-filled form is not discarded silently: leaving it asks first (until it is saved).
  const [opened] = useState(() => JSON.stringify(form));
  const release = useUnsavedChanges(JSON.stringify(form) !== opened);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<SaveFailure | null>(null);

  const onSaved = async (saved: { id: string }) => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.safeguard.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.transfer.pathKey() })]);
    release();
    toast(safeguard ? "Safeguard saved." : attachTo ? "Safeguard registered and attached to the transfer." : "Safeguard registered.");
    router.push(attachTo ? `/transfers/${encodeURIComponent(attachTo)}` : `/safeguards/${saved.id}`);
  };
  const onError = (error: unknown) => {
    setErrors(serverFieldErrors(error));
    setFormError(saveFailure(error, "safeguard", Boolean(safeguard)));
  };
  const create = useMutation(trpc.safeguard.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.safeguard.update.mutationOptions({ onSuccess: onSaved, onError }));

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const fields = toInput(form);
    if (safeguard) update.mutate({ id: safeguard.id, version: safeguard.version, fields });
    else create.mutate({ id: form.id || undefined, fields, ...(attachTo ? { attachToTransferId: attachTo } : {}) });
  }

  const type = form.type as SafeguardType | "";
  const partyLabel = (type && PARTY_LABEL[type]) || { label: "Parties bound", hint: "Optional: the parties that rely on it." };
  const busy = create.isPending || update.isPending;
  const text = (key: keyof FormState, label: string, opts: { required?: boolean; hint?: string; className?: string; date?: boolean } = {}) => (
    <Field label={label} name={key} required={opts.required} error={errors[key]} hint={opts.hint} className={opts.className}>
      {(p) => (
        <input
          {...p}
          type={opts.date ? "date" : "text"}
          className={inputClass(Boolean(errors[key]))}
          value={form[key] as string}
          onChange={(e) => set(key, e.target.value as FormState[typeof key])}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <ErrorSummary failure={formError} errors={errors} />
      {attachTo ? (
        <p className="rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-900" role="note">
          Pre-filled from a flag&rsquo;s suggested remedy: once registered, this safeguard is attached to transfer <span className="font-mono">{attachTo}</span>.
        </p>
      ) : null}

      <Card className="p-6">
        <h2 className="text-base font-semibold text-slate-900">The instrument</h2>
        <div className="mt-4 grid grid-cols-1 gap-5 md:grid-cols-2">
          <Field label="Type" name="type" required error={errors.type}>
            {(p) => (
              <select {...p} disabled={Boolean(safeguard)} className={inputClass(Boolean(errors.type))} value={form.type} onChange={(e) => set("type", e.target.value)}>
                <option value="">Choose…</option>
                {SAFEGUARD_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {SAFEGUARD_TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text("title", "Title", { required: true, hint: "e.g. “SCCs Norvale GmbH – Stratus Hosting (2022)”." })}
          {!safeguard ? text("id", "Registry id", { hint: "Optional: generated from the title when empty." }) : null}

          {type === "scc" ? (
            <>
              <Field label="SCC version" name="sccVersion" required error={errors.sccVersion} hint="The Commission decision the clauses come from.">
                {(p) => (
                  <select {...p} className={inputClass(Boolean(errors.sccVersion))} value={form.sccVersion} onChange={(e) => set("sccVersion", e.target.value)}>
                    <option value="">Choose…</option>
                    {SCC_VERSIONS.map((v) => (
                      <option key={v} value={v}>
                        {SCC_VERSION_LABELS[v]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {form.sccVersion === "2021/914" ? (
                <fieldset className="md:col-span-2">
                  <legend className="text-sm font-medium text-slate-800">
                    Modules<span className="text-red-600" aria-hidden> *</span>
                  </legend>
                  <div className="mt-2 grid gap-2 sm:grid-cols-2">
                    {SCC_MODULES.map((m) => (
                      <label key={m} className="flex items-center gap-2 text-sm text-slate-700">
                        <input
                          type="checkbox"
                          className="size-4 rounded border-slate-300"
                          checked={form.modules.includes(m)}
                          onChange={(e) => set("modules", e.target.checked ? [...form.modules, m].sort() : form.modules.filter((x) => x !== m))}
                        />
                        {SCC_MODULE_LABELS[m]}
                      </label>
                    ))}
                  </div>
                  {errors.modules ? <p className="mt-1 text-sm text-red-600" role="alert">{errors.modules}</p> : null}
                </fieldset>
              ) : form.sccVersion ? (
                <p className="self-end text-sm text-slate-500">The pre-2021 sets have no modules; they cover fixed roles.</p>
              ) : null}
              {text("signed", "Signed on", { required: true, date: true })}
              {text("ended", "Ended on", { date: true, hint: "Leave empty while in force." })}
              {text("supervisoryAuthority", "Competent supervisory authority")}
              {text("governingLaw", "Governing law", { hint: "e.g. Ireland" })}
              <div className="space-y-3 md:col-span-2">
                <label className="flex items-start gap-2 text-sm text-slate-700">
                  <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" checked={form.dockingClause} onChange={(e) => set("dockingClause", e.target.checked)} />
                  Docking clause included (Clause 7)
                </label>
                <label className="flex items-start gap-2 text-sm text-slate-700">
                  <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" checked={form.ukAddendum} onChange={(e) => set("ukAddendum", e.target.checked)} />
                  <span>
                    UK Addendum attached
                    <span className="block text-xs text-slate-500">Needed for UK exporters relying on the EU SCCs (from 2022-03-21).</span>
                  </span>
                </label>
                {form.ukAddendum ? text("ukAddendumVersion", "UK Addendum version", { hint: "e.g. B1.0" }) : null}
                <label className="flex items-start gap-2 text-sm text-slate-700">
                  <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" checked={form.swissAdaptations} onChange={(e) => set("swissAdaptations", e.target.checked)} />
                  <span>
                    Swiss adaptations made
                    <span className="block text-xs text-slate-500">Needed for Swiss exporters (FDPIC, 2021-08-27).</span>
                  </span>
                </label>
              </div>
            </>
          ) : null}

          {type === "uk_idta" ? (
            <>
              {text("idtaVersion", "IDTA version", { hint: "e.g. A1.0" })}
              {text("signed", "Signed on", { required: true, date: true })}
              {text("ended", "Ended on", { date: true, hint: "Leave empty while in force." })}
            </>
          ) : null}

          {type === "bcr" ? (
            <>
              <Field label="BCR variant" name="bcrVariant" required error={errors.bcrVariant}>
                {(p) => (
                  <select {...p} className={inputClass(Boolean(errors.bcrVariant))} value={form.bcrVariant} onChange={(e) => set("bcrVariant", e.target.value)}>
                    <option value="">Choose…</option>
                    {BCR_VARIANTS.map((v) => (
                      <option key={v} value={v}>
                        {BCR_VARIANT_LABELS[v]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {text("approvingAuthority", "Approving authority", { required: true, hint: "The lead supervisory authority." })}
              {text("approved", "Approved on", { required: true, date: true })}
              {text("ended", "Ended on", { date: true })}
            </>
          ) : null}

          {type === "code_of_conduct" || type === "certification" || type === "ad_hoc_clauses" ? (
            <>
              {text("approved", "Approved on", { required: true, date: true })}
              {text("reference", "Approval reference", { required: true })}
              {text("ended", "Ended on", { date: true })}
            </>
          ) : null}

          {type === "derogation" ? (
            <>
              <Field label="Art. 49 basis" name="derogationBasis" required error={errors.derogationBasis}>
                {(p) => (
                  <select {...p} className={inputClass(Boolean(errors.derogationBasis))} value={form.derogationBasis} onChange={(e) => set("derogationBasis", e.target.value)}>
                    <option value="">Choose…</option>
                    {DEROGATION_BASES.map((b) => (
                      <option key={b} value={b}>
                        {DEROGATION_BASIS_LABELS[b]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {form.derogationBasis === "49(1)-2" ? text("saInformedOn", "Supervisory authority informed on", { required: true, date: true }) : <div />}
              <Field label="Justification" name="justification" required error={errors.justification} className="md:col-span-2" hint="Why the derogation applies; derogations are for specific, mostly occasional situations (EDPB Guidelines 2/2018).">
                {(p) => <textarea {...p} rows={3} className={inputClass(Boolean(errors.justification))} value={form.justification} onChange={(e) => set("justification", e.target.value)} />}
              </Field>
            </>
          ) : null}
        </div>
      </Card>

      {type ? (
        <Card className="p-6">
          <PartyMultiPicker
            label={partyLabel.label}
            required={type === "scc" || type === "uk_idta" || type === "bcr"}
            error={errors.partyIds}
            hint={`${partyLabel.hint} Type part of a name or id to add one.`}
            placeholder="Search the parties…"
            value={form.partyIds}
            known={safeguard?.parties}
            onChange={(ids) => set("partyIds", ids)}
          />
        </Card>
      ) : null}

      <Card className="p-6">
        <Field label="Notes" name="notes" error={errors.notes}>
          {(p) => <textarea {...p} rows={3} className={inputClass(Boolean(errors.notes))} value={form.notes} onChange={(e) => set("notes", e.target.value)} />}
        </Field>
      </Card>

      <div className="flex items-center justify-end gap-3">
        <ButtonLink href={safeguard ? `/safeguards/${safeguard.id}` : "/safeguards"} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" loading={busy}>
          {safeguard ? "Save changes" : "Register safeguard"}
        </Button>
      </div>
    </form>
  );
}
