"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/app/_components/auth-client";
import { Button } from "@/app/_components/ui/button";
import { Field, inputClass } from "@/app/_components/ui/field";
import { ErrorState } from "@/app/_components/ui/states";

interface DemoAccount {
  email: string;
  name: string;
  roleLabel: string;
  roleDescription: string;
}

export function SignInForm({ demoAccounts, demoPassword }: { demoAccounts: DemoAccount[] | null; demoPassword: string | null }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (!email.trim() || !password) {
      setError("Enter your e-mail address and password.");
      return;
    }
    setBusy(true);
    const result = await authClient.signIn.email({ email: email.trim(), password });
    setBusy(false);
    if (result.error) {
      setError(
        result.error.status === 429
          ? result.error.code === "SIGN_IN_BACKOFF" && result.error.message
            ? result.error.message
            : "Too many sign-in attempts. Wait a minute, then try again."
          : result.error.status === 401 || result.error.status === 403
            ? "The e-mail address or password is not correct, or the account is deactivated."
            : (result.error.message ?? "Sign-in failed."),
      );
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={signIn} className="space-y-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" noValidate>
        {error ? <ErrorState title="Could not sign in" message={error} /> : null}
        <Field label="E-mail address" required>
          {(p) => <input {...p} type="email" autoComplete="username" className={inputClass(false)} value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />}
        </Field>
        <Field label="Password" required>
          {(p) => <input {...p} type="password" autoComplete="current-password" className={inputClass(false)} value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Button type="submit" loading={busy} className="w-full">
          Sign in
        </Button>
      </form>
      {demoAccounts && demoPassword ? (
        <section aria-labelledby="demo-heading" className="rounded-xl border border-dashed border-indigo-300 bg-indigo-50/60 p-5">
          <h2 id="demo-heading" className="text-sm font-semibold text-indigo-900">
            Demo accounts
          </h2>
          <p className="mt-1 text-xs text-indigo-800">
            Demo mode is on. Every demo account uses the password <code className="rounded bg-white px-1 py-0.5 font-mono">{demoPassword}</code>.
          </p>
          <ul className="mt-3 divide-y divide-indigo-100">
            {demoAccounts.map((a) => (
              <li key={a.email} className="flex items-center justify-between gap-3 py-2">
                <div className="min-w-0">
                  <p className="text-sm font-medium text-slate-900">
                    {a.roleLabel} <span className="font-normal text-slate-600">· {a.email}</span>
                  </p>
                  <p className="text-xs text-slate-600">{a.roleDescription}</p>
                </div>
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Use the ${a.roleLabel} demo account`}
                  onClick={() => {
                    setEmail(a.email);
                    setPassword(demoPassword);
                    setError(null);
                  }}
                >
                  Use
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
