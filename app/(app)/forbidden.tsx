import type { Metadata } from "next";
import { NotAllowed } from "@/app/_components/not-allowed";

export const metadata: Metadata = { title: "Not allowed" };

/** Rendered inside the app shell, with HTTP 403, when a page calls `forbidden()` (see `requireAllowed`). */
export default function Forbidden() {
  return <NotAllowed />;
}
