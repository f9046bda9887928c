import type { Metadata } from "next";
import { asOfFrom } from "@/app/_components/as-of-params";
import { recordTitle } from "@/app/_components/record-title";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { SafeguardDetailView } from "./safeguard-detail";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Params): Promise<Metadata> {
  const { id } = await params;
  const asOf = asOfFrom(await searchParams);
  return recordTitle(trpc.safeguard.byId.queryOptions({ id, asOf }), (s: { title: string }) => s.title, "Safeguard");
}

export default async function SafeguardPage({ params, searchParams }: Params) {
  const { id } = await params;
  // The relying transfers' statuses as of the URL's date, as the client component asks for them.
  await prefetch(trpc.safeguard.byId.queryOptions({ id, asOf: asOfFrom(await searchParams) }));
  return (
    <HydrateClient>
      <SafeguardDetailView id={id} />
    </HydrateClient>
  );
}
