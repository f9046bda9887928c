/**
 * End-to-end benchmark of the app at scale (`npm run bench:app`). A report, not a test: it prints its figures and
 * one PASS/FAIL line per target, and exits 0 even when targets fail (non-zero only when the benchmark itself
 * broke: no build, the server did not start, the import was refused…). Needs a production build first
 * (`npm run build`; with NEXT_DIST_DIR set, the build in that directory).
 *
 *   npm run bench:app                                   # 100,000 transfers / 20,000 parties / ~40,000 safeguards
 *   npm run bench:app -- --transfers 3000 --clients 10 --duration 10     # while developing (the machine is shared)
 *
 * Flags (all optional):
 *   --transfers N      transfers in the registry (100000)
 *   --parties N        parties (transfers / 5); a tenth are group affiliates
 *   --safeguards N     exact number of safeguards (default: the generator's natural share, about 0.4 per transfer)
 *   --seed N           generator seed (20261129)
 *   --small N          size of the first import, into its own fresh database (min(10000, transfers); 0 skips it)
 *   --samples N        timed requests per page or call and phase (30)
 *   --warmup N         untimed passes over every page and call, then untimed requests before each one's warm samples (3)
 *   --budget S         at most S seconds per page or call and phase, then stop at ≥ 5 samples (120)
 *   --clients N        concurrent clients of the load test (50)
 *   --duration S       load-test duration in seconds (60; 0 skips it)
 *   --timeout S        per-request timeout in seconds (30); an import gets 15 minutes
 *   --cli-runs N       runs of the CLI check and of JSON.parse, median taken (5)
 *   --keep             keep the temporary directory (database, server logs) and print its path
 *
 * `npm run bench:load` is this script with fewer samples per page (`--samples 5 --small 0`): the import, then the
 * load test that issue "One write path per record" asks for (50 clients × 60 s over reads and writes at 100,000
 * transfers: requests/s, p50/p95/p99, errors, SQLITE_BUSY count, peak RSS).
 *
 * What it does, in one run:
 *  1. generates a deterministic registry (server/scripts/generate-registry.ts) with certifications and TIAs; imports
 *     a `--small` one into a fresh SQLite file, then the full one into another, each through the app's own import
 *     over HTTP of the production server (POST /api/registry/import when the build has it, else the tRPC
 *     registry.preview + registry.import the registry page uses); times preview and apply; exports the registry
 *     (GET /api/registry/export) and re-imports it;
 *  2. runs `next start -H 127.0.0.1 -p <free port>` on that file (TR_DEMO=0, its own BETTER_AUTH_SECRET and URL),
 *     detached in its own process group, killed as a group at the end (also on Ctrl-C or a crash); creates a DPO
 *     and a procurement user with server/scripts/user-create.ts and signs each in once;
 *  3. measures every page as HTML (signed in: p50/p95, size, whether the HTML carries the data) and every tRPC
 *     query those pages make (GET /api/trpc/<path>?input=<superjson>, as the client sends them), warm (after
 *     --warmup untimed passes over all of them, then --warmup untimed requests each); then again "after edit":
 *     each sample taken right after its own edit
 *     (transfer.update of one transfer's notes), so what an edit invalidates shows in the p95;
 *  4. runs --clients concurrent clients for --duration seconds: 95 % reads across those pages and calls (random
 *     transfers and parties), 5 % writes (a transfer's notes with the version just read; a party's certification
 *     updated or created); a stale-edit CONFLICT is counted apart, not as an error; prints requests/s,
 *     p50/p95/p99, errors (5xx, other unexpected statuses, timeouts, connection errors);
 *  5. polls VmRSS of the server's whole process group every 200 ms (`next start` and its `next-server` child) and
 *     reports the peak per phase;
 *  6. measures the anchor in the same run: the transfers-list page as one raw better-sqlite3 prepared query served
 *     as JSON by a bare node:http server in a child process (bench-app/anchor-server.ts), hit with the same client;
 *  7. times the CLI check (runCheck, in-process) against JSON.parse of the same document, median of --cli-runs;
 *     reads the client JS per route (server/scripts/bundle-size.mjs, else the script chunks the measured pages load).
 *
 * Sizes are bytes as received without Accept-Encoding (uncompressed); 1 kB = 1000 bytes.
 */
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { referenceKnowledgeBase } from "../../db/reference/index";
import { runCheck } from "../cli/check";
import type { RegistryDocument } from "../domain/registry/types";
import { compileKnowledgeBase } from "../domain/rules/compile-kb";
import {
  anchorEndpoints,
  CALLS,
  callEndpoint,
  type Endpoint,
  type Ids,
  LIST_INPUTS,
  pageEndpoints,
  type PageNeedles,
  queriesUsedByPages,
  SEARCH_CALLS,
  searchEndpoint,
  type Target,
} from "./bench-app/endpoints";
import { HttpClient, type HttpResult, type Session, signIn, trpcMutation, trpcQuery, withSession } from "./bench-app/http";
import { createUser, killAllGroupsSync, type NextServer, RssPoller, type RssSample, startGroup, startNextServer, tailOf } from "./bench-app/processes";
import { benchScenarios } from "./bench-app/scenarios";
import { describeDocument, exportRegistry, generate, importStep, type ImportStep, importVia, type ImportVia } from "./bench-app/registry";
import { benchDashboard } from "./bench-app/dashboard";
import { bytes, count, median, ms, ratio, seconds, summarize, type LatencySummary } from "./bench-app/stats";

// ------------------------------------------------------------------------------------------------ settings

const TARGETS = {
  listP95Ms: 300,
  detailP95Ms: 100,
  maxBodyBytes: 200_000,
  loadP95Ms: 1000,
  rssBytes: 500 * 1024 * 1024,
  anchorRatio: 3,
  smallImportMs: 5_000,
  fullImportMs: 60_000,
  cliRatio: 3,
  jsGzipBytes: 200_000,
} as const;

const PASSWORD = "bench-app-password-0123";
const USERS = {
  admin: { email: "admin@bench.test", role: "admin", name: "Bench Admin" },
  dpo: { email: "dpo@bench.test", role: "dpo", name: "Bench DPO" },
  procurement: { email: "procurement@bench.test", role: "procurement", name: "Bench Procurement" },
} as const;

interface Flags {
  transfers: number;
  parties: number;
  safeguards?: number;
  seed: number;
  small: number;
  samples: number;
  warmup: number;
  budgetMs: number;
  clients: number;
  durationMs: number;
  timeoutMs: number;
  cliRuns: number;
  keep: boolean;
}

