import type { Metadata } from "next";
import { SafeguardDetailView } from "./safeguard-detail";

export const metadata: Metadata = { title: "Safeguard" };

export default async function SafeguardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SafeguardDetailView id={id} />;
}
