import type { Metadata } from "next";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { TransferDetailView } from "./transfer-detail";

export const metadata: Metadata = { title: "Transfer" };

export default async function TransferPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await prefetch(
    trpc.transfer.byId.queryOptions({ id }),
    trpc.transfer.coverage.queryOptions({ id }),
    trpc.tia.list.queryOptions({ transferId: id }),
    trpc.purpose.list.queryOptions(),
    trpc.category.list.queryOptions(),
  );
  return (
    <HydrateClient>
      <TransferDetailView id={id} />
    </HydrateClient>
  );
}
