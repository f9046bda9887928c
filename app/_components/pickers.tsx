"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { RELATIONSHIP_LABELS, type Relationship } from "@/server/domain/choices/party-labels";
import { SAFEGUARD_TYPE_SHORT, type SafeguardType } from "@/server/domain/choices/safeguard-labels";
import type { PartyOption, SafeguardOption } from "@/server/services/search";
import { Combobox, type ComboboxOption } from "./ui/combobox";

/**
 * The register's pickers: a Combobox wired to the search procedures (at most 20 options per request,
 * "Show more" for the next page) and to the look-up by id that names the values already chosen (a
 * filter's id from the URL, a record's saved choices). No picker ever loads the whole register.
 */

/** A party or safeguard whose name is already known (e.g. from the record being edited). */
export interface KnownParty {
  id: string;
  name: string;
  country?: string;
}
export interface KnownSafeguard {
  id: string;
  title: string;
  type?: string;
}

interface FieldProps {
  label: string;
  hint?: React.ReactNode;
  error?: string | null;
  required?: boolean;
  className?: string;
  placeholder?: string;
  disabled?: boolean;
  variant?: "form" | "filter";
}

const partyLabel = (p: { name: string; country?: string }) => (p.country ? `${p.name} (${p.country})` : p.name);
const partyDetail = (p: PartyOption) => `${RELATIONSHIP_LABELS[p.relationship as Relationship] ?? p.relationship} · ${p.id}${p.archived ? " · archived" : ""}`;
const safeguardDetail = (s: SafeguardOption) =>
  `${SAFEGUARD_TYPE_SHORT[s.type as SafeguardType] ?? s.type} · ${s.partyCount === 1 ? "1 party" : `${s.partyCount} parties`} · ${s.id}${s.archived ? " · archived" : ""}`;

/** What the user picked, so a chosen value keeps its name without asking the server again. */
function usePicked<T extends { id: string }>() {
  const [picked, setPicked] = useState<ReadonlyMap<string, T>>(() => new Map());
  const remember = (items: T[]) => {
    if (items.some((i) => !picked.has(i.id))) setPicked((m) => new Map([...m, ...items.map((i) => [i.id, i] as const)]));
  };
  return { picked, remember };
}

/** Chosen ids whose names are not known yet: the look-up asks for these (at most 20, the procedures' cap). */
function missingIds(ids: string[], ...sources: ReadonlyMap<string, unknown>[]): string[] {
  return ids.filter((id) => !sources.some((s) => s.has(id))).slice(0, 20).sort();
}

const NONE: never[] = [];

function usePartyNames(ids: string[], known: KnownParty[]) {
  const trpc = useTRPC();
  const { picked, remember } = usePicked<PartyOption>();
  const knownById = useMemo(() => new Map(known.map((k) => [k.id, k])), [known]);
  const missing = missingIds(ids, picked, knownById);
  const looked = useQuery({ ...trpc.party.byIds.queryOptions({ ids: missing }), enabled: missing.length > 0, placeholderData: keepPreviousData });
  const find = (id: string): KnownParty | PartyOption | undefined => picked.get(id) ?? knownById.get(id) ?? looked.data?.find((x) => x.id === id);
  return { find, remember };
}

function useSafeguardNames(ids: string[], known: KnownSafeguard[]) {
  const trpc = useTRPC();
  const { picked, remember } = usePicked<SafeguardOption>();
  const knownById = useMemo(() => new Map(known.map((k) => [k.id, k])), [known]);
  const missing = missingIds(ids, picked, knownById);
  const looked = useQuery({ ...trpc.safeguard.byIds.queryOptions({ ids: missing }), enabled: missing.length > 0, placeholderData: keepPreviousData });
  const find = (id: string): KnownSafeguard | SafeguardOption | undefined => picked.get(id) ?? knownById.get(id) ?? looked.data?.find((x) => x.id === id);
  return { find, remember };
}

