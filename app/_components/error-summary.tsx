"use client";

import { lazy, Suspense, useEffect, type ComponentType } from "react";
import type { FieldErrors, SaveFailure } from "./form-errors";

type PanelProps = { failure: SaveFailure | null; errors: FieldErrors };

// The panel is not in the page's first-load bundle: the form fetches it as soon as it has hydrated, so it is
// there, and renders in the same commit as the failure, well before a save can be refused (its focus move
// must never land later, while the user is already typing elsewhere).
let loaded: ComponentType<PanelProps> | null = null;
const load = () =>
  import("./error-summary-panel").then((m) => {
    loaded = m.default;
    return m;
  });
const LazyPanel = lazy(load);

/**
 * The error summary above a form whose save was refused: it takes focus and links to each field to correct
 * (error-summary-panel.tsx). Renders nothing while the form has not been refused.
 */
export function ErrorSummary({ failure, errors }: PanelProps) {
  useEffect(() => {
    void load();
  }, []);
  if (!failure) return null;
  const Panel = loaded;
  if (Panel) return <Panel failure={failure} errors={errors} />;
  return (
    <Suspense fallback={<p className="text-sm font-semibold text-red-800">{failure.title}</p>}>
      <LazyPanel failure={failure} errors={errors} />
    </Suspense>
  );
}
