/**
 * The overview's world map of flows (a server component: the SVG is rendered on the server from the bundled
 * world-atlas topology with d3-geo, so no map library or geometry reaches the browser). Countries are shaded by
 * how the chosen regime classifies them on the as-of date; lines run from exporter countries to destinations,
 * coloured by the worst status among their transfers. Every country with flows and every line opens the
 * transfers list filtered on it; the table below the map says the same in text, with keyboard-reachable links.
 */
import Link from "next/link";
import { withAsOf } from "@/app/_components/as-of-params";
import { REGIME_LABELS } from "@/app/_components/labels";
import { STATUS_LABELS } from "@/app/_components/status-badge";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { ErrorState } from "@/app/_components/ui/states";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { countryName } from "@/server/countries";
import { STATUS_RANK, type Status } from "@/server/domain/rules/types";
import { COUNTRY_CLASS_COLORS, COUNTRY_CLASS_LABELS, COUNTRY_CLASS_SHORT, STATUS_COLORS, TREND_STATUSES } from "./colors";
import { MAP_HEIGHT, MAP_WIDTH, worldGeometry } from "./world-geometry";

export const MAP_REGIMES = ["EU", "UK", "CH"] as const;
export type MapRegime = (typeof MAP_REGIMES)[number];

/** How many flows the table lists before "show the others". */
const TABLE_SHOWN = 10;
/** How many flows (the largest) are drawn and listed: the page carries them, so not hundreds. */
const FLOWS_SHOWN = 24;

type CountryClass = keyof typeof COUNTRY_CLASS_COLORS;

const placeName = (code: string) => (code.startsWith("org:") ? `international organisation ${code.slice(4)}` : countryName(code));

/** A gentle arc from a to b (quadratic curve bent to the left of the direction of travel). */
function arc(a: [number, number], b: [number, number]): string {
  const [x1, y1] = a;
  const [x2, y2] = b;
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const bend = 0.2;
  const cx = mx + dy * bend;
  const cy = my - dx * bend;
  const r = (n: number) => Math.round(n * 10) / 10;
  return `M${r(x1)},${r(y1)}Q${r(cx)},${r(cy)} ${r(x2)},${r(y2)}`;
}

