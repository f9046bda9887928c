/**
 * What `npm run bench:app` measures: every page as HTML and every tRPC query those pages make, with the input
 * the app's client components send (app/(app)/…: `useQuery(trpc.<procedure>.queryOptions(<input>))`).
 *
 * Targets: the overview and the list pages and their calls, p95 < 300 ms ("list"); the detail pages and their
 * calls, p95 < 100 ms ("detail"). A call made by both kinds of page is held to the stricter target.
 */
import fs from "node:fs";
import path from "node:path";
import { trpcQueryPath } from "./http";

export type Target = "list" | "detail";

export interface Endpoint {
  name: string;
  kind: "page" | "trpc" | "anchor";
  target: Target | null;
  path: string;
  /** For pages: proof that the HTML carries data (a value only the data has), when known. */
  needle?: RegExp;
  /** For tRPC list calls: the anchor variant it is compared with. */
  anchor?: "all" | "unsafeguarded";
}

export interface Ids {
  transferId: string;
  partyId: string;
  safeguardId: string;
}

/** The list queries exactly as the list pages send them on first load (their URL-state defaults). */
export const LIST_INPUTS = {
  transfersAll: { archived: "active", sort: "status", dir: "desc", page: 1, pageSize: 20 },
  transfersUnsafeguarded: { status: "unsafeguarded", archived: "active", sort: "status", dir: "desc", page: 1, pageSize: 20 },
  parties: { archived: "active", sort: "name", dir: "asc", page: 1, pageSize: 20 },
  safeguards: { archived: "active", sort: "title", dir: "asc", page: 1, pageSize: 20 },
} as const;

interface CallSpec {
  procedure: string;
  label?: string;
  target: Target;
  input?: (ids: Ids) => unknown;
  anchor?: "all" | "unsafeguarded";
}

/** The tRPC queries of the overview, the lists and the transfer, party and safeguard pages. */
export const CALLS: CallSpec[] = [
  { procedure: "dashboard.overview", target: "list", input: () => ({}) },
  { procedure: "transfer.list", label: "transfer.list (all)", target: "list", input: () => LIST_INPUTS.transfersAll, anchor: "all" },
  { procedure: "transfer.list", label: "transfer.list (status=unsafeguarded)", target: "list", input: () => LIST_INPUTS.transfersUnsafeguarded, anchor: "unsafeguarded" },
  { procedure: "party.list", target: "list", input: () => LIST_INPUTS.parties },
  { procedure: "safeguard.list", target: "list", input: () => LIST_INPUTS.safeguards },
  // Made by /transfers and /safeguards, and by the transfer page: held to the detail target.
  { procedure: "transfer.formOptions", target: "detail" },
  { procedure: "transfer.byId", target: "detail", input: (ids) => ({ id: ids.transferId }) },
  { procedure: "transfer.coverage", target: "detail", input: (ids) => ({ id: ids.transferId }) },
  { procedure: "tia.list", target: "detail", input: (ids) => ({ transferId: ids.transferId }) },
  { procedure: "category.list", target: "detail" },
  { procedure: "purpose.list", target: "detail" },
  { procedure: "party.byId", target: "detail", input: (ids) => ({ id: ids.partyId }) },
  { procedure: "transfer.byParty", target: "detail", input: (ids) => ({ partyId: ids.partyId }) },
  { procedure: "certification.list", target: "detail", input: (ids) => ({ partyId: ids.partyId }) },
  { procedure: "safeguard.byId", target: "detail", input: (ids) => ({ id: ids.safeguardId }) },
  // The History tabs (loaded when the tab is opened).
  { procedure: "transfer.history", target: "detail", input: (ids) => ({ id: ids.transferId }) },
  { procedure: "party.history", target: "detail", input: (ids) => ({ id: ids.partyId }) },
  { procedure: "safeguard.history", target: "detail", input: (ids) => ({ id: ids.safeguardId }) },
  // The privacy-notice page (issue 13): the generated sections (aggregates over every live transfer) and the history.
  { procedure: "notice.generate", target: "list", input: () => ({}) },
  { procedure: "notice.history", target: "list", input: () => ({ page: 1, pageSize: 10 }) },
  // Requests for a copy of the safeguards (the overview's card, the log) and the safeguard page's documents.
  { procedure: "request.dueSummary", target: "list" },
  { procedure: "request.list", target: "list", input: () => ({ sort: "due", dir: "asc", page: 1, pageSize: 25 }) },
  { procedure: "request.parts", target: "detail", input: (ids) => ({ safeguardId: ids.safeguardId }) },
  { procedure: "file.list", target: "detail", input: (ids) => ({ safeguardId: ids.safeguardId }) },
  // The flags page (issue 10) and the overview's "Open flags by severity": list target (p95 < 300 ms).
  { procedure: "flag.list", target: "list", input: () => ({ mine: false, state: "active", sort: "severity", page: 1, pageSize: 20 }) },
  { procedure: "flag.owners", target: "list", input: () => ({}) },
  { procedure: "flag.summary", target: "list", input: () => ({}) },
  { procedure: "flag.detail", target: "detail", input: (ids) => ({ transferId: ids.transferId, code: "unsafeguarded" }) },
  // The overview's map (rendered on the server by page /; the trend's cold figure is in bench-app/dashboard.ts).
  { procedure: "dashboard.map", target: "list", input: () => ({ regime: "EU" }) },
  // Reminders (issue 10 item 4): the inbox as /reminders loads it (list-inputs.ts reminderListInput), the
  // horizon/feed card, and the overview's "Upcoming events" (app/_components/upcoming-events.tsx).
  { procedure: "reminders.list", target: "list", input: () => ({ page: 1, pageSize: 25 }) },
  { procedure: "reminders.settings", target: "list" },
  { procedure: "reminders.summary", target: "list", input: () => ({}) },
  // A new vendor in one trip (issue 12 item 3): the safeguard page's "Attach to transfers" search (first page, no
  // text) and the transfer form's duplicate check (a party's own transfers to itself: the same index reads).
  { procedure: "safeguard.attachable", target: "detail", input: (ids) => ({ safeguardId: ids.safeguardId, q: "", limit: 20 }) },
  { procedure: "transfer.duplicates", target: "detail", input: (ids) => ({ exporterId: ids.partyId, recipientId: ids.partyId, destination: "US", dataCategories: ["contact"], purposes: ["it_hosting"] }) },
  // The CSV import of parties (/parties/import): the column mapping the user used last.
  { procedure: "partyImport.mapping", target: "detail" },
];