function parseFlags(): Flags {
  const config = {
    options: {
      transfers: { type: "string" },
      parties: { type: "string" },
      safeguards: { type: "string" },
      seed: { type: "string" },
      small: { type: "string" },
      samples: { type: "string" },
      warmup: { type: "string" },
      budget: { type: "string" },
      clients: { type: "string" },
      duration: { type: "string" },
      timeout: { type: "string" },
      "cli-runs": { type: "string" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  } as const;
  let values: ReturnType<typeof parseArgs<typeof config>>["values"];
  try {
    values = parseArgs(config).values;
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)} (see --help)`);
  }
  if (values.help) {
    const header = fs.readFileSync(new URL(import.meta.url), "utf8").split("*/")[0]!;
    console.log(header.replace(/^\/\*\*\n?/, "").replace(/^ \* ?/gm, ""));
    process.exit(0);
  }
  const int = (name: string, raw: string | undefined, fallback: number, min = 0): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, not "${raw}"`);
    return n;
  };
  const transfers = int("transfers", values.transfers, 100_000, 1);
  const parties = int("parties", values.parties, Math.max(20, Math.round(transfers / 5)), 2);
  return {
    transfers,
    parties,
    safeguards: values.safeguards === undefined ? undefined : int("safeguards", values.safeguards, 0, 3),
    seed: int("seed", values.seed, 20261129),
    small: int("small", values.small, Math.min(10_000, transfers)),
    samples: int("samples", values.samples, 30, 1),
    warmup: int("warmup", values.warmup, 3),
    budgetMs: int("budget", values.budget, 120, 1) * 1000,
    clients: int("clients", values.clients, 50, 1),
    durationMs: int("duration", values.duration, 60) * 1000,
    timeoutMs: int("timeout", values.timeout, 30, 1) * 1000,
    cliRuns: int("cli-runs", values["cli-runs"], 5, 1),
    keep: values.keep ?? false,
  };
}

class UsageError extends Error {}

// ------------------------------------------------------------------------------------------------ cleanup

let tempDir: string | undefined;
let keepTemp = false;

