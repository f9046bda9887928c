import type { Metadata } from "next";
import { recordTitle } from "@/app/_components/record-title";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { TransferDetailView } from "./transfer-detail";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return recordTitle(trpc.transfer.byId.queryOptions({ id }), (t: { exporter: { name: string }; recipient: { name: string } }) => `${t.exporter.name} → ${t.recipient.name}`, "Transfer");
}

export default async function TransferPage({ params }: Params) {
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
