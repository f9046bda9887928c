/**
 * The client address used by the sign-in rate limit (and recorded on sessions).
 *
 * It comes from the TCP socket, never from a request header a client can write: `npm start` and
 * `npm run serve` run Next.js inside server/scripts/serve.mjs, which sets PEER_ADDRESS_HEADER to the
 * socket's remote address (removing any value the client sent) and marks the process with
 * PEER_ADDRESS_MARK. Only when `TRUST_PROXY` names the peer (a reverse proxy: a list of addresses or
 * CIDR ranges) is `X-Forwarded-For` read, from the right, skipping the trusted proxies: the first
 * address a trusted proxy vouches for is the client.
 *
 * Without the mark (the app served some other way) the address is unknown: every client then shares
 * one rate-limit bucket (fail closed), and a spoofed header can mint no new bucket.
 */
import net from "node:net";

/** Set by serve.mjs from the socket; any client-sent value is replaced. */
export const PEER_ADDRESS_HEADER = "x-tr-peer-address";
/** Set by the auth route from `clientAddress()`; the only header better-auth reads the address from. */
export const CLIENT_ADDRESS_HEADER = "x-tr-client-address";
/** The global symbol serve.mjs sets to `true` in the process that serves the app. */
export const PEER_ADDRESS_MARK = Symbol.for("transfer-registry.peer-address-from-socket");

/** Is PEER_ADDRESS_HEADER written from the socket in this process (served by serve.mjs)? */
export function peerAddressIsFromSocket(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_ADDRESS_MARK] === true;
}

/** IPv4-mapped IPv6 (`::ffff:192.0.2.1`) as plain IPv4; everything else as given, lower-case. */
export function normalizeAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? mapped[1]! : a;
}

/**
 * Parses `TRUST_PROXY`: comma-separated addresses or CIDR ranges (`127.0.0.1`, `10.0.0.0/8`, `::1`).
 * Throws on an entry that is neither, so a typo cannot silently trust nobody (or everybody).
 */
export function parseTrustProxy(value: string | undefined): net.BlockList | null {
  const entries = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split("/");
    const family = net.isIP(normalizeAddress(address ?? ""));
    const bits = prefix === undefined ? null : Number(prefix);
    if (!family || rest.length || (bits !== null && (!/^\d+$/.test(prefix!) || bits > (family === 4 ? 32 : 128)))) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range (e.g. 127.0.0.1 or 10.0.0.0/8).`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === null) list.addAddress(normalizeAddress(address!), type);
    else list.addSubnet(normalizeAddress(address!), bits, type);
  }
  return list;
}

function isTrusted(list: net.BlockList, address: string): boolean {
  const family = net.isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address, or null when it cannot be known.
 * @param peer the socket's remote address (null when not served by serve.mjs)
 * @param forwardedFor the `X-Forwarded-For` header, read only when `peer` is a trusted proxy
 */
export function resolveClientAddress(peer: string | null, forwardedFor: string | null, trustProxy: net.BlockList | null): string | null {
  if (!peer || !net.isIP(normalizeAddress(peer))) return null;
  const peerAddress = normalizeAddress(peer);
  if (!trustProxy || !isTrusted(trustProxy, peerAddress)) return peerAddress;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]!);
    if (!net.isIP(hop)) return null; // a malformed hop the proxy vouched for: refuse to guess
    if (!isTrusted(trustProxy, hop)) return hop;
  }
  // Every hop is a trusted proxy (or the proxy sent none): the request came from the proxies themselves.
  return peerAddress;
}

let trustProxyCache: { value: string | undefined; list: net.BlockList | null } | undefined;
function trustProxyFromEnv(): net.BlockList | null {
  const value = process.env.TRUST_PROXY;
  if (!trustProxyCache || trustProxyCache.value !== value) trustProxyCache = { value, list: parseTrustProxy(value) };
  return trustProxyCache.list;
}

/**
 * The request as better-auth may see it: CLIENT_ADDRESS_HEADER set to the resolved client address
 * (or removed when unknown). `peerFromSocket` defaults to whether this process is served by serve.mjs.
 */
export function withClientAddress(request: Request, options: { peerFromSocket?: boolean; trustProxy?: net.BlockList | null } = {}): Request {
  const fromSocket = options.peerFromSocket ?? peerAddressIsFromSocket();
  const peer = fromSocket ? request.headers.get(PEER_ADDRESS_HEADER) : null;
  const address = resolveClientAddress(peer, request.headers.get("x-forwarded-for"), options.trustProxy === undefined ? trustProxyFromEnv() : options.trustProxy);
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  return new Request(request, { headers });
}
