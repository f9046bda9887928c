"use client";

import { useRef } from "react";
import { cn } from "./cn";

/**
 * A tab bar following the WAI-ARIA tabs pattern: one tab in the tab order,
 * arrow keys (and Home/End) move both the selection and the focus. Panels use
 * `id={`panel-${key}`}` and `aria-labelledby={`tab-${key}`}`.
 */
export function TabList<K extends string>({
  label,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  tabs: readonly { key: K; label: string }[];
  selected: K;
  onSelect: (key: K) => void;
}) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const move = (from: number, delta: number | "first" | "last") => {
    const index = delta === "first" ? 0 : delta === "last" ? tabs.length - 1 : (from + delta + tabs.length) % tabs.length;
    const next = tabs[index]!;
    onSelect(next.key);
    refs.current.get(next.key)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="mb-4 flex gap-1 border-b border-slate-200">
      {tabs.map((t, i) => (
        <button
          key={t.key}
          ref={(el) => {
            if (el) refs.current.set(t.key, el);
            else refs.current.delete(t.key);
          }}
          role="tab"
          type="button"
          id={`tab-${t.key}`}
          aria-selected={selected === t.key}
          aria-controls={`panel-${t.key}`}
          tabIndex={selected === t.key ? 0 : -1}
          onClick={() => onSelect(t.key)}
          onKeyDown={(e) => {
            const delta = { ArrowRight: 1, ArrowLeft: -1, Home: "first", End: "last" }[e.key] as number | "first" | "last" | undefined;
            if (delta === undefined) return;
            e.preventDefault();
            move(i, delta);
          }}
          className={cn(
            "-mb-px border-b-2 px-4 py-2 text-sm font-medium",
            selected === t.key ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-500 hover:text-slate-800",
          )}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
