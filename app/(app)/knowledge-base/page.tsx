import type { Metadata } from "next";
import { Suspense } from "react";
import { TableSkeleton } from "@/app/_components/ui/states";
import { KbList } from "./kb-list";

export const metadata: Metadata = { title: "Knowledge base" };

export default function KnowledgeBasePage() {
  return (
    <Suspense fallback={<TableSkeleton />}>
      <KbList />
    </Suspense>
  );
}
