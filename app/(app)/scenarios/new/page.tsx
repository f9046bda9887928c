import type { Metadata } from "next";
import { AsOfLink } from "@/app/_components/as-of";
import { requireAllowed } from "@/app/_components/require-allowed";
import { PageHeader } from "@/app/_components/ui/card";
import { ScenarioForm } from "../scenario-form";

export const metadata: Metadata = { title: "New what-if scenario" };

export default async function NewScenarioPage() {
  await requireAllowed("scenario.manage");
  return (
    <>
      <PageHeader
        title="Describe a what-if scenario"
        breadcrumb={
          <AsOfLink href="/scenarios" className="hover:text-slate-700">
            What-if scenarios
          </AsOfLink>
        }
        description="Fields marked * are required. Saving a scenario changes no transfer, safeguard or knowledge-base entry."
      />
      <ScenarioForm />
    </>
  );
}
