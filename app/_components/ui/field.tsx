import { useId } from "react";
import { cn } from "./cn";

export const inputClass = (invalid?: boolean, className?: string) =>
  cn(
    "block w-full rounded-md border-0 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset disabled:bg-slate-50 disabled:text-slate-500",
    invalid ? "ring-red-400 focus:ring-red-600" : "ring-slate-300 focus:ring-indigo-600",
    className,
  );

/** The id of the control of a form field named `name` (the error summary links to it). */
export const fieldId = (name: string) => `field-${name}`;

/**
 * A labelled form field with an optional hint and error. The error is linked
 * with aria-describedby and the control is marked aria-invalid; a required
 * control gets `required` and `aria-required`. With a `name`, the control's id
 * is `fieldId(name)`, so the form's error summary can link to it.
 */
export function Field({
  label,
  name,
  hint,
  error,
  required,
  children,
  className,
}: {
  label: string;
  name?: string;
  hint?: React.ReactNode;
  error?: string | null;
  required?: boolean;
  className?: string;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string; required?: boolean; "aria-required"?: boolean }) => React.ReactNode;
}) {
  const generated = useId();
  const id = name ? fieldId(name) : generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required ? <span className="text-red-600" aria-hidden> *</span> : null}
      </label>
      <div className="mt-1.5">{children({
          id,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
          ...(required ? { required: true, "aria-required": true } : {}),
        })}</div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-600" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
