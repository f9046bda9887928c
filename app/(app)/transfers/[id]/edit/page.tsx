import type { Metadata } from "next";
import { recordTitle } from "@/app/_components/record-title";
import { trpc } from "@/app/_trpc/server";
import { requireAllowed } from "@/app/_components/require-allowed";
import { EditTransfer } from "./edit-transfer";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return recordTitle(trpc.transfer.byId.queryOptions({ id }), (t: { exporter: { name: string }; recipient: { name: string } }) => `${t.exporter.name} → ${t.recipient.name}`, "Edit transfer");
}

export default async function EditTransferPage({ params }: Params) {
  await requireAllowed("transfer.update");
  const { id } = await params;
  return <EditTransfer id={id} />;
}
