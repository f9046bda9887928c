import type { Metadata } from "next";
import { KbDetail } from "./kb-detail";

export const metadata: Metadata = { title: "Knowledge-base entry" };

export default async function KbEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <KbDetail id={decodeURIComponent(id)} />;
}
