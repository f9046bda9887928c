import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { AsOfLink } from "@/app/_components/as-of";
import { RequirePermission } from "@/app/_components/session";
import { PageHeader } from "@/app/_components/ui/card";
import { AdequacyForm } from "../kb-editor";

export const metadata: Metadata = { title: "New adequacy decision" };

export default async function NewAdequacyPage() {
  await requireAllowed("kb.edit");
  return (
    <>
      <PageHeader
        breadcrumb={
          <AsOfLink href="/knowledge-base" className="hover:text-slate-700">
            Knowledge base
          </AsOfLink>
        }
        title="Add an adequacy decision"
        description="For example a new EU decision, UK adequacy regulations or a change to the Swiss Annex 1 list. Verdicts use it from its effective date on."
      />
      <RequirePermission action="kb.edit" message="Only the DPO and administrators edit the knowledge base.">
        <AdequacyForm />
      </RequirePermission>
    </>
  );
}
