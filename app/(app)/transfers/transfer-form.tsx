"use client";

import dynamic from "next/dynamic";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, CheckCircle2, Globe2, Lightbulb, Plus } from "lucide-react";
import { AsOfLink, useAsOfRouter } from "@/app/_components/as-of";
import { useState } from "react";
import { PartyPicker, SafeguardMultiPicker, type KnownSafeguard } from "@/app/_components/pickers";
import { IssueBadge, StatusBadge } from "@/app/_components/status-badge";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Field, inputClass } from "@/app/_components/ui/field";
import { ErrorState, Notice } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import { countryName } from "@/server/countries";
import { DATA_SUBJECT_LABELS, DATA_SUBJECTS, FREQUENCIES, FREQUENCY_LABELS, PARTY_ROLE_LABELS, PARTY_ROLES, type DataSubject } from "@/server/domain/choices/transfer-labels";
import type { TransferFieldsInput } from "@/server/schemas/transfer";
import type { PartyOption } from "@/server/services/search";
import type { TransferView } from "@/server/services/transfers";
import { ErrorSummary } from "@/app/_components/error-summary";
import { useToast } from "@/app/_components/toast";
import { useUnsavedChanges } from "@/app/_components/use-unsaved-changes";
import { saveFailure, serverFieldErrors, type FieldErrors, type SaveFailure } from "@/app/_components/form-errors";
import { REGIME_LABELS } from "./_shared/labels";
import type { SafeguardSuggestion } from "@/server/domain/rules";
import type { RegistrableSuggestion } from "./register-safeguard-dialog";

// The dialog's code loads when it is first opened, not with the form.
const RegisterSafeguardDialog = dynamic(() => import("./register-safeguard-dialog").then((m) => m.RegisterSafeguardDialog), { ssr: false });
const isRegistrable = (s: SafeguardSuggestion): s is RegistrableSuggestion => s.type === "scc" || s.type === "uk_idta";

/** Offered when the rules have no suggestion yet (destination or roles not chosen): the 2021 SCCs, module to choose. */
const FALLBACK_SUGGESTIONS: RegistrableSuggestion[] = [
  { type: "scc", version: "2021/914", modules: [], label: "EU SCCs 2021/914 (choose the module)" },
  { type: "uk_idta", label: "ICO International Data Transfer Agreement (IDTA)" },
];

interface FormState {
  id: string;
  exporterId: string;
  recipientId: string;
  destination: string;
  exporterRole: string;
  recipientRole: string;
  dataCategories: string[];
  specialCategory: boolean;
  dataSubjects: DataSubject[];
  purposes: string[];
  frequency: string;
  start: string;
  end: string;
  safeguardIds: string[];
  notes: string;
}

const EMPTY: FormState = {
  id: "",
  exporterId: "",
  recipientId: "",
  destination: "",
  exporterRole: "controller",
  recipientRole: "",
  dataCategories: [],
  specialCategory: false,
  dataSubjects: [],
  purposes: [],
  frequency: "continuous",
  start: "",
  end: "",
  safeguardIds: [],
  notes: "",
};

function fromTransfer(t: TransferView): FormState {
  return {
    id: t.id,
    exporterId: t.exporterId,
    recipientId: t.recipientId,
    destination: t.destination,
    exporterRole: t.exporterRole,
    recipientRole: t.recipientRole,
    dataCategories: t.dataCategories,
    specialCategory: t.specialCategory,
    dataSubjects: t.dataSubjects,
    purposes: t.purposes,
    frequency: t.frequency,
    start: t.start,
    end: t.end ?? "",
    safeguardIds: t.safeguardIds,
    notes: t.notes ?? "",
  };
}

/** The form as the server's input: the server validates it (the zod schema never reaches the browser). */
function toInput(s: FormState): TransferFieldsInput {
  const { id: _id, ...rest } = s;
  return {
    ...rest,
    exporterRole: s.exporterRole || undefined,
    recipientRole: s.recipientRole || undefined,
    frequency: s.frequency || undefined,
    end: s.end || null,
  } as TransferFieldsInput;
}