export async function WorldMapCard({ asOf, regime }: { asOf: string | undefined; regime: MapRegime }) {
  let data;
  try {
    data = await getQueryClient().fetchQuery(trpc.dashboard.map.queryOptions({ asOf, regime }));
  } catch (error) {
    return (
      <Card>
        <CardHeader title="Flows on the world map" />
        <div className="p-5">
          <ErrorState message={error instanceof Error ? error.message : "The map could not be loaded."} />
        </div>
      </Card>
    );
  }
  const geo = worldGeometry();
  const classOf = (code: string | null): CountryClass => (code ? (data.countries[code] ?? "third") : "third");
  const listHref = (params: Record<string, string>) => withAsOf(`/transfers?${new URLSearchParams({ ...params, regime })}`, asOf);
  const destinations = new Map<string, { transfers: number; worst: Status }>();
  for (const f of data.flows) {
    const d = destinations.get(f.destination);
    if (!d) destinations.set(f.destination, { transfers: f.transfers, worst: f.worst });
    else {
      d.transfers += f.transfers;
      if (STATUS_RANK[f.worst] > STATUS_RANK[d.worst]) d.worst = f.worst;
    }
  }
  const maxFlow = Math.max(1, ...data.flows.map((f) => f.transfers));
  const shown = data.flows.slice(0, FLOWS_SHOWN);
  const lines = shown
    .filter((f) => f.exporterCountry !== f.destination && geo.anchors.has(f.exporterCountry) && geo.anchors.has(f.destination))
    .sort((a, b) => STATUS_RANK[a.worst] - STATUS_RANK[b.worst] || a.transfers - b.transfers);
  const dots = [...new Set(data.flows.flatMap((f) => [f.exporterCountry, f.destination]))].filter((c) => geo.dots.has(c));
  const flowLabel = (f: { exporterCountry: string; destination: string; transfers: number; worst: Status }) =>
    `${countryName(f.exporterCountry)} to ${placeName(f.destination)}: ${f.transfers} transfer${f.transfers === 1 ? "" : "s"}, worst ${STATUS_LABELS[f.worst].toLowerCase()}`;

  return (
    <Card>
      <CardHeader
        title="Flows on the world map"
        description={`Transfers under the ${REGIME_LABELS[regime]} as of ${data.asOf}, from the exporter's country to the destination; countries shaded by how the ${REGIME_LABELS[regime]} treats them on that date.`}
        actions={
          <nav aria-label="Regime of the map" className="flex rounded-md border border-slate-200 p-0.5">
            {MAP_REGIMES.map((r) => (
              <Link
                key={r}
                href={withAsOf(`/?mapRegime=${r}`, asOf)}
                scroll={false}
                aria-current={r === regime ? "page" : undefined}
                className={cn("rounded px-3 py-1 text-sm font-medium", r === regime ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100")}
              >
                {r}
              </Link>
            ))}
          </nav>
        }
      />
      <div className="space-y-4 p-5">
        {!data.regimeInForce ? <p className="text-sm text-slate-600">No exporter is under the {REGIME_LABELS[regime]} on {data.asOf}; countries are not classified.</p> : null}
        <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="h-auto w-full rounded-lg bg-sky-50" role="group" aria-labelledby="world-map-title" data-testid="world-map">
          <title id="world-map-title">{`World map of transfers under the ${REGIME_LABELS[regime]}: ${data.flowsTotal} flows, ${data.transfers} transfers. The table below lists them.`}</title>
          {/* Every country, shaded: one cached image (GET /api/map/base), not ~180 outlines in the page. */}
          <image href={withAsOf(`/api/map/base?regime=${regime}`, asOf)} x={0} y={0} width={MAP_WIDTH} height={MAP_HEIGHT} aria-hidden="true" />
          <g>
            {geo.countries.map((c) => {
              const dest = c.code ? destinations.get(c.code) : undefined;
              if (!c.code || !dest) return null;
              const cls = classOf(c.code);
              return (
                <a key={c.code} href={listHref({ destination: c.code })} aria-label={`${c.name}: ${dest.transfers} transfers to it, worst ${STATUS_LABELS[dest.worst].toLowerCase()}; ${COUNTRY_CLASS_LABELS[cls].toLowerCase()}`} className="map-country" data-country={c.code}>
                  <title>{`${c.name} (${COUNTRY_CLASS_LABELS[cls]}): ${dest.transfers} transfers`}</title>
                  {/* The outline by reference (GET /api/map/shapes, cached): the page carries no geometry. */}
                  <use href={`/api/map/shapes#c-${c.code}`} fill={COUNTRY_CLASS_COLORS[cls]} stroke="#ffffff" strokeWidth={0.5} />
                </a>
              );
            })}
          </g>
          <g fill="none" strokeLinecap="round">
            {lines.map((f) => (
              <a key={`${f.exporterCountry}-${f.destination}`} href={listHref({ exporterCountry: f.exporterCountry, destination: f.destination })} tabIndex={-1} aria-label={flowLabel(f)} className="map-flow">
                <title>{flowLabel(f)}</title>
                <path d={arc(geo.anchors.get(f.exporterCountry)!, geo.anchors.get(f.destination)!)} stroke={STATUS_COLORS[f.worst]} strokeOpacity={0.85} strokeWidth={1 + 3 * Math.sqrt(f.transfers / maxFlow)} />
              </a>
            ))}
          </g>
          <g>
            {dots.map((code) => {
              const [x, y] = geo.anchors.get(code)!;
              return <circle key={code} cx={x} cy={y} r={3} fill={COUNTRY_CLASS_COLORS[classOf(code)]} stroke="#334155" strokeWidth={0.8} />;
            })}
          </g>
        </svg>
        <div className="grid gap-3 text-xs text-slate-700 sm:grid-cols-2">
          <div>
            <p className="mb-1 font-semibold text-slate-900">Countries ({REGIME_LABELS[regime]})</p>
            <ul className="space-y-0.5" aria-label="Legend: country shading">
              {(Object.keys(COUNTRY_CLASS_COLORS) as CountryClass[]).map((cls) => (
                <li key={cls} className="flex items-center gap-1.5">
                  <span className="inline-block size-3 rounded-sm border border-slate-300" style={{ backgroundColor: COUNTRY_CLASS_COLORS[cls] }} aria-hidden />
                  {COUNTRY_CLASS_LABELS[cls]}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <p className="mb-1 font-semibold text-slate-900">Lines: worst status of the flow</p>
            <ul className="space-y-0.5" aria-label="Legend: line colours">
              {TREND_STATUSES.map((s) => (
                <li key={s} className="flex items-center gap-1.5">
                  <span className="inline-block h-1 w-5 rounded" style={{ backgroundColor: STATUS_COLORS[s] }} aria-hidden />
                  {STATUS_LABELS[s]}
                </li>
              ))}
            </ul>
          </div>
        </div>
        {data.flows.length === 0 ? (
          <p className="text-sm text-slate-500">No transfers under the {REGIME_LABELS[regime]} on this date.</p>
        ) : (
          <FlowTable flows={shown} classOf={classOf} href={(f) => listHref({ exporterCountry: f.exporterCountry, destination: f.destination })} total={data.flowsTotal} />
        )}
      </div>
    </Card>
  );
}

function FlowTable({
  flows,
  classOf,
  href,
  total,
}: {
  flows: { exporterCountry: string; destination: string; transfers: number; worst: Status }[];
  classOf: (code: string) => CountryClass;
  href: (f: { exporterCountry: string; destination: string }) => string;
  total: number;
}) {
  const rows = (list: typeof flows) =>
    list.map((f) => (
      <tr key={`${f.exporterCountry}-${f.destination}`}>
        <td className="px-2 py-1.5 text-slate-700 sm:px-3">
          {countryName(f.exporterCountry)} → {placeName(f.destination)}
          <span className="block text-[11px] text-slate-500">destination {COUNTRY_CLASS_SHORT[classOf(f.destination)]}</span>
        </td>
        <td className="px-2 py-1.5 text-right tabular-nums sm:px-3">
          <Link href={href(f)} className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900" aria-label={`${f.transfers} transfers from ${countryName(f.exporterCountry)} to ${placeName(f.destination)}`}>
            {f.transfers}
          </Link>
        </td>
        <td className="px-2 py-1.5 whitespace-nowrap sm:px-3">
          <span className="inline-flex items-center gap-1.5">
            <span className="inline-block size-2.5 rounded-full" style={{ backgroundColor: STATUS_COLORS[f.worst] }} aria-hidden />
            {STATUS_LABELS[f.worst]}
          </span>
        </td>
      </tr>
    ));
  const head = (
    <thead className="bg-slate-50">
      <tr>
        <th scope="col" className="px-2 py-2 text-left font-semibold text-slate-500 sm:px-3">
          From → to
        </th>
        <th scope="col" className="px-2 py-2 text-right font-semibold text-slate-500 sm:px-3">
          Transfers
        </th>
        <th scope="col" className="px-2 py-2 text-left font-semibold text-slate-500 sm:px-3">
          Worst status
        </th>
      </tr>
    </thead>
  );
  return (
    <div className="space-y-2">
      <div className="max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label="Flows as a table">
        <table className="min-w-full divide-y divide-slate-200 text-xs" aria-label="Flows by exporter country and destination">
          {head}
          <tbody className="divide-y divide-slate-100 bg-white">{rows(flows.slice(0, TABLE_SHOWN))}</tbody>
        </table>
      </div>
      {flows.length > TABLE_SHOWN ? (
        <details className="rounded-lg border border-slate-200">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-indigo-700">
            Show the other {flows.length - TABLE_SHOWN} flows{total > flows.length ? ` (${total - flows.length} smaller ones are on the transfers list)` : ""}
          </summary>
          <div className="max-h-96 max-w-full overflow-auto" tabIndex={0} role="region" aria-label="The other flows">
            <table className="min-w-full divide-y divide-slate-200 text-xs" aria-label="The other flows by exporter country and destination">
              {head}
              <tbody className="divide-y divide-slate-100 bg-white">{rows(flows.slice(TABLE_SHOWN))}</tbody>
            </table>
          </div>
        </details>
      ) : null}
    </div>
  );
}
