/**
 * The thin adapters of `npm run bench:app` over the parts other work is changing:
 * - the registry generator (`server/scripts/generate-registry.ts`);
 * - the app's import, over HTTP of the production server: the import route
 *   (`POST /api/registry/import?mode=preview|apply`, the document as the JSON body) when the build has it,
 *   otherwise the tRPC procedures the registry page uses (`registry.preview`, `registry.import`, `{ text }`).
 */
import fs from "node:fs";
import path from "node:path";
import type { RegistryDocument } from "../../domain/registry/types";
import { generateRegistry } from "../generate-registry";
import { type HttpClient, type HttpResult, parseTrpc, type Session, trpcMutationBody, withSession } from "./http";

export interface GenerateOptions {
  transfers: number;
  parties: number;
  /** Undefined: the generator's natural share (about 0.4 per transfer). */
  safeguards?: number;
  seed: number;
}

export function generate(options: GenerateOptions): RegistryDocument {
  return generateRegistry({ transfers: options.transfers, parties: options.parties, safeguards: options.safeguards, seed: options.seed });
}

export function describeDocument(doc: RegistryDocument): string {
  const certifications = doc.parties.reduce((n, p) => n + (p.certifications?.length ?? 0), 0);
  const tias = doc.transfers.reduce((n, t) => n + (t.tia ? 1 : 0), 0);
  const fmt = (n: number) => n.toLocaleString("en");
  return `${fmt(doc.transfers.length)} transfers, ${fmt(doc.parties.length)} parties, ${fmt(doc.safeguards?.length ?? 0)} safeguards, ${fmt(certifications)} certifications, ${fmt(tias)} TIAs`;
}

export type ImportVia = "route" | "trpc";

/** Which import the build serves: the HTTP route when its compiled handler is in the build. */
export function importVia(distDir: string): ImportVia {
  return fs.existsSync(path.join(distDir, "server", "app", "api", "registry", "import", "route.js")) ? "route" : "trpc";
}

export interface ImportStep {
  ok: boolean;
  ms: number;
  /** HTTP status, or 0. */
  status: number;
  /** A short description of the answer: counts on success, the first errors otherwise. */
  summary: string;
  /** The plan hash from a preview, passed on to apply. */
  planHash?: string;
}

const IMPORT_TIMEOUT_MS = 15 * 60_000;

function summarizeAnswer(answer: unknown): string {
  const a = answer as {
    counts?: Record<string, { added: number; changed: number; unchanged: number }>;
    kinds?: Record<string, { counts: { added: number; changed: number; unchanged: number } }>;
    totalChanges?: number;
    auditRows?: number;
    error?: string;
    errors?: { path: string; message: string }[];
  } | null;
  if (!a || typeof a !== "object") return String(answer).slice(0, 200);
  if (a.error && !a.errors?.length) return `refused: ${a.error.slice(0, 300)}`;
  if (a.errors?.length) return `refused: ${a.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join("; ")}${a.errors.length > 3 ? ` (+${a.errors.length - 3})` : ""}`;
  const counts = a.counts ?? (a.kinds ? Object.fromEntries(Object.entries(a.kinds).map(([k, v]) => [k, v.counts])) : undefined);
  const parts = counts ? Object.entries(counts).map(([k, c]) => `${k} +${c.added}/~${c.changed}/=${c.unchanged}`) : [];
  if (a.totalChanges !== undefined) parts.push(`${a.totalChanges} changes`);
  if (a.auditRows !== undefined) parts.push(`${a.auditRows} audit rows`);
  return parts.join(", ") || JSON.stringify(a).slice(0, 200);
}

async function viaRoute(client: HttpClient, session: Session, text: string, mode: "preview" | "apply", planHash?: string): Promise<ImportStep> {
  const query = new URLSearchParams({ mode, fileName: "bench-app.json", ...(planHash ? { planHash } : {}) });
  const res: HttpResult = await client.request(`/api/registry/import?${query}`, {
    method: "POST",
    headers: withSession(session, { "content-type": "application/json", origin: client.origin }),
    body: text,
    keepBody: true,
    timeoutMs: IMPORT_TIMEOUT_MS,
  });
  let answer: unknown = res.body;
  try {
    answer = JSON.parse(res.body ?? "");
  } catch {
    // not JSON: keep the text
  }
  const a = answer as { ok?: boolean; planHash?: string; errors?: unknown[] } | null;
  const ok = res.status >= 200 && res.status < 300 && a?.ok !== false && !(Array.isArray(a?.errors) && a.errors.length > 0);
  return { ok, ms: res.ms, status: res.status, summary: res.status === 0 ? (res.error ?? "no answer") : summarizeAnswer(answer), planHash: a?.planHash };
}

async function viaTrpc(client: HttpClient, session: Session, text: string, mode: "preview" | "apply", planHash?: string): Promise<ImportStep> {
  const procedure = mode === "preview" ? "registry.preview" : "registry.import";
  const res = await client.request(`/api/trpc/${procedure}`, {
    method: "POST",
    headers: withSession(session, { "content-type": "application/json", origin: client.origin }),
    body: trpcMutationBody({ text, fileName: "bench-app.json", ...(planHash && mode === "apply" ? { planHash } : {}) }),
    keepBody: true,
    timeoutMs: IMPORT_TIMEOUT_MS,
  });
  const outcome = parseTrpc<{ ok?: boolean; planHash?: string }>(res);
  if (!outcome.ok) return { ok: false, ms: res.ms, status: res.status, summary: `${outcome.code}: ${outcome.message.slice(0, 300)}` };
  const ok = outcome.data.ok !== false;
  return { ok, ms: res.ms, status: res.status, summary: summarizeAnswer(outcome.data), planHash: outcome.data.planHash };
}

/** One import step through the app: preview (changes nothing) or apply (all or nothing). */
export function importStep(via: ImportVia, client: HttpClient, session: Session, text: string, mode: "preview" | "apply", planHash?: string): Promise<ImportStep> {
  return via === "route" ? viaRoute(client, session, text, mode, planHash) : viaTrpc(client, session, text, mode, planHash);
}

/** The registry as the app exports it (GET /api/registry/export). */
export async function exportRegistry(client: HttpClient, session: Session): Promise<{ ok: boolean; ms: number; text: string; status: number; error?: string }> {
  const res = await client.request("/api/registry/export", { headers: withSession(session), keepBody: true, timeoutMs: IMPORT_TIMEOUT_MS });
  return { ok: res.status === 200, ms: res.ms, text: res.body ?? "", status: res.status, error: res.error };
}
