"use client";

import { X } from "lucide-react";
import { COUNTRIES, countryName } from "@/server/countries";
import { inputClass } from "./field";

type ControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/** A single country, from the full ISO 3166-1 list. */
export function CountrySelect({
  value,
  onChange,
  placeholder = "Choose a country…",
  ...control
}: ControlProps & { value: string; onChange: (code: string) => void; placeholder?: string }) {
  return (
    <select className={inputClass(control["aria-invalid"])} value={value} onChange={(e) => onChange(e.target.value)} {...control}>
      <option value="">{placeholder}</option>
      {COUNTRIES.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name} ({c.code})
        </option>
      ))}
    </select>
  );
}

/** Several countries: chosen ones appear as removable chips. */
export function CountryMultiSelect({
  value,
  onChange,
  label,
  ...control
}: ControlProps & { value: string[]; onChange: (codes: string[]) => void; label: string }) {
  return (
    <div className="space-y-2">
      {value.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={`Selected ${label.toLowerCase()}`}>
          {value.map((code) => (
            <li key={code} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pr-1 pl-3 text-sm text-indigo-800 ring-1 ring-indigo-200 ring-inset">
              {countryName(code)} ({code})
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-indigo-100"
                aria-label={`Remove ${countryName(code)}`}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                <X className="size-3.5" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <select
        className={inputClass(control["aria-invalid"])}
        value=""
        onChange={(e) => {
          const code = e.target.value;
          if (code && !value.includes(code)) onChange([...value, code]);
        }}
        {...control}
      >
        <option value="">Add a country…</option>
        {COUNTRIES.filter((c) => !value.includes(c.code)).map((c) => (
          <option key={c.code} value={c.code}>
            {c.name} ({c.code})
          </option>
        ))}
      </select>
    </div>
  );
}
