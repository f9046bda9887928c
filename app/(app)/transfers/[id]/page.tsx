import type { Metadata } from "next";
import { asOfFrom } from "@/app/_components/as-of-params";
import { recordTitle } from "@/app/_components/record-title";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { TransferDetailView } from "./transfer-detail";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Params): Promise<Metadata> {
  const { id } = await params;
  const asOf = asOfFrom(await searchParams);
  return recordTitle(trpc.transfer.byId.queryOptions({ id, asOf }), (t: { exporter: { name: string }; recipient: { name: string } }) => `${t.exporter.name} → ${t.recipient.name}`, "Transfer");
}

export default async function TransferPage({ params, searchParams }: Params) {
  const { id } = await params;
  // The same as-of date the client components read from the URL, so the first HTML shows that day's verdict.
  const asOf = asOfFrom(await searchParams);
  await prefetch(
    trpc.transfer.byId.queryOptions({ id, asOf }),
    trpc.transfer.coverage.queryOptions({ id, asOf }),
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
