"use client";

import { Check, X } from "lucide-react";
import { useEffect } from "react";

/** A button in a toast, e.g. "Undo" after archiving. */
export interface ToastAction {
  label: string;
  onClick: () => void;
}

export interface Toast {
  id: number;
  message: string;
  action?: ToastAction;
}

const TOAST_MS = 6000;
/** A toast with an action ("Undo") stays longer, so there is time to reach its button. */
const ACTION_TOAST_MS = 12000;

/** One toast: dismissible, and gone after a few seconds. */
export default function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = window.setTimeout(() => onDismiss(toast.id), toast.action ? ACTION_TOAST_MS : TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast.id, toast.action, onDismiss]);
  return (
    <div data-testid="toast" className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
      <Check className="mt-0.5 size-4 shrink-0 text-emerald-300" aria-hidden />
      <p className="flex-1">{toast.message}</p>
      {toast.action ? (
        <button
          type="button"
          onClick={() => {
            toast.action!.onClick();
            onDismiss(toast.id);
          }}
          className="rounded px-1 font-semibold text-indigo-200 underline underline-offset-2 hover:text-white"
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" onClick={() => onDismiss(toast.id)} className="rounded p-0.5 text-slate-500 hover:text-white">
        <X className="size-4" aria-hidden />
        <span className="sr-only">Dismiss</span>
      </button>
    </div>
  );
}

