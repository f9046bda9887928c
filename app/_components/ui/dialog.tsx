"use client";

import { X } from "lucide-react";
import { useEffect, useId, useRef } from "react";

/**
 * A modal built on the native <dialog> element: focus is trapped, Escape
 * closes it, and focus returns to the opener.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  size = "md",
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  /** "lg" for a dialog that holds a small form. */
  size?: "md" | "lg";
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = `dialog-title${useId().replace(/:/g, "")}`;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      className={`m-auto w-[calc(100%-1.5rem)] ${size === "lg" ? "max-w-2xl" : "max-w-lg"} max-h-[calc(100dvh-1.5rem)] overflow-y-auto rounded-xl bg-white p-0 shadow-xl backdrop:bg-slate-900/40`}
    >
      {open ? (
        <div className="p-4 sm:p-6">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-lg font-semibold text-slate-900">
                {title}
              </h2>
              {description ? <div className="mt-1 text-sm text-slate-500">{description}</div> : null}
            </div>
            <button type="button" onClick={onClose} className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-600" aria-label="Close">
              <X className="size-5" aria-hidden />
            </button>
          </div>
          <div className="mt-5">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
