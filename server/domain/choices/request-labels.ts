/** Words for requests for a copy of the safeguards, the parts of a safeguard and uploaded files (UI and copies). */
export const REQUEST_CHANNELS = ["email", "post", "web_form", "phone", "in_person", "other"] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, string> = {
  email: "E-mail",
  post: "Post",
  web_form: "Web form",
  phone: "Telephone",
  in_person: "In person",
  other: "Other",
};

export const REQUEST_STATUSES = ["received", "in_progress", "sent", "refused"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  received: "Received",
  in_progress: "In progress",
  sent: "Sent",
  refused: "Refused",
};
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ["received", "in_progress"];

export const URGENCY_LABELS = { overdue: "Overdue", due_soon: "Due soon", on_time: "On time", closed: "Closed" } as const;

export const COPY_PARTS = ["annex_i", "annex_ii", "annex_iii", "prices", "signatories", "other"] as const;
export type CopyPart = (typeof COPY_PARTS)[number];
export const COPY_PART_LABELS: Record<CopyPart, string> = {
  annex_i: "Annex I: parties and description of the transfer",
  annex_ii: "Annex II: technical and organisational security measures",
  annex_iii: "Annex III: sub-processors",
  prices: "Prices and commercial terms",
  signatories: "Names and contacts of signatories",
  other: "Other part",
};

export const FILE_KINDS = ["signed_contract", "tia_document"] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export const FILE_KIND_LABELS: Record<FileKind, string> = {
  signed_contract: "Executed contract",
  tia_document: "TIA document",
};
