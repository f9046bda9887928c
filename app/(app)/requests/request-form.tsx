"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AsOfLink } from "@/app/_components/as-of";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { saveFailure, serverFieldErrors, type FieldErrors, type SaveFailure } from "@/app/_components/form-errors";
import { PartyMultiPicker } from "@/app/_components/pickers";
import { REQUEST_CHANNEL_LABELS, REQUEST_CHANNELS } from "@/app/_components/request-labels";
import { useToast } from "@/app/_components/toast";
import { Button } from "@/app/_components/ui/button";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { Field, inputClass } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import type { RequestChannel } from "@/server/domain/choices/request-labels";

const today = () => new Date().toISOString().slice(0, 10);

export function RequestForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.category.list.queryOptions());
  const purposes = useQuery(trpc.purpose.list.queryOptions());
  const [form, setForm] = useState({
    requesterName: "",
    requesterContact: "",
    received: today(),
    channel: "email" as RequestChannel,
    question: "",
    partyIds: [] as string[],
    categoryIds: [] as string[],
    purposeIds: [] as string[],
    withholdNames: false,
    notes: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggle = (key: "categoryIds" | "purposeIds", id: string) => set(key, form[key].includes(id) ? form[key].filter((x) => x !== id) : [...form[key], id]);
  const create = useMutation(
    trpc.request.create.mutationOptions({
      onSuccess: (row) => {
        toast("Request logged.");
        void queryClient.invalidateQueries({ queryKey: trpc.request.pathKey() });
        router.push(`/requests/${row.id}`);
      },
      onError: (e) => {
        setErrors(serverFieldErrors(e));
        setFailure(saveFailure(e, "request", false));
      },
    }),
  );

  return (
    <>
      <PageHeader
        title="Log a request"
        breadcrumb={
          <AsOfLink href="/requests" className="hover:underline">
            Requests
          </AsOfLink>
        }
        description="A request for a copy of the safeguards. It is due one month after the day it was received (GDPR Art. 12(3))."
      />
      <form
        className="space-y-6"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setFailure(null);
          create.mutate({ fields: { ...form, notes: form.notes || null } });
        }}
      >
        <ErrorSummary failure={failure} errors={errors} />
        <Card className="grid gap-5 p-6 md:grid-cols-2">
          <Field label="Requester's name" name="requesterName" required error={errors.requesterName}>
            {(p) => <input {...p} className={inputClass(Boolean(errors.requesterName))} value={form.requesterName} onChange={(e) => set("requesterName", e.target.value)} />}
          </Field>
          <Field label="Contact" name="requesterContact" required error={errors.requesterContact} hint="E-mail or postal address to send the copy to.">
            {(p) => <input {...p} className={inputClass(Boolean(errors.requesterContact))} value={form.requesterContact} onChange={(e) => set("requesterContact", e.target.value)} />}
          </Field>
          <Field label="Date received" name="received" required error={errors.received}>
            {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.received))} value={form.received} onChange={(e) => set("received", e.target.value)} />}
          </Field>
          <Field label="Channel" name="channel" required error={errors.channel}>
            {(p) => (
              <select {...p} className={inputClass(Boolean(errors.channel))} value={form.channel} onChange={(e) => set("channel", e.target.value as RequestChannel)}>
                {REQUEST_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {REQUEST_CHANNEL_LABELS[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="What was asked" name="question" required error={errors.question} className="md:col-span-2">
            {(p) => <textarea {...p} rows={3} className={inputClass(Boolean(errors.question))} value={form.question} onChange={(e) => set("question", e.target.value)} />}
          </Field>
        </Card>
        <Card className="space-y-5 p-6">
          <div>
            <h2 className="text-base font-semibold text-slate-900">What the request concerns</h2>
            <p className="mt-1 text-sm text-slate-600">Choose the entities, data categories or purposes. The copy covers the transfers that match all the kinds you choose.</p>
          </div>
          <PartyMultiPicker
            label="Entities"
            error={errors.partyIds}
            hint="Group entities or vendors the request names (as exporter or recipient). Type part of a name."
            placeholder="Search the parties…"
            value={form.partyIds}
            onChange={(ids) => set("partyIds", ids)}
          />
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Data categories</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {categories.data?.map((c) => (
                <label key={c.id} className="flex items-start gap-2 text-sm text-slate-700">
                  <input type="checkbox" className="mt-0.5" checked={form.categoryIds.includes(c.id)} onChange={() => toggle("categoryIds", c.id)} />
                  {c.label}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Processing purposes</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {purposes.data
                ?.filter((p) => !p.archived)
                .map((p) => (
                  <label key={p.id} className="flex items-start gap-2 text-sm text-slate-700">
                    <input type="checkbox" className="mt-0.5" checked={form.purposeIds.includes(p.id)} onChange={() => toggle("purposeIds", p.id)} />
                    {p.label}
                  </label>
                ))}
            </div>
          </fieldset>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" className="mt-0.5" checked={form.withholdNames} onChange={(e) => set("withholdNames", e.target.checked)} />
            Name recipients by category only in the copy (GDPR Art. 15(1)(c): &ldquo;recipients or categories of recipient&rdquo;)
          </label>
        </Card>
        <Card className="p-6">
          <Field label="Notes" name="notes" error={errors.notes} hint="Internal: not part of the copy.">
            {(p) => <textarea {...p} rows={2} className={inputClass(Boolean(errors.notes))} value={form.notes} onChange={(e) => set("notes", e.target.value)} />}
          </Field>
        </Card>
        <div className="flex justify-end gap-3">
          <AsOfLink href="/requests" className="inline-flex h-9 items-center rounded-md px-3.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Cancel
          </AsOfLink>
          <Button type="submit" loading={create.isPending}>
            Log request
          </Button>
        </div>
      </form>
    </>
  );
}
