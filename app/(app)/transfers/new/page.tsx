import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { TransferForm } from "../transfer-form";

export const metadata: Metadata = { title: "New transfer" };

export default function NewTransferPage() {
  return (
    <>
      <PageHeader
        title="Register a transfer"
        breadcrumb={
          <Link href="/transfers" className="hover:text-slate-700">
            Transfers
          </Link>
        }
        description="Fields marked * are required. The panel on the right explains what the transfer rules require as you fill in the form."
      />
      <TransferForm />
    </>
  );
}
