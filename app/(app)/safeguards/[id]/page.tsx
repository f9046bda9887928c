import type { Metadata } from "next";
import { recordTitle } from "@/app/_components/record-title";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { SafeguardDetailView } from "./safeguard-detail";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return recordTitle(trpc.safeguard.byId.queryOptions({ id }), (s: { title: string }) => s.title, "Safeguard");
}

export default async function SafeguardPage({ params }: Params) {
  const { id } = await params;
  await prefetch(trpc.safeguard.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <SafeguardDetailView id={id} />
    </HydrateClient>
  );
}
