/**
 * The tRPC API served straight from Node's request and response, without Next.js routing and its proxy: the
 * busiest route, and the one whose answer is a few kilobytes of JSON, for which the framework's per-request work
 * (routing, the proxy, a web Request and Response on each side) cost more than the query itself (about 2.5 of
 * 3.4 ms for a page of the transfers list at 100,000 transfers).
 *
 * It does what the proxy (proxy.ts) and the route (app/api/trpc/[trpc]/route.ts) do for these requests, with the
 * same functions: the cross-site refusal and the security headers of server/http/security.ts, the same router,
 * context and error logging. The route module registers it (`registerNodeTrpcHandler`) when Next.js loads it,
 * and server/scripts/serve.mjs hands every later /api/trpc/ request to it, so both paths run in the one module
 * instance that serves the API (one database connection, one set of caches). Where nothing registers it
 * (`next dev`, `next start`), Next.js serves the route as before.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { API_CSP, configuredOrigins, crossSiteRefusal, SECURITY_HEADERS } from "@/server/http/security";
import { createContext } from "./context";
import { appRouter } from "./root";
import { logInternalError } from "./trpc-errors";

export const TRPC_ENDPOINT = "/api/trpc";

/** The global symbol under which the route module leaves the handler for serve.mjs (keep in step with it). */
export const NODE_TRPC_HANDLER = Symbol.for("transfer-registry.node-trpc-handler");

/** The largest request body a procedure takes, as through the proxy (Next.js buffers at most 10 MB there). */
export const MAX_TRPC_BODY_BYTES = 10 * 1024 * 1024;

export type NodeTrpcHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** A web Headers view of a Node request's headers (what the context and the cross-site check read). */
export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

export function createNodeTrpcHandler(): NodeTrpcHandler {
  return async (req, res) => {
    const headers = headersOf(req);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader("Content-Security-Policy", API_CSP);
    const refusal = crossSiteRefusal(req.method ?? "GET", headers, configuredOrigins());
    if (refusal) {
      res.writeHead(403, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ error: `Cross-site request refused (${refusal}).` }));
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    await nodeHTTPRequestHandler({
      req,
      res,
      path: url.pathname.slice(TRPC_ENDPOINT.length + 1),
      router: appRouter,
      maxBodySize: MAX_TRPC_BODY_BYTES,
      createContext: () => createContext({ headers }),
      onError: ({ error, path }) => logInternalError(error, path),
    });
  };
}

/** Leaves the handler where serve.mjs finds it (once per process; a second module instance does not replace it). */
export function registerNodeTrpcHandler(): void {
  const slot = globalThis as unknown as Record<symbol, NodeTrpcHandler | undefined>;
  slot[NODE_TRPC_HANDLER] ??= createNodeTrpcHandler();
}
