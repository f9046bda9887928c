import type { Metadata } from "next";
import { recordTitle } from "@/app/_components/record-title";
import { trpc } from "@/app/_trpc/server";
import { requireAllowed } from "@/app/_components/require-allowed";
import { EditParty } from "./edit-party";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return recordTitle(trpc.party.byId.queryOptions({ id }), (p: { name: string }) => p.name, "Edit party");
}

export default async function EditPartyPage({ params }: Params) {
  await requireAllowed("party.update");
  const { id } = await params;
  return <EditParty id={id} />;
}
