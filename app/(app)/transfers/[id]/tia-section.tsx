"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ClipboardCheck } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useCan } from "@/app/_components/session";
import { useToast } from "@/app/_components/toast";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { Dialog } from "@/app/_components/ui/dialog";
import { Field, inputClass } from "@/app/_components/ui/field";
import { EmptyState, ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import type { TiaFieldsInput } from "@/server/schemas/tia";
import { TIA_OUTCOME_LABELS, TIA_OUTCOMES, type TiaOutcome } from "@/server/domain/choices/tia-labels";
import { serverFieldErrors, type FieldErrors } from "@/app/_components/form-errors";
import { TiaDocuments } from "./tia-documents";

const OUTCOME_TONE: Record<TiaOutcome, "green" | "amber" | "red"> = { proceed: "green", proceed_with_measures: "amber", suspend: "red" };

const EMPTY = {
  completed: "",
  assessor: "",
  outcome: "",
  measuresTechnical: "",
  measuresContractual: "",
  measuresOrganisational: "",
  nextReview: "",
  documentRef: "",
};

/** The transfer's impact assessments, newest first; the latest one counts for the verdict. */
export function TiaSection({ transferId, archived }: { transferId: string; archived: boolean }) {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const toast = useToast();
  const tias = useQuery(trpc.tia.list.queryOptions({ transferId }));
  // `?tia=new` (a flag's suggested remedy "record a TIA") opens the form at once.
  const params = useSearchParams();
  const [open, setOpen] = useState(() => params.get("tia") === "new" && can("tia.manage") && !archived);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.tia.create.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        setForm(EMPTY);
        toast("Impact assessment recorded.");
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.tia.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.transfer.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.safeguard.pathKey() })]);
      },
      onError: (e) => setErrors(serverFieldErrors(e)),
    }),
  );
  const set = (k: keyof typeof EMPTY, v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  };
  function submit(e: React.FormEvent) {
    e.preventDefault();
    // Validated on the server: its field messages come back through onError.
    create.mutate({ transferId, fields: { ...form, outcome: form.outcome || undefined } as TiaFieldsInput });
  }

  return (
    <Card>
      <CardHeader
        title="Transfer impact assessments"
        description="The latest assessment counts for the verdict (Schrems II; SCC Clause 14)."
        actions={
          can("tia.manage") && !archived ? (
            <Button size="sm" variant="secondary" onClick={() => (setErrors({}), setOpen(true))}>
              <ClipboardCheck className="size-4" aria-hidden />
              Record TIA
            </Button>
          ) : null
        }
      />
      {tias.isPending ? (
        <TableSkeleton rows={2} columns={3} />
      ) : tias.isError ? (
        <div className="p-4">
          <ErrorState message={tias.error.message} onRetry={() => tias.refetch()} />
        </div>
      ) : tias.data.length === 0 ? (
        <EmptyState title="No assessment recorded">A transfer relying on an Art. 46 safeguard needs a transfer impact assessment.</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label="Assessments">
          {tias.data.map((t, n) => (
            <li key={t.id} className="px-5 py-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">Completed {t.completed}</span>
                {n === 0 ? <Badge tone="indigo">Latest</Badge> : null}
                {t.outcome ? <Badge tone={OUTCOME_TONE[t.outcome as TiaOutcome] ?? "slate"}>{TIA_OUTCOME_LABELS[t.outcome as TiaOutcome] ?? t.outcome}</Badge> : null}
              </div>
              <p className="mt-1 text-slate-600">
                {t.assessor ? `By ${t.assessor}` : "Assessor not recorded"}
                {t.nextReview ? ` · next review ${t.nextReview}` : ""}
                {t.documentRef ? (
                  <>
                    {" · "}
                    {/^https?:\/\//.test(t.documentRef) ? (
                      <a href={t.documentRef} className="text-indigo-700 hover:underline" target="_blank" rel="noreferrer noopener">
                        assessment document
                      </a>
                    ) : (
                      <span className="font-mono text-xs">{t.documentRef}</span>
                    )}
                  </>
                ) : null}
              </p>
              {t.measuresTechnical || t.measuresContractual || t.measuresOrganisational ? (
                <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                  {t.measuresTechnical ? <li>Technical: {t.measuresTechnical}</li> : null}
                  {t.measuresContractual ? <li>Contractual: {t.measuresContractual}</li> : null}
                  {t.measuresOrganisational ? <li>Organisational: {t.measuresOrganisational}</li> : null}
                </ul>
              ) : null}
              <TiaDocuments tiaId={t.id} completed={t.completed} />
            </li>
          ))}
        </ol>
      )}

      <Dialog open={open} onClose={() => setOpen(false)} title="Record a transfer impact assessment" description="Assessments are kept as history; the newest counts.">
        <form onSubmit={submit} noValidate className="space-y-4">
          {create.isError && !Object.values(serverFieldErrors(create.error)).some(Boolean) ? <ErrorState title="Not saved" message={create.error.message} /> : null}
          <div className="grid grid-cols-2 gap-4">
            <Field label="Date completed" required error={errors.completed}>
              {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.completed))} value={form.completed} onChange={(e) => set("completed", e.target.value)} />}
            </Field>
            <Field label="Next review" error={errors.nextReview}>
              {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.nextReview))} value={form.nextReview} onChange={(e) => set("nextReview", e.target.value)} />}
            </Field>
          </div>
          <Field label="Assessor" required error={errors.assessor}>
            {(p) => <input {...p} className={inputClass(Boolean(errors.assessor))} value={form.assessor} onChange={(e) => set("assessor", e.target.value)} />}
          </Field>
          <Field label="Outcome" required error={errors.outcome}>
            {(p) => (
              <select {...p} className={inputClass(Boolean(errors.outcome))} value={form.outcome} onChange={(e) => set("outcome", e.target.value)}>
                <option value="">Choose…</option>
                {TIA_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {TIA_OUTCOME_LABELS[o]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Technical measures" error={errors.measuresTechnical}>
            {(p) => <textarea {...p} rows={2} className={inputClass(Boolean(errors.measuresTechnical))} value={form.measuresTechnical} onChange={(e) => set("measuresTechnical", e.target.value)} />}
          </Field>
          <Field label="Contractual measures" error={errors.measuresContractual}>
            {(p) => <textarea {...p} rows={2} className={inputClass(Boolean(errors.measuresContractual))} value={form.measuresContractual} onChange={(e) => set("measuresContractual", e.target.value)} />}
          </Field>
          <Field label="Organisational measures" error={errors.measuresOrganisational}>
            {(p) => <textarea {...p} rows={2} className={inputClass(Boolean(errors.measuresOrganisational))} value={form.measuresOrganisational} onChange={(e) => set("measuresOrganisational", e.target.value)} />}
          </Field>
          <Field label="Assessment document" error={errors.documentRef} hint="A URL or a document reference.">
            {(p) => <input {...p} className={inputClass(Boolean(errors.documentRef))} value={form.documentRef} onChange={(e) => set("documentRef", e.target.value)} />}
          </Field>
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save assessment
            </Button>
          </div>
        </form>
      </Dialog>
    </Card>
  );
}
