import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { AsOfLink } from "@/app/_components/as-of";
import { PageHeader } from "@/app/_components/ui/card";
import { PartyForm } from "../party-form";

export const metadata: Metadata = { title: "New party" };

export default async function NewPartyPage() {
  await requireAllowed("party.create");
  return (
    <>
      <PageHeader
        title="Register a party"
        breadcrumb={
          <AsOfLink href="/parties" className="hover:text-slate-700">
            Parties
          </AsOfLink>
        }
        description="Fields marked * are required."
      />
      <PartyForm />
    </>
  );
}
