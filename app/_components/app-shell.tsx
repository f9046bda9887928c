"use client";

import { ArrowLeftRight, BellRing, BookOpen, Building2, FileClock, FileJson, FileSignature, Flag, FlaskConical, Inbox, LayoutDashboard, LogOut, Menu, PanelLeft, ScrollText, Search, ShieldCheck, Users, X } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ROLE_LABELS, type Action } from "@/server/auth/permissions";
import { AsOfBanner, AsOfControl, AsOfLink } from "./as-of";
import { authClient } from "./auth-client";
import { SessionProvider, useCan, useSession, type ClientSession } from "./session";
import { CommandPalette, openCommandPalette } from "./command-palette";
import { ToastProvider } from "./toast";
import { cn } from "./ui/cn";

const NAV: { href: string; label: string; icon: typeof Building2; action: Action }[] = [
  { href: "/", label: "Overview", icon: LayoutDashboard, action: "transfer.read" },
  { href: "/flags", label: "Flags", icon: Flag, action: "flag.read" },
  { href: "/transfers", label: "Transfers", icon: ArrowLeftRight, action: "transfer.read" },
  { href: "/parties", label: "Parties", icon: Building2, action: "party.read" },
  { href: "/safeguards", label: "Safeguards", icon: FileSignature, action: "safeguard.read" },
  { href: "/reminders", label: "Reminders", icon: BellRing, action: "reminders.read" },
  { href: "/scenarios", label: "What-if", icon: FlaskConical, action: "scenario.read" },
  { href: "/requests", label: "Requests", icon: Inbox, action: "request.read" },
  { href: "/notice", label: "Privacy notice", icon: ScrollText, action: "notice.read" },
  { href: "/knowledge-base", label: "Knowledge base", icon: BookOpen, action: "kb.read" },
  { href: "/registry", label: "Import / export", icon: FileJson, action: "registry.export" },
  { href: "/audit", label: "Audit log", icon: FileClock, action: "audit.read" },
  { href: "/users", label: "Users", icon: Users, action: "user.read" },
];

function Sidebar({ collapsed = false, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  const can = useCan();
  return (
    <nav aria-label="Main" className={cn("flex flex-1 flex-col gap-1 overflow-y-auto", collapsed ? "px-2" : "px-3")}>
      {NAV.filter((item) => can(item.action)).map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <AsOfLink
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            title={collapsed ? item.label : undefined}
            onClick={onNavigate}
            className={cn(
              "flex items-center gap-3 rounded-md py-2 text-sm font-medium",
              collapsed ? "justify-center px-2" : "px-3",
              active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
            )}
          >
            <item.icon className="size-4.5 shrink-0" aria-hidden />
            <span className={collapsed ? "sr-only" : undefined}>{item.label}</span>
          </AsOfLink>
        );
      })}
    </nav>
  );
}

function UserMenu({ collapsed = false }: { collapsed?: boolean }) {
  const user = useSession();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <div className={cn("border-t border-slate-800 py-4", collapsed ? "px-2 text-center" : "px-4")}>
      <div className={collapsed ? "sr-only" : undefined}>
        <p className="truncate text-sm font-medium text-white">{user.name}</p>
        <p className="truncate text-xs text-slate-300">{user.email}</p>
        <p className="mt-1 text-xs text-slate-300">
          Role: <span className="font-medium text-slate-100">{ROLE_LABELS[user.role]}</span>
        </p>
      </div>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await authClient.signOut();
          router.replace("/sign-in");
          router.refresh();
        }}
        title={collapsed ? "Sign out" : undefined}
        className={cn("inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-300 hover:bg-slate-800 hover:text-white", !collapsed && "mt-3")}
      >
        <LogOut className="size-4" aria-hidden />
        <span className={collapsed ? "sr-only" : undefined}>{busy ? "Signing out…" : "Sign out"}</span>
      </button>
    </div>
  );
}

/** Opens the command palette (Ctrl+K / ⌘K). */
function GoToButton({ collapsed = false, onOpen }: { collapsed?: boolean; onOpen?: () => void }) {
  return (
    <button
      type="button"
      onClick={() => {
        onOpen?.();
        openCommandPalette();
      }}
      className={cn(
        "mb-3 flex items-center gap-3 rounded-md py-2 text-sm text-slate-300 ring-1 ring-slate-700 ring-inset hover:bg-slate-800 hover:text-white",
        collapsed ? "mx-2 justify-center px-2" : "mx-3 px-3",
      )}
    >
      <Search className="size-4 shrink-0" aria-hidden />
      <span className={collapsed ? "sr-only" : "flex-1 text-left"}>Go to…</span>
      <kbd className={cn("font-sans text-xs text-slate-300", collapsed && "sr-only")}>Ctrl K</kbd>
    </button>
  );
}