function usePartySearch(relationship: Relationship | undefined) {
  const trpc = useTRPC();
  const [q, setQ] = useState<string | null>(null);
  const search = useInfiniteQuery({
    ...trpc.party.search.infiniteQueryOptions({ q: q ?? "", relationship, limit: 20 }, { getNextPageParam: (last) => last.nextCursor }),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
  const results = search.data?.pages.flatMap((p) => p.items) ?? [];
  return { setQ, search, results };
}

/** One party, e.g. a transfer's exporter or a list's recipient filter. `value` is its id ("" for none). */
export function PartyPicker({
  value,
  onChange,
  relationship,
  exclude = NONE,
  known = NONE,
  ...field
}: FieldProps & {
  value: string;
  /** The chosen party with its processing locations (null when cleared). */
  onChange: (party: PartyOption | null) => void;
  relationship?: Relationship;
  /** Ids not to offer (e.g. the exporter, as a recipient). */
  exclude?: string[];
  known?: KnownParty[];
}) {
  const { setQ, search, results } = usePartySearch(relationship);
  const names = usePartyNames(value ? [value] : [], known);
  const options = results.filter((p) => !exclude.includes(p.id));
  const chosen = value ? names.find(value) : undefined;
  return (
    <Combobox
      {...field}
      value={value ? { id: value, label: chosen ? partyLabel(chosen) : value } : null}
      onChange={(option) => {
        const party = option ? results.find((p) => p.id === option.id) : undefined;
        if (party) names.remember([party]);
        onChange(party ?? null);
      }}
      options={options.map((p) => ({ id: p.id, label: partyLabel(p), detail: partyDetail(p) }))}
      onSearch={setQ}
      loading={search.isFetching}
      failure={search.isError ? search.error.message : null}
      hasMore={search.hasNextPage}
      onLoadMore={() => void search.fetchNextPage()}
    />
  );
}

/** Several parties, e.g. a safeguard's signatories; chosen ones are chips. */
export function PartyMultiPicker({
  value,
  onChange,
  relationship,
  known = NONE,
  ...field
}: FieldProps & { value: string[]; onChange: (ids: string[]) => void; relationship?: Relationship; known?: KnownParty[] }) {
  const { setQ, search, results } = usePartySearch(relationship);
  const names = usePartyNames(value, known);
  const chips: ComboboxOption[] = value.map((id) => {
    const p = names.find(id);
    return { id, label: p ? partyLabel(p) : id };
  });
  return (
    <Combobox
      {...field}
      multiple
      value={chips}
      onChange={(options) => {
        names.remember(results.filter((r) => options.some((o) => o.id === r.id)));
        onChange(options.map((o) => o.id));
      }}
      options={results.map((p) => ({ id: p.id, label: partyLabel(p), detail: partyDetail(p) }))}
      onSearch={setQ}
      loading={search.isFetching}
      failure={search.isError ? search.error.message : null}
      hasMore={search.hasNextPage}
      onLoadMore={() => void search.fetchNextPage()}
    />
  );
}

/**
 * Several safeguards, e.g. those a transfer relies on. With `partyIds`, it offers the safeguards that
 * bind all of them (and those that name no party, such as derogations); `showAll` lifts that filter.
 */
export function SafeguardMultiPicker({
  value,
  onChange,
  partyIds = [],
  showAll = false,
  known = NONE,
  ...field
}: FieldProps & { value: string[]; onChange: (ids: string[]) => void; partyIds?: string[]; showAll?: boolean; known?: KnownSafeguard[] }) {
  const trpc = useTRPC();
  const [q, setQ] = useState<string | null>(null);
  const bound = showAll ? [] : partyIds.filter(Boolean);
  const search = useInfiniteQuery({
    ...trpc.safeguard.search.infiniteQueryOptions(
      { q: q ?? "", partyIds: bound, includeUnbound: bound.length > 0, limit: 20 },
      { getNextPageParam: (last) => last.nextCursor },
    ),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
  const results = search.data?.pages.flatMap((p) => p.items) ?? [];
  const names = useSafeguardNames(value, known);
  const chips: ComboboxOption[] = value.map((id) => ({ id, label: names.find(id)?.title ?? id }));
  return (
    <Combobox
      {...field}
      multiple
      value={chips}
      onChange={(options) => {
        names.remember(results.filter((r) => options.some((o) => o.id === r.id)));
        onChange(options.map((o) => o.id));
      }}
      options={results.map((s) => ({ id: s.id, label: s.title, detail: safeguardDetail(s) }))}
      onSearch={setQ}
      loading={search.isFetching}
      failure={search.isError ? search.error.message : null}
      hasMore={search.hasNextPage}
      onLoadMore={() => void search.fetchNextPage()}
      emptyText={bound.length > 1 ? "No safeguard binding both parties matches" : bound.length ? "No safeguard of the exporter matches" : "No match"}
    />
  );
}
