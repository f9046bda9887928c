import type { Metadata } from "next";
import { Suspense } from "react";
import { OVERVIEW_DEFAULTS, overviewInput, urlStateFrom } from "@/app/_components/list-inputs";
import { TableSkeleton } from "@/app/_components/ui/states";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { Overview } from "./overview";
import { TrendCard } from "./_dashboard/trend-card";
import { MAP_REGIMES, type MapRegime, WorldMapCard } from "./_dashboard/world-map";
import { asOfFrom } from "@/app/_components/as-of-params";
import { Card } from "@/app/_components/ui/card";
import { Skeleton } from "@/app/_components/ui/states";

export const metadata: Metadata = { title: "Overview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await prefetch(trpc.dashboard.overview.queryOptions(overviewInput(urlStateFrom(OVERVIEW_DEFAULTS, params))));
  const asOf = asOfFrom(params);
  const mapRegime: MapRegime = (MAP_REGIMES as readonly string[]).includes(String(params.mapRegime)) ? (params.mapRegime as MapRegime) : "EU";
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton />}>
        <Overview />
      </Suspense>
      <div className="mt-6 grid gap-6 2xl:grid-cols-2">
        <Suspense fallback={<Skeleton className="h-96 w-full" />}>
          <TrendCard />
        </Suspense>
        <Suspense
          fallback={
            <Card>
              <Skeleton className="h-96 w-full" />
            </Card>
          }
        >
          <WorldMapCard asOf={asOf} regime={mapRegime} />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
