import type { Metadata } from "next";
import { Suspense } from "react";
import { REMINDER_LIST_DEFAULTS, reminderListInput, urlStateFrom } from "@/app/_components/list-inputs";
import { TableSkeleton } from "@/app/_components/ui/states";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { RemindersInbox } from "./reminders-inbox";

export const metadata: Metadata = { title: "Reminders" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RemindersPage({ searchParams }: { searchParams: SearchParams }) {
  await prefetch(
    trpc.reminders.list.queryOptions(reminderListInput(urlStateFrom(REMINDER_LIST_DEFAULTS, await searchParams))),
    trpc.reminders.settings.queryOptions(),
  );
  return (
    <HydrateClient>
      <Suspense fallback={<TableSkeleton />}>
        <RemindersInbox />
      </Suspense>
    </HydrateClient>
  );
}
