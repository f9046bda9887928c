"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useAsOfRouter } from "@/app/_components/as-of";
import { useState } from "react";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { CountryMultiSelect, CountrySelect } from "@/app/_components/ui/country-select";
import { Field, inputClass } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import type { PartyFieldsInput } from "@/server/schemas/party";
import {
  ADVISER_TYPE_LABELS,
  ADVISER_TYPES,
  CCPA_ROLE_LABELS,
  CCPA_ROLES,
  RELATIONSHIP_LABELS,
  RELATIONSHIPS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
} from "@/server/domain/choices/party-labels";
import type { PartyDetail } from "@/server/services/parties";
import { ErrorSummary } from "@/app/_components/error-summary";
import { useToast } from "@/app/_components/toast";
import { useUnsavedChanges } from "@/app/_components/use-unsaved-changes";
import { saveFailure, serverFieldErrors, type SaveFailure } from "@/app/_components/form-errors";

interface FormState {
  name: string;
  relationship: string;
  serviceCategory: string;
  adviserType: string;
  country: string;
  registrationNumber: string;
  website: string;
  contactName: string;
  contactEmail: string;
  processingLocations: string[];
  ccpaRole: string;
  ccpaSale: boolean;
  ccpaShare: boolean;
  dataCategories: string[];
  notes: string;
}

const EMPTY: FormState = {
  name: "",
  relationship: "",
  serviceCategory: "",
  adviserType: "",
  country: "",
  registrationNumber: "",
  website: "",
  contactName: "",
  contactEmail: "",
  processingLocations: [],
  ccpaRole: "",
  ccpaSale: false,
  ccpaShare: false,
  dataCategories: [],
  notes: "",
};

function fromParty(p: PartyDetail): FormState {
  return {
    name: p.name,
    relationship: p.relationship,
    serviceCategory: p.serviceCategory ?? "",
    adviserType: p.adviserType ?? "",
    country: p.country,
    registrationNumber: p.registrationNumber ?? "",
    website: p.website ?? "",
    contactName: p.contactName ?? "",
    contactEmail: p.contactEmail ?? "",
    processingLocations: p.processingLocations,
    ccpaRole: p.ccpaRole ?? "",
    ccpaSale: p.ccpaSale,
    ccpaShare: p.ccpaShare,
    dataCategories: p.dataCategories,
    notes: p.notes ?? "",
  };
}

/** The form as the server's input: the server validates it (the zod schema never reaches the browser). */
function toInput(s: FormState): PartyFieldsInput {
  return {
    ...s,
    relationship: s.relationship || undefined,
    serviceCategory: s.serviceCategory || null,
    adviserType: s.adviserType || null,
    ccpaRole: s.ccpaRole || null,
  } as PartyFieldsInput;
}

type Errors = Partial<Record<keyof FormState, string>>;

