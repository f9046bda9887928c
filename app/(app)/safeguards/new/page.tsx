import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { AsOfLink } from "@/app/_components/as-of";
import { PageHeader } from "@/app/_components/ui/card";
import { SafeguardForm, type SafeguardPrefill } from "../safeguard-form";

export const metadata: Metadata = { title: "New safeguard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The pre-fill a flag's remedy puts in the URL; unknown or malformed values are left out (the form validates on save). */
function prefillFrom(params: Record<string, string | string[] | undefined>): SafeguardPrefill | undefined {
  const type = first(params.type);
  if (type !== "scc" && type !== "uk_idta") return undefined;
  const version = first(params.version) === "2021/914" ? "2021/914" : "";
  const moduleNumber = Number(first(params.module));
  const partyIds = [first(params.exporter), first(params.recipient)].filter((id) => id !== "");
  const ukAddendum = first(params.ukAddendum) === "1";
  const swissAdaptations = first(params.swissAdaptations) === "1";
  const moduleOk = Number.isInteger(moduleNumber) && moduleNumber >= 1 && moduleNumber <= 4;
  const title = type === "scc" ? `SCCs ${version || ""}${moduleOk ? `, module ${moduleNumber}` : ""}${ukAddendum ? " with the UK Addendum" : ""}${swissAdaptations ? " with the Swiss adaptations" : ""}`.replace("  ", " ") : "IDTA";
  return {
    fields: {
      type,
      title,
      sccVersion: type === "scc" ? version : "",
      modules: type === "scc" && version && moduleOk ? [moduleNumber] : [],
      ukAddendum: type === "scc" && ukAddendum,
      swissAdaptations: type === "scc" && swissAdaptations,
      partyIds: [...new Set(partyIds)],
    },
    transferId: first(params.transfer) || undefined,
  };
}

export default async function NewSafeguardPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAllowed("safeguard.create");
  const prefill = prefillFrom(await searchParams);
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
      <SafeguardForm prefill={prefill} />
    </>
  );
}
