import type { Metadata } from "next";
import { recordTitle } from "@/app/_components/record-title";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { runInput } from "../scenario-inputs";
import { ScenarioDetail } from "./scenario-detail";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return recordTitle(trpc.scenario.byId.queryOptions({ id }), (s: { name: string }) => s.name, "What-if");
}

export default async function ScenarioPage({ params, searchParams }: Params) {
  const { id } = await params;
  const sp = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  await prefetch(trpc.scenario.byId.queryOptions({ id }), trpc.scenario.run.queryOptions(runInput(id, { filter: first(sp.filter), page: first(sp.page) })));
  return (
    <HydrateClient>
      <ScenarioDetail id={id} />
    </HydrateClient>
  );
}
