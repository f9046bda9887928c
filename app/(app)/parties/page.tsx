import type { Metadata } from "next";
import { Suspense } from "react";
import { PARTY_LIST_DEFAULTS, partyListInput, urlStateFrom } from "@/app/_components/list-inputs";
import { TableSkeleton } from "@/app/_components/ui/states";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PartyList } from "./party-list";

export const metadata: Metadata = { title: "Parties" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PartiesPage({ searchParams }: { searchParams: SearchParams }) {
  await prefetch(trpc.party.list.queryOptions(partyListInput(urlStateFrom(PARTY_LIST_DEFAULTS, await searchParams))));
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton />}>
        <PartyList />
      </Suspense>
    </HydrateClient>
  );
}
