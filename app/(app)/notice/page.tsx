import type { Metadata } from "next";
import { Suspense } from "react";
import { requireAllowed } from "@/app/_components/require-allowed";
import { urlStateFrom } from "@/app/_components/list-inputs";
import { TableSkeleton } from "@/app/_components/ui/states";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { NOTICE_DEFAULTS, noticeGenerateInput, noticeHistoryInput } from "./notice-inputs";
import { NoticeView } from "./notice-view";

export const metadata: Metadata = { title: "Privacy notice" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NoticePage({ searchParams }: { searchParams: SearchParams }) {
  await requireAllowed("notice.read");
  const state = urlStateFrom(NOTICE_DEFAULTS, await searchParams);
  await Promise.all([prefetch(trpc.notice.generate.queryOptions(noticeGenerateInput(state))), prefetch(trpc.notice.history.queryOptions(noticeHistoryInput(state)))]);
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton />}>
        <NoticeView />
      </Suspense>
    </HydrateClient>
  );
}
