"use client";

import { ArrowLeftRight, BookOpen, LayoutDashboard, Building2, FileClock, FileJson, FileSignature, LogOut, ShieldCheck, Users } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ROLE_LABELS, type Action } from "@/server/auth/permissions";
import { authClient } from "./auth-client";
import { SessionProvider, useCan, useSession, type ClientSession } from "./session";
import { cn } from "./ui/cn";

const NAV: { href: string; label: string; icon: typeof Building2; action: Action }[] = [
  { href: "/", label: "Overview", icon: LayoutDashboard, action: "transfer.read" },
  { href: "/transfers", label: "Transfers", icon: ArrowLeftRight, action: "transfer.read" },
  { href: "/parties", label: "Parties", icon: Building2, action: "party.read" },
  { href: "/safeguards", label: "Safeguards", icon: FileSignature, action: "safeguard.read" },
  { href: "/knowledge-base", label: "Knowledge base", icon: BookOpen, action: "kb.read" },
  { href: "/registry", label: "Import / export", icon: FileJson, action: "registry.export" },
  { href: "/audit", label: "Audit log", icon: FileClock, action: "audit.read" },
  { href: "/users", label: "Users", icon: Users, action: "user.read" },
];

function Sidebar() {
  const pathname = usePathname();
  const can = useCan();
  return (
    <nav aria-label="Main" className="flex flex-1 flex-col gap-1 px-3">
      {NAV.filter((item) => can(item.action)).map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
              active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
            )}
          >
            <item.icon className="size-4.5" aria-hidden />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

function UserMenu() {
  const user = useSession();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <div className="border-t border-slate-800 px-4 py-4">
      <p className="truncate text-sm font-medium text-white">{user.name}</p>
      <p className="truncate text-xs text-slate-400">{user.email}</p>
      <p className="mt-1 text-xs text-slate-400">
        Role: <span className="font-medium text-slate-200">{ROLE_LABELS[user.role]}</span>
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await authClient.signOut();
          router.replace("/sign-in");
          router.refresh();
        }}
        className="mt-3 inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-300 hover:bg-slate-800 hover:text-white"
      >
        <LogOut className="size-4" aria-hidden />
        {busy ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}

export function AppShell({ user, children }: { user: ClientSession; children: React.ReactNode }) {
  // Marks the page as interactive once React has hydrated it (browser tests wait for it before typing).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <SessionProvider user={user}>
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="flex min-h-screen">
        <aside className="no-print w-60 shrink-0 bg-slate-900">
          <div className="sticky top-0 flex max-h-screen min-h-[100dvh] flex-col">
            <Link href="/" className="flex items-center gap-2 px-6 py-5 text-white">
              <ShieldCheck className="size-6 text-indigo-400" aria-hidden />
              <span className="text-base font-semibold tracking-tight">Transfer Registry</span>
            </Link>
            <Sidebar />
            <UserMenu />
          </div>
        </aside>
        <main id="main" data-hydrated={hydrated || undefined} className="min-w-0 flex-1 px-8 py-8">
          <div className="mx-auto max-w-7xl">{children}</div>
        </main>
      </div>
    </SessionProvider>
  );
}
