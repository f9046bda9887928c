"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "@/app/_components/party-labels";
import { useCan } from "@/app/_components/session";
import { useToast } from "@/app/_components/toast";
import { Button } from "@/app/_components/ui/button";
import { Field, inputClass } from "@/app/_components/ui/field";
import { ErrorState, Skeleton } from "@/app/_components/ui/states";
import { serverFieldErrors, type FieldErrors } from "@/app/_components/form-errors";
import { useTRPC } from "@/app/_trpc/client";
import type { FlagState } from "@/server/domain/flag-types";
import { FLAG_STATE_LABELS } from "@/server/domain/labels";
import type { FlagListItem } from "@/server/services/flags";

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : "The change was not saved.");

/** The moves offered from a state (the server checks them again: FLAG_TRANSITIONS). */
const MOVES: Record<FlagState, { to: FlagState; label: string }[]> = {
  open: [{ to: "in_remediation", label: "Start remediation" }],
  in_remediation: [
    { to: "resolved", label: "Mark resolved" },
    { to: "open", label: "Back to open" },
  ],
  risk_accepted: [
    { to: "in_remediation", label: "Start remediation" },
    { to: "open", label: "Reopen" },
  ],
  resolved: [],
};

/** Owner, due date, state, accepted risk, comments and the flag's audit entries. */
export function FlagReview({ flag, mayReview }: { flag: FlagListItem; mayReview: boolean }) {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = { transferId: flag.transferId, code: flag.code };
  const detail = useQuery(trpc.flag.detail.queryOptions(key));
  const owners = useQuery({ ...trpc.flag.owners.queryOptions({}), enabled: mayReview });
  const [ownerId, setOwnerId] = useState(flag.owner?.id ?? "");
  const [dueDate, setDueDate] = useState(flag.dueDate ?? "");
  const [accepting, setAccepting] = useState(false);
  const [justification, setJustification] = useState("");
  const [rereviewDate, setRereviewDate] = useState("");
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = async (message: string) => {
    setErrors({});
    setFailure(null);
    toast(message);
    await queryClient.invalidateQueries({ queryKey: trpc.flag.pathKey() });
  };
  const onError = (e: unknown) => {
    setErrors(serverFieldErrors(e));
    setFailure(errorMessage(e));
  };
  const assign = useMutation(trpc.flag.assign.mutationOptions({ onSuccess: () => refresh("Owner and due date saved."), onError }));
  const move = useMutation(
    trpc.flag.move.mutationOptions({
      onSuccess: async (row) => {
        setAccepting(false);
        await refresh(`Flag moved to ${FLAG_STATE_LABELS[row.state].toLowerCase()}.`);
      },
      onError,
    }),
  );
  const addComment = useMutation(
    trpc.flag.comment.mutationOptions({
      onSuccess: async () => {
        setComment("");
        await refresh("Comment added.");
      },
      onError,
    }),
  );
  const version = flag.version;
  const id = `${flag.transferId}-${flag.code}`.replace(/[^a-zA-Z0-9_-]/g, "-");

  return (
    <div className="space-y-4 rounded-md border border-slate-200 p-4">
      {failure ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {failure}
        </p>
      ) : null}
      {flag.state === "risk_accepted" && flag.justification ? (
        <p className="text-sm text-slate-700">
          <span className="font-medium">Risk accepted: </span>
          {flag.justification} {flag.rereviewDate ? `(re-review on ${flag.rereviewDate})` : null}
        </p>
      ) : null}

      {mayReview && flag.state !== "resolved" ? (
        <>
          <form
            noValidate
            className="grid grid-cols-1 items-end gap-3 sm:grid-cols-3"
            onSubmit={(e) => {
              e.preventDefault();
              assign.mutate({ ...key, version, ownerId: ownerId || null, dueDate: dueDate || null });
            }}
          >
            <Field label="Owner" name={`owner-${id}`} error={errors.ownerId} hint="A procurement or DPO user.">
              {(p) => (
                <select {...p} className={inputClass(Boolean(errors.ownerId))} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
                  <option value="">Nobody</option>
                  {flag.owner && !(owners.data ?? []).some((o) => o.id === flag.owner!.id) ? <option value={flag.owner.id}>{flag.owner.name}</option> : null}
                  {(owners.data ?? []).map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name} ({o.email})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Due date" name={`due-${id}`} error={errors.dueDate}>
              {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.dueDate))} value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
            </Field>
            <div>
              <Button type="submit" size="sm" variant="secondary" loading={assign.isPending}>
                Save owner and due date
              </Button>
            </div>
          </form>

          <div className="flex flex-wrap gap-2">
            {MOVES[flag.state].map((m) => (
              <Button key={m.to} size="sm" variant="secondary" loading={move.isPending && move.variables?.to === m.to} onClick={() => move.mutate({ ...key, version, to: m.to })}>
                {m.label}
              </Button>
            ))}
            {flag.state !== "risk_accepted" ? (
              <Button size="sm" variant="secondary" onClick={() => setAccepting((a) => !a)} aria-expanded={accepting}>
                Accept the risk…
              </Button>
            ) : null}
          </div>
          {flag.state === "in_remediation" ? <p className="text-xs text-slate-500">A flag resolves itself once the verdict no longer raises it; &ldquo;Mark resolved&rdquo; is refused while it is still raised.</p> : null}

          {accepting ? (
            <form
              noValidate
              className="space-y-3 rounded-md bg-violet-50 p-3"
              aria-label="Accept the risk"
              onSubmit={(e) => {
                e.preventDefault();
                move.mutate({ ...key, version, to: "risk_accepted", justification, rereviewDate });
              }}
            >
              <Field label="Justification" name={`justification-${id}`} required error={errors.justification} hint="Why the transfer may continue as it is, for now.">
                {(p) => <textarea {...p} rows={3} className={inputClass(Boolean(errors.justification))} value={justification} onChange={(e) => setJustification(e.target.value)} />}
              </Field>
              <Field label="Re-review on" name={`rereview-${id}`} required error={errors.rereviewDate} hint="The flag opens again on this date.">
                {(p) => <input {...p} type="date" className={inputClass(Boolean(errors.rereviewDate))} value={rereviewDate} onChange={(e) => setRereviewDate(e.target.value)} />}
              </Field>
              <div className="flex gap-2">
                <Button type="submit" size="sm" loading={move.isPending}>
                  Accept the risk
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setAccepting(false)}>
                  Cancel
                </Button>
              </div>
            </form>
          ) : null}
        </>
      ) : null}

      <section aria-labelledby={`comments-${id}`}>
        <h3 id={`comments-${id}`} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          Comments
        </h3>
        {can("flag.comment") && flag.state !== "resolved" ? (
          <form
            noValidate
            className="mt-2 space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              addComment.mutate({ ...key, body: comment });
            }}
          >
            <Field label="Add a comment" name={`comment-${id}`} error={errors.body}>
              {(p) => <textarea {...p} rows={2} className={inputClass(Boolean(errors.body))} value={comment} onChange={(e) => setComment(e.target.value)} />}
            </Field>
            <Button type="submit" size="sm" variant="secondary" loading={addComment.isPending}>
              Comment
            </Button>
          </form>
        ) : null}
        {detail.isPending ? (
          <Skeleton className="mt-2 h-10 w-full" />
        ) : detail.isError ? (
          <ErrorState message={detail.error.message} onRetry={() => detail.refetch()} />
        ) : detail.data.comments.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No comments yet.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {detail.data.comments.map((c) => (
              <li key={c.id} className="text-sm">
                <p className="text-slate-800">{c.body}</p>
                <p className="text-xs text-slate-500">
                  {c.authorName ?? c.authorEmail}, <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {detail.data && detail.data.history.length > 0 ? (
        <section aria-labelledby={`history-${id}`}>
          <h3 id={`history-${id}`} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            History
          </h3>
          <ol className="mt-2 space-y-1 text-sm text-slate-700" aria-label="Audit entries">
            {detail.data.history.map((h) => (
              <li key={h.id}>
                <time dateTime={h.at} className="text-slate-500">
                  {formatDateTime(h.at)}
                </time>{" "}
                · {h.actorEmail} · {describeChange(h.action, h.before, h.after)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

/** An audit entry of a flag in words. */
function describeChange(action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  if (action === "flag.comment") return "commented";
  if (action === "flag.assign") {
    const due = after?.dueDate ? `, due ${String(after.dueDate)}` : "";
    return after?.ownerId ? `assigned an owner${due}` : `cleared the owner${due}`;
  }
  const to = after?.state as FlagState | undefined;
  const from = before?.state as FlagState | undefined;
  const words = to ? FLAG_STATE_LABELS[to].toLowerCase() : "changed";
  const reason = typeof after?.reason === "string" ? ` (${after.reason})` : "";
  if (to === "risk_accepted") return `accepted the risk until ${String(after?.rereviewDate ?? "")}: ${String(after?.justification ?? "")}`;
  return `${from ? `${FLAG_STATE_LABELS[from].toLowerCase()} → ` : ""}${words}${reason}`;
}
