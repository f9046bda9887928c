import type { Metadata } from "next";
import { requireAllowed } from "@/app/_components/require-allowed";
import { AsOfLink } from "@/app/_components/as-of";
import { KB_KIND_LABELS, KB_KIND_SINGULAR } from "@/app/_components/kb-labels";
import { RequirePermission } from "@/app/_components/session";
import { PageHeader } from "@/app/_components/ui/card";
import { KB_KINDS, type KbKind } from "@/server/domain/kb/types";
import { KbEntryForm } from "../kb-entry-form";

type Props = { searchParams: Promise<{ kind?: string | string[] }> };

const kindOf = (raw: string | string[] | undefined): KbKind => (KB_KINDS as readonly string[]).includes(String(raw)) ? (raw as KbKind) : "adequacy";
const article = (noun: string) => (/^[aeiou]/i.test(noun) ? "an" : "a");

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const kind = kindOf((await searchParams).kind);
  return { title: `New ${KB_KIND_SINGULAR[kind]}` };
}

const DESCRIPTIONS: Record<KbKind, string> = {
  adequacy: "For example a new EU decision, UK adequacy regulations or a change to the Swiss Annex 1 list. Verdicts use it from its effective date on.",
  regime: "A transfer regime: the law whose rules restrict exports from its area.",
  area_membership: "A country inside (or, for a time, treated as inside) a regime's area.",
  framework: "A US self-certification framework and the dates a regime recognises it.",
  instrument: "A transfer tool (SCCs, IDTA, BCR…), the roles it covers and when each regime accepts it.",
  derogation: "A derogation for specific situations and its provision under each regime.",
};

export default async function NewKbEntryPage({ searchParams }: Props) {
  await requireAllowed("kb.edit");
  const kind = kindOf((await searchParams).kind);
  const noun = KB_KIND_SINGULAR[kind];
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <AsOfLink href="/knowledge-base" className="hover:text-slate-700">
              Knowledge base
            </AsOfLink>{" "}
            /{" "}
            <AsOfLink href={`/knowledge-base?kind=${kind}`} className="hover:text-slate-700">
              {KB_KIND_LABELS[kind]}
            </AsOfLink>
          </>
        }
        title={`Add ${article(noun)} ${noun}`}
        description={DESCRIPTIONS[kind]}
      />
      <RequirePermission action="kb.edit" message="Only the DPO and administrators edit the knowledge base.">
        <KbEntryForm kind={kind} />
      </RequirePermission>
    </>
  );
}
