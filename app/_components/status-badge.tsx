import { AlertOctagon, AlertTriangle, Info } from "lucide-react";
import type { IssueSeverity, Status } from "@/server/domain/rules";
import { SEVERITY_LABELS, STATUS_DESCRIPTIONS, STATUS_LABELS } from "@/server/domain/labels";
import { issueLabel } from "./labels";
import { cn } from "./ui/cn";

/** Labels and explanations of the six verdict statuses (FORMAT.md "Verdicts"): the one set, server/domain/labels.ts. */
export { STATUS_DESCRIPTIONS, STATUS_LABELS } from "@/server/domain/labels";

const STATUS_CLASSES: Record<Status, string> = {
  unsafeguarded: "bg-red-50 text-red-700 ring-red-600/30",
  derogation: "bg-amber-50 text-amber-800 ring-amber-600/30",
  safeguarded: "bg-indigo-50 text-indigo-700 ring-indigo-600/25",
  adequate: "bg-emerald-50 text-emerald-700 ring-emerald-600/25",
  not_restricted: "bg-slate-100 text-slate-700 ring-slate-500/25",
  inactive: "bg-white text-slate-500 ring-0 border border-dashed border-slate-400",
};

const STATUS_DOTS: Record<Status, string> = {
  unsafeguarded: "bg-red-500",
  derogation: "bg-amber-500",
  safeguarded: "bg-indigo-500",
  adequate: "bg-emerald-500",
  not_restricted: "bg-slate-400",
  inactive: "bg-transparent border border-dashed border-slate-400",
};

/** The one status badge used everywhere a verdict status is shown. */
export function StatusBadge({ status, size = "sm", className }: { status: Status | null; size?: "sm" | "lg"; className?: string }) {
  if (status === null) return <span className={cn("text-xs text-slate-500", className)}>No transfers</span>;
  return (
    <span
      title={STATUS_DESCRIPTIONS[status]}
      data-status={status}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full font-medium whitespace-nowrap ring-1 ring-inset",
        size === "lg" ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-xs",
        STATUS_CLASSES[status],
        className,
      )}
    >
      <span className={cn("size-1.5 rounded-full", STATUS_DOTS[status])} aria-hidden />
      {STATUS_LABELS[status]}
    </span>
  );
}

const SEVERITY_CLASSES: Record<IssueSeverity, string> = {
  error: "bg-red-50 text-red-700 ring-red-600/25",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/25",
  info: "bg-sky-50 text-sky-700 ring-sky-600/20",
};
const SEVERITY_ICONS = { error: AlertOctagon, warning: AlertTriangle, info: Info } as const;
export { SEVERITY_LABELS };

/** An issue badge in words (the code is in its title), coloured and iconed by severity. */
export function IssueBadge({ code, severity, className }: { code: string; severity: IssueSeverity; className?: string }) {
  const Icon = SEVERITY_ICONS[severity];
  return (
    <span
      data-issue={code}
      title={code}
      className={cn("inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs whitespace-nowrap ring-1 ring-inset", SEVERITY_CLASSES[severity], className)}
    >
      <Icon className="mt-0.5 size-3 shrink-0" aria-hidden />
      <span className="sr-only">{SEVERITY_LABELS[severity]}: </span>
      {issueLabel(code)}
    </span>
  );
}
