/**
 * The HTTP client of `npm run bench:app`: plain `node:http` with keep-alive sockets (no fetch overhead, so the
 * app and the anchor are measured with exactly the same client), wall-clock timing from sending the request to
 * the last byte of the body, a hard per-request timeout, and the tRPC wire format the app's client uses
 * (`httpBatchLink` + superjson; a single call is `GET /api/trpc/<path>?input={"json":…}`).
 */
import http from "node:http";
import superjson from "superjson";

export interface HttpResult {
  /** HTTP status, or 0 when no response came (connection error or timeout). */
  status: number;
  ms: number;
  /** Body size in bytes as received (the client sends no Accept-Encoding, so uncompressed). */
  bytes: number;
  /** The body as text, only when asked for (`keepBody`). */
  body?: string;
  headers: http.IncomingHttpHeaders;
  /** "timeout" or "connection: <code>" when status is 0. */
  error?: string;
}

export interface RequestOptions {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  keepBody?: boolean;
  timeoutMs?: number;
}

export class HttpClient {
  readonly agent: http.Agent;
  readonly base: URL;

  constructor(
    baseUrl: string,
    private readonly defaultTimeoutMs: number,
    maxSockets = 64,
  ) {
    this.base = new URL(baseUrl);
    if (this.base.hostname !== "127.0.0.1") throw new Error(`bench:app talks to loopback only, not ${this.base.hostname}`);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  get origin(): string {
    return this.base.origin;
  }

  /**
   * One request. A keep-alive socket the server closed while it sat idle (Next's server drops idle sockets after
   * 5 s) fails at once with ECONNRESET before anything was sent: that request is retried once on a new socket,
   * as the Node.js documentation advises (`request.reusedSocket`), and timed from the retry.
   */
  async request(path: string, options: RequestOptions = {}): Promise<HttpResult> {
    const first = await this.attempt(path, options);
    if (first.status === 0 && first.staleSocket) return this.attempt(path, options);
    return first;
  }

  private attempt(path: string, options: RequestOptions): Promise<HttpResult & { staleSocket?: boolean }> {
    const { method = "GET", headers = {}, body, keepBody = false, timeoutMs = this.defaultTimeoutMs } = options;
    const payload = body === undefined ? undefined : Buffer.from(body, "utf8");
    return new Promise((resolve) => {
      const started = process.hrtime.bigint();
      const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
      let settled = false;
      const finish = (result: HttpResult & { staleSocket?: boolean }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const req = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path,
          method,
          agent: this.agent,
          headers: { ...headers, ...(payload ? { "content-length": String(payload.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (keepBody) chunks.push(chunk);
          });
          res.on("end", () =>
            finish({
              status: res.statusCode ?? 0,
              ms: elapsed(),
              bytes: size,
              body: keepBody ? Buffer.concat(chunks).toString("utf8") : undefined,
              headers: res.headers,
            }),
          );
          res.on("error", (e: NodeJS.ErrnoException) => finish({ status: 0, ms: elapsed(), bytes: size, headers: {}, error: `connection: ${e.code ?? e.message}` }));
        },
      );
      const timer = setTimeout(() => {
        finish({ status: 0, ms: elapsed(), bytes: 0, headers: {}, error: "timeout" });
        req.destroy(new Error("timeout"));
      }, timeoutMs);
      req.on("error", (e: NodeJS.ErrnoException) =>
        finish({ status: 0, ms: elapsed(), bytes: 0, headers: {}, error: `connection: ${e.code ?? e.message}`, staleSocket: req.reusedSocket && (e.code === "ECONNRESET" || e.code === "EPIPE") }),
      );
      if (payload) req.end(payload);
      else req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

// ------------------------------------------------------------------------------------------ tRPC wire format

/** The URL of a single tRPC query, exactly as the app's client would send it unbatched. */
export function trpcQueryPath(procedure: string, input?: unknown): string {
  const base = `/api/trpc/${procedure}`;
  return input === undefined ? base : `${base}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

export function trpcMutationBody(input: unknown): string {
  return JSON.stringify(superjson.serialize(input));
}

export type TrpcOutcome<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

type SuperJsonResult = Parameters<typeof superjson.deserialize>[0];

/** Decodes a single (unbatched) tRPC response body. */
export function parseTrpc<T>(result: HttpResult): TrpcOutcome<T> {
  if (result.status === 0) return { ok: false, code: "NO_RESPONSE", message: result.error ?? "no response" };
  if (result.body === undefined) throw new Error("parseTrpc needs the body: pass keepBody");
  let parsed: { result?: { data?: SuperJsonResult }; error?: SuperJsonResult };
  try {
    parsed = JSON.parse(result.body) as typeof parsed;
  } catch {
    return { ok: false, code: `HTTP_${result.status}`, message: result.body.slice(0, 200) };
  }
  if (parsed.error) {
    const error = superjson.deserialize<{ message?: string; data?: { code?: string } }>(parsed.error);
    return { ok: false, code: error.data?.code ?? `HTTP_${result.status}`, message: error.message ?? "" };
  }
  if (!parsed.result?.data) return { ok: false, code: `HTTP_${result.status}`, message: "no result in the response" };
  return { ok: true, data: superjson.deserialize<T>(parsed.result.data) };
}

/** A session: the cookies of one signed-in user, sent with every request of that user. */
export interface Session {
  email: string;
  cookie: string;
}

export function withSession(session: Session | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return session ? { cookie: session.cookie, ...extra } : extra;
}

export async function trpcQuery<T>(client: HttpClient, session: Session, procedure: string, input?: unknown): Promise<{ http: HttpResult; outcome: TrpcOutcome<T> }> {
  const res = await client.request(trpcQueryPath(procedure, input), { headers: withSession(session), keepBody: true });
  return { http: res, outcome: parseTrpc<T>(res) };
}

export async function trpcMutation<T>(client: HttpClient, session: Session, procedure: string, input: unknown, timeoutMs?: number): Promise<{ http: HttpResult; outcome: TrpcOutcome<T> }> {
  const res = await client.request(`/api/trpc/${procedure}`, {
    method: "POST",
    headers: withSession(session, { "content-type": "application/json", origin: client.origin }),
    body: trpcMutationBody(input),
    keepBody: true,
    timeoutMs,
  });
  return { http: res, outcome: parseTrpc<T>(res) };
}

/** Signs in once (POST /api/auth/sign-in/email) and returns the session cookies. */
export async function signIn(client: HttpClient, email: string, password: string): Promise<Session> {
  const res = await client.request("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: client.origin },
    body: JSON.stringify({ email, password }),
    keepBody: true,
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: HTTP ${res.status || res.error} ${res.body?.slice(0, 200) ?? ""}`);
  const setCookie = res.headers["set-cookie"] ?? [];
  const cookie = setCookie.map((c) => c.split(";")[0]!).join("; ");
  if (!cookie.includes("session_token=")) throw new Error(`sign-in of ${email} returned no session cookie`);
  return { email, cookie };
}
