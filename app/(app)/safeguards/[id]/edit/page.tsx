import type { Metadata } from "next";
import { recordTitle } from "@/app/_components/record-title";
import { trpc } from "@/app/_trpc/server";
import { requireAllowed } from "@/app/_components/require-allowed";
import { EditSafeguard } from "./edit-safeguard";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return recordTitle(trpc.safeguard.byId.queryOptions({ id }), (s: { title: string }) => s.title, "Edit safeguard");
}

export default async function EditSafeguardPage({ params }: Params) {
  await requireAllowed("safeguard.update");
  const { id } = await params;
  return <EditSafeguard id={id} />;
}