/**
 * The pickers' search procedures (comboboxes, server/schemas/search.ts), measured when the app has them, with a
 * 3-letter query ("Rec" matches every generated recipient's name, "sg-" every generated contract's id).
 */
export const SEARCH_CALLS: { procedure: string; input: unknown }[] = [
  { procedure: "party.search", input: { q: "Rec" } },
  { procedure: "safeguard.search", input: { q: "sg-" } },
];

export function callEndpoint(spec: CallSpec, ids: Ids): Endpoint {
  return {
    name: spec.label ?? spec.procedure,
    kind: "trpc",
    target: spec.target,
    path: trpcQueryPath(spec.procedure, spec.input?.(ids)),
    anchor: spec.anchor,
  };
}

export function searchEndpoint(procedure: string, input: unknown): Endpoint {
  return { name: `${procedure} (3 letters)`, kind: "trpc", target: "detail", path: trpcQueryPath(procedure, input) };
}

/** A regular expression for `value` as a whole token (so "t-12" matches neither in "t-123" nor in "mt-12"). */
export function tokenPattern(value: string): RegExp {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/&/g, "(?:&|&amp;)");
  return new RegExp(`(?<![0-9A-Za-z_-])${escaped}(?![0-9A-Za-z_-])`);
}

export interface PageNeedles {
  overview?: string;
  transfers?: string;
  unsafeguarded?: string;
  transfer?: string;
  parties?: string;
  party?: string;
  safeguards?: string;
  safeguard?: string;
}

export function pageEndpoints(ids: Ids, needles: PageNeedles): Endpoint[] {
  const page = (name: string, p: string, target: Target, needle?: string): Endpoint => ({ name, kind: "page", target, path: p, needle: needle ? tokenPattern(needle) : undefined });
  return [
    page("page /", "/", "list", needles.overview),
    page("page /transfers", "/transfers", "list", needles.transfers),
    page("page /transfers?status=unsafeguarded", "/transfers?status=unsafeguarded", "list", needles.unsafeguarded),
    page("page /transfers/<id>", `/transfers/${encodeURIComponent(ids.transferId)}`, "detail", needles.transfer),
    page("page /parties", "/parties", "list", needles.parties),
    page("page /parties/<id>", `/parties/${encodeURIComponent(ids.partyId)}`, "detail", needles.party),
    page("page /safeguards", "/safeguards", "list", needles.safeguards),
    page("page /safeguards/<id>", `/safeguards/${encodeURIComponent(ids.safeguardId)}`, "detail", needles.safeguard),
    page("page /notice", "/notice", "list", "International transfers of personal data"),
    page("page /flags", "/flags", "list"),
    page("page /reminders", "/reminders", "list"),
  ];
}

export function anchorEndpoints(): Endpoint[] {
  return [
    { name: "anchor: raw SQLite transfers page (all)", kind: "anchor", target: null, path: "/transfers?page=1&pageSize=20" },
    { name: "anchor: raw SQLite transfers page (unsafeguarded)", kind: "anchor", target: null, path: "/transfers?page=1&pageSize=20&status=unsafeguarded" },
  ];
}

/**
 * The tRPC query procedures the measured pages' client components use (`trpc.x.y.queryOptions`), read from the
 * source, so a call added to a page but not to CALLS is reported instead of silently left out.
 */
export function queriesUsedByPages(root = process.cwd()): string[] {
  const dirs = ["app/(app)/overview.tsx", "app/(app)/transfers", "app/(app)/parties", "app/(app)/safeguards", "app/(app)/flags", "app/_components/flag-summary.tsx", "app/(app)/reminders", "app/_components/upcoming-events.tsx"].map((d) => path.join(root, d));
  const found = new Set<string>();
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) {
        // Forms (new/edit) are not measured pages.
        if (entry === "new" || entry === "edit" || entry.endsWith("-form.tsx")) continue;
        visit(path.join(p, entry));
      }
      return;
    }
    if (!p.endsWith(".tsx") && !p.endsWith(".ts")) return;
    const text = fs.readFileSync(p, "utf8");
    for (const m of text.matchAll(/trpc\.(\w+)\.(\w+)\.(?:queryOptions|infiniteQueryOptions)\(/g)) found.add(`${m[1]}.${m[2]}`);
  };
  dirs.forEach(visit);
  return [...found].sort();
}
