"use client";

/**
 * The trend chart itself (recharts): the share of transfers per status at each month-end, stacked to 100 %, with a
 * numbered line at each knowledge-base event. Loaded with next/dynamic by trend-card.tsx, so recharts is only
 * fetched where the chart is shown.
 */
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { STATUS_LABELS } from "@/app/_components/status-badge";
import type { Status } from "@/server/domain/rules/types";
import { STATUS_COLORS, TREND_STATUSES } from "./colors";

export interface TrendChartRow {
  month: string;
  total: number;
  counts: Record<Status, number>;
}

export default function TrendChart({ rows, events }: { rows: TrendChartRow[]; events: { month: string; n: number }[] }) {
  // A month with no running transfer has no shares: nothing is drawn there (rather than a line at 0 %).
  const data = rows.map((r) => ({ month: r.month, total: r.total, ...Object.fromEntries(TREND_STATUSES.map((s) => [s, r.total > 0 ? r.counts[s] : null])) }));
  const years = rows.filter((r) => r.month.endsWith("-01")).map((r) => r.month);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={data} stackOffset="expand" margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="month" ticks={years} tickFormatter={(m: string) => m.slice(0, 4)} tick={{ fontSize: 11, fill: "#475569" }} interval="preserveStartEnd" minTickGap={8} />
        <YAxis tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={{ fontSize: 11, fill: "#475569" }} width={40} />
        <Tooltip
          formatter={(value, name, item) => {
            const total = (item.payload as { total: number }).total;
            const n = Number(value);
            return [`${n} (${total > 0 ? Math.round((n / total) * 1000) / 10 : 0} %)`, STATUS_LABELS[name as Status] ?? String(name)];
          }}
          labelFormatter={(m) => `End of ${String(m)}`}
        />
        {TREND_STATUSES.slice()
          .reverse()
          .map((s) => (
            <Area key={s} type="stepAfter" dataKey={s} stackId="1" stroke={STATUS_COLORS[s]} fill={STATUS_COLORS[s]} fillOpacity={0.75} isAnimationActive={false} name={s} />
          ))}
        {events.map((e, i) => (
          // Numbers of neighbouring events alternate sides of their line, so that they do not overlap.
          <ReferenceLine key={`${e.month}-${e.n}`} x={e.month} stroke="#0f172a" strokeDasharray="4 3" label={{ value: String(e.n), position: i % 2 === 0 ? "insideTopRight" : "insideTopLeft", fontSize: 11, fill: "#0f172a", fontWeight: 600 }} />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
