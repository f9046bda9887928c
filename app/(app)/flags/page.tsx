import type { Metadata } from "next";
import { Suspense } from "react";
import { urlStateFrom } from "@/app/_components/list-inputs";
import { TableSkeleton } from "@/app/_components/ui/states";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { FLAG_LIST_DEFAULTS, flagListInput } from "./flag-inputs";
import { FlagList } from "./flag-list";

export const metadata: Metadata = { title: "Flags" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function FlagsPage({ searchParams }: { searchParams: SearchParams }) {
  await prefetch(trpc.flag.list.queryOptions(flagListInput(urlStateFrom(FLAG_LIST_DEFAULTS, await searchParams))));
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton />}>
        <FlagList />
      </Suspense>
    </HydrateClient>
  );
}