function cleanupSync(): void {
  killAllGroupsSync();
  if (tempDir && !keepTemp) fs.rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

process.on("exit", cleanupSync);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers and removing the temporary files…`);
    cleanupSync();
    process.exit(130);
  });
}

// ------------------------------------------------------------------------------------------------ printing

const line = (text = "") => console.log(text);
const heading = (text: string) => line(`\n== ${text} ${"=".repeat(Math.max(0, 100 - text.length))}`);
const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length));
const padStart = (text: string, width: number) => (text.length >= width ? text : " ".repeat(width - text.length) + text);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function rssText(sample: RssSample | undefined): string {
  if (!sample) return "–";
  return `${mb(sample.totalKb)} (${sample.processes.map((p) => `${p.name} ${mb(p.kb)}`).join(" + ")})`;
}

// ------------------------------------------------------------------------------------------------ measuring

interface Measurement {
  endpoint: Endpoint;
  summary: LatencySummary;
  maxBytes: number;
  failures: string[];
  /** For pages: whether the HTML carried the data (undefined when there was nothing to look for). */
  dataInHtml?: boolean;
  lastBody?: string;
  stoppedByBudget: boolean;
}

function describeFailure(res: HttpResult): string {
  if (res.status === 0) return res.error ?? "no response";
  if (res.status >= 300 && res.status < 400) return `HTTP ${res.status} → ${res.headers.location ?? "?"}`;
  return `HTTP ${res.status}`;
}

interface Context {
  flags: Flags;
  app: HttpClient;
  anchor?: HttpClient;
  dpo: Session;
  procurement: Session;
}

function clientFor(ctx: Context, endpoint: Endpoint): HttpClient {
  if (endpoint.kind !== "anchor") return ctx.app;
  if (!ctx.anchor) throw new Error("the anchor server is not running");
  return ctx.anchor;
}

function requestEndpoint(ctx: Context, endpoint: Endpoint, session: Session, keepBody: boolean): Promise<HttpResult> {
  const client = clientFor(ctx, endpoint);
  const headers = endpoint.kind === "anchor" ? {} : withSession(session, endpoint.kind === "page" ? { accept: "text/html" } : {});
  return client.request(endpoint.path, { headers, keepBody });
}

/**
 * Sequential samples of one page or call. `endpointFor(i)` is the request of sample i (the same one in the warm
 * phase; in the "after edit" phase, about the transfer just edited); `before(i)` runs, untimed, before it.
 */
async function measure(ctx: Context, endpointFor: (sample: number) => Endpoint, options: { warmup: number; before?: (sample: number) => Promise<void> }): Promise<Measurement> {
  const { samples, budgetMs } = ctx.flags;
  const endpoint = endpointFor(0);
  for (let i = 0; i < options.warmup; i++) await requestEndpoint(ctx, endpoint, ctx.dpo, false);
  const times: number[] = [];
  const failures: string[] = [];
  let maxBytes = 0;
  let lastBody: string | undefined;
  const started = Date.now();
  let stoppedByBudget = false;
  for (let i = 0; i < samples; i++) {
    if (i >= 5 && Date.now() - started > budgetMs) {
      stoppedByBudget = true;
      break;
    }
    if (options.before) await options.before(i);
    const res = await requestEndpoint(ctx, endpointFor(i), ctx.dpo, endpoint.kind === "page");
    times.push(res.ms);
    maxBytes = Math.max(maxBytes, res.bytes);
    if (res.body !== undefined) lastBody = res.body;
    if (res.status !== 200) failures.push(describeFailure(res));
  }
  const dataInHtml = endpoint.needle && lastBody !== undefined ? endpoint.needle.test(lastBody) : undefined;
  return { endpoint, summary: summarize(times), maxBytes, failures, dataInHtml, lastBody, stoppedByBudget };
}

function printMeasurements(title: string, rows: Measurement[], anchorP50: Partial<Record<"all" | "unsafeguarded", number>>): void {
  heading(title);
  const nameWidth = Math.max(...rows.map((r) => r.endpoint.name.length), 20);
  line(`${pad("page or call", nameWidth)}  target    n       p50       p95       max      size  data  vs anchor p50`);
  for (const r of rows) {
    const target = r.endpoint.target === "list" ? "<300 ms" : r.endpoint.target === "detail" ? "<100 ms" : "";
    const data = r.dataInHtml === undefined ? "" : r.dataInHtml ? "yes" : "no";
    const anchorRef = r.endpoint.anchor ? anchorP50[r.endpoint.anchor] : r.endpoint.target === "list" ? anchorP50.all : undefined;
    const vs = anchorRef ? ratio(r.summary.p50 / anchorRef) : "";
    line(
      `${pad(r.endpoint.name, nameWidth)}  ${pad(target, 7)} ${padStart(String(r.summary.n), 4)} ${padStart(ms(r.summary.p50), 9)} ${padStart(ms(r.summary.p95), 9)} ${padStart(ms(r.summary.max), 9)} ${padStart(bytes(r.maxBytes), 9)}  ${pad(data, 4)}  ${vs}`,
    );
    if (r.failures.length) line(`${" ".repeat(nameWidth)}  !! ${r.failures.length} failed: ${[...new Set(r.failures)].slice(0, 3).join(", ")}`);
    if (r.stoppedByBudget) line(`${" ".repeat(nameWidth)}  (stopped after ${r.summary.n} samples: --budget reached)`);
  }
  if (rows.some((r) => r.dataInHtml !== undefined)) line("   data: yes = the page's HTML already carries its data (server-side prefetch); no = the browser has to fetch it");
}

// ------------------------------------------------------------------------------------------------ edits

interface TransferView {
  id: string;
  version: number;
  exporterId: string;
  recipientId: string;
  destination: string;
  exporterRole: string;
  recipientRole: string;
  dataCategories: string[];
  specialCategory: boolean;
  dataSubjects: string[];
  purposes: string[];
  frequency: string;
  start: string;
  end: string | null;
  safeguardIds: string[];
  notes: string | null;
  recipient?: { name: string };
  exporter?: { name: string };
}

/** The transfer form's fields from a transfer (app/(app)/transfers/transfer-form.tsx: fromTransfer). */
function fieldsOf(t: TransferView, notes: string) {
  return {
    exporterId: t.exporterId,
    recipientId: t.recipientId,
    destination: t.destination,
    exporterRole: t.exporterRole,
    recipientRole: t.recipientRole,
    dataCategories: t.dataCategories,
    specialCategory: t.specialCategory,
    dataSubjects: t.dataSubjects,
    purposes: t.purposes,
    frequency: t.frequency,
    start: t.start,
    end: t.end,
    safeguardIds: t.safeguardIds,
    notes,
  };
}

type WriteOutcome = { kind: "ok" | "conflict" | "error"; requests: { name: string; res: HttpResult; write: boolean }[]; detail?: string };

let editCounter = 0;

/** Reads a transfer (its current version) and saves a new note on it, as the edit form does. */
async function editTransferNotes(app: HttpClient, session: Session, transferId: string): Promise<WriteOutcome> {
  const read = await trpcQuery<TransferView>(app, session, "transfer.byId", { id: transferId });
  const requests: WriteOutcome["requests"] = [{ name: "transfer.byId (before edit)", res: read.http, write: false }];
  if (!read.outcome.ok) return { kind: "error", requests, detail: `transfer.byId ${read.outcome.code}` };
  const t = read.outcome.data;
  editCounter += 1;
  const save = await trpcMutation<TransferView>(app, session, "transfer.update", { id: t.id, version: t.version, fields: fieldsOf(t, `bench:app edit ${editCounter}`) });
  requests.push({ name: "transfer.update", res: save.http, write: true });
  if (save.outcome.ok) return { kind: "ok", requests };
  if (save.outcome.code === "CONFLICT") return { kind: "conflict", requests };
  return { kind: "error", requests, detail: `transfer.update ${save.outcome.code}: ${save.outcome.message.slice(0, 120)}` };
}

interface CertificationRow {
  id: string;
  version: number;
  framework: string;
  from: string;
  to: string | null;
  coveredData: string | null;
  verifiedOn: string | null;
  verifiedBy: string | null;
}

/** Updates a party's first certification (DPF List check recorded or cleared), or creates one when it has none. */
async function editCertification(app: HttpClient, session: Session, partyId: string): Promise<WriteOutcome> {
  const read = await trpcQuery<CertificationRow[]>(app, session, "certification.list", { partyId });
  const requests: WriteOutcome["requests"] = [{ name: "certification.list (before edit)", res: read.http, write: false }];
  if (!read.outcome.ok) return { kind: "error", requests, detail: `certification.list ${read.outcome.code}` };
  const first = read.outcome.data[0];
  const save = first
    ? await trpcMutation(app, session, "certification.update", {
        id: first.id,
        version: first.version,
        fields: {
          framework: first.framework,
          from: first.from,
          to: first.to,
          coveredData: first.coveredData,
          verifiedOn: first.verifiedOn ? null : "2026-11-02",
          verifiedBy: first.verifiedOn ? null : "bench:app",
        },
      })
    : await trpcMutation(app, session, "certification.create", { partyId, fields: { framework: "dpf_eu", from: "2023-07-17", to: null } });
  const name = first ? "certification.update" : "certification.create";
  requests.push({ name, res: save.http, write: true });
  if (save.outcome.ok) return { kind: "ok", requests };
  if (save.outcome.code === "CONFLICT") return { kind: "conflict", requests };
  return { kind: "error", requests, detail: `${name} ${save.outcome.code}: ${save.outcome.message.slice(0, 120)}` };
}

// ------------------------------------------------------------------------------------------------ load test

/** Mulberry32: reproducible choices in the load test. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Endpoints only the DPO (and admin/auditor) may read: notice.*, request.* and their pages. */
const DPO_ONLY = /^(notice|request)\.|^page \/(notice|requests)\b/;

interface LoadResult {
  elapsedMs: number;
  requests: number;
  all: LatencySummary;
  reads: LatencySummary;
  writes: LatencySummary;
  conflicts: number;
  writeOps: number;
  errors: Map<string, number>;
  maxBytes: number;
  maxBytesName: string;
  /** The five slowest requests, for a first look at what a long tail is made of. */
  slowest: { name: string; ms: number }[];
  /** The page loads among the reads. */
  pages: LatencySummary;
  /** Answers 503: SQLITE_BUSY past the busy timeout (also counted as errors). */
  busy: number;
}

async function loadTest(
  ctx: Context,
  readTemplates: ((ids: Ids) => Endpoint)[],
  pools: { transfers: string[]; parties: string[]; safeguards: string[]; writeTransfers: string[]; writeParties: string[] },
): Promise<LoadResult> {
  const { clients, durationMs, timeoutMs } = ctx.flags;
  const all: number[] = [];
  const reads: number[] = [];
  const pageReads: number[] = [];
  const writes: number[] = [];
  const errors = new Map<string, number>();
  let conflicts = 0;
  let writeOps = 0;
  let maxBytes = 0;
  let maxBytesName = "";
  const addError = (key: string) => errors.set(key, (errors.get(key) ?? 0) + 1);
  const slowest: { name: string; ms: number }[] = [];
  let busy = 0;
  const record = (name: string, res: HttpResult, write: boolean, conflictExpected: boolean) => {
    all.push(res.ms);
    if (slowest.length < 5 || res.ms > slowest[slowest.length - 1]!.ms) {
      slowest.push({ name, ms: res.ms });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, 5);
    }
    (write ? writes : reads).push(res.ms);
    if (!write && name.startsWith("page ")) pageReads.push(res.ms);
    if (res.bytes > maxBytes) {
      maxBytes = res.bytes;
      maxBytesName = name;
    }
    // The app answers a write that outwaited SQLite's busy timeout with 503 (server/api/trpc.ts).
    if (res.status === 503) busy += 1;
    if (res.status === 0) addError(res.error === "timeout" ? `timeout (> ${timeoutMs / 1000} s)` : (res.error ?? "connection error"));
    else if (res.status >= 500) addError(`HTTP ${res.status} (${name})`);
    else if (res.status === 409 && conflictExpected) return;
    else if (res.status !== 200) addError(`HTTP ${res.status} (${name})`);
  };
  const started = Date.now();
  const deadline = started + durationMs;
  const pick = <T>(random: () => number, items: readonly T[]) => items[Math.floor(random() * items.length)]!;

  const runClient = async (n: number) => {
    const random = createRandom(0x5eed + n);
    const session = n % 2 === 0 ? ctx.dpo : ctx.procurement;
    // Bounded: the deadline ends the loop; every request has a timeout.
    while (Date.now() < deadline) {
      if (random() < 0.05) {
        writeOps += 1;
        const outcome =
          random() < 0.5
            ? await editTransferNotes(ctx.app, ctx.procurement, pick(random, pools.writeTransfers))
            : await editCertification(ctx.app, ctx.procurement, pick(random, pools.writeParties));
        for (const r of outcome.requests) record(r.name, r.res, r.write, r.write);
        // Unexpected statuses are counted by record(); a refused write always has one.
        if (outcome.kind === "conflict") conflicts += 1;
      } else {
        const endpoint = pick(random, readTemplates)({ transferId: pick(random, pools.transfers), partyId: pick(random, pools.parties), safeguardId: pick(random, pools.safeguards) });
        // Requests for a copy and the privacy notice are the DPO's (server/auth/permissions.ts): procurement's
        // clients ask for them as the DPO, as a real procurement user would never see them.
        const res = await requestEndpoint(ctx, endpoint, DPO_ONLY.test(endpoint.name) ? ctx.dpo : session, false);
        record(endpoint.name, res, false, false);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, n) => runClient(n)));
  const elapsedMs = Date.now() - started;
  return { elapsedMs, requests: all.length, all: summarize(all), reads: summarize(reads), writes: summarize(writes), conflicts, writeOps, errors, maxBytes, maxBytesName, slowest, pages: summarize(pageReads), busy };
}

// ------------------------------------------------------------------------------------------------ JS per route

interface RouteJs {
  route: string;
  gzipBytes: number;
  files: number;
}

/** The client JS per route: server/scripts/bundle-size.mjs when present, else the chunks the measured pages load. */
async function jsPerRoute(distDir: string, app: HttpClient, pages: Measurement[]): Promise<{ source: string; routes: RouteJs[] }> {
  const script = path.join(process.cwd(), "server", "scripts", "bundle-size.mjs");
  if (fs.existsSync(script)) {
    const result = spawnSync(process.execPath, [script, "--dir", distDir, "--json"], { encoding: "utf8", timeout: 120_000 });
    try {
      const parsed = JSON.parse(result.stdout) as { routes: { route: string; gzipKb: number; files: number }[] };
      return { source: "server/scripts/bundle-size.mjs", routes: parsed.routes.map((r) => ({ route: r.route, gzipBytes: Math.round(r.gzipKb * 1000), files: r.files })) };
    } catch {
      line(`   (bundle-size.mjs gave no JSON: ${result.stderr.slice(0, 200)}; counting the chunks the pages load instead)`);
    }
  }
  const cache = new Map<string, number>();
  const routes: RouteJs[] = [];
  for (const page of pages) {
    if (!page.lastBody) continue;
    const srcs = [...new Set([...page.lastBody.matchAll(/<script[^>]*\ssrc="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")))];
    let gzipBytes = 0;
    for (const src of srcs) {
      if (!cache.has(src)) {
        const res = await app.request(src, { keepBody: true });
        cache.set(src, res.status === 200 && res.body !== undefined ? gzipSync(Buffer.from(res.body, "utf8"), { level: 9 }).length : 0);
      }
      gzipBytes += cache.get(src)!;
    }
    routes.push({ route: page.endpoint.path.replace(/\/(t|party|aff|sg)-[^/?]+/, "/[id]"), gzipBytes, files: srcs.length });
  }
  return { source: "script chunks in the measured pages' HTML", routes };
}

// ------------------------------------------------------------------------------------------------ CLI check

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

function cliVersusParse(text: string, runs: number): { cli: number; parse: number } {
  const ckb = compileKnowledgeBase(referenceKnowledgeBase);
  const asOf = new Date().toISOString().slice(0, 10);
  const cli: number[] = [];
  const parse: number[] = [];
  const time = (run: () => unknown) => {
    collectGarbage();
    const start = process.hrtime.bigint();
    run();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  // One untimed round first, then interleaved rounds, so load from other processes hits both alike.
  for (let round = -1; round < runs; round++) {
    const c = time(() => {
      const result = runCheck(text, { asOf, ckb });
      if (result.exitCode === 2) throw new Error(`the CLI check refused the document: ${result.stderr.slice(0, 300)}`);
    });
    const p = time(() => JSON.parse(text));
    if (round >= 0) {
      cli.push(c);
      parse.push(p);
    }
  }
  return { cli: median(cli), parse: median(parse) };
}

// ------------------------------------------------------------------------------------------------ the run

interface ImportFigures {
  transfers: number;
  via: ImportVia;
  preview?: ImportStep;
  apply: ImportStep;
}

async function importThroughApp(server: NextServer, session: Session, via: ImportVia, text: string, transfers: number, label: string, timeoutMs: number): Promise<ImportFigures> {
  const client = new HttpClient(server.url, timeoutMs, 2);
  try {
    const preview = await importStep(via, client, session, text, "preview");
    line(`   ${pad(`${label}: preview`, 34)} ${padStart(seconds(preview.ms), 9)}  ${preview.ok ? "" : "REFUSED "}${preview.summary}`);
    if (!preview.ok) throw new Error(`${label}: the app's import preview refused the document (HTTP ${preview.status}): ${preview.summary}`);
    const apply = await importStep(via, client, session, text, "apply", preview.planHash);
    line(`   ${pad(`${label}: apply`, 34)} ${padStart(seconds(apply.ms), 9)}  ${apply.ok ? "" : "REFUSED "}${apply.summary}`);
    return { transfers, via, preview, apply };
  } finally {
    client.close();
  }
}

