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

// Keep these two in step with server/auth/client-address.ts.
const PEER_ADDRESS_HEADER = "x-tr-peer-address";
const PEER_ADDRESS_MARK = Symbol.for("transfer-registry.peer-address-from-socket");

const { values } = parseArgs({
  options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } },
  allowPositionals: false,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
/** Requests slower than this are logged (TR_SLOW_REQUEST_MS; 0: none). */
const SLOW_REQUEST_MS = Number(process.env.TR_SLOW_REQUEST_MS ?? 2000) || Infinity;
const hostname = values.hostname; // undefined: every interface, as `next start`

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
globalThis[PEER_ADDRESS_MARK] = true;

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  delete req.headers[PEER_ADDRESS_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
  const started = performance.now();
  const startedAt = new Date();
  res.once("finish", () => {
    const ms = performance.now() - started;
    // A slow request (or the event loop blocked while it waited) is worth a line in the log.
    if (ms >= SLOW_REQUEST_MS) console.warn(`slow request: ${req.method} ${req.url?.split("?")[0]} ${res.statusCode} ${Math.round(ms)} ms (started ${startedAt.toISOString()})`);
  });
  handle(req, res).catch((error) => {
    console.error("Request failed:", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => {
  console.log(`Transfer Registry ready on http://${hostname ?? "localhost"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
