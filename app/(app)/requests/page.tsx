import type { Metadata } from "next";
import { Suspense } from "react";
import { requireAllowed } from "@/app/_components/require-allowed";
import { TableSkeleton } from "@/app/_components/ui/states";
import { RequestList } from "./request-list";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage() {
  await requireAllowed("request.read");
  return (
    <Suspense fallback={<TableSkeleton />}>
      <RequestList />
    </Suspense>
  );
}
