import type { Metadata } from "next";
import { Suspense } from "react";
import { TableSkeleton } from "@/app/_components/ui/states";
import { Overview } from "./overview";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  return (
    <Suspense fallback={<TableSkeleton />}>
      <Overview />
    </Suspense>
  );
}
