import type { Metadata } from "next";
import { EditParty } from "./edit-party";

export const metadata: Metadata = { title: "Edit party" };

export default async function EditPartyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditParty id={id} />;
}
