import type { Metadata } from "next";
import { EditSafeguard } from "./edit-safeguard";

export const metadata: Metadata = { title: "Edit safeguard" };

export default async function EditSafeguardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditSafeguard id={id} />;
}
