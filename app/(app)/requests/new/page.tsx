import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { RequestForm } from "../request-form";

export const metadata: Metadata = { title: "Log a request" };

export default async function NewRequestPage() {
  await requireAllowed("request.manage");
  return <RequestForm />;
}
