import type { Metadata } from "next";
import { Suspense } from "react";
import { TableSkeleton } from "@/app/_components/ui/states";
import { PartyList } from "./party-list";

export const metadata: Metadata = { title: "Parties" };

export default function PartiesPage() {
  return (
    <Suspense fallback={<TableSkeleton />}>
      <PartyList />
    </Suspense>
  );
}