function findBuild(): string {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new UsageError(`No production build in ${distDir}/ (${distDir}/BUILD_ID is missing). Run \`npm run build\` first${process.env.NEXT_DIST_DIR ? ` with NEXT_DIST_DIR=${process.env.NEXT_DIST_DIR}` : ""}.`);
  }
  return distDir;
}

/** A transfer worth showing: its own contract (not the group BCR or a shared derogation) and a TIA. */
const rich = (t: RegistryDocument["transfers"][number]) => Boolean(t.tia) && (t.safeguards ?? []).some((s) => s.startsWith("sg-"));

/** The transfer of the detail pages: a rich one, to a recipient with certifications when there is one. */
function pickDetailIds(doc: RegistryDocument): Ids {
  const certified = new Set(doc.parties.filter((p) => p.certifications?.length).map((p) => p.id));
  const t = doc.transfers.find((x) => rich(x) && certified.has(x.recipient)) ?? doc.transfers.find(rich) ?? doc.transfers[0]!;
  return idsOf(doc, t);
}

/** A transfer, its recipient and the first safeguard it relies on (any safeguard when it has none). */
function idsOf(doc: RegistryDocument, t: RegistryDocument["transfers"][number]): Ids {
  const own = (t.safeguards ?? []).find((s) => s.startsWith("sg-")) ?? t.safeguards?.[0];
  return { transferId: t.id, partyId: t.recipient, safeguardId: own ?? doc.safeguards?.[doc.safeguards.length - 1]?.id ?? "bcr-group" };
}

