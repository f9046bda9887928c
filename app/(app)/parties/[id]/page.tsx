import type { Metadata } from "next";
import { PartyDetailView } from "./party-detail";

export const metadata: Metadata = { title: "Party" };

export default async function PartyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PartyDetailView id={id} />;
}
