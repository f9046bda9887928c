import type { Metadata } from "next";
import { AsOfLink } from "@/app/_components/as-of";
import { requireAllowed } from "@/app/_components/require-allowed";
import { PageHeader } from "@/app/_components/ui/card";
import { PartyImport } from "./party-import";

export const metadata: Metadata = { title: "Import parties from CSV" };

export default async function PartyImportPage() {
  await requireAllowed("party.import");
  return (
    <>
      <PageHeader
        title="Import parties from CSV"
        breadcrumb={
          <AsOfLink href="/parties" className="hover:text-slate-700">
            Parties
          </AsOfLink>
        }
        description="Upload the vendor list as procurement keeps it, map its columns to party fields, check every row, then import the valid ones. Nothing is saved until you import."
      />
      <PartyImport />
    </>
  );
}
