"use client";

import { Check, ChevronsUpDown, Loader2, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "./cn";
import { inputClass } from "./field";

/**
 * A search-as-you-type picker: the WAI-ARIA combobox pattern with a listbox popup
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): a labelled text input with
 * `role="combobox"`, `aria-expanded`, `aria-controls` and `aria-activedescendant`; the popup is a
 * `role="listbox"` of `role="option"`s. Keys: ↓/↑ open the list and move through it, Enter picks the
 * active option, Escape closes the list (and, closed, clears the text typed), Backspace in an empty
 * multi-select removes the last chip.
 *
 * It fetches nothing itself: it calls `onSearch(text)` when the list opens and, debounced, as the user
 * types, and shows the `options` it is given, with loading, error and "No match" states and an optional
 * "Show more" entry for the next page. Single-select shows the chosen option in the input; multi-select
 * shows the chosen options as removable chips above it.
 */
export interface ComboboxOption {
  id: string;
  /** The option's name: what the input or the chip shows. */
  label: string;
  /** A second line in the list (type, country, id…). */
  detail?: string;
}

interface CommonProps {
  label: string;
  hint?: React.ReactNode;
  /** The field's error (a form's validation message). */
  error?: string | null;
  required?: boolean;
  className?: string;
  placeholder?: string;
  disabled?: boolean;
  /** `form`: a form field (label, hint, error); `filter`: a list's filter bar (small label). */
  variant?: "form" | "filter";
  /** The current results for the last text passed to `onSearch`. */
  options: ComboboxOption[];
  /** Called when the list opens and, `debounceMs` after the last keystroke, with the text typed. */
  onSearch: (text: string) => void;
  /** A search is running (previous options may still be shown). */
  loading?: boolean;
  /** The search failed: the message to show instead of options. */
  failure?: string | null;
  /** More options match than were returned: offer a "Show more" entry that calls `onLoadMore`. */
  hasMore?: boolean;
  onLoadMore?: () => void;
  emptyText?: string;
  debounceMs?: number;
}

interface SingleProps extends CommonProps {
  multiple?: false;
  value: ComboboxOption | null;
  onChange: (option: ComboboxOption | null) => void;
}

interface MultiProps extends CommonProps {
  multiple: true;
  value: ComboboxOption[];
  onChange: (options: ComboboxOption[]) => void;
}

export type ComboboxProps = SingleProps | MultiProps;

const MORE = "__more__";

export function Combobox(props: ComboboxProps) {
  const { label, hint, error, required, className, placeholder, disabled, variant = "form", options, onSearch, loading, failure, hasMore, onLoadMore, emptyText = "No match", debounceMs = 200 } = props;
  const id = useId();
  const inputId = `${id}-input`;
  const listboxId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const selected = props.multiple ? props.value : props.value ? [props.value] : [];
  const selectedIds = new Set(selected.map((o) => o.id));

  const [open, setOpen] = useState(false);
  /** What the user typed since the field got focus; null while they have not typed (single: the input shows the choice). */
  const [typed, setTyped] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);

  const entries: { key: string; option: ComboboxOption | null }[] = [...options.map((o) => ({ key: o.id, option: o as ComboboxOption | null })), ...(hasMore && onLoadMore ? [{ key: MORE, option: null }] : [])];
  const activeIndex = active < entries.length ? active : -1;
  const optionId = (index: number) => `${id}-option-${index}`;

  // Debounced search while typing; the first search when the list opens is immediate (openList).
  useEffect(() => {
    if (typed === null || !open) return;
    const timer = setTimeout(() => onSearch(typed), debounceMs);
    return () => clearTimeout(timer);
  }, [typed, open, onSearch, debounceMs]);

  useEffect(() => {
    if (open && activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: "nearest" });
    // optionId depends only on the stable useId value
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, activeIndex]);

  function openList() {
    if (open || disabled) return;
    setOpen(true);
    setActive(-1);
    onSearch(typed ?? "");
  }

  function closeList() {
    setOpen(false);
    setActive(-1);
  }

  function choose(index: number) {
    const entry = entries[index];
    if (!entry) return;
    if (!entry.option) {
      onLoadMore?.();
      return;
    }
    const option = entry.option;
    if (props.multiple) {
      // Chosen (or, if already chosen, removed); typing again searches for the next one.
      props.onChange(selectedIds.has(option.id) ? props.value.filter((o) => o.id !== option.id) : [...props.value, option]);
    } else {
      props.onChange(option);
    }
    setTyped(null);
    closeList();
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (!open) openList();
        else setActive((i) => Math.min(entries.length - 1, i + 1));
        break;
      case "ArrowUp":
        e.preventDefault();
        if (!open) openList();
        else setActive((i) => Math.max(0, i - 1));
        break;
      case "Enter":
        if (open) {
          // Never submit the form from an open list.
          e.preventDefault();
          if (activeIndex >= 0) choose(activeIndex);
        }
        break;
      case "Escape":
        if (open) {
          e.preventDefault();
          closeList();
        } else if (typed) {
          e.preventDefault();
          setTyped(null);
        }
        break;
      case "Backspace":
        if (props.multiple && !typed && props.value.length) props.onChange(props.value.slice(0, -1));
        break;
      case "Tab":
        closeList();
        break;
    }
  }

  const text = typed ?? (props.multiple ? "" : (props.value?.label ?? ""));
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const status = failure ? `Could not search: ${failure}` : loading && options.length === 0 ? "Searching…" : options.length === 0 ? emptyText : null;

  return (
    <div className={cn(variant === "filter" && "flex flex-col gap-1", className)}>
      <label htmlFor={inputId} className={variant === "filter" ? "text-xs font-medium text-slate-500" : "block text-sm font-medium text-slate-800"}>
        {label}
        {required ? <span className="text-red-600" aria-hidden> *</span> : null}
      </label>
      {props.multiple && props.value.length ? (
        <ul className="mt-1.5 flex flex-wrap gap-2" aria-label={`Selected ${label.toLowerCase()}`}>
          {props.value.map((o) => (
            <li key={o.id} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pr-1 pl-3 text-sm text-indigo-800 ring-1 ring-indigo-200 ring-inset">
              {o.label}
              <button
                type="button"
                disabled={disabled}
                className="rounded-full p-0.5 hover:bg-indigo-100"
                aria-label={`Remove ${o.label}`}
                onClick={() => props.onChange(props.value.filter((x) => x.id !== o.id))}
              >
                <X className="size-3.5" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className={cn("relative", variant === "form" && "mt-1.5")}>
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          disabled={disabled}
          placeholder={placeholder ?? (props.multiple ? "Type to add…" : "Type to search…")}
          className={inputClass(Boolean(error), "pr-14")}
          value={text}
          onChange={(e) => {
            setTyped(e.target.value);
            setActive(-1);
            if (!open) {
              setOpen(true);
            }
          }}
          onFocus={(e) => e.currentTarget.select()}
          onClick={openList}
          onKeyDown={onKeyDown}
          onBlur={() => {
            closeList();
            if (!props.multiple) setTyped(null);
          }}
        />
        <span className="absolute inset-y-0 right-0 flex items-center gap-0.5 pr-2">
          {loading ? <Loader2 className="size-4 animate-spin text-slate-500" aria-hidden /> : null}
          {!props.multiple && props.value && !disabled ? (
            <button
              type="button"
              className="rounded p-0.5 text-slate-500 hover:text-slate-600"
              aria-label={`Clear ${label}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                props.onChange(null);
                setTyped(null);
                inputRef.current?.focus();
              }}
            >
              <X className="size-4" aria-hidden />
            </button>
          ) : (
            <ChevronsUpDown className="size-4 text-slate-500" aria-hidden />
          )}
        </span>
        <div
          className={cn("absolute z-20 mt-1 w-full min-w-64 overflow-hidden rounded-md bg-white shadow-lg ring-1 ring-slate-200", !open && "hidden")}
          // Clicking in the list must not blur the input (which would close the list first).
          onMouseDown={(e) => e.preventDefault()}
        >
          <ul id={listboxId} role="listbox" aria-label={label} aria-multiselectable={props.multiple || undefined} className={cn("max-h-64 overflow-auto py-1", loading && options.length > 0 && "opacity-60")}>
            {open
              ? entries.map((entry, index) => {
                  const isActive = index === activeIndex;
                  if (!entry.option) {
                    return (
                      <li key={MORE} id={optionId(index)} role="option" aria-selected={false} className={cn("cursor-pointer px-3 py-2 text-sm font-medium text-indigo-700", isActive && "bg-indigo-50")} onClick={() => choose(index)} onMouseMove={() => setActive(index)}>
                        Show more matches…
                      </li>
                    );
                  }
                  const isSelected = selectedIds.has(entry.option.id);
                  return (
                    <li
                      key={entry.key}
                      id={optionId(index)}
                      role="option"
                      aria-selected={isSelected}
                      className={cn("flex cursor-pointer items-start gap-2 px-3 py-1.5 text-sm text-slate-800", isActive && "bg-indigo-50")}
                      onClick={() => choose(index)}
                      onMouseMove={() => setActive(index)}
                    >
                      <Check className={cn("mt-0.5 size-4 shrink-0 text-indigo-600", !isSelected && "invisible")} aria-hidden />
                      <span className="min-w-0">
                        <span className="block truncate">{entry.option.label}</span>
                        {entry.option.detail ? <span className="block truncate text-xs text-slate-500">{entry.option.detail}</span> : null}
                      </span>
                    </li>
                  );
                })
              : null}
          </ul>
          <p role="status" className={status ? cn("px-3 pb-2 text-sm", failure ? "text-red-600" : "text-slate-500", entries.length === 0 && "pt-2") : "sr-only"}>
            {!open ? "" : (status ?? `${options.length}${hasMore ? "+" : ""} ${options.length === 1 ? "option" : "options"}`)}
          </p>
        </div>
      </div>
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
