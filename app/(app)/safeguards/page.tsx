import type { Metadata } from "next";
import { Suspense } from "react";
import { TableSkeleton } from "@/app/_components/ui/states";
import { SafeguardList } from "./safeguard-list";

export const metadata: Metadata = { title: "Safeguards" };

export default function SafeguardsPage() {
  return (
    <Suspense fallback={<TableSkeleton />}>
      <SafeguardList />
    </Suspense>
  );
}
