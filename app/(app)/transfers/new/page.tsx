import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { AsOfLink } from "@/app/_components/as-of";
import { PageHeader } from "@/app/_components/ui/card";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { TransferForm, type PrefillParty } from "../transfer-form";

export const metadata: Metadata = { title: "New transfer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The party a "New transfer" link names (?exporter= or ?recipient=), if it exists and is readable. */
async function prefillParty(id: string | string[] | undefined): Promise<PrefillParty | undefined> {
  if (typeof id !== "string" || !id) return undefined;
  try {
    const party = await getQueryClient().fetchQuery(trpc.party.byId.queryOptions({ id }));
    return { id: party.id, name: party.name, processingLocations: party.processingLocations };
  } catch {
    return undefined;
  }
}

export default async function NewTransferPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAllowed("transfer.create");
  const params = await searchParams;
  const [exporter, recipient] = await Promise.all([prefillParty(params.exporter), prefillParty(params.recipient)]);
  return (
    <>
      <PageHeader
        title="Register a transfer"
        breadcrumb={
          <AsOfLink href="/transfers" className="hover:text-slate-700">
            Transfers
          </AsOfLink>
        }
        description="Fields marked * are required. The rules panel explains what the transfer rules require as you fill in the form."
      />
      <TransferForm prefill={{ exporter, recipient }} />
    </>
  );
}
