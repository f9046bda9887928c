"use client";

import { Check, X } from "lucide-react";
import { useEffect } from "react";
import type { Toast } from "./toast";

const TOAST_MS = 6000;

/** One toast: dismissible, and gone after a few seconds. */
export default function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = window.setTimeout(() => onDismiss(toast.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast.id, onDismiss]);
  return (
    <div data-testid="toast" className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
      <Check className="mt-0.5 size-4 shrink-0 text-emerald-300" aria-hidden />
      <p className="flex-1">{toast.message}</p>
      <button type="button" onClick={() => onDismiss(toast.id)} className="rounded p-0.5 text-slate-500 hover:text-white">
        <X className="size-4" aria-hidden />
        <span className="sr-only">Dismiss</span>
      </button>
    </div>
  );
}