const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

/** A party the new-transfer form starts with (from a party page's "New transfer"). */
export interface PrefillParty {
  id: string;
  name: string;
  processingLocations: string[];
}

function fromPrefill(prefill: { exporter?: PrefillParty; recipient?: PrefillParty }): FormState {
  const locations = prefill.recipient?.processingLocations ?? [];
  return { ...EMPTY, exporterId: prefill.exporter?.id ?? "", recipientId: prefill.recipient?.id ?? "", destination: locations.length === 1 ? locations[0]! : "" };
}

export function TransferForm({ transfer: loaded, prefill = {} }: { transfer?: TransferView; prefill?: { exporter?: PrefillParty; recipient?: PrefillParty } }) {
  const trpc = useTRPC();
  // Freeze the version the editor opened: a later refetch must never turn a stale edit into an overwrite.
  const [transfer] = useState(loaded);
  const router = useAsOfRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(transfer ? fromTransfer(transfer) : fromPrefill(prefill));
  // A half-filled form is not discarded silently: leaving it asks first (until it is saved).
  const [opened] = useState(() => JSON.stringify(form));
  const release = useUnsavedChanges(JSON.stringify(form) !== opened);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<SaveFailure | null>(null);
  /** Where the chosen recipient processes data, until the guidance (transfer.describe) answers. */
  const [recipientLocations, setRecipientLocations] = useState<string[]>(prefill.recipient?.processingLocations ?? []);
  /** Offer every safeguard of the exporter, not only those binding both chosen parties. */
  const [showAllSafeguards, setShowAllSafeguards] = useState(false);
  /** The suggestion the "Register a safeguard" dialog starts from (null: closed). */
  const [registering, setRegistering] = useState<number | null>(null);
  /** Safeguards registered in the dialog: the picker names them without asking the server. */
  const [registered, setRegistered] = useState<KnownSafeguard[]>([]);
  const purposes = useQuery(trpc.purpose.list.queryOptions());
  const categories = useQuery(trpc.category.list.queryOptions());
  const describe = useQuery({
    ...trpc.transfer.describe.queryOptions({
      exporterId: form.exporterId || undefined,
      recipientId: form.recipientId || undefined,
      destination: form.destination || undefined,
      exporterRole: (form.exporterRole || undefined) as "controller" | "processor" | undefined,
      recipientRole: (form.recipientRole || undefined) as "controller" | "processor" | undefined,
      frequency: (form.frequency || undefined) as "continuous" | "occasional" | undefined,
      start: form.start || undefined,
      end: form.end || null,
      safeguardIds: form.safeguardIds,
      transferId: transfer?.id,
    }),
    enabled: Boolean(form.exporterId),
    placeholderData: keepPreviousData,
  });
  // Warn before saving a transfer that looks like one already registered (saving anyway stays possible).
  const duplicates = useQuery({
    ...trpc.transfer.duplicates.queryOptions({
      exporterId: form.exporterId,
      recipientId: form.recipientId,
      destination: form.destination,
      dataCategories: form.dataCategories,
      purposes: form.purposes,
      excludeId: transfer?.id,
    }),
    enabled: Boolean(form.exporterId && form.recipientId && form.destination.length === 2),
    placeholderData: keepPreviousData,
  });
  const duplicateList = form.exporterId && form.recipientId && form.destination ? (duplicates.data ?? []) : [];

  const onSaved = async (saved: { id: string }) => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.transfer.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.safeguard.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.party.pathKey() })]);
    release();
    toast(transfer ? "Transfer saved." : "Transfer registered.");
    router.push(`/transfers/${saved.id}`);
  };
  const onError = (error: unknown) => {
    setErrors(serverFieldErrors(error));
    setFormError(saveFailure(error, "transfer", Boolean(transfer)));
  };
  const create = useMutation(trpc.transfer.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.transfer.update.mutationOptions({ onSuccess: onSaved, onError }));

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const locations = form.recipientId && describe.data?.recipient?.id === form.recipientId && describe.data.destinationOptions.length ? describe.data.destinationOptions : recipientLocations;
  const destinationOptions = form.destination && !locations.includes(form.destination) ? [form.destination, ...locations] : locations;

  function chooseRecipient(recipient: PartyOption | null) {
    const locations = recipient?.processingLocations ?? [];
    setRecipientLocations(locations);
    setForm((f) => ({ ...f, recipientId: recipient?.id ?? "", destination: locations.length === 1 ? locations[0]! : locations.includes(f.destination) ? f.destination : "" }));
    setErrors((e) => ({ ...e, recipientId: undefined, destination: undefined }));
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const fields = toInput(form);
    if (transfer) update.mutate({ id: transfer.id, version: transfer.version, fields });
    else create.mutate({ id: form.id || undefined, fields });
  }

  const busy = create.isPending || update.isPending;
  const d = describe.data;
  const bothParties = d?.exporter && d.recipient && d.exporter.id === form.exporterId && d.recipient.id === form.recipientId ? { exporter: d.exporter, recipient: d.recipient } : null;
  const suggested = d?.destination && !d.destination.insideArea && !d.destination.adequate ? d.suggestions.filter(isRegistrable) : [];
  const registrable = suggested.length ? suggested : FALLBACK_SUGGESTIONS;
  const onRegistered = (sg: { id: string; title: string; type: string }) => {
    setRegistered((known) => [...known, sg]);
    setForm((f) => ({ ...f, safeguardIds: f.safeguardIds.includes(sg.id) ? f.safeguardIds : [...f.safeguardIds, sg.id] }));
    setErrors((e) => ({ ...e, safeguardIds: undefined }));
    setRegistering(null);
    toast(`Safeguard “${sg.title}” registered and chosen for this transfer.`);
  };
  const mismatch = d?.preview?.issues.filter((i) => ["module_mismatch", "party_mismatch", "uk_addendum_missing", "swiss_adaptations_missing"].includes(i.code)) ?? [];

  return (
    <>
    <form onSubmit={submit} noValidate className="space-y-6">
      <ErrorSummary failure={formError} errors={errors} />

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="p-6 lg:col-span-2">
          <h2 className="text-base font-semibold text-slate-900">Who sends the data to whom, and where</h2>
          <div className="mt-4 grid grid-cols-1 gap-5 md:grid-cols-2">
            <PartyPicker
              label="Exporter"
              required
              error={errors.exporterId}
              hint="A group affiliate that sends the data: type part of its name."
              placeholder="Search the affiliates…"
              relationship="affiliate"
              value={form.exporterId}
              known={transfer ? [transfer.exporter] : prefill.exporter ? [prefill.exporter] : undefined}
              onChange={(party) => set("exporterId", party?.id ?? "")}
            />
            <PartyPicker
              label="Recipient"
              required
              error={errors.recipientId}
              hint="The vendor or affiliate that receives it: type part of its name or id."
              placeholder="Search the parties…"
              value={form.recipientId}
              exclude={form.exporterId ? [form.exporterId] : undefined}
              known={transfer ? [transfer.recipient] : prefill.recipient ? [prefill.recipient] : undefined}
              onChange={chooseRecipient}
            />
            <Field
              label="Destination country"
              name="destination"
              required
              error={errors.destination}
              hint={form.recipientId ? "Where the recipient processes the data: one of its processing locations." : "Choose the recipient first."}
            >
              {(p) => (
                <select
                  {...p}
                  disabled={!form.recipientId}
                  className={inputClass(Boolean(errors.destination))}
                  value={form.destination}
                  onChange={(e) => set("destination", e.target.value)}
                >
                  <option value="">Choose…</option>
                  {destinationOptions.map((c) => (
                    <option key={c} value={c}>
                      {countryName(c)} ({c})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Frequency" name="frequency" required error={errors.frequency}>
              {(p) => (
                <select {...p} className={inputClass(Boolean(errors.frequency))} value={form.frequency} onChange={(e) => set("frequency", e.target.value)}>
                  {FREQUENCIES.map((f) => (
                    <option key={f} value={f}>
                      {FREQUENCY_LABELS[f]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Exporter role" name="exporterRole" required error={errors.exporterRole}>
              {(p) => (
                <select {...p} className={inputClass(Boolean(errors.exporterRole))} value={form.exporterRole} onChange={(e) => set("exporterRole", e.target.value)}>
                  <option value="">Choose…</option>
                  {PARTY_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {PARTY_ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Recipient role" name="recipientRole" required error={errors.recipientRole} hint="A processor acts only on the exporter's instructions.">
              {(p) => (
                <select {...p} className={inputClass(Boolean(errors.recipientRole))} value={form.recipientRole} onChange={(e) => set("recipientRole", e.target.value)}>
                  <option value="">Choose…</option>
                  {PARTY_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {PARTY_ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Start date" name="start" required error={errors.start}>
              {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.start))} value={form.start} onChange={(e) => set("start", e.target.value)} />}
            </Field>
            <Field label="End date" name="end" error={errors.end} hint="Leave empty while the transfer runs.">
              {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.end))} value={form.end} onChange={(e) => set("end", e.target.value)} />}
            </Field>
            {!transfer ? (
              <Field label="Registry id" name="id" error={errors.id} hint="Optional: generated from the exporter and recipient when empty." className="md:col-span-2">
                {(p) => <input {...p} className={inputClass(Boolean(errors.id), "font-mono")} value={form.id} onChange={(e) => set("id", e.target.value)} placeholder="e.g. crm-us" />}
              </Field>
            ) : null}
          </div>
        </Card>

        <Card className="p-6">
          <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">
            <Globe2 className="size-4 text-indigo-500" aria-hidden />
            What the rules say
          </h2>
          <div className="mt-3 space-y-4 text-sm text-slate-700" aria-live="polite" aria-label="Transfer guidance" role="region">
            {!form.exporterId ? (
              <p className="text-slate-500">Choose the exporter, recipient and destination to see the regime, whether the destination is adequate and which safeguards fit.</p>
            ) : describe.isError ? (
              <ErrorState message={describe.error.message} />
            ) : !d ? (
              <p className="text-slate-500">Checking…</p>
            ) : (
              <>
                <div>
                  <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Regime</p>
                  <p className="mt-0.5 font-medium">{d.destination?.regime ? REGIME_LABELS[d.destination.regime] : d.suggestions.length ? "—" : "Not under a transfer regime"}</p>
                </div>
                {d.destination ? (
                  <div>
                    <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Destination</p>
                    <p className="mt-0.5 font-medium" data-testid="destination-kind">
                      {d.destination.insideArea
                        ? "Inside the regime's area"
                        : d.destination.adequate
                          ? `Adequate${d.destination.adequacy?.scope === "partial" ? " (partial scope)" : ""}`
                          : d.destination.regime
                            ? "Third country: a safeguard is needed"
                            : "No restricted transfer"}
                    </p>
                    <p className="mt-1 text-slate-600">{d.destination.summary}</p>
                    {d.destination.adequacy?.scope === "partial" ? <p className="mt-1 text-xs text-amber-800">Scope: {d.destination.adequacy.scopeText}</p> : null}
                  </div>
                ) : null}
                {d.suggestions.length && d.destination && !d.destination.insideArea && !d.destination.adequate ? (
                  <div>
                    <p className="flex items-center gap-1 text-xs font-medium tracking-wide text-slate-500 uppercase">
                      <Lightbulb className="size-3.5" aria-hidden /> Safeguards that fit these roles
                    </p>
                    <ul className="mt-1 list-disc space-y-1 pl-5" aria-label="Suggested safeguards">
                      {d.suggestions.map((s) => {
                        const index = suggested.indexOf(s as RegistrableSuggestion);
                        return (
                          <li key={s.label}>
                            {s.label}
                            {bothParties && index >= 0 ? (
                              <>
                                {" "}
                                <button type="button" className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900" onClick={() => setRegistering(index)}>
                                  Register it now<span className="sr-only">: {s.label}</span>
                                </button>
                              </>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ) : null}
                {d.preview ? (
                  <div>
                    <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Status if saved</p>
                    <div className="mt-1 flex flex-wrap items-center gap-1.5">
                      <StatusBadge status={d.preview.status} />
                      {d.preview.issues.map((i, n) => (
                        <IssueBadge key={`${i.code}-${n}`} code={i.code} severity={i.severity} />
                      ))}
                    </div>
                  </div>
                ) : null}
              </>
            )}
          </div>
        </Card>
      </div>

      <Card className="p-6">
        <h2 className="text-base font-semibold text-slate-900">Safeguards relied on</h2>
        <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
          <p className="text-sm text-slate-500">
            {showAllSafeguards
              ? "The search offers every safeguard the exporter signed, and those that name no party."
              : "The search offers the safeguards that bind both the exporter and the recipient, and those that name no party."}
          </p>
          <Button type="button" variant="secondary" size="sm" disabled={!bothParties} onClick={() => setRegistering(0)} aria-describedby={bothParties ? undefined : "register-safeguard-hint"}>
            <Plus className="size-4" aria-hidden /> Register a safeguard
          </Button>
        </div>
        {!bothParties ? (
          <p id="register-safeguard-hint" className="mt-1 text-xs text-slate-500">
            Choose the exporter and the recipient to register a safeguard between them without leaving this form.
          </p>
        ) : null}
        {mismatch.length ? (
          <div className="mt-3">
            <Notice tone="warning">
              <p className="font-medium">A chosen safeguard does not cover this transfer:</p>
              <ul className="mt-1 list-disc pl-5">
                {mismatch.map((i, n) => (
                  <li key={n}>{i.message}</li>
                ))}
              </ul>
            </Notice>
          </div>
        ) : null}
        <div className="mt-3 space-y-2">
          <SafeguardMultiPicker
            label="Safeguards relied on"
            error={errors.safeguardIds}
            value={form.safeguardIds}
            partyIds={showAllSafeguards ? [form.exporterId] : [form.exporterId, form.recipientId]}
            known={[...(transfer?.safeguards ?? []), ...registered]}
            placeholder={form.exporterId ? "Search the safeguards by title or id…" : "Choose the exporter and recipient first"}
            onChange={(ids) => set("safeguardIds", ids)}
          />
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className="size-4 rounded border-slate-300" checked={showAllSafeguards} onChange={(e) => setShowAllSafeguards(e.target.checked)} />
            Show all safeguards of the exporter
          </label>
        </div>
        {d?.preview && d.preview.status === "safeguarded" && !mismatch.length ? (
          <p className="mt-3 flex items-center gap-1.5 text-sm text-emerald-700">
            <CheckCircle2 className="size-4" aria-hidden /> The chosen safeguards cover this transfer today.
          </p>
        ) : null}
      </Card>

      <Card className="p-6">
        <h2 className="text-base font-semibold text-slate-900">What data, about whom, for what</h2>
        <div className="mt-4 grid grid-cols-1 gap-6 md:grid-cols-3">
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Categories of personal data</legend>
            {errors.dataCategories ? <p className="mt-1 text-sm text-red-600">{errors.dataCategories}</p> : null}
            <div className="mt-2 space-y-2">
              {categories.isPending ? <p className="text-sm text-slate-500">Loading categories…</p> : null}
              {categories.data
                ?.filter((c) => !c.archived || form.dataCategories.includes(c.id))
                .map((c) => (
                  <label key={c.id} className="flex items-start gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-4 rounded border-slate-300"
                      checked={form.dataCategories.includes(c.id)}
                      onChange={(e) => set("dataCategories", toggle(form.dataCategories, c.id, e.target.checked))}
                    />
                    {c.label}
                  </label>
                ))}
              <label className="mt-3 flex items-start gap-2 border-t border-slate-100 pt-3 text-sm text-slate-700">
                <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" checked={form.specialCategory} onChange={(e) => set("specialCategory", e.target.checked)} />
                <span>
                  Includes special-category data
                  <span className="block text-xs text-slate-500">Health, biometric, religious beliefs… (GDPR Art. 9).</span>
                </span>
              </label>
            </div>
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Categories of data subjects</legend>
            <div className="mt-2 space-y-2">
              {DATA_SUBJECTS.map((s) => (
                <label key={s} className="flex items-start gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 rounded border-slate-300"
                    checked={form.dataSubjects.includes(s)}
                    onChange={(e) => set("dataSubjects", toggle(form.dataSubjects, s, e.target.checked))}
                  />
                  {DATA_SUBJECT_LABELS[s]}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Purposes</legend>
            {errors.purposes ? <p className="mt-1 text-sm text-red-600">{errors.purposes}</p> : null}
            <div className="mt-2 space-y-2">
              {purposes.isPending ? <p className="text-sm text-slate-500">Loading purposes…</p> : null}
              {purposes.data
                ?.filter((p) => !p.archived || form.purposes.includes(p.id))
                .map((p) => (
                  <label key={p.id} className="flex items-start gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-4 rounded border-slate-300"
                      checked={form.purposes.includes(p.id)}
                      onChange={(e) => set("purposes", toggle(form.purposes, p.id, e.target.checked))}
                    />
                    {p.label}
                  </label>
                ))}
            </div>
          </fieldset>
        </div>
      </Card>

      <Card className="p-6">
        <Field label="Notes" name="notes" error={errors.notes}>
          {(p) => <textarea {...p} rows={3} className={inputClass(Boolean(errors.notes))} value={form.notes} onChange={(e) => set("notes", e.target.value)} />}
        </Field>
      </Card>

      {duplicateList.length ? (
        <div data-testid="duplicate-warning">
          <Notice tone="warning">
            <p className="flex items-center gap-1.5 font-medium">
              <AlertTriangle className="size-4" aria-hidden />
              {duplicateList.length === 1 ? "A live transfer looks the same" : `${duplicateList.length} live transfers look the same`}: same exporter, recipient and destination, and a shared data category and purpose.
            </p>
            <ul className="mt-1 list-disc pl-5">
              {duplicateList.map((t) => (
                <li key={t.id}>
                  <AsOfLink href={`/transfers/${encodeURIComponent(t.id)}`} target="_blank" rel="noopener" className="font-medium underline underline-offset-2">
                    {t.exporterName} → {t.recipientName} ({t.destination}), since {t.start}
                    <span className="sr-only"> (opens in a new tab)</span>
                  </AsOfLink>
                </li>
              ))}
            </ul>
            <p className="mt-1">Check it is not the same transfer before registering this one; you can still save.</p>
          </Notice>
        </div>
      ) : null}

      <div className="flex items-center justify-end gap-3">
        <ButtonLink href={transfer ? `/transfers/${transfer.id}` : "/transfers"} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" loading={busy}>
          {transfer ? "Save changes" : duplicateList.length ? "Register anyway" : "Register transfer"}
        </Button>
      </div>
    </form>
    {bothParties && registering !== null ? (
      <RegisterSafeguardDialog
        open
        onClose={() => setRegistering(null)}
        suggestions={registrable}
        initial={registering}
        exporter={bothParties.exporter}
        recipient={bothParties.recipient}
        onCreated={onRegistered}
      />
    ) : null}
    </>
  );
}