/**
 * Transfers to edit in turn in the "after edit" phase, each with the recipient and contract whose pages are asked
 * for: rich ones like the warm phase's, so both phases ask for the same kind of page.
 */
function editPool(doc: RegistryDocument, n: number): Ids[] {
  const candidates = doc.transfers.filter(rich);
  return spread(candidates.length >= n ? candidates : doc.transfers, n).map((t) => idsOf(doc, t));
}

function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

async function startAnchor(dbPath: string, logFile: string, timeoutMs: number): Promise<{ client: HttpClient; stop: () => Promise<void>; verdicts: boolean; storedVerdicts: number; liveTransfers: number }> {
  const group = startGroup(path.join(process.cwd(), "node_modules", ".bin", "tsx"), [path.join("server", "scripts", "bench-app", "anchor-server.ts"), dbPath], { ...process.env, NODE_ENV: "production" }, logFile, true);
  const first = await new Promise<string>((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => reject(new Error(`the anchor server did not start. Log:\n${tailOf(logFile)}`)), 60_000);
    group.child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const nl = buffer.indexOf("\n");
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(buffer.slice(0, nl));
      }
    });
    group.child.once("exit", () => {
      clearTimeout(timer);
      reject(new Error(`the anchor server exited. Log:\n${tailOf(logFile)}`));
    });
  });
  const info = JSON.parse(first) as { port: number; verdicts: boolean; storedVerdicts: number; liveTransfers: number };
  group.child.stdout!.resume();
  return {
    client: new HttpClient(`http://127.0.0.1:${info.port}`, timeoutMs, 64),
    verdicts: info.verdicts,
    storedVerdicts: info.storedVerdicts,
    liveTransfers: info.liveTransfers,
    stop: async () => {
      group.child.removeAllListeners("exit");
      await group.stop();
    },
  };
}

interface TargetLine {
  ok: boolean;
  label: string;
  figure: string;
  /** Not assessed (e.g. nothing measured): printed as "n/a". */
  na?: boolean;
}

function worstOf(rows: Measurement[], target: Target, limit: number): TargetLine {
  const relevant = rows.filter((r) => r.endpoint.target === target && r.summary.n > 0);
  const failing = relevant.filter((r) => !(r.summary.p95 < limit) || r.failures.length > 0);
  const worst = [...relevant].sort((a, b) => b.summary.p95 - a.summary.p95)[0];
  const figure = worst ? `worst ${ms(worst.summary.p95)} (${worst.endpoint.name})${failing.length ? `; ${failing.length} of ${relevant.length} over or failing: ${failing.map((f) => f.endpoint.name).join(", ")}` : `; all ${relevant.length} under`}` : "nothing measured";
  return { ok: relevant.length > 0 && failing.length === 0, label: "", figure, na: relevant.length === 0 };
}

