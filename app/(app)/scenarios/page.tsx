import type { Metadata } from "next";
import { Suspense } from "react";
import { TableSkeleton } from "@/app/_components/ui/states";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { SCENARIO_LIST_INPUT } from "./scenario-inputs";
import { ScenarioList } from "./scenario-list";

export const metadata: Metadata = { title: "What-if scenarios" };

export default async function ScenariosPage() {
  await prefetch(trpc.scenario.list.queryOptions(SCENARIO_LIST_INPUT));
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton />}>
        <ScenarioList />
      </Suspense>
    </HydrateClient>
  );
}
