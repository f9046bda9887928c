import type { Metadata } from "next";
import { getQueryClient } from "@/app/_trpc/server";

/**
 * A record page's title from the record itself ("Kestrelform GmbH → Quanta · Transfer"), read through the
 * request's query client: the page's own prefetch of the same query then reuses the result. A record that
 * cannot be read (missing, not allowed) keeps the generic title. Server components only.
 */
export async function recordTitle<T>(query: { queryKey: readonly unknown[] }, name: (data: T) => string, kind: string): Promise<Metadata> {
  try {
    const data = (await getQueryClient().fetchQuery(query as Parameters<ReturnType<typeof getQueryClient>["fetchQuery"]>[0])) as T;
    return { title: `${name(data)} · ${kind}` };
  } catch {
    return { title: kind };
  }
}
