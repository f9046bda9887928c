import type { Metadata } from "next";
import { Suspense } from "react";
import { TableSkeleton } from "@/app/_components/ui/states";
import { AuditLog } from "./audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default function AuditPage() {
  return (
    <Suspense fallback={<TableSkeleton />}>
      <AuditLog />
    </Suspense>
  );
}
