/** The UI's words and tones for requests for a copy of the safeguards (from server/domain/choices/request-labels.ts). */
import {
  COPY_PART_LABELS,
  COPY_PARTS,
  FILE_KIND_LABELS,
  REQUEST_CHANNEL_LABELS,
  REQUEST_CHANNELS,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  URGENCY_LABELS,
  type RequestStatus,
} from "@/server/domain/choices/request-labels";

export { COPY_PART_LABELS, COPY_PARTS, FILE_KIND_LABELS, REQUEST_CHANNEL_LABELS, REQUEST_CHANNELS, REQUEST_STATUS_LABELS, REQUEST_STATUSES, URGENCY_LABELS };

export const STATUS_TONE: Record<RequestStatus, "slate" | "indigo" | "green" | "red"> = { received: "slate", in_progress: "indigo", sent: "green", refused: "red" };
export const URGENCY_TONE = { overdue: "red", due_soon: "amber", on_time: "slate", closed: "slate" } as const;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
