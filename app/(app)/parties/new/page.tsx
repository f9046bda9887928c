import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { PartyForm } from "../party-form";

export const metadata: Metadata = { title: "New party" };

export default function NewPartyPage() {
  return (
    <>
      <PageHeader
        title="Register a party"
        breadcrumb={
          <Link href="/parties" className="hover:text-slate-700">
            Parties
          </Link>
        }
        description="Fields marked * are required."
      />
      <PartyForm />
    </>
  );
}
