import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { cn } from "./cn";

/**
 * A data table that scrolls inside its card, never the page. `stacked`: in a card narrower than 40rem each row becomes a card
 * (cells one under another, each labelled by its `Td label`), see `.table-stacked` in globals.css.
 */
export function Table({ children, label, stacked = false }: { children: React.ReactNode; label: string; stacked?: boolean }) {
  return (
    <div className="table-wrap max-w-full overflow-x-auto">
      <table className={cn("min-w-full divide-y divide-slate-200 text-sm", stacked && "table-stacked")} aria-label={label}>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, className }: { children?: React.ReactNode; className?: string }) {
  return <th scope="col" className={cn("px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase", className)}>{children}</th>;
}

/** A cell; `label` names it in a stacked table's card layout (the column header is hidden there). */
export function Td({ children, className, label }: { children?: React.ReactNode; className?: string; label?: string }) {
  return (
    <td data-label={label} className={cn("px-4 py-3 align-top text-slate-700", className)}>
      {children}
    </td>
  );
}

/** A column header that sorts the table; announces its state with aria-sort. */
export function SortableTh<S extends string>({
  label,
  column,
  sort,
  dir,
  onSort,
  className,
}: {
  label: string;
  column: S;
  sort: S;
  dir: "asc" | "desc";
  onSort: (column: S, dir: "asc" | "desc") => void;
  className?: string;
}) {
  const active = sort === column;
  const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
      className={cn("px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase", className)}
    >
      <button
        type="button"
        onClick={() => onSort(column, active && dir === "asc" ? "desc" : "asc")}
        className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900"
      >
        {label}
        <Icon className={cn("size-3.5", active ? "text-slate-900" : "text-slate-500")} aria-hidden />
      </button>
    </th>
  );
}

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
  noun = "results",
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  noun?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="flex items-center justify-between border-t border-slate-200 px-4 py-3" aria-label="Pagination">
      <p className="text-sm text-slate-600">
        {total === 0 ? (
          `No ${noun}`
        ) : (
          <>
            Showing <span className="font-medium">{first}</span>–<span className="font-medium">{last}</span> of{" "}
            <span className="font-medium">{total}</span> {noun}
          </>
        )}
      </p>
      <div className="flex items-center gap-2">
        <span className="text-sm text-slate-500">
          Page {Math.min(page, pages)} of {pages}
        </span>
        <button
          type="button"
          className="h-8 rounded-md px-2.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-300"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          Previous
        </button>
        <button
          type="button"
          className="h-8 rounded-md px-2.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-300"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
