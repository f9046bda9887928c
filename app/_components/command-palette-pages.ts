import type { Action } from "@/server/auth/permissions";

/** The pages the palette offers by name (the same as the sidebar's, plus the "new" forms). */
export const PALETTE_PAGES: { href: string; label: string; action: Action }[] = [
  { href: "/", label: "Overview", action: "transfer.read" },
  { href: "/transfers", label: "Transfers", action: "transfer.read" },
  { href: "/parties", label: "Parties", action: "party.read" },
  { href: "/safeguards", label: "Safeguards", action: "safeguard.read" },
  { href: "/knowledge-base", label: "Knowledge base", action: "kb.read" },
  { href: "/registry", label: "Import / export", action: "registry.export" },
  { href: "/audit", label: "Audit log", action: "audit.read" },
  { href: "/users", label: "Users", action: "user.read" },
  { href: "/transfers/new", label: "New transfer", action: "transfer.create" },
  { href: "/parties/new", label: "New party", action: "party.create" },
  { href: "/safeguards/new", label: "New safeguard", action: "safeguard.create" },
  { href: "/scenarios", label: "What-if scenarios", action: "scenario.read" },
  { href: "/notice", label: "Privacy notice", action: "notice.read" },
  { href: "/requests", label: "Requests", action: "request.read" },
  { href: "/requests/new", label: "Log a request", action: "request.manage" },
  { href: "/parties/import", label: "Import parties from CSV", action: "party.import" },
  { href: "/flags", label: "Flags", action: "flag.read" },
  { href: "/reminders", label: "Reminders", action: "reminders.read" },
];
