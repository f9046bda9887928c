/**
 * The anchor of `npm run bench:app`: the transfers-list page served as directly as possible. A bare `node:http`
 * server (no framework, no auth, no validation) in its own process answers
 *
 *   GET /transfers?page=1&pageSize=20[&status=unsafeguarded]
 *
 * with one raw better-sqlite3 prepared query for the page (20 rows, exporter and recipient names joined, ordered
 * like the app: worst status first, then id) plus a `count(*)` for the total, as JSON shaped like the app's
 * answer. It reads the stored verdicts (`transfer_verdict`, one row per live transfer) when the database has
 * them; without a verdict store it cannot order or filter by status, orders by id and says so.
 *
 *   tsx server/scripts/bench-app/anchor-server.ts <database file>
 *
 * Prints one JSON line `{ "port": N, "verdicts": true|false, "storedVerdicts": N, "liveTransfers": N }` on stdout
 * once it listens on 127.0.0.1.
 */
import http from "node:http";
import Database from "better-sqlite3";
import { STATUS_RANK } from "../../domain/rules/types";

const file = process.argv[2];
if (!file) {
  console.error("usage: anchor-server.ts <database file>");
  process.exit(2);
}

const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");

const columns = (table: string) => new Set((db.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as { name: string }[]).map((c) => c.name));
const verdictColumns = columns("transfer_verdict");
const liveTransfers = (db.prepare(`SELECT count(*) AS n FROM "transfer" WHERE archived_at IS NULL`).get() as { n: number }).n;
const storedVerdicts = verdictColumns.has("transfer_id") ? (db.prepare("SELECT count(*) AS n FROM transfer_verdict").get() as { n: number }).n : 0;
/** Usable only when it holds (nearly) every live transfer's verdict: an empty store cannot order or filter. */
const hasVerdicts = verdictColumns.has("status") && liveTransfers > 0 && storedVerdicts >= 0.9 * liveTransfers;

const hasRank = verdictColumns.has("status_rank");
const rankSql = hasRank
  ? "v.status_rank"
  : `CASE v.status ${Object.entries(STATUS_RANK)
      .map(([s, r]) => `WHEN '${s}' THEN ${r}`)
      .join(" ")} ELSE -1 END`;
const issuesSql = verdictColumns.has("issues") ? "v.issues" : verdictColumns.has("verdict") ? "json_extract(v.verdict, '$.issues')" : "'[]'";
/** The status filter on the indexed rank when there is one. */
const statusWhere = hasRank ? "v.status_rank = ?" : "v.status = ?";
const statusParam = (status: string) => (hasRank ? (STATUS_RANK[status as keyof typeof STATUS_RANK] ?? -99) : status);

const columnsSql = `t.id, t.destination, t.exporter_role AS exporterRole, t.recipient_role AS recipientRole, t.frequency, t.start, t."end",
    t.archived_at AS archivedAt, t.updated_at AS updatedAt, t.version,
    e.id AS eId, e.name AS eName, e.country AS eCountry, r.id AS rId, r.name AS rName, r.country AS rCountry`;
const parties = "JOIN party e ON e.id = t.exporter_id JOIN party r ON r.id = t.recipient_id";

// With a verdict store: driven from it (one row per live transfer), in (status rank desc, id) order, and the
// total counted on it. Without one: the transfers in id order, counted on the transfer table.
// The rank-descending index, when the store has one, read in its order (SQLite's planner otherwise starts from the
// transfers and sorts all 100,000 rows: 140 ms instead of 0.1 ms for the query).
const descIndex = hasRank && Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'transfer_verdict_status_desc_idx'").get());
const pageAll = hasVerdicts
  ? db.prepare(`SELECT ${columnsSql}, v.status, v.regime, ${issuesSql} AS issues FROM transfer_verdict v ${descIndex ? "INDEXED BY transfer_verdict_status_desc_idx CROSS JOIN" : "JOIN"} "transfer" t ON t.id = v.transfer_id ${parties}
      WHERE t.archived_at IS NULL ORDER BY ${rankSql} DESC, v.transfer_id ASC LIMIT ? OFFSET ?`)
  : db.prepare(`SELECT ${columnsSql} FROM "transfer" t ${parties} WHERE t.archived_at IS NULL ORDER BY t.id ASC LIMIT ? OFFSET ?`);
const countAll = hasVerdicts ? db.prepare("SELECT count(*) AS n FROM transfer_verdict") : db.prepare(`SELECT count(*) AS n FROM "transfer" WHERE archived_at IS NULL`);
const pageByStatus = hasVerdicts
  ? db.prepare(`SELECT ${columnsSql}, v.status, v.regime, ${issuesSql} AS issues FROM transfer_verdict v JOIN "transfer" t ON t.id = v.transfer_id ${parties}
      WHERE ${statusWhere} AND t.archived_at IS NULL ORDER BY v.transfer_id ASC LIMIT ? OFFSET ?`)
  : pageAll;
const countByStatus = hasVerdicts ? db.prepare(`SELECT count(*) AS n FROM transfer_verdict v WHERE ${statusWhere}`) : countAll;

interface Row {
  id: string;
  destination: string;
  exporterRole: string;
  recipientRole: string;
  frequency: string;
  start: string;
  end: string | null;
  archivedAt: string | null;
  updatedAt: string;
  version: number;
  eId: string;
  eName: string;
  eCountry: string;
  rId: string;
  rName: string;
  rCountry: string;
  status?: string;
  regime?: string;
  issues?: string | null;
}

function page(status: string | null, pageNo: number, pageSize: number) {
  const offset = (pageNo - 1) * pageSize;
  const byStatus = Boolean(status) && hasVerdicts;
  const rows = (byStatus ? pageByStatus.all(statusParam(status!), pageSize, offset) : pageAll.all(pageSize, offset)) as Row[];
  const total = ((byStatus ? countByStatus.get(statusParam(status!)) : countAll.get()) as { n: number }).n;
  return {
    items: rows.map((r) => ({
      id: r.id,
      exporter: { id: r.eId, name: r.eName, country: r.eCountry },
      recipient: { id: r.rId, name: r.rName, country: r.rCountry },
      destination: r.destination,
      exporterRole: r.exporterRole,
      recipientRole: r.recipientRole,
      frequency: r.frequency,
      start: r.start,
      end: r.end,
      archivedAt: r.archivedAt,
      updatedAt: r.updatedAt,
      version: r.version,
      verdict: r.status ? { status: r.status, regime: r.regime, issues: JSON.parse(r.issues ?? "[]") as unknown } : null,
    })),
    total,
    page: pageNo,
    pageSize,
  };
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname !== "/transfers") {
    res.writeHead(404).end();
    return;
  }
  try {
    const pageNo = Math.max(1, Number(url.searchParams.get("page")) || 1);
    const pageSize = Math.min(100, Math.max(5, Number(url.searchParams.get("pageSize")) || 20));
    const body = JSON.stringify(page(url.searchParams.get("status"), pageNo, pageSize));
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  } catch (e) {
    res.writeHead(500, { "content-type": "text/plain" }).end(String(e));
  }
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0, verdicts: hasVerdicts, storedVerdicts, liveTransfers }));
});

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
