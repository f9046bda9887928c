"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useAsOfRouter } from "@/app/_components/as-of";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { PALETTE_PAGES } from "./command-palette-pages";
import { useCan } from "./session";
import { cn } from "./ui/cn";

const PER_KIND = 5;

interface Item {
  href: string;
  label: string;
  kind: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** The palette's dialog, loaded only when it is first opened (it is not in any page's first bundle). */
export default function Palette({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const can = useCan();
  const router = useAsOfRouter();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 150);
  const searching = q.length > 0;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const parties = useQuery({ ...trpc.party.search.queryOptions({ q, limit: PER_KIND }), enabled: searching && can("party.read"), placeholderData: keepPreviousData });
  const safeguards = useQuery({ ...trpc.safeguard.search.queryOptions({ q, limit: PER_KIND }), enabled: searching && can("safeguard.read"), placeholderData: keepPreviousData });
  const transfers = useQuery({
    ...trpc.transfer.list.queryOptions({ search: q, archived: "active", sort: "exporter", dir: "asc", page: 1, pageSize: PER_KIND }),
    enabled: searching && can("transfer.read"),
    placeholderData: keepPreviousData,
  });

  const lower = q.toLowerCase();
  const items: Item[] = [
    ...PALETTE_PAGES.filter((p) => can(p.action) && (!lower || p.label.toLowerCase().includes(lower))).map((p) => ({ href: p.href, label: p.label, kind: "Page" })),
    ...(searching ? (parties.data?.items ?? []) : []).map((p) => ({ href: `/parties/${p.id}`, label: p.name, kind: "Party" })),
    ...(searching ? (transfers.data?.items ?? []) : []).map((t) => ({ href: `/transfers/${t.id}`, label: `${t.exporter.name} → ${t.recipient.name}`, kind: "Transfer" })),
    ...(searching ? (safeguards.data?.items ?? []) : []).map((s) => ({ href: `/safeguards/${s.id}`, label: s.title, kind: "Safeguard" })),
  ];
  const current = Math.min(active, Math.max(0, items.length - 1));
  const loading = searching && (parties.isFetching || safeguards.isFetching || transfers.isFetching);

  const go = (item: Item | undefined) => {
    if (!item) return;
    onClose();
    router.push(item.href);
  };
  const optionId = (n: number) => `${id}-option-${n}`;

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-label="Go to"
      className="mx-auto mt-[12vh] w-[min(36rem,calc(100vw-2rem))] rounded-xl bg-white p-0 shadow-2xl backdrop:bg-slate-900/40"
      onClick={(e) => e.target === dialog.current && onClose()}
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-4">
        <Search className="size-4 shrink-0 text-slate-500" aria-hidden />
        <input
          autoFocus
          role="combobox"
          aria-expanded
          aria-controls={`${id}-list`}
          aria-activedescendant={items.length ? optionId(current) : undefined}
          aria-autocomplete="list"
          aria-label="Go to a page, party, transfer or safeguard"
          placeholder="Go to a page, party, transfer or safeguard…"
          className="h-12 w-full border-0 bg-transparent text-sm text-slate-900 placeholder:text-slate-500 focus:outline-none"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive((current + 1) % Math.max(1, items.length));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((current - 1 + items.length) % Math.max(1, items.length));
            } else if (e.key === "Enter") {
              e.preventDefault();
              go(items[current]);
            }
          }}
        />
      </div>
      <ul id={`${id}-list`} role="listbox" aria-label="Results" aria-busy={loading || undefined} className="max-h-[50vh] overflow-y-auto py-2">
        {items.map((item, n) => (
          <li
            key={`${item.kind}-${item.href}`}
            id={optionId(n)}
            role="option"
            aria-selected={n === current}
            onMouseMove={() => setActive(n)}
            onClick={() => go(item)}
            className={cn("flex cursor-pointer items-center justify-between gap-3 px-4 py-2 text-sm", n === current ? "bg-indigo-50 text-indigo-900" : "text-slate-800")}
          >
            <span className="truncate">{item.label}</span>
            <span className="shrink-0 text-xs text-slate-600">{item.kind}</span>
          </li>
        ))}
      </ul>
      {items.length === 0 ? <p className="px-4 pb-4 text-center text-sm text-slate-600">{loading ? "Searching…" : "Nothing matches."}</p> : null}
      <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600">
        <kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> to move, <kbd className="font-sans">Enter</kbd> to open, <kbd className="font-sans">Esc</kbd> to close
      </p>
    </dialog>
  );
}