/** The navigation's container: a sidebar (`aside`), or while open below lg a modal drawer (`dialog`). */
function NavPanel({ drawer, className, children }: { drawer: boolean; className: string; children: React.ReactNode }) {
  return drawer ? (
    <div id="nav-drawer" role="dialog" aria-modal="true" aria-label="Menu" className={className}>
      {children}
    </div>
  ) : (
    <aside id="nav-drawer" className={className}>
      {children}
    </aside>
  );
}

const COLLAPSED_KEY = "tr.sidebar.collapsed";

/**
 * The shell: from `lg` up a sidebar that collapses to icons (remembered in this browser); below `lg` a top
 * bar whose menu button opens the same navigation as a drawer (Escape, the backdrop or a link close it).
 */
export function AppShell({ user, children }: { user: ClientSession; children: React.ReactNode }) {
  // Marks the page as interactive once React has hydrated it (browser tests wait for it before typing).
  const [hydrated, setHydrated] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);
  // Icons only from lg up; the drawer always shows the names.
  const narrow = collapsed && !drawer;
  useEffect(() => {
    setHydrated(true);
    setCollapsed(window.localStorage.getItem(COLLAPSED_KEY) === "1");
  }, []);
  useEffect(() => {
    if (!drawer) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setDrawer(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [drawer]);
  const toggleCollapsed = () => {
    setCollapsed((c) => {
      window.localStorage.setItem(COLLAPSED_KEY, c ? "0" : "1");
      return !c;
    });
  };
  return (
    <SessionProvider user={user}>
      <ToastProvider>
        <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <div className="min-h-screen lg:flex">
          <header className="no-print sticky top-0 z-30 flex items-center gap-3 bg-slate-900 px-4 py-3 lg:hidden">
            <button
              type="button"
              onClick={() => setDrawer(true)}
              aria-expanded={drawer}
              aria-controls="nav-drawer"
              className="rounded-md p-1.5 text-slate-200 hover:bg-slate-800 hover:text-white"
            >
              <Menu className="size-5" aria-hidden />
              <span className="sr-only">Open the menu</span>
            </button>
            <AsOfLink href="/" className="flex items-center gap-2 text-white">
              <ShieldCheck className="size-5 text-indigo-300" aria-hidden />
              <span className="text-base font-semibold tracking-tight">Transfer Registry</span>
            </AsOfLink>
          </header>

          {drawer ? <div className="no-print fixed inset-0 z-40 bg-slate-900/50 lg:hidden" aria-hidden onClick={() => setDrawer(false)} /> : null}
          {/* One navigation: a drawer over the page below lg while open, the sidebar from lg up. */}
          <NavPanel
            drawer={drawer}
            className={cn(
              "no-print shrink-0 bg-slate-900",
              drawer ? "fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto lg:static lg:max-w-none" : "hidden lg:block",
              narrow ? "lg:w-16" : "lg:w-60",
            )}
          >
            <div className="sticky top-0 flex max-h-screen min-h-[100dvh] flex-col">
              <div className={cn("flex items-center py-5", narrow ? "justify-center px-2" : "justify-between pr-3 pl-6")}>
                <AsOfLink href="/" className="flex items-center gap-2 text-white" onClick={() => setDrawer(false)}>
                  <ShieldCheck className="size-6 shrink-0 text-indigo-300" aria-hidden />
                  <span className={cn("text-base font-semibold tracking-tight", narrow && "sr-only")}>Transfer Registry</span>
                </AsOfLink>
                {drawer ? (
                  <button type="button" onClick={() => setDrawer(false)} className="rounded-md p-1.5 text-slate-200 hover:bg-slate-800 hover:text-white lg:hidden" autoFocus>
                    <X className="size-5" aria-hidden />
                    <span className="sr-only">Close the menu</span>
                  </button>
                ) : null}
              </div>
              <GoToButton collapsed={narrow} onOpen={() => setDrawer(false)} />
              <Sidebar collapsed={narrow} onNavigate={() => setDrawer(false)} />
              <button
                type="button"
                onClick={toggleCollapsed}
                aria-pressed={collapsed}
                className={cn("mx-2 mb-2 hidden items-center gap-3 rounded-md py-2 text-sm text-slate-300 hover:bg-slate-800 hover:text-white lg:flex", narrow ? "justify-center px-2" : "px-3")}
              >
                <PanelLeft className="size-4.5" aria-hidden />
                <span className={narrow ? "sr-only" : undefined}>Collapse sidebar</span>
              </button>
              <UserMenu collapsed={narrow} />
            </div>
          </NavPanel>
          <main id="main" data-hydrated={hydrated || undefined} className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8 lg:py-8">
            <div className="mx-auto max-w-7xl">
              {/* The app's one as-of date: every status, count and list below is as of it (?asOf=, absent = today). */}
              <div className="no-print -mt-2 mb-4 flex justify-end lg:-mt-4">
                <AsOfControl />
              </div>
              <AsOfBanner />
              {children}
            </div>
          </main>
        </div>
        <CommandPalette />
      </ToastProvider>
    </SessionProvider>
  );
}
