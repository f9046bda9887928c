import type { Metadata } from "next";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { SafeguardDetailView } from "./safeguard-detail";

export const metadata: Metadata = { title: "Safeguard" };

export default async function SafeguardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await prefetch(trpc.safeguard.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <SafeguardDetailView id={id} />
    </HydrateClient>
  );
}
