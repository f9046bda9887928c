/**
 * The query inputs of the scenario pages, shared by the server pages (prefetch) and their client components, so
 * both ask for the same query key. Pure; no server code.
 */
export const SCENARIO_LIST_INPUT = { page: 1, pageSize: 20 };

export const RESULT_FILTERS = { all: "Every transfer whose status changes", needs_action: "Need action (no fallback)", has_fallback: "Have a fallback safeguard" } as const;
export type ResultFilter = keyof typeof RESULT_FILTERS;
export const RESULT_PAGE_SIZE = 25;

/** The run query's input from the page's URL state (`filter`, `page`). */
export function runInput(id: string, state: { filter: string; page: string }) {
  return {
    id,
    filter: (state.filter in RESULT_FILTERS ? state.filter : "all") as ResultFilter,
    page: Math.max(1, Math.floor(Number(state.page)) || 1),
    pageSize: RESULT_PAGE_SIZE,
  };
}
