import type { Metadata } from "next";
import { Suspense } from "react";
import { OVERVIEW_DEFAULTS, overviewInput, urlStateFrom } from "@/app/_components/list-inputs";
import { TableSkeleton } from "@/app/_components/ui/states";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { Overview } from "./overview";

export const metadata: Metadata = { title: "Overview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  await prefetch(trpc.dashboard.overview.queryOptions(overviewInput(urlStateFrom(OVERVIEW_DEFAULTS, await searchParams))));
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton />}>
        <Overview />
      </Suspense>
    </HydrateClient>
  );
}
