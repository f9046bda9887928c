/**
 * POST /api/files/upload?kind=signed_contract&safeguardId=…&fileName=… (or kind=tia_document&tiaId=…): the body
 * is the PDF itself (`Content-Type: application/pdf`), read as a stream up to MAX_UPLOAD_BYTES (20 MB; larger:
 * 413, nothing stored). The bytes must start with `%PDF-`; the file name must not hold a path. Stored under the
 * data folder named by its SHA-256. Permission `file.upload` (procurement, DPO). Audited.
 *
 * Outside the proxy (proxy.ts matcher), which would buffer the body: the same cross-site check is made here.
 */
import { getDb } from "@/db/client";
import { sessionUserFromHeaders } from "@/server/api/context";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { appErrorResponse, jsonResponse, refuse } from "@/server/http/file-responses";
import { configuredOrigins, crossSiteRefusal } from "@/server/http/security";
import { uploadFile, type FileTarget } from "@/server/services/contract-files";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from "@/server/services/file-store";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const tooLarge = () => refuse(413, `The file is larger than ${MAX_UPLOAD_LABEL}, the most one upload may be. Nothing was stored.`);

async function readBody(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

export async function POST(request: Request): Promise<Response> {
  const crossSite = crossSiteRefusal(request.method, request.headers, configuredOrigins());
  if (crossSite) return refuse(403, `Cross-site request refused (${crossSite}).`);
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return refuse(401, "Please sign in.");
  if (!can(user.role, "file.upload")) return refuse(403, `Your role (${user.role}) may not upload documents.`);
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind");
  let target: FileTarget;
  if (kind === "signed_contract" && params.get("safeguardId")) target = { kind, safeguardId: params.get("safeguardId")! };
  else if (kind === "tia_document" && params.get("tiaId")) target = { kind, tiaId: params.get("tiaId")! };
  else return refuse(400, "Say what the document is for: kind=signed_contract with safeguardId, or kind=tia_document with tiaId.");
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) return tooLarge();
  const bytes = await readBody(request, MAX_UPLOAD_BYTES);
  if (bytes === null) return tooLarge();
  const actor: Actor = { kind: "user", ...user };
  try {
    const row = uploadFile(getDb(), actor, target, { name: params.get("fileName") ?? "", contentType: request.headers.get("content-type") ?? "", bytes });
    return jsonResponse(201, row);
  } catch (e) {
    return appErrorResponse(e);
  }
}
