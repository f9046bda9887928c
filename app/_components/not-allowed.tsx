import { ShieldX } from "lucide-react";
import { AsOfLink } from "@/app/_components/as-of";
import { getSessionUser } from "@/app/_trpc/server";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/server/auth/permissions";

/** The page a role sees when it opens a form it may not submit (served with HTTP 403 by `forbidden()`). */
export async function NotAllowed() {
  const user = await getSessionUser();
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <ShieldX className="mx-auto size-10 text-slate-500" aria-hidden />
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">Not allowed</h1>
      <p className="mt-2 text-sm text-slate-600">
        {user ? (
          <>
            You are signed in as <strong>{ROLE_LABELS[user.role]}</strong> ({ROLE_DESCRIPTIONS[user.role]}) This page is for a role that may make this
            change.
          </>
        ) : (
          "You are not signed in."
        )}
      </p>
      <p className="mt-1 text-sm text-slate-600">If you need to make it, ask an administrator to change your role.</p>
      <AsOfLink href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
        Back to the overview
      </AsOfLink>
    </div>
  );
}
