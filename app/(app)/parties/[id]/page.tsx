import type { Metadata } from "next";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PartyDetailView } from "./party-detail";

export const metadata: Metadata = { title: "Party" };

export default async function PartyPage({ params }: { params: Promise<{ id: string }> }) {
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
