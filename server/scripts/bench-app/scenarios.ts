/**
 * bench:app custom target (issue 10, item 6): a what-if run over the whole benchmark registry < 2 s.
 * As the DPO, over HTTP against the running production server: saves the scenario "EU-US DPF invalid from
 * 2027-01-01" (the change that touches the most transfers of a US-heavy registry), then times `scenario.run`
 * cold (first run: slice read, KB copy compiled, every affected transfer evaluated twice) and warm (the cached
 * run, per data revision, scenario version and date). The scenario is deleted afterwards.
 */
import { type HttpClient, type Session, trpcMutation, trpcQuery } from "./http";

export interface ScenarioBenchLine {
  ok: boolean;
  label: string;
  figure: string;
  na?: boolean;
}

/** The most a cold what-if run may take. */
export const WHAT_IF_MS = 2000;

export async function benchScenarios(app: HttpClient, dpo: Session, transfers: number): Promise<ScenarioBenchLine> {
  const label = `what-if run over ${transfers.toLocaleString("en")} transfers < 2 s${transfers === 100_000 ? "" : " (target is for 100,000)"}`;
  try {
    return await measureRun(app, dpo, label);
  } catch (e) {
    // A broken measurement is a FAIL line, never the end of the whole benchmark.
    return { ok: false, label, figure: `broke: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function measureRun(app: HttpClient, dpo: Session, label: string): Promise<ScenarioBenchLine> {
  const created = await trpcMutation<{ id: string; version: number }>(app, dpo, "scenario.create", {
    name: `bench: EU-US DPF invalid from 2027-01-01 ${Date.now()}`,
    asOf: "2027-03-01",
    changes: [{ kind: "kb_entry_ends", entryId: "eu-adequacy-us-dpf", invalidFrom: "2027-01-01" }],
  });
  if (!created.outcome.ok) return { ok: false, na: created.outcome.code === "NOT_FOUND", label, figure: `scenario.create: ${created.outcome.code} ${created.outcome.message.slice(0, 120)}` };
  const { id, version } = created.outcome.data;
  type Run = { evaluated: number; changed: number; needsAction: number; withFallback: number; ms: number };
  const cold = await trpcQuery<Run>(app, dpo, "scenario.run", { id, page: 1, pageSize: 25 });
  const warm = await trpcQuery<Run>(app, dpo, "scenario.run", { id, page: 2, pageSize: 25 });
  await trpcMutation(app, dpo, "scenario.delete", { id, version });
  if (!cold.outcome.ok) return { ok: false, label, figure: `scenario.run: ${cold.outcome.code} ${cold.outcome.message.slice(0, 120)}` };
  const r = cold.outcome.data;
  return {
    ok: cold.http.ms < WHAT_IF_MS && warm.outcome.ok,
    label,
    figure: `cold ${Math.round(cold.http.ms)} ms (run ${r.ms} ms: ${r.evaluated.toLocaleString("en")} affected transfers evaluated twice, ${r.changed.toLocaleString("en")} change status, ${r.needsAction.toLocaleString("en")} need action, ${r.withFallback.toLocaleString("en")} with fallback); cached ${Math.round(warm.http.ms)} ms`,
  };
}
