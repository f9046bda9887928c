import type { APIRequestContext } from "@playwright/test";

/**
 * Calls a tRPC procedure over HTTP with the request context's cookies,
 * exactly as a forged or scripted client would (superjson envelope).
 */
export async function trpcCall(request: APIRequestContext, path: string, input: unknown, kind: "query" | "mutation" = "mutation") {
  const response =
    kind === "mutation"
      ? await request.post(`/api/trpc/${path}`, { data: { json: input } })
      : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = (await response.json()) as { result?: { data?: { json?: unknown } }; error?: { json?: { message: string; data?: { code?: string } } } };
  return { status: response.status(), data: body.result?.data?.json, error: body.error?.json };
}

export interface CreatedParty {
  id: string;
  version: number;
  name: string;
}

export async function createPartyViaApi(request: APIRequestContext, name: string, overrides: Record<string, unknown> = {}): Promise<CreatedParty> {
  const { status, data, error } = await trpcCall(request, "party.create", {
    name,
    relationship: "service_provider",
    serviceCategory: "it_hosting",
    country: "US",
    processingLocations: ["US"],
    dataCategories: ["contact"],
    ccpaSale: false,
    ccpaShare: false,
    ...overrides,
  });
  if (status !== 200) throw new Error(`party.create failed (${status}): ${error?.message}`);
  return data as CreatedParty;
}
