"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { useCan, useSession } from "@/app/_components/session";
import { useToast } from "@/app/_components/toast";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader, PageHeader } from "@/app/_components/ui/card";
import { Dialog } from "@/app/_components/ui/dialog";
import { Field, inputClass } from "@/app/_components/ui/field";
import { ErrorState, TableSkeleton } from "@/app/_components/ui/states";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_trpc/client";
import { PERMISSION_LABELS } from "@/server/auth/permission-labels";
import { ACTIONS, can as canRole, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/server/auth/permissions";
import type { CreateUserInput } from "@/server/schemas/user";
import { MIN_PASSWORD_LENGTH } from "@/server/domain/choices/user-labels";
import { serverFieldErrors } from "@/app/_components/form-errors";
import type { UserSummary } from "@/server/services/users";

export function UserAdmin() {
  const trpc = useTRPC();
  const can = useCan();
  const me = useSession();
  const queryClient = useQueryClient();
  const users = useQuery({ ...trpc.user.list.queryOptions(), enabled: can("user.read") });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  // A role change or (de)activation waits for confirmation in a dialog; it is never applied on select.
  const [pending, setPending] = useState<PendingChange | null>(null);
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  const update = useMutation(
    trpc.user.update.mutationOptions({
      onSuccess: async (_saved, input) => {
        setPending(null);
        await refresh();
        toast(pendingMessage(input));
      },
    }),
  );

  if (!can("user.read")) return <ErrorState title="Not allowed" message="Only administrators manage users." />;

  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and with which role. Users are deactivated, never deleted, so the audit trail keeps its actors."
        actions={
          <Button onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden />
            New user
          </Button>
        }
      />
      <Card>
        {users.isPending ? (
          <TableSkeleton columns={4} />
        ) : users.isError ? (
          <div className="p-4">
            <ErrorState message={users.error.message} onRetry={() => users.refetch()} />
          </div>
        ) : (
          <Table label="Users" stacked>
            <thead className="bg-slate-50">
              <tr>
                <Th>Name</Th>
                <Th>E-mail</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {users.data.map((u) => (
                <tr key={u.id}>
                  <Td className="font-medium text-slate-900">{u.name}</Td>
                  <Td>{u.email}</Td>
                  <Td>
                    <label className="sr-only" htmlFor={`role-${u.id}`}>
                      Role of {u.email}
                    </label>
                    <select
                      id={`role-${u.id}`}
                      className={inputClass(false, "w-56")}
                      value={u.role}
                      disabled={u.id === me.id || update.isPending}
                      onChange={(e) => setPending({ user: u, role: e.target.value as Role, active: u.active })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                  </Td>
                  <Td>{u.active ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Deactivated</Badge>}</Td>
                  <Td className="whitespace-nowrap md:text-right">
                    <Button variant="ghost" size="sm" onClick={() => setResetting(u)} aria-label={`Set a new password for ${u.email}`}>
                      <KeyRound className="size-4" aria-hidden />
                      Password
                    </Button>
                    {u.id !== me.id ? (
                      <Button variant={u.active ? "danger" : "secondary"} size="sm" className="ml-2" onClick={() => setPending({ user: u, role: u.role, active: !u.active })}>
                        {u.active ? "Deactivate" : "Reactivate"}
                      </Button>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card className="mt-8">
        <CardHeader title="Roles and permissions" description="The permission table the server enforces on every request; the interface hides what a role cannot do." />
        <Table label="Permissions by role">
          <thead className="bg-slate-50">
            <tr>
              <Th>Action</Th>
              {ROLES.map((r) => (
                <Th key={r} className="text-center">
                  <span title={ROLE_DESCRIPTIONS[r]}>{ROLE_LABELS[r]}</span>
                </Th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {ACTIONS.map((a) => (
              <tr key={a}>
                <Td>
                  {PERMISSION_LABELS[a]}
                  <span className="sr-only"> ({a})</span>
                </Td>
                {ROLES.map((r) => (
                  <Td key={r} className="text-center">
                    {canRole(r, a) ? <Check className="mx-auto size-4 text-emerald-600" aria-label="allowed" /> : <span className="text-slate-500" aria-label="not allowed">—</span>}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>

      <ConfirmDialog
        change={pending}
        pendingSave={update.isPending}
        error={update.isError ? update.error.message : null}
        onCancel={() => {
          setPending(null);
          update.reset();
        }}
        onConfirm={() => pending && update.mutate({ id: pending.user.id, name: pending.user.name, role: pending.role, active: pending.active })}
      />
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          void refresh();
          toast("User created.");
        }}
      />
      <PasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

interface PendingChange {
  user: UserSummary;
  role: Role;
  active: boolean;
}

const pendingMessage = (input: { name: string; role: Role; active: boolean }) => `${input.name}: ${input.active ? ROLE_LABELS[input.role] : "deactivated"}. Saved.`;

/** Confirms a role change, a deactivation or a reactivation, saying what it does before it happens. */
function ConfirmDialog({ change, pendingSave, error, onCancel, onConfirm }: { change: PendingChange | null; pendingSave: boolean; error: string | null; onCancel: () => void; onConfirm: () => void }) {
  const u = change?.user;
  const kind = !change || !u ? null : change.active !== u.active ? (change.active ? "reactivate" : "deactivate") : "role";
  const title = !u ? "" : kind === "role" ? `Change the role of ${u.name}?` : kind === "deactivate" ? `Deactivate ${u.name}?` : `Reactivate ${u.name}?`;
  const description =
    !change || !u
      ? null
      : kind === "role"
        ? `From ${ROLE_LABELS[u.role]} to ${ROLE_LABELS[change.role]}: ${ROLE_DESCRIPTIONS[change.role]}`
        : kind === "deactivate"
          ? `${u.email} can no longer sign in and their current sessions end at once. Their actions stay in the audit log; you can reactivate them later.`
          : `${u.email} can sign in again as ${ROLE_LABELS[u.role]}.`;
  return (
    <Dialog open={change !== null} onClose={onCancel} title={title} description={description}>
      {error ? (
        <div className="mb-4">
          <ErrorState title="Could not update the user" message={error} />
        </div>
      ) : null}
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant={kind === "deactivate" ? "danger" : "primary"} loading={pendingSave} onClick={onConfirm}>
          {kind === "role" ? "Change role" : kind === "deactivate" ? "Deactivate" : "Reactivate"}
        </Button>
      </div>
    </Dialog>
  );
}

function CreateUserDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const trpc = useTRPC();
  const [form, setForm] = useState({ name: "", email: "", role: "procurement", password: "" });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: () => {
        onCreated();
        setForm({ name: "", email: "", role: "procurement", password: "" });
        onClose();
      },
      onError: (e) => setErrors(serverFieldErrors(e)),
    }),
  );
  function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    // Validated on the server: its field messages come back through onError.
    create.mutate(form as CreateUserInput);
  }
  return (
    <Dialog open={open} onClose={onClose} title="New user" description="The user signs in with this e-mail address and password; share the password through a safe channel.">
      <form onSubmit={submit} noValidate className="space-y-4">
        {create.isError && !Object.keys(errors).length ? <ErrorState title="Could not create the user" message={create.error.message} /> : null}
        <Field label="Name" required error={errors.name}>
          {(p) => <input {...p} className={inputClass(Boolean(errors.name))} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
        </Field>
        <Field label="E-mail address" required error={errors.email}>
          {(p) => <input {...p} type="email" className={inputClass(Boolean(errors.email))} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
        </Field>
        <Field label="Role" required error={errors.role} hint={ROLE_DESCRIPTIONS[form.role as Role]}>
          {(p) => (
            <select {...p} className={inputClass(Boolean(errors.role))} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Initial password" required error={errors.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters and not easy to guess: a phrase of unrelated words works well.`}>
          {(p) => <input {...p} type="password" autoComplete="new-password" className={inputClass(Boolean(errors.password))} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />}
        </Field>
        <div className="flex justify-end gap-3 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create user
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function PasswordDialog({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const set = useMutation(
    trpc.user.setPassword.mutationOptions({
      onSuccess: () => {
        setPassword("");
        onClose();
        toast("Password set.");
      },
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <Dialog open={user !== null} onClose={onClose} title={`New password for ${user?.email ?? ""}`} description="Their current sessions end at once.">
      <form
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (password.length < MIN_PASSWORD_LENGTH) return setError(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
          setError(null);
          if (user) set.mutate({ id: user.id, password });
        }}
      >
        <Field label="New password" required error={error}>
          {(p) => <input {...p} type="password" autoComplete="new-password" className={inputClass(Boolean(error))} value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={set.isPending}>
            Set password
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
