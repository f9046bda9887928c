import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { EditScenario } from "./edit-scenario";

export const metadata: Metadata = { title: "Edit what-if scenario" };

export default async function EditScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAllowed("scenario.manage");
  const { id } = await params;
  await prefetch(trpc.scenario.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <EditScenario id={id} />
    </HydrateClient>
  );
}
