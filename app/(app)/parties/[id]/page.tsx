import type { Metadata } from "next";
import { asOfFrom } from "@/app/_components/as-of-params";
import { recordTitle } from "@/app/_components/record-title";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PartyDetailView } from "./party-detail";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return recordTitle(trpc.party.byId.queryOptions({ id }), (p: { name: string }) => p.name, "Party");
}

export default async function PartyPage({ params, searchParams }: Params) {
  const { id } = await params;
  // The party's transfers and worst status as of the URL's date, as the client components ask for them.
  const asOf = asOfFrom(await searchParams);
  await prefetch(
    trpc.party.byId.queryOptions({ id }),
    trpc.transfer.byParty.queryOptions({ partyId: id, asOf }),
    trpc.certification.list.queryOptions({ partyId: id }),
    trpc.category.list.queryOptions(),
  );
  return (
    <HydrateClient>
      <PartyDetailView id={id} />
    </HydrateClient>
  );
}
