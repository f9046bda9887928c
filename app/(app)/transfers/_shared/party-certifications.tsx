"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useCan } from "@/app/_components/session";
import { useToast } from "@/app/_components/toast";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { Dialog } from "@/app/_components/ui/dialog";
import { Field, inputClass } from "@/app/_components/ui/field";
import { ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_trpc/client";
import type { CertificationFieldsInput } from "@/server/schemas/certification";
import { COVERED_DATA, COVERED_DATA_LABELS, FRAMEWORK_LABELS, FRAMEWORKS, type CoveredData, type Framework } from "@/server/domain/choices/certification-labels";
import type { CertificationRow } from "@/server/services/certifications";
import { saveFailure, serverFieldErrors, type FieldErrors } from "@/app/_components/form-errors";

const EMPTY = { framework: "", from: "", to: "", coveredData: "", verifiedOn: "", verifiedBy: "" };
type Form = typeof EMPTY;

const fromRow = (c: CertificationRow): Form => ({
  framework: c.framework,
  from: c.from,
  to: c.to ?? "",
  coveredData: c.coveredData ?? "",
  verifiedOn: c.verifiedOn ?? "",
  verifiedBy: c.verifiedBy ?? "",
});

/** US framework certifications (Safe Harbor, Privacy Shield, DPF) of a party: they decide US adequacy. */
export function PartyCertifications({ partyId, archived }: { partyId: string; archived: boolean }) {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const toast = useToast();
  const list = useQuery(trpc.certification.list.queryOptions({ partyId }));
  const [editing, setEditing] = useState<CertificationRow | "new" | null>(null);
  const [removing, setRemoving] = useState<CertificationRow | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const done = async () => {
    toast(removing ? "Certification removed." : "Certification saved.");
    setEditing(null);
    setRemoving(null);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.certification.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.transfer.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.party.pathKey() }),
    ]);
  };
  const onError = (e: unknown) => {
    setErrors(serverFieldErrors(e));
    setFormError(saveFailure(e, "certification", true).message);
  };
  const create = useMutation(trpc.certification.create.mutationOptions({ onSuccess: done, onError }));
  const update = useMutation(trpc.certification.update.mutationOptions({ onSuccess: done, onError }));
  const remove = useMutation(trpc.certification.delete.mutationOptions({ onSuccess: done }));
  const mayManage = can("certification.manage") && !archived;

  const open = (c: CertificationRow | "new") => {
    setForm(c === "new" ? EMPTY : fromRow(c));
    setErrors({});
    setFormError(null);
    setEditing(c);
  };
  const set = (k: keyof Form, v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  };
  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    // Validated on the server: its field messages come back through onError.
    const fields = { ...form, framework: form.framework || undefined, coveredData: form.coveredData || null } as CertificationFieldsInput;
    if (editing === "new") create.mutate({ partyId, fields });
    else if (editing) update.mutate({ id: editing.id, version: editing.version, fields });
  }

  return (
    <Card>
      <CardHeader
        title="US framework certifications"
        description="Safe Harbor, Privacy Shield, DPF."
        actions={
          mayManage ? (
            <Button size="sm" variant="secondary" onClick={() => open("new")}>
              <Plus className="size-4" aria-hidden />
              Add certification
            </Button>
          ) : null
        }
      />
      {list.isPending ? (
        <TableSkeleton rows={2} columns={2} />
      ) : list.isError ? (
        <div className="p-4">
          <ErrorState message={list.error.message} onRetry={() => list.refetch()} />
        </div>
      ) : list.data.length === 0 ? (
        <p className="p-5 text-sm text-slate-500">None recorded.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Certifications">
          {list.data.map((c) => (
            <li key={c.id} className="flex items-start justify-between gap-3 px-5 py-3 text-sm">
              <div>
                <p className="font-medium text-slate-900">{FRAMEWORK_LABELS[c.framework as Framework] ?? c.framework}</p>
                <p className="text-slate-600">
                  {c.from} – {c.to ?? "ongoing"}
                  {c.coveredData ? ` · ${COVERED_DATA_LABELS[c.coveredData as CoveredData] ?? c.coveredData}` : ""}
                </p>
                {c.verifiedOn ? (
                  <p className="text-xs text-slate-500">
                    DPF List checked {c.verifiedOn} by {c.verifiedBy}
                  </p>
                ) : (
                  <Badge tone="amber" className="mt-1">
                    Not verified on the DPF List
                  </Badge>
                )}
              </div>
              {mayManage ? (
                <div className="flex shrink-0 gap-1">
                  <Button size="sm" variant="ghost" aria-label={`Edit ${FRAMEWORK_LABELS[c.framework as Framework] ?? c.framework}`} onClick={() => open(c)}>
                    <Pencil className="size-4" aria-hidden />
                  </Button>
                  <Button size="sm" variant="ghost" aria-label={`Remove ${FRAMEWORK_LABELS[c.framework as Framework] ?? c.framework}`} onClick={() => setRemoving(c)}>
                    <Trash2 className="size-4" aria-hidden />
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing === "new" ? "Add a certification" : "Edit the certification"}>
        <form onSubmit={submit} noValidate className="space-y-4">
          {formError ? <ErrorState title="Not saved" message={formError} /> : null}
          <Field label="Framework" required error={errors.framework}>
            {(p) => (
              <select {...p} className={inputClass(Boolean(errors.framework))} value={form.framework} onChange={(e) => set("framework", e.target.value)}>
                <option value="">Choose…</option>
                {FRAMEWORKS.map((f) => (
                  <option key={f} value={f}>
                    {FRAMEWORK_LABELS[f]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="grid grid-cols-2 gap-4">
            <Field label="Certified from" required error={errors.from}>
              {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.from))} value={form.from} onChange={(e) => set("from", e.target.value)} />}
            </Field>
            <Field label="Certified until" error={errors.to} hint="Empty while certified.">
              {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.to))} value={form.to} onChange={(e) => set("to", e.target.value)} />}
            </Field>
          </div>
          <Field label="Covered data" error={errors.coveredData}>
            {(p) => (
              <select {...p} className={inputClass(Boolean(errors.coveredData))} value={form.coveredData} onChange={(e) => set("coveredData", e.target.value)}>
                <option value="">Not recorded</option>
                {COVERED_DATA.map((c) => (
                  <option key={c} value={c}>
                    {COVERED_DATA_LABELS[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="grid grid-cols-2 gap-4">
            <Field label="DPF List checked on" error={errors.verifiedOn}>
              {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.verifiedOn))} value={form.verifiedOn} onChange={(e) => set("verifiedOn", e.target.value)} />}
            </Field>
            <Field label="Checked by" error={errors.verifiedBy}>
              {(p) => <input {...p} className={inputClass(Boolean(errors.verifiedBy))} value={form.verifiedBy} onChange={(e) => set("verifiedBy", e.target.value)} />}
            </Field>
          </div>
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setEditing(null)}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              Save certification
            </Button>
          </div>
        </form>
      </Dialog>

      <Dialog open={removing !== null} onClose={() => setRemoving(null)} title="Remove this certification?" description="Use this for an entry recorded in error; to record that a certification ended, edit its end date instead. The audit trail keeps what it said.">
        {remove.isError ? (
          <div className="mb-4">
            <ErrorState title="Could not remove" message={remove.error.message} />
          </div>
        ) : null}
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={() => setRemoving(null)}>
            Cancel
          </Button>
          <Button variant="danger" loading={remove.isPending} onClick={() => removing && remove.mutate({ id: removing.id, version: removing.version })}>
            Remove certification
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}
