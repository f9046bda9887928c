"use client";

import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cn } from "./cn";
import { inputClass } from "./field";

/** A labelled select in a list's filter bar. */
export function FilterSelect({
  label,
  value,
  onChange,
  children,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <label className={cn("flex flex-col gap-1 text-xs font-medium text-slate-500", className)}>
      {label}
      <select className={inputClass(false)} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}

/**
 * Search as you type, debounced, without a request per keystroke. `value` is
 * the committed search (usually in the URL); an outside change of it (such as
 * "Clear filters") replaces the text, but the echo of what was typed does not.
 */
export function SearchBox({
  label,
  value,
  onSearch,
  placeholder,
  className,
  delayMs = 250,
}: {
  label: string;
  value: string;
  onSearch: (text: string) => void;
  placeholder?: string;
  className?: string;
  delayMs?: number;
}) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== sent.current) setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => {
      sent.current = text;
      onSearch(text);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, value, onSearch, delayMs]);
  return (
    <label className={cn("relative flex flex-col gap-1 text-xs font-medium text-slate-500", className)}>
      {label}
      <Search className="pointer-events-none absolute bottom-2.5 left-2.5 size-4 text-slate-500" aria-hidden />
      <input type="search" placeholder={placeholder} className={inputClass(false, "pl-8")} value={text} onChange={(e) => setText(e.target.value)} />
    </label>
  );
}
