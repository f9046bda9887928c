import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ShieldCheck } from "lucide-react";
import { sessionUserFromHeaders } from "@/server/api/context";
import { isDemoMode } from "@/server/config";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/server/demo-accounts";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/server/auth/permissions";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await sessionUserFromHeaders(await headers())) redirect("/");
  const demo = isDemoMode()
    ? DEMO_ACCOUNTS.map((a) => ({ ...a, roleLabel: ROLE_LABELS[a.role], roleDescription: ROLE_DESCRIPTIONS[a.role] }))
    : null;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 flex flex-col items-center text-center">
          <ShieldCheck className="size-10 text-indigo-600" aria-hidden />
          <h1 className="mt-3 text-2xl font-semibold tracking-tight text-slate-900">Sign in to Transfer Registry</h1>
          <p className="mt-1 text-sm text-slate-500">The register of vendors and cross-border transfers of personal data.</p>
        </div>
        <SignInForm demoAccounts={demo} demoPassword={demo ? DEMO_PASSWORD : null} />
      </div>
    </main>
  );
}
