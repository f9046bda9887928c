import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { AsOfLink } from "@/app/_components/as-of";
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
          <AsOfLink href="/safeguards" className="hover:text-slate-700">
            Safeguards
          </AsOfLink>
        }
        description="Fields marked * are required. Dates are checked against the knowledge base (e.g. the last day old SCCs could be signed)."
      />
      <SafeguardForm />
    </>
  );
}