async function main(): Promise<void> {
  const flags = parseFlags();
  keepTemp = flags.keep;
  const distDir = findBuild();
  const runStarted = Date.now();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-app-"));
  const secret = randomBytes(32).toString("hex");
  line(`bench:app: build ${distDir}/ (${fs.readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim()}), temporary files in ${tempDir}${flags.keep ? " (kept)" : ""}`);
  line(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  // ---- 1. registries and imports
  heading("Import through the app");
  const started = Date.now();
  const doc = generate({ transfers: flags.transfers, parties: flags.parties, safeguards: flags.safeguards, seed: flags.seed });
  const text = JSON.stringify(doc);
  line(`   generated ${describeDocument(doc)}: ${bytes(Buffer.byteLength(text))} in ${seconds(Date.now() - started)}`);
  const via = importVia(distDir);
  line(`   import via ${via === "route" ? "POST /api/registry/import?mode=preview|apply (the import route)" : "tRPC registry.preview + registry.import (no import route in this build)"}`);

  let small: ImportFigures | undefined;
  if (flags.small > 0) {
    const smallDoc = generate({
      transfers: flags.small,
      parties: Math.max(20, Math.round((flags.small * flags.parties) / flags.transfers)),
      safeguards: flags.safeguards === undefined ? undefined : Math.max(3, Math.round((flags.small * flags.safeguards) / flags.transfers)),
      seed: flags.seed,
    });
    const smallText = JSON.stringify(smallDoc);
    const dbPath = path.join(tempDir, "small.db");
    createUser(dbPath, USERS.dpo, PASSWORD);
    const server = await startNextServer({ distDir, dbPath, logFile: path.join(tempDir, "server-small.log"), secret });
    try {
      const client = new HttpClient(server.url, flags.timeoutMs, 2);
      const dpo = await signIn(client, USERS.dpo.email, PASSWORD);
      client.close();
      line(`   small registry: ${describeDocument(smallDoc)}, ${bytes(Buffer.byteLength(smallText))}, into a fresh database`);
      small = await importThroughApp(server, dpo, via, smallText, flags.small, `${count(flags.small)} transfers`, flags.timeoutMs);
    } finally {
      await server.group.stop();
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${dbPath}${suffix}`, { force: true });
    }
  }

  const dbPath = path.join(tempDir, "bench.db");
  createUser(dbPath, USERS.dpo, PASSWORD);
  createUser(dbPath, USERS.procurement, PASSWORD);
  createUser(dbPath, USERS.admin, PASSWORD); // the full export (contacts, notes) is the administrator's
  const importServer = await startNextServer({ distDir, dbPath, logFile: path.join(tempDir, "server-import.log"), secret });
  const rss = new RssPoller(importServer.group.pid);
  rss.start();
  const importClient = new HttpClient(importServer.url, flags.timeoutMs, 4);
  const importer = await signIn(importClient, USERS.dpo.email, PASSWORD);
  line(`   import server ${importServer.url} (pid ${importServer.group.pid}); signed in ${importer.email}`);

  rss.setPhase("import");
  line(`   full registry into a fresh database:`);
  const full = await importThroughApp(importServer, importer, via, text, flags.transfers, `${count(flags.transfers)} transfers`, flags.timeoutMs);
  if (!full.apply.ok) throw new Error(`the app's import refused the generated registry: ${full.apply.summary}`);
  const exported = await exportRegistry(importClient, await signIn(importClient, USERS.admin.email, PASSWORD));
  line(`   ${pad("export (GET /api/registry/export)", 34)} ${padStart(seconds(exported.ms), 9)}  ${exported.status ? `HTTP ${exported.status}` : exported.error}, ${bytes(Buffer.byteLength(exported.text))}`);
  let reimport: ImportFigures | undefined;
  if (exported.ok) reimport = await importThroughApp(importServer, importer, via, exported.text, flags.transfers, "re-import of the export", flags.timeoutMs);
  line(`   server RSS peak during the imports: ${rssText(rss.peak(["import"]))}`);
  rss.stop();
  importClient.close();
  await importServer.group.stop();

  // As the issue describes it: the registry is applied through the import, then the production server is
  // started on it and measured (the import's own memory peak is reported above, not carried into serving).
  const server = await startNextServer({ distDir, dbPath, logFile: path.join(tempDir, "server.log"), secret });
  rss.retarget(server.group.pid);
  rss.start();
  const app = new HttpClient(server.url, flags.timeoutMs, flags.clients + 16);
  const dpo = await signIn(app, USERS.dpo.email, PASSWORD);
  const procurement = await signIn(app, USERS.procurement.email, PASSWORD);
  line(`   server ${server.url} (pid ${server.group.pid}); signed in ${dpo.email} and ${procurement.email}`);

  // ---- 2. what to measure
  rss.setPhase("measure");
  const ids = pickDetailIds(doc);
  const ctx: Context = { flags, app, dpo, procurement };
  const discover = async <T>(procedure: string, input?: unknown): Promise<T | undefined> => {
    const r = await trpcQuery<T>(app, dpo, procedure, input);
    return r.outcome.ok ? r.outcome.data : undefined;
  };
  type ListPage = { items: { id: string; name?: string }[] };
  const [overview, transfersAll, unsafeguarded, partyList, safeguardList, transferView, partyView] = await Promise.all([
    discover<{ attention?: { id: string }[] }>("dashboard.overview", {}),
    discover<ListPage>("transfer.list", LIST_INPUTS.transfersAll),
    discover<ListPage>("transfer.list", LIST_INPUTS.transfersUnsafeguarded),
    discover<ListPage>("party.list", LIST_INPUTS.parties),
    discover<ListPage>("safeguard.list", LIST_INPUTS.safeguards),
    discover<TransferView>("transfer.byId", { id: ids.transferId }),
    discover<{ name: string }>("party.byId", { id: ids.partyId }),
  ]);
  const safeguardView = await discover<{ title?: string }>("safeguard.byId", { id: ids.safeguardId });
  const needles: PageNeedles = {
    overview: overview?.attention?.[0] ? `/transfers/${overview.attention[0].id}` : undefined,
    transfers: transfersAll?.items[0]?.id,
    unsafeguarded: unsafeguarded?.items[0]?.id,
    transfer: transferView?.recipient?.name,
    parties: partyList?.items[0]?.name,
    party: partyView?.name,
    safeguards: safeguardList?.items[0]?.id,
    safeguard: safeguardView?.title,
  };

  // The calls this app has (a missing procedure answers NOT_FOUND "No procedure found on path"), as factories
  // of the request for a given transfer and party.
  type Factory = (ids: Ids) => Endpoint;
  const callFactories: Factory[] = [];
  const notPresent: string[] = [];
  for (const spec of CALLS) {
    const probe = await trpcQuery(app, dpo, spec.procedure, undefined);
    if (!probe.outcome.ok && probe.outcome.code === "NOT_FOUND" && /no procedure/i.test(probe.outcome.message)) notPresent.push(spec.procedure);
    else callFactories.push((i) => callEndpoint(spec, i));
  }
  const searches: Endpoint[] = [];
  for (const search of SEARCH_CALLS) {
    const r = await trpcQuery(app, dpo, search.procedure, search.input);
    if (r.outcome.ok) searches.push(searchEndpoint(search.procedure, search.input));
    else if (!(r.outcome.code === "NOT_FOUND" && /no procedure/i.test(r.outcome.message))) line(`   !! ${search.procedure} ${JSON.stringify(search.input)} answered ${r.outcome.code}: ${r.outcome.message.slice(0, 120)}`);
  }
  for (const e of searches) callFactories.push(() => e);
  const pageFactories: Factory[] = pageEndpoints(ids, {}).map((p) => (i) => pageEndpoints(i, {}).find((q) => q.name === p.name)!);
  const measuredProcedures = new Set(CALLS.map((c) => c.procedure).concat(SEARCH_CALLS.map((x) => x.procedure)));
  const unmeasured = queriesUsedByPages().filter((p) => !measuredProcedures.has(p));
  line(`\n   detail pages: transfer ${ids.transferId}, party ${ids.partyId}, safeguard ${ids.safeguardId}`);
  if (notPresent.length) line(`   not in this app (skipped): ${notPresent.join(", ")}`);
  line(`   search/combobox calls: ${searches.length ? searches.map((e) => e.name).join(", ") : `none in this app (tried ${SEARCH_CALLS.map((x) => x.procedure).join(", ")})`}`);
  if (unmeasured.length) line(`   !! queries the pages make that this benchmark does not measure: ${unmeasured.join(", ")}`);

  const anchor = await startAnchor(dbPath, path.join(tempDir, "anchor.log"), flags.timeoutMs);
  ctx.anchor = anchor.client;
  line(
    `   anchor: raw SQLite page query ${anchor.verdicts ? "over the stored verdicts (transfer_verdict), ordered by status rank then id" : `WITHOUT a usable verdict store (${count(anchor.storedVerdicts)} stored verdicts for ${count(anchor.liveTransfers)} transfers): ordered by id, status filter ignored`}`,
  );

  // Order: the anchor right next to the list calls it is compared with, so both see the same machine load.
  const anchors = anchorEndpoints();
  const listFirst = (factories: Factory[]) => [...factories.filter((f) => f(ids).anchor), ...factories.filter((f) => !f(ids).anchor)];

  // ---- 3. warm
  // The server has answered a few dozen requests since it started. Without a pass over everything first, the
  // endpoints measured first (the list calls, compared with the anchor) would pay for V8 compiling the request
  // path: transfer.list measured 1.9 ms first and 1.3 ms right after, for the same page of the same store.
  const warmEndpoints = [...anchors, ...listFirst(callFactories).map((f) => f(ids)), ...pageEndpoints(ids, needles)];
  for (let round = 0; round < flags.warmup; round++) for (const endpoint of warmEndpoints) await requestEndpoint(ctx, endpoint, ctx.dpo, false);
  const warm: Measurement[] = [];
  for (const endpoint of warmEndpoints) warm.push(await measure(ctx, () => endpoint, { warmup: flags.warmup }));
  const anchorP50 = { all: warm.find((m) => m.endpoint === anchors[0])?.summary.p50, unsafeguarded: warm.find((m) => m.endpoint === anchors[1])?.summary.p50 };
  if (flags.keep) {
    fs.mkdirSync(path.join(tempDir, "pages"), { recursive: true });
    for (const m of warm) if (m.endpoint.kind === "page" && m.lastBody) fs.writeFileSync(path.join(tempDir, "pages", `${m.endpoint.path.replace(/[^a-z0-9-]+/gi, "_") || "_"}.html`), m.lastBody);
  }
  printMeasurements(`Warm: ${flags.samples} sequential requests each after ${flags.warmup} untimed (DPO session)`, warm, anchorP50);

  // ---- 4. right after an edit: sample i edits transfer i of a pool (its notes, as the edit form saves them), then
  // asks for the page or call, about that transfer and its recipient for the detail ones. A pool, not one
  // transfer, so that hundreds of edits do not grow one transfer's history far beyond a real one.
  rss.setPhase("after edit");
  const pool = editPool(doc, Math.max(flags.samples, 30));
  const editTimes: number[] = [];
  const editFailures: string[] = [];
  const edit = async (sample: number) => {
    const outcome = await editTransferNotes(app, procurement, pool[sample % pool.length]!.transferId);
    const save = outcome.requests.find((r) => r.write);
    if (save) editTimes.push(save.res.ms);
    if (outcome.kind !== "ok") editFailures.push(outcome.kind === "conflict" ? "CONFLICT" : (outcome.detail ?? "error"));
  };
  const afterEdit: Measurement[] = [];
  for (const factory of [...listFirst(callFactories), ...pageFactories]) {
    afterEdit.push(await measure(ctx, (sample) => factory(pool[sample % pool.length]!), { warmup: 0, before: edit }));
  }
  printMeasurements(`Right after an edit: each request follows its own transfer.update (${pool.length} transfers in turn)`, afterEdit, anchorP50);
  const editSummary = summarize(editTimes);
  line(`   the edits themselves (transfer.update): n ${editSummary.n}, p50 ${ms(editSummary.p50)}, p95 ${ms(editSummary.p95)}${editFailures.length ? `, ${editFailures.length} failed (${[...new Set(editFailures)].slice(0, 3).join("; ")})` : ""}`);

  // ---- dashboard (issue 10): trend and map data, cold after an edit (server/scripts/bench-app/dashboard.ts)
  heading("Dashboard: trend and map data, each right after its own edit");
  let dashboardEdits = 0;
  const dashboardTargets = await benchDashboard(app, dpo, () => editTransferNotes(app, procurement, pool[dashboardEdits++ % pool.length]!.transferId), line);

  // ---- JS per route (needs the server for the fallback)
  const js = await jsPerRoute(distDir, app, warm.filter((m) => m.endpoint.kind === "page"));

  // ---- 5. load
  let load: LoadResult | undefined;
  if (flags.durationMs > 0) {
    rss.setPhase("load");
    heading(`Load: ${flags.clients} concurrent clients for ${flags.durationMs / 1000} s, 95 % reads / 5 % writes`);
    const transferIds = doc.transfers.map((t) => t.id);
    const certifiedParties = doc.parties.filter((p) => p.certifications?.length).map((p) => p.id);
    load = await loadTest(ctx, [...callFactories, ...pageFactories], {
      transfers: spread(transferIds, 2000),
      parties: spread(
        doc.parties.map((p) => p.id),
        2000,
      ),
      safeguards: spread(
        (doc.safeguards ?? []).map((x) => x.id),
        2000,
      ),
      writeTransfers: spread(transferIds, 50),
      writeParties: spread(certifiedParties.length ? certifiedParties : doc.parties.map((p) => p.id), 50),
    });
    line(`   ${count(load.requests)} requests in ${seconds(load.elapsedMs)}: ${(load.requests / (load.elapsedMs / 1000)).toFixed(1)} requests/s`);
    line(`   all:    p50 ${ms(load.all.p50)}, p95 ${ms(load.all.p95)}, p99 ${ms(load.all.p99)}, max ${ms(load.all.max)}`);
    line(`   reads:  n ${count(load.reads.n)}, p50 ${ms(load.reads.p50)}, p95 ${ms(load.reads.p95)}, p99 ${ms(load.reads.p99)}`);
    line(`     of which pages: n ${count(load.pages.n)}, p50 ${ms(load.pages.p50)}, p95 ${ms(load.pages.p95)}, p99 ${ms(load.pages.p99)}`);
    line(`   writes: n ${count(load.writes.n)} (${count(load.writeOps)} write operations), p50 ${ms(load.writes.p50)}, p95 ${ms(load.writes.p95)}, p99 ${ms(load.writes.p99)}`);
    line(`   stale-edit conflicts (expected, not errors): ${load.conflicts}`);
    const errorTotal = [...load.errors.values()].reduce((a, b) => a + b, 0);
    line(`   errors: ${errorTotal}${errorTotal ? ` (${[...load.errors].map(([k, v]) => `${k}: ${v}`).join("; ")})` : ""}`);
    line(`   largest response: ${bytes(load.maxBytes)} (${load.maxBytesName})`);
    line(`   slowest: ${load.slowest.map((r) => `${r.name} ${ms(r.ms)}`).join("; ")}`);
    // SQLITE_BUSY: the 503 answers, plus any busy or locked error the server logged (a 500 would show there).
    const logged = (fs.readFileSync(path.join(tempDir, "server.log"), "utf8").match(/SQLITE_BUSY|database is locked/g) ?? []).length;
    load.busy += logged;
    line(`   SQLITE_BUSY: ${load.busy} (${load.busy - logged} answered 503, ${logged} in the server log)`);
  }
  // ---- custom targets (issue 10): each feature's bench-app/<area>.ts adds its lines here, while the server runs.
  const customTargets: TargetLine[] = [];
  customTargets.push(await benchScenarios(app, dpo, flags.transfers));

  rss.stop();
  heading("Server memory (VmRSS of next start and all its children, polled every 200 ms)");
  for (const [phase, sample] of rss.peaks) line(`   ${pad(phase, 12)} peak ${rssText(sample)}`);
  const servingPeak = rss.peak(["measure", "after edit", "load"]);

  await anchor.stop();
  anchor.client.close();
  app.close();
  await server.group.stop();

  // ---- 6. CLI and JS
  heading(`CLI check vs JSON.parse of the same ${bytes(Buffer.byteLength(text))} document (median of ${flags.cliRuns}, in-process)`);
  const cli = cliVersusParse(text, flags.cliRuns);
  line(`   runCheck (parse + validate + evaluate + JSON) ${ms(cli.cli)}; JSON.parse ${ms(cli.parse)}; ratio ${ratio(cli.cli / cli.parse)}`);

  heading(`Client JS per route, gzip (${js.source})`);
  for (const r of js.routes) line(`   ${pad(r.route, 40)} ${padStart(String(r.files), 3)} files ${padStart(bytes(r.gzipBytes), 10)}`);

  // ---- 7. targets
  const everything = [...warm, ...afterEdit].filter((m) => m.endpoint.kind !== "anchor");
  let largest = everything.reduce<{ bytes: number; name: string }>((best, m) => (m.maxBytes > best.bytes ? { bytes: m.maxBytes, name: m.endpoint.name } : best), { bytes: 0, name: "" });
  if (load && load.maxBytes > largest.bytes) largest = { bytes: load.maxBytes, name: `${load.maxBytesName} (load test)` };
  const overBudget = [...new Set(everything.filter((m) => m.maxBytes > TARGETS.maxBodyBytes).map((m) => `${m.endpoint.name} ${bytes(m.maxBytes)}`))];

  const targets: TargetLine[] = [];
  const add = (t: TargetLine, label: string) => targets.push({ ...t, label });
  add(worstOf(warm, "list", TARGETS.listP95Ms), "overview and every list p95 < 300 ms, warm");
  add(worstOf(afterEdit, "list", TARGETS.listP95Ms), "overview and every list p95 < 300 ms, right after an edit");
  add(worstOf(warm, "detail", TARGETS.detailP95Ms), "detail pages and their calls p95 < 100 ms, warm");
  add(worstOf(afterEdit, "detail", TARGETS.detailP95Ms), "detail pages and their calls p95 < 100 ms, right after an edit");
  add(
    { ok: largest.bytes <= TARGETS.maxBodyBytes, label: "", figure: `largest ${bytes(largest.bytes)} (${largest.name})${overBudget.length ? `; over: ${overBudget.join(", ")}` : ""}` },
    "no response body > 200 kB (pages, calls, load test)",
  );
  if (load) {
    const errorTotal = [...load.errors.values()].reduce((a, b) => a + b, 0);
    add(
      { ok: load.all.p95 < TARGETS.loadP95Ms && errorTotal === 0, label: "", figure: `p95 ${ms(load.all.p95)}, ${errorTotal} errors, ${(load.requests / (load.elapsedMs / 1000)).toFixed(1)} req/s, ${load.conflicts} conflicts` },
      `${flags.clients} clients: p95 < 1 s with 0 errors`,
    );
    add({ ok: load.busy === 0, label: "", figure: `${load.busy} (${load.writeOps} write operations among ${count(load.requests)} requests)` }, `${flags.clients} clients: 0 SQLITE_BUSY`);
  } else add({ ok: false, na: true, label: "", figure: "load test skipped (--duration 0)" }, `${flags.clients} clients: p95 < 1 s with 0 errors`);
  add(
    { ok: servingPeak !== undefined && servingPeak.totalKb * 1024 < TARGETS.rssBytes, label: "", figure: `peak ${servingPeak ? mb(servingPeak.totalKb) : "–"} while serving; ${rss.peak(["import"]) ? `${mb(rss.peak(["import"])!.totalKb)} during the import` : ""}` },
    "server RSS < 500 MB",
  );
  const listVsAnchor = warm.filter((m) => m.endpoint.anchor);
  const anchorFigures = listVsAnchor.map((m) => {
    const ref = anchorP50[m.endpoint.anchor!];
    return { name: m.endpoint.name, value: ref ? m.summary.p50 / ref : Number.NaN, p50: m.summary.p50, ref, failed: m.failures.length };
  });
  add(
    {
      ok: anchorFigures.length > 0 && anchorFigures.every((f) => f.value <= TARGETS.anchorRatio && f.failed === 0),
      label: "",
      figure:
        anchorFigures.map((f) => `${f.name} ${ratio(f.value)} (${ms(f.p50)} vs ${ms(f.ref ?? Number.NaN)})${f.failed ? ` but ${f.failed} failed` : ""}`).join("; ") +
        (anchor.verdicts ? "" : " [anchor without verdict store]"),
      na: anchorFigures.length === 0,
    },
    "transfers-list tRPC call p50 ≤ 3× the raw-SQLite anchor",
  );
  if (small) {
    add(
      { ok: small.apply.ok && small.apply.ms < TARGETS.smallImportMs, label: "", figure: `${seconds(small.apply.ms)} apply (${seconds(small.preview?.ms ?? Number.NaN)} preview)${small.apply.ok ? "" : " REFUSED"}` },
      `import of ${count(small.transfers)} transfers < 5 s${small.transfers === 10_000 ? "" : " (target is for 10,000)"}`,
    );
  } else add({ ok: false, na: true, label: "", figure: "skipped (--small 0)" }, "import of 10,000 transfers < 5 s");
  add(
    {
      ok: full.apply.ok && full.apply.ms < TARGETS.fullImportMs && Boolean(reimport?.apply.ok),
      label: "",
      figure: `${seconds(full.apply.ms)} apply (${seconds(full.preview?.ms ?? Number.NaN)} preview); re-import of its export ${reimport ? `${reimport.apply.ok ? "accepted" : "REFUSED"} in ${seconds(reimport.apply.ms)}` : `not done (export: ${exported.status ? `HTTP ${exported.status}` : exported.error})`}`,
    },
    `import of ${count(flags.transfers)} transfers < 60 s, re-import of its export accepted${flags.transfers === 100_000 ? "" : " (target is for 100,000)"}`,
  );
  for (const t of dashboardTargets) add(t, t.label); // dashboard (issue 10)
  add({ ok: cli.cli <= TARGETS.cliRatio * cli.parse, label: "", figure: `${ratio(cli.cli / cli.parse)} (${ms(cli.cli)} vs ${ms(cli.parse)})` }, `CLI check ≤ 3× JSON.parse (median of ${flags.cliRuns})`);
  const worstJs = [...js.routes].sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
  const jsOver = js.routes.filter((r) => r.gzipBytes >= TARGETS.jsGzipBytes);
  add(
    {
      ok: js.routes.length > 0 && jsOver.length === 0,
      label: "",
      figure: worstJs ? `worst ${bytes(worstJs.gzipBytes)} (${worstJs.route}); ${jsOver.length} of ${js.routes.length} routes over` : "no routes found",
      na: js.routes.length === 0,
    },
    "client JS per route < 200 kB gzip",
  );

  for (const t of customTargets) targets.push(t);

  heading(`Targets (${describeDocument(doc)}; ${((Date.now() - runStarted) / 60000).toFixed(1)} min)`);
  const labelWidth = Math.max(...targets.map((t) => t.label.length));
  for (const t of targets) line(`${t.na ? "n/a " : t.ok ? "PASS" : "FAIL"}  ${pad(t.label, labelWidth)}  ${t.figure}`);
  const failed = targets.filter((t) => !t.ok && !t.na).length;
  line(`\n${targets.length - failed - targets.filter((t) => t.na).length} PASS, ${failed} FAIL${targets.some((t) => t.na) ? `, ${targets.filter((t) => t.na).length} n/a` : ""}`);
  if (flags.keep) line(`Kept: ${tempDir}`);
}

main()
  .then(async () => {
    cleanupSync();
    await sleep(0);
    process.exit(0);
  })
  .catch((e: unknown) => {
    console.error(e instanceof UsageError ? `bench:app: ${e.message}` : `\nbench:app broke: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    cleanupSync();
    process.exit(e instanceof UsageError ? 2 : 1);
  });
