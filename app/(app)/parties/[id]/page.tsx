import type { Metadata } from "next";
import { recordTitle } from "@/app/_components/record-title";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PartyDetailView } from "./party-detail";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return recordTitle(trpc.party.byId.queryOptions({ id }), (p: { name: string }) => p.name, "Party");
}

export default async function PartyPage({ params }: Params) {
  const { id } = await params;
  await prefetch(
    trpc.party.byId.queryOptions({ id }),
    trpc.transfer.byParty.queryOptions({ partyId: id }),
    trpc.certification.list.queryOptions({ partyId: id }),
    trpc.category.list.queryOptions(),
  );
  return (
    <HydrateClient>
      <PartyDetailView id={id} />
    </HydrateClient>
  );
}
