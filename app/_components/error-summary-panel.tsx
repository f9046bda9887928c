"use client";

import { AlertTriangle } from "lucide-react";
import { useEffect, useRef } from "react";
import { summaryText, type FieldErrors, type SaveFailure } from "./form-errors";
import { Button } from "./ui/button";
import { fieldId } from "./ui/field";

const humanise = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/Ids?$/, "").replace(/^./, (c) => c.toUpperCase());

/** The field's label as shown in the form (its `<label for>`), else the key in words. */
function labelOf(key: string): string {
  if (typeof document === "undefined") return humanise(key);
  const label = document.querySelector(`label[for="${fieldId(key)}"]`)?.textContent?.replace(/\s*\*\s*$/, "").trim();
  return label || humanise(key);
}

/** Focuses the control of field `key` (or, for controls without a field id, the first invalid control). */
function focusField(key: string) {
  const target = document.getElementById(fieldId(key)) ?? document.querySelector<HTMLElement>('[aria-invalid="true"]');
  target?.scrollIntoView({ block: "center" });
  target?.focus();
}

/**
 * The summary above a form whose save was refused: takes focus when it appears (so keyboard and screen-reader
 * users land on it, and it scrolls into view), and lists each field to correct as a link to that field.
 */
export default function ErrorSummaryPanel({ failure, errors }: { failure: SaveFailure | null; errors: FieldErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  useEffect(() => {
    // Only when a new failure arrives (correcting a field must not pull focus back); focus scrolls it into view.
    if (failure) ref.current?.focus();
  }, [failure]);
  if (!failure) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
      className="flex scroll-mt-4 items-start gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 focus:outline-2 focus:outline-offset-2 focus:outline-red-600"
    >
      <AlertTriangle className="mt-0.5 size-5 shrink-0 text-red-600" aria-hidden />
      <div className="flex-1">
        <h2 id="error-summary-title" className="font-semibold">
          {failure.title}
        </h2>
        {entries.length > 0 ? (
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {entries.map(([key, message]) => (
              <li key={key}>
                <a
                  href={`#${fieldId(key)}`}
                  className="font-medium underline underline-offset-2 hover:text-red-950"
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(key);
                  }}
                >
                  {labelOf(key)}: {message}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1">{summaryText(failure, 0)}</p>
        )}
        {failure.stale ? (
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => window.location.reload()}>
            Reload the latest version
          </Button>
        ) : null}
      </div>
    </div>
  );
}
