/**
 * POST /api/registry/import?mode=preview|apply: upload a whole `transfer-registry/v1` document.
 *
 *   curl -X POST 'http://localhost:3000/api/registry/import?mode=preview&fileName=registry.json' \
 *        -H 'Content-Type: application/json' -H "Cookie: $SESSION" --data-binary @registry.json
 *
 * - The body is the document itself (UTF-8 JSON, `Content-Type: application/json`), streamed to a temporary
 *   file up to MAX_IMPORT_BYTES (256 MB; the app's export of 100,000 transfers is ~80–110 MB). Larger: 413,
 *   nothing read further, nothing changed. The preview and the apply run in a child process
 *   (server/jobs/run-registry-job.ts): the server's own memory stays small and it keeps answering meanwhile.
 * - Query: `mode` (required), `fileName` (optional, ≤ 255 characters, recorded in the audit row), and for
 *   `mode=apply` `planHash` (optional: the preview's; the apply is refused with 409 if the registry changed since).
 * - Permission: `registry.import` (procurement, DPO), from the session cookie, as every tRPC procedure:
 *   401 signed out, 403 other roles.
 * - Answers (JSON): preview → 200 with `RegistryImportPreview` (`ok: false` + `errors[]` with JSON paths for a
 *   document with errors); apply → 200 with `RegistryImportResult`, 400 `{ error, errors }` for a document with
 *   errors, 409 `{ error }` when the registry changed since the preview. Errors always change nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sessionUserFromHeaders } from "@/server/api/context";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { AppError } from "@/server/errors";
import { MAX_IMPORT_BYTES, MAX_IMPORT_SIZE_LABEL } from "@/server/schemas/registry-import";
import { runRegistryJob } from "@/server/jobs/run-registry-job";
import { RegistryImportRejected, registryImportOptionsSchema } from "@/server/services/registry-import";
import { configuredOrigins, crossSiteRefusal, SECURITY_HEADERS } from "@/server/http/security";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { ...SECURITY_HEADERS, "Cache-Control": "no-store" } });
const refuse = (status: number, message: string) => json(status, { error: message });

const tooLarge = () =>
  refuse(
    413,
    `The document is larger than ${MAX_IMPORT_SIZE_LABEL}, the most the registry imports at once. Nothing was imported. Split it into several documents (each with the parties and safeguards its transfers refer to) and import them one after another: an import never deletes.`,
  );

/**
 * The body written to a temporary file, or null as soon as it exceeds `limit` bytes (the rest is not read, the
 * file is removed). A 100 MB upload never sits in the server's memory: the import reads it in its own process.
 */
async function saveBody(request: Request, limit: number, file: string): Promise<boolean> {
  const out = fs.createWriteStream(file);
  const written = new Promise<void>((resolve, reject) => {
    out.once("finish", resolve);
    out.once("error", reject);
  });
  let size = 0;
  let fits = true;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        fits = false;
        await reader.cancel();
        break;
      }
      if (!out.write(value)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  }
  out.end();
  await written;
  return fits;
}

export async function POST(request: Request): Promise<Response> {
  // The proxy does not run here (it would buffer the body): the same cross-site check as every other POST.
  const crossSite = crossSiteRefusal(request.method, request.headers, configuredOrigins());
  if (crossSite) return refuse(403, `Cross-site request refused (${crossSite}).`);
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return refuse(401, "Please sign in.");
  if (!can(user.role, "registry.import")) return refuse(403, `Your role (${user.role}) may not import a registry.`);

  const params = new URL(request.url).searchParams;
  const options = registryImportOptionsSchema.safeParse({
    mode: params.get("mode") ?? undefined,
    fileName: params.get("fileName") ?? undefined,
    planHash: params.get("planHash") ?? undefined,
  });
  if (!options.success) return refuse(400, options.error.issues.map((i) => i.message).join(" "));
  // A JSON body cannot be sent cross-site without a CORS preflight, which this route never grants.
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) return refuse(415, "Send the document as the request body with Content-Type: application/json.");
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) return tooLarge();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-import-"));
  const file = path.join(dir, "upload.json");
  try {
    if (!(await saveBody(request, MAX_IMPORT_BYTES, file))) return tooLarge();
    const { mode, fileName, planHash } = options.data;
    if (mode === "preview") return json(200, await runRegistryJob({ kind: "preview", file, fileName }));
    const actor: Actor = { kind: "user", ...user };
    try {
      return json(200, await runRegistryJob({ kind: "apply", file, fileName, planHash, actor }));
    } catch (e) {
      if (e instanceof RegistryImportRejected) return json(400, { error: e.message, errors: e.errors });
      if (e instanceof AppError) return refuse(e.code === "CONFLICT" ? 409 : e.code === "FORBIDDEN" ? 403 : e.code === "NOT_FOUND" ? 404 : 400, e.message);
      throw e;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
