import type { Metadata } from "next";
import { EditKbEntry } from "./edit-kb-entry";

export const metadata: Metadata = { title: "Edit knowledge-base entry" };

export default async function EditKbEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditKbEntry id={decodeURIComponent(id)} />;
}
