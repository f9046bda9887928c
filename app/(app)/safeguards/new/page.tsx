import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { SafeguardForm } from "../safeguard-form";

export const metadata: Metadata = { title: "New safeguard" };

export default async function NewSafeguardPage() {
  await requireAllowed("safeguard.create");
  return (
    <>
      <PageHeader
        title="Register a safeguard"
        breadcrumb={
          <Link href="/safeguards" className="hover:text-slate-700">
            Safeguards
          </Link>
        }
        description="Fields marked * are required. Dates are checked against the knowledge base (e.g. the last day old SCCs could be signed)."
      />
      <SafeguardForm />
    </>
  );
}
