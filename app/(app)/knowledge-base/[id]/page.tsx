import type { Metadata } from "next";
import { recordTitle } from "@/app/_components/record-title";
import { trpc } from "@/app/_trpc/server";
import { kbSummary } from "@/app/_components/kb-labels";
import type { KbEntry } from "@/server/domain/kb/types";
import { KbDetail } from "./kb-detail";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return recordTitle(trpc.kb.byId.queryOptions({ id: decodeURIComponent(id) }), (r: { entry: KbEntry }) => kbSummary(r.entry).title, "Knowledge base");
}

export default async function KbEntryPage({ params }: Params) {
  const { id } = await params;
  return <KbDetail id={decodeURIComponent(id)} />;
}
