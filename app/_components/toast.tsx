"use client";

import { createContext, lazy, Suspense, useCallback, useContext, useRef, useState } from "react";

// A toast's markup loads with the first toast; the live region itself is always in the page.
const ToastItem = lazy(() => import("./toast-item"));

import type { Toast, ToastAction } from "./toast-item";

export type { Toast, ToastAction };

type ShowToast = (message: string, options?: { action?: ToastAction }) => void;

const ToastContext = createContext<ShowToast | null>(null);

/**
 * Small toasts for "saved" feedback: one polite live region (always in the DOM, so screen readers announce
 * what is added to it), each message dismissible and gone after a few seconds. Toasts survive a client-side
 * navigation (the provider lives in the shell), so a form can toast and then go to the saved record.
 */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback<ShowToast>((message, options) => {
    const id = next.current++;
    setToasts((all) => [...all.slice(-2), { id, message, ...(options?.action ? { action: options.action } : {}) }]);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 sm:items-end sm:px-6">
        <Suspense fallback={null}>
          {toasts.map((t) => (
            <ToastItem key={t.id} toast={t} onDismiss={dismiss} />
          ))}
        </Suspense>
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a short confirmation ("Party saved."), optionally with one action ("Undo"); a no-op outside the app shell. */
export function useToast(): ShowToast {
  return useContext(ToastContext) ?? noop;
}

function noop() {}
