import type { Metadata } from "next";
import { Suspense } from "react";
import { TableSkeleton } from "@/app/_components/ui/states";
import { TransferList } from "./transfer-list";

export const metadata: Metadata = { title: "Transfers" };

export default function TransfersPage() {
  return (
    <Suspense fallback={<TableSkeleton />}>
      <TransferList />
    </Suspense>
  );
}
