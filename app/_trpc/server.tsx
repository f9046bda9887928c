/**
 * Server-side prefetching (the tRPC + TanStack Query server-prefetch pattern): a page's server component
 * runs the same procedures the client components will ask for, in-process and with the signed-in user's
 * context, and hands the results to the client cache through `<HydrateClient>`. A directly loaded page then
 * has its data in the first HTML; client navigation keeps using the client cache. Server components only.
 */
import { dehydrate, HydrationBoundary, type QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { sessionUserFromHeaders } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { makeQueryClient } from "./query-client";

/** One query client per request (React `cache` is per request on the server). */
export const getQueryClient = cache(() => makeQueryClient("server"));

/** The signed-in user of this request, looked up once per request (the layout and every prefetch share it). */
export const getSessionUser = cache(async () => sessionUserFromHeaders(await headers()));

const getContext = cache(async () => ({ db: getDb(), user: await getSessionUser() }));

export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

/** Runs the queries on the server before the page renders; a failure is left for the client to show. */
export async function prefetch(...queries: { queryKey: readonly unknown[] }[]): Promise<void> {
  const client = getQueryClient();
  await Promise.all(queries.map((q) => client.prefetchQuery(q as Parameters<QueryClient["prefetchQuery"]>[0])));
}

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
