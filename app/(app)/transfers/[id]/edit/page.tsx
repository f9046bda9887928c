import type { Metadata } from "next";
import { EditTransfer } from "./edit-transfer";

export const metadata: Metadata = { title: "Edit transfer" };

export default async function EditTransferPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditTransfer id={id} />;
}
