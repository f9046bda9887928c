import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/**
 * The query client of a request (server) or of the browser tab. On the server a failed prefetch is not retried:
 * the page renders at once and its client component shows the error (and may retry). A retry there would only
 * hold the response: a missing record's page took 3 s (two retries after 1 s and 2 s) before this.
 */
export function makeQueryClient(where: "server" | "browser" = "browser") {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30 * 1000, retry: where === "server" ? false : shouldRetry },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}

/** At most two retries, and none of what will fail again: forbidden, not found, bad input, conflicts. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && !isClientError(error);
}

/**
 * The tRPC error code of a failure: `data.code` on the browser's TRPCClientError, `code` on the TRPCError a
 * procedure throws when it is called in-process.
 */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const data = (error as { data?: { code?: unknown } }).data;
  if (typeof data?.code === "string") return data.code;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function isClientError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && code !== "INTERNAL_SERVER_ERROR" && code !== "TIMEOUT";
}
