import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { Suspense } from "react";
import { TableSkeleton } from "@/app/_components/ui/states";
import { AuditLog } from "./audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requireAllowed("audit.read");
  return (
    <Suspense fallback={<TableSkeleton />}>
      <AuditLog />
    </Suspense>
  );
}
