import type { Metadata } from "next";
import { Suspense } from "react";
import { SAFEGUARD_LIST_DEFAULTS, safeguardListInput, urlStateFrom } from "@/app/_components/list-inputs";
import { TableSkeleton } from "@/app/_components/ui/states";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { SafeguardList } from "./safeguard-list";

export const metadata: Metadata = { title: "Safeguards" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SafeguardsPage({ searchParams }: { searchParams: SearchParams }) {
  await prefetch(trpc.safeguard.list.queryOptions(safeguardListInput(urlStateFrom(SAFEGUARD_LIST_DEFAULTS, await searchParams))));
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton />}>
        <SafeguardList />
      </Suspense>
    </HydrateClient>
  );
}
