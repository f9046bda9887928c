import type { Metadata } from "next";
import { TransferDetailView } from "./transfer-detail";

export const metadata: Metadata = { title: "Transfer" };

export default async function TransferPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TransferDetailView id={id} />;
}
