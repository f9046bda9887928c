/** The URL state of the notice page and the query inputs built from it (server prefetch and client alike). */
export const NOTICE_DEFAULTS = { tab: "generate", asOf: "", page: "1" };
export const NOTICE_HISTORY_PAGE_SIZE = 10;

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

export function noticeGenerateInput(state: typeof NOTICE_DEFAULTS) {
  return { asOf: isDate(state.asOf) ? state.asOf : undefined };
}

export function noticeHistoryInput(state: typeof NOTICE_DEFAULTS) {
  return { page: Math.max(1, Math.floor(Number(state.page)) || 1), pageSize: NOTICE_HISTORY_PAGE_SIZE };
}
