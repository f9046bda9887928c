"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { saveFailure, serverFieldErrors, type FieldErrors, type SaveFailure } from "@/app/_components/form-errors";
import { Button } from "@/app/_components/ui/button";
import { Dialog } from "@/app/_components/ui/dialog";
import { Field, inputClass } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import type { SafeguardSuggestion } from "@/server/domain/rules";
import type { SafeguardFieldsInput } from "@/server/schemas/safeguard";
import { SCC_MODULE_LABELS, SCC_MODULES } from "@/server/domain/choices/safeguard-labels";

/** The two parties of the transfer being registered: both sign the new safeguard. */
export interface DialogParty {
  id: string;
  name: string;
}

/** A suggestion the dialog can register (BCRs are group-wide and approved by an authority: not registered here). */
export type RegistrableSuggestion = SafeguardSuggestion & { type: "scc" | "uk_idta" };

interface DialogState {
  title: string;
  modules: number[];
  ukAddendum: boolean;
  swissAdaptations: boolean;
  signed: string;
  ended: string;
}

function initialState(s: RegistrableSuggestion, exporter: DialogParty, recipient: DialogParty): DialogState {
  const instrument = s.type === "uk_idta" ? "IDTA" : "SCCs";
  return {
    title: `${instrument} ${exporter.name} – ${recipient.name}`,
    modules: s.modules ?? [],
    ukAddendum: Boolean(s.ukAddendum),
    swissAdaptations: Boolean(s.swissAdaptations),
    signed: "",
    ended: "",
  };
}

/**
 * "Register a safeguard" from the transfer form, without leaving it: the suggestion of the rules panel
 * (e.g. the 2021 SCCs, module 2, for a controller-to-processor transfer; with the UK Addendum or the Swiss
 * adaptations where the regime needs them) pre-filled and signed by both parties. On save the new safeguard
 * is handed to the form, which ticks it. The native <dialog> traps focus and closes on Escape.
 */
export function RegisterSafeguardDialog({
  open,
  onClose,
  suggestions,
  initial,
  exporter,
  recipient,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  suggestions: RegistrableSuggestion[];
  /** The index of the suggestion to start with. */
  initial: number;
  exporter: DialogParty;
  recipient: DialogParty;
  onCreated: (safeguard: { id: string; title: string; type: string }) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title="Register a safeguard"
      description={
        <>
          Signed by <strong className="font-medium text-slate-700">{exporter.name}</strong> and <strong className="font-medium text-slate-700">{recipient.name}</strong>. Once
          registered, it is chosen in the transfer form.
        </>
      }
    >
      {/* Mounted only while open: every opening starts from the suggestion. */}
      <DialogForm suggestions={suggestions} initial={initial} exporter={exporter} recipient={recipient} onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function DialogForm({
  suggestions,
  initial,
  exporter,
  recipient,
  onCancel,
  onCreated,
}: {
  suggestions: RegistrableSuggestion[];
  initial: number;
  exporter: DialogParty;
  recipient: DialogParty;
  onCancel: () => void;
  onCreated: (safeguard: { id: string; title: string; type: string }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState(Math.min(initial, suggestions.length - 1));
  const suggestion = suggestions[choice]!;
  const [form, setForm] = useState<DialogState>(() => initialState(suggestion, exporter, recipient));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const create = useMutation(
    trpc.safeguard.create.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.safeguard.pathKey() });
        onCreated({ id: saved.id, title: saved.title, type: saved.type });
      },
      onError: (error) => {
        setErrors(serverFieldErrors(error));
        setFailure(saveFailure(error, "safeguard", false));
      },
    }),
  );
  const set = <K extends keyof DialogState>(key: K, value: DialogState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const choose = (index: number) => {
    setChoice(index);
    setForm((f) => ({ ...initialState(suggestions[index]!, exporter, recipient), signed: f.signed, ended: f.ended }));
    setErrors({});
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    e.stopPropagation();
    setFailure(null);
    const scc = suggestion.type === "scc";
    const fields: SafeguardFieldsInput = {
      type: suggestion.type,
      title: form.title,
      partyIds: [exporter.id, recipient.id],
      sccVersion: scc ? (suggestion.version ?? "2021/914") : null,
      modules: scc ? form.modules : [],
      ukAddendum: scc && form.ukAddendum,
      swissAdaptations: scc && form.swissAdaptations,
      signed: form.signed || null,
      ended: form.ended || null,
    } as SafeguardFieldsInput;
    create.mutate({ fields });
  }

  const scc = suggestion.type === "scc";
  const withModules = scc && (suggestion.version ?? "2021/914") === "2021/914";
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="New safeguard">
      <ErrorSummary failure={failure} errors={errors} />
      {suggestions.length > 1 ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Instrument (as the rules suggest)</legend>
          <div className="mt-2 space-y-2">
            {suggestions.map((s, n) => (
              <label key={s.label} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="radio" name="suggestion" className="mt-0.5 size-4 border-slate-300" checked={n === choice} onChange={() => choose(n)} />
                {s.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <p className="text-sm text-slate-700">
          <span className="font-medium text-slate-800">Instrument:</span> {suggestion.label}
        </p>
      )}
      <Field label="Title" name="title" required error={errors.title}>
        {(p) => <input {...p} className={inputClass(Boolean(errors.title))} value={form.title} onChange={(e) => set("title", e.target.value)} />}
      </Field>
      {withModules ? (
        <fieldset>
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
          {errors.modules ? (
            <p className="mt-1 text-sm text-red-600" role="alert">
              {errors.modules}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {scc ? (
        <div className="space-y-2">
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" checked={form.ukAddendum} onChange={(e) => set("ukAddendum", e.target.checked)} />
            UK Addendum attached
          </label>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" checked={form.swissAdaptations} onChange={(e) => set("swissAdaptations", e.target.checked)} />
            Swiss adaptations made
          </label>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Signed on" name="signed" required error={errors.signed} hint="Checked against the knowledge base.">
          {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.signed))} value={form.signed} onChange={(e) => set("signed", e.target.value)} />}
        </Field>
        <Field label="Ended on" name="ended" error={errors.ended} hint="Leave empty while in force.">
          {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.ended))} value={form.ended} onChange={(e) => set("ended", e.target.value)} />}
        </Field>
      </div>
      {errors.partyIds ? (
        <p className="text-sm text-red-600" role="alert">
          {errors.partyIds}
        </p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-3 pt-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending}>
          Register and choose it
        </Button>
      </div>
    </form>
  );
}
