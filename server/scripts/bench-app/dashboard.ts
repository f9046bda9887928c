/**
 * The overview's trend and map in `npm run bench:app` (issue 10, dashboard): the trend data (every live transfer's
 * status at each month-end since 2015) must answer in < 1 s cold, i.e. right after a write has bumped the data
 * revision that caches it, and the map data (flows grouped by exporter country and destination) in < 300 ms,
 * cold as well. Each is measured `runs` times, each right after its own edit; the median is held to the target
 * and every sample is printed. The warm (cached) figures are printed beside them.
 */
import { type HttpClient, type Session, trpcQuery } from "./http";
import { median } from "./stats";

export const DASHBOARD_TARGETS = { trendColdMs: 1000, mapColdMs: 300 } as const;

export interface DashboardTarget {
  ok: boolean;
  label: string;
  figure: string;
}

const fmt = (n: number) => `${Math.round(n)} ms`;

export async function benchDashboard(
  app: HttpClient,
  dpo: Session,
  edit: () => Promise<unknown>,
  line: (text: string) => void,
  runs = 3,
): Promise<DashboardTarget[]> {
  const cold = async (procedure: string, input: unknown) => {
    const times: number[] = [];
    const failures: string[] = [];
    for (let i = 0; i < runs; i++) {
      await edit();
      const r = await trpcQuery(app, dpo, procedure, input);
      times.push(r.http.ms);
      if (!r.outcome.ok) failures.push(`${r.outcome.code}: ${r.outcome.message.slice(0, 100)}`);
    }
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await trpcQuery(app, dpo, procedure, input)).http.ms);
    return { times, failures, warm };
  };
  const describe = (m: Awaited<ReturnType<typeof cold>>) =>
    `cold median ${fmt(median(m.times))} (${m.times.map(fmt).join(", ")}); warm median ${fmt(median(m.warm))}${m.failures.length ? `; ${m.failures.length} failed: ${m.failures[0]}` : ""}`;

  const trend = await cold("dashboard.trend", {});
  line(`   dashboard.trend (status per month-end since 2015): ${describe(trend)}`);
  const map = await cold("dashboard.map", { regime: "EU" });
  line(`   dashboard.map (flows by exporter country and destination, EU): ${describe(map)}`);
  return [
    { ok: trend.failures.length === 0 && median(trend.times) < DASHBOARD_TARGETS.trendColdMs, label: "dashboard trend data < 1 s cold (after an edit)", figure: describe(trend) },
    { ok: map.failures.length === 0 && median(map.times) < DASHBOARD_TARGETS.mapColdMs, label: "dashboard map data < 300 ms cold (after an edit)", figure: describe(map) },
  ];
}
