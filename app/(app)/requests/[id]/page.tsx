import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { RequestDetailView } from "./request-detail";

export const metadata: Metadata = { title: "Request" };

type Params = { params: Promise<{ id: string }> };

export default async function RequestPage({ params }: Params) {
  await requireAllowed("request.read");
  const { id } = await params;
  return <RequestDetailView id={id} />;
}
