import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { EditKbEntry } from "./edit-kb-entry";

export const metadata: Metadata = { title: "Edit knowledge-base entry" };

export default async function EditKbEntryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAllowed("kb.edit");
  const { id } = await params;
  return <EditKbEntry id={decodeURIComponent(id)} />;
}
