import type { Metadata } from "next";
import { Suspense } from "react";
import { TRANSFER_LIST_DEFAULTS, transferListInput, urlStateFrom } from "@/app/_components/list-inputs";
import { TableSkeleton } from "@/app/_components/ui/states";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { TransferList } from "./transfer-list";

export const metadata: Metadata = { title: "Transfers" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TransfersPage({ searchParams }: { searchParams: SearchParams }) {
  await prefetch(trpc.transfer.list.queryOptions(transferListInput(urlStateFrom(TRANSFER_LIST_DEFAULTS, await searchParams))));
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton />}>
        <TransferList />
      </Suspense>
    </HydrateClient>
  );
}
