#!/usr/bin/env node
/**
 * `npm run serve` (used by `npm start` and the browser tests): the production build, served by
 * Next.js inside a plain Node HTTP server so that the app knows each request's socket address.
 *
 * For every request the header `x-tr-peer-address` is set to the TCP peer's address (any value the
 * client sent is dropped), and the process is marked so the app trusts that header and nothing
 * else: the sign-in rate limit counts per real client address, and a client cannot mint new
 * rate-limit buckets with made-up `X-Forwarded-For` values. Behind a reverse proxy, set
 * TRUST_PROXY to the proxy's address(es) so its `X-Forwarded-For` is read (server/auth/client-address.ts).
 *
 * Usage: node server/scripts/serve.mjs [-H HOST] [-p PORT]   (PORT defaults to $PORT, then 3000)
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createAdmission, isQueued } from "./admission.mjs";

// Keep these two in step with server/auth/client-address.ts.
const PEER_ADDRESS_HEADER = "x-tr-peer-address";
const PEER_ADDRESS_MARK = Symbol.for("transfer-registry.peer-address-from-socket");
// Left here by the tRPC route when Next.js loads it (server/api/node-handler.ts, same symbol).
const NODE_TRPC_HANDLER = Symbol.for("transfer-registry.node-trpc-handler");
const TRPC_PREFIX = "/api/trpc/";

const { values } = parseArgs({
  options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } },
  allowPositionals: false,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
/** Requests slower than this are logged (TR_SLOW_REQUEST_MS; 0: none). */
const SLOW_REQUEST_MS = Number(process.env.TR_SLOW_REQUEST_MS ?? 2000) || Infinity;
const hostname = values.hostname; // undefined: every interface, as `next start`
/** Requests inside Next.js at once (TR_MAX_ACTIVE_REQUESTS; 0: no limit); the rest wait in order (admission.mjs). */
const MAX_ACTIVE = Number(process.env.TR_MAX_ACTIVE_REQUESTS ?? 4);
/** Beyond this many waiting, a request gets 503 at once rather than a place in the queue. */
const MAX_QUEUED = Number(process.env.TR_MAX_QUEUED_REQUESTS ?? 5000);

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
globalThis[PEER_ADDRESS_MARK] = true;

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const admission = createAdmission(MAX_ACTIVE, MAX_QUEUED);

const server = http.createServer((req, res) => {
  delete req.headers[PEER_ADDRESS_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
  const started = performance.now();
  const startedAt = new Date();
  let admittedAfter = 0;
  res.once("finish", () => {
    const ms = performance.now() - started;
    // A slow request (or the event loop blocked while it waited) is worth a line in the log.
    if (ms >= SLOW_REQUEST_MS) {
      console.warn(`slow request: ${req.method} ${req.url?.split("?")[0]} ${res.statusCode} ${Math.round(ms)} ms, ${Math.round(admittedAfter)} ms of it queued (started ${startedAt.toISOString()})`);
    }
  });
  const serve = (release) => {
    admittedAfter = performance.now() - started;
    // The client gave up while the request waited: nothing to do.
    if (req.destroyed || req.socket.destroyed) return release();
    // The slot is free once the app has written its whole answer, whether or not the client has read it yet.
    const end = res.end;
    res.end = function endAndRelease(...args) {
      release();
      return end.apply(this, args);
    };
    res.once("close", release);
    // The API straight from Node once the route has registered its handler; everything else through Next.js.
    const trpc = pathname.startsWith(TRPC_PREFIX) ? globalThis[NODE_TRPC_HANDLER] : undefined;
    (trpc ? trpc(req, res) : handle(req, res)).catch((error) => {
      console.error("Request failed:", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
  const pathname = (req.url ?? "/").split("?")[0];
  if (!isQueued(req.method ?? "GET", pathname)) serve(() => {});
  else if (!admission.run(serve)) {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" });
    res.end("The server is busy: try again in a few seconds.");
  }
});
server.listen(port, hostname, () => {
  console.log(`Transfer Registry ready on http://${hostname ?? "localhost"}:${port}`);
  warmUpApi();
});

/**
 * One request to the API as the server starts, so that Next.js loads the tRPC route (which registers the handler
 * above) before the first real call: every call is then answered the same way.
 */
function warmUpApi() {
  const host = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  const request = http.get({ host, port, path: `${TRPC_PREFIX}warm-up` }, (res) => {
    res.resume();
    if (!globalThis[NODE_TRPC_HANDLER]) console.warn("The tRPC route did not register its handler: Next.js answers /api/trpc/.");
  });
  request.on("error", (error) => console.warn(`API warm-up failed (${error.message}): the first call loads the route.`));
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