export function PartyForm({ party: loaded }: { party?: PartyDetail }) {
  const trpc = useTRPC();
  // Freeze the version the editor opened: a later refetch must never turn a stale edit into an overwrite.
  const [party] = useState(loaded);
  const router = useAsOfRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(party ? fromParty(party) : EMPTY);
  // A half-filled form is not discarded silently: leaving it asks first (until it is saved).
  const [opened] = useState(() => JSON.stringify(form));
  const release = useUnsavedChanges(JSON.stringify(form) !== opened);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<SaveFailure | null>(null);
  const categories = useQuery(trpc.category.list.queryOptions());

  const onSaved = async (saved: PartyDetail) => {
    await queryClient.invalidateQueries({ queryKey: trpc.party.pathKey() });
    release();
    toast(party ? "Party saved." : "Party registered.");
    router.push(`/parties/${saved.id}`);
  };
  const onError = (error: unknown) => {
    setErrors(serverFieldErrors(error) as Errors);
    setFormError(saveFailure(error, "party", Boolean(party)));
  };
  const create = useMutation(trpc.party.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.party.update.mutationOptions({ onSuccess: onSaved, onError }));

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const fields = toInput(form);
    if (party) update.mutate({ id: party.id, version: party.version, fields });
    else create.mutate(fields);
  }

  const busy = create.isPending || update.isPending;

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <ErrorSummary failure={formError} errors={errors} />

      <Card className="p-6">
        <h2 className="text-base font-semibold text-slate-900">Identity</h2>
        <div className="mt-4 grid grid-cols-1 gap-5 md:grid-cols-2">
          <Field label="Legal name" name="name" required error={errors.name} className="md:col-span-2">
            {(p) => <input {...p} className={inputClass(Boolean(errors.name))} value={form.name} onChange={(e) => set("name", e.target.value)} />}
          </Field>
          <Field label="Relationship" name="relationship" required error={errors.relationship} hint="Affiliates are members of our own group; they are the exporters.">
            {(p) => (
              <select {...p} className={inputClass(Boolean(errors.relationship))} value={form.relationship} onChange={(e) => set("relationship", e.target.value)}>
                <option value="">Choose…</option>
                {RELATIONSHIPS.map((r) => (
                  <option key={r} value={r}>
                    {RELATIONSHIP_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {form.relationship === "service_provider" ? (
            <Field label="Service category" name="serviceCategory" required error={errors.serviceCategory}>
              {(p) => (
                <select {...p} className={inputClass(Boolean(errors.serviceCategory))} value={form.serviceCategory} onChange={(e) => set("serviceCategory", e.target.value)}>
                  <option value="">Choose…</option>
                  {SERVICE_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {SERVICE_CATEGORY_LABELS[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : form.relationship === "professional_adviser" ? (
            <Field label="Kind of adviser" name="adviserType" required error={errors.adviserType}>
              {(p) => (
                <select {...p} className={inputClass(Boolean(errors.adviserType))} value={form.adviserType} onChange={(e) => set("adviserType", e.target.value)}>
                  <option value="">Choose…</option>
                  {ADVISER_TYPES.map((c) => (
                    <option key={c} value={c}>
                      {ADVISER_TYPE_LABELS[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <div />
          )}
          <Field label="Country of establishment" name="country" required error={errors.country}>
            {(p) => <CountrySelect {...p} value={form.country} onChange={(v) => set("country", v)} />}
          </Field>
          <Field label="Registration number" name="registrationNumber" error={errors.registrationNumber}>
            {(p) => <input {...p} className={inputClass(Boolean(errors.registrationNumber))} value={form.registrationNumber} onChange={(e) => set("registrationNumber", e.target.value)} />}
          </Field>
          <Field label="Website" name="website" error={errors.website}>
            {(p) => <input {...p} type="url" placeholder="https://" className={inputClass(Boolean(errors.website))} value={form.website} onChange={(e) => set("website", e.target.value)} />}
          </Field>
          <div />
          <Field label="Contact name" name="contactName" error={errors.contactName}>
            {(p) => <input {...p} className={inputClass(Boolean(errors.contactName))} value={form.contactName} onChange={(e) => set("contactName", e.target.value)} />}
          </Field>
          <Field label="Contact e-mail" name="contactEmail" error={errors.contactEmail}>
            {(p) => <input {...p} type="email" className={inputClass(Boolean(errors.contactEmail))} value={form.contactEmail} onChange={(e) => set("contactEmail", e.target.value)} />}
          </Field>
        </div>
      </Card>

      <Card className="p-6">
        <h2 className="text-base font-semibold text-slate-900">Data and locations</h2>
        <div className="mt-4 grid grid-cols-1 gap-5 md:grid-cols-2">
          <Field
            label="Processing locations"
            name="processingLocations"
            required
            error={errors.processingLocations}
            hint="Every country where the party stores, processes or remotely accesses the data."
          >
            {(p) => <CountryMultiSelect {...p} label="Processing locations" value={form.processingLocations} onChange={(v) => set("processingLocations", v)} />}
          </Field>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Categories of personal data received</legend>
            {errors.dataCategories ? <p className="mt-1 text-sm text-red-600">{errors.dataCategories}</p> : null}
            <div className="mt-2 space-y-2">
              {categories.isPending ? <p className="text-sm text-slate-500">Loading categories…</p> : null}
              {categories.data?.filter((c) => !c.archived || form.dataCategories.includes(c.id)).map((c) => (
                <label key={c.id} className="flex items-start gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600"
                    checked={form.dataCategories.includes(c.id)}
                    onChange={(e) =>
                      set("dataCategories", e.target.checked ? [...form.dataCategories, c.id] : form.dataCategories.filter((x) => x !== c.id))
                    }
                  />
                  <span>
                    {c.label}
                    {c.description ? <span className="block text-xs text-slate-500">{c.description}</span> : null}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      </Card>

      <Card className="p-6">
        <h2 className="text-base font-semibold text-slate-900">California (CCPA / CPRA)</h2>
        <div className="mt-4 grid grid-cols-1 gap-5 md:grid-cols-3">
          <Field label="CCPA role" name="ccpaRole" error={errors.ccpaRole} hint="Cal. Civ. Code §1798.140 (j), (ag), (ai).">
            {(p) => (
              <select {...p} className={inputClass(Boolean(errors.ccpaRole))} value={form.ccpaRole} onChange={(e) => set("ccpaRole", e.target.value)}>
                <option value="">Not set</option>
                {CCPA_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {CCPA_ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="flex items-start gap-2 pt-7 text-sm text-slate-700">
            <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" checked={form.ccpaSale} onChange={(e) => set("ccpaSale", e.target.checked)} />
            <span>
              Disclosures are a &ldquo;sale&rdquo;
              <span className="block text-xs text-slate-500">For monetary or other valuable consideration (§1798.140(ad)).</span>
            </span>
          </label>
          <label className="flex items-start gap-2 pt-7 text-sm text-slate-700">
            <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" checked={form.ccpaShare} onChange={(e) => set("ccpaShare", e.target.checked)} />
            <span>
              Disclosures are &ldquo;sharing&rdquo;
              <span className="block text-xs text-slate-500">For cross-context behavioural advertising (§1798.140(ah)).</span>
            </span>
          </label>
        </div>
      </Card>

      <Card className="p-6">
        <Field label="Notes" name="notes" error={errors.notes}>
          {(p) => <textarea {...p} rows={4} className={inputClass(Boolean(errors.notes))} value={form.notes} onChange={(e) => set("notes", e.target.value)} />}
        </Field>
      </Card>

      <div className="flex items-center justify-end gap-3">
        <ButtonLink href={party ? `/parties/${party.id}` : "/parties"} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" loading={busy}>
          {party ? "Save changes" : "Register party"}
        </Button>
      </div>
    </form>
  );
}
