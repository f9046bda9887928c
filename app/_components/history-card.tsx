"use client";

import { AuditEntry, type AuditRow } from "./audit-entry";
import { Card, CardHeader } from "./ui/card";
import { EmptyState, ErrorState, TableSkeleton } from "./ui/states";

/** A record's History: its audit rows, newest first, with loading, error and empty states. */
export function HistoryCard({
  description,
  emptyTitle = "No recorded changes",
  history,
}: {
  description: string;
  emptyTitle?: string;
  history: { isPending: boolean; isError: boolean; error: { message: string } | null; data: AuditRow[] | undefined; refetch: () => unknown };
}) {
  return (
    <Card>
      <CardHeader title="History" description={description} />
      {history.isPending ? (
        <TableSkeleton rows={3} columns={3} />
      ) : history.isError || !history.data ? (
        <div className="p-4">
          <ErrorState message={history.error?.message} onRetry={() => history.refetch()} />
        </div>
      ) : history.data.length === 0 ? (
        <EmptyState title={emptyTitle} />
      ) : (
        <ol className="divide-y divide-slate-100" aria-label="History entries">
          {history.data.map((row) => (
            <AuditEntry key={row.id} row={row} />
          ))}
        </ol>
      )}
    </Card>
  );
}
