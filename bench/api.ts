// `npm run bench:api`: the filtered detection list and the district dashboard under load, against a
// trivial endpoint (GET /api/health) of the same server in the same run, on PostgreSQL.
// node --import tsx bench/api.ts [--companies 100000] [--years 5] [--duration 10] [--connections 50]
//   [--postgres-url postgres://postgres@127.0.0.1:5432/postgres] [--keep-database] [--reuse-database <name>]
import { parseArgs } from "node:util";
import autocannon, { type AutocannonResult } from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openPostgres, queryRows } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrate.ts";
import { rebuildDistrictAggregates } from "../src/server/features/district-dashboard/rebuild-district-aggregates.ts";
import { scoreCompanies } from "../src/server/features/scoring/score-companies.ts";
import { loadReferenceData } from "../src/server/features/territories/load-reference-data.ts";
import { grantRole } from "../src/server/features/users/change-grants.ts";
import { createUser } from "../src/server/features/users/invite-user.ts";
import { loadApiBenchData } from "./support/load-api-bench-data.ts";
import {
  describeLoad,
  describeMachine,
  formatDecimal,
  formatInteger,
  formatRatio,
  formatTable,
  timeRun,
} from "./support/measure-runs.ts";
import { probePostgres } from "./support/open-bench-databases.ts";
import { readPositiveInteger } from "./support/parse-bench-arguments.ts";
import { startBenchServer } from "./support/start-bench-server.ts";

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    companies: { type: "string" },
    years: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string" },
    "postgres-url": { type: "string" },
    "keep-database": { type: "boolean" },
    "reuse-database": { type: "string" },
  },
  strict: true,
});
const companyCount = readPositiveInteger("companies", options.companies, 100_000);
const years = readPositiveInteger("years", options.years, 5);
const durationSeconds = readPositiveInteger("duration", options.duration, 10);
const connections = readPositiveInteger("connections", options.connections, 50);
const adminUrl = options["postgres-url"] ?? "postgres://postgres@127.0.0.1:5432/postgres";
const serverPoolSize = 20;
const districtCode = "prato-tessile";
const clock = () => new Date();
const progress = (text: string) => process.stderr.write(`${text}\n`);

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function runAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function progressEvery(label: string) {
  let lastShare = -1;
  return (done: number, total: number) => {
    const share = Math.floor((done / Math.max(1, total)) * 10);
    if (share === lastShare && done !== total) return;
    lastShare = share;
    progress(`  ${label}: ${formatInteger(done)} of ${formatInteger(total)}`);
  };
}

const loadAtStart = describeLoad();
const postgres = await probePostgres(adminUrl);
if (!postgres.isReachable) {
  process.stderr.write(`PostgreSQL unreachable at ${adminUrl} (${postgres.message}); bench:api needs it.\n`);
  process.exit(1);
}
// --reuse-database measures again on a database an earlier run loaded and kept (--keep-database).
const reusedName = options["reuse-database"];
if (reusedName !== undefined && !/^sector_bench_api_\d+$/.test(reusedName)) {
  process.stderr.write(
    `--reuse-database takes a database kept by an earlier run (sector_bench_api_<ms>), not ${reusedName}\n`,
  );
  process.exit(1);
}
const databaseName = reusedName ?? `sector_bench_api_${Date.now()}`;
const databaseUrl = withDatabase(adminUrl, databaseName);
if (!reusedName) await runAdmin(`create database ${databaseName}`);
let stopServer: (() => Promise<void>) | undefined;
try {
  const handle = openPostgres(databaseUrl, 8);
  const timings: [string, number][] = [];
  let loaded = { companies: 0, statements: 0 };
  let aggregateCount = 0;
  const email = "bench-analyst@example.test";
  const password = "bench password long enough";
  try {
    if (reusedName) {
      progress(`Database ${databaseName}: reused as an earlier run left it (nothing loaded or scored now)`);
      const [counts] = await queryRows<{ companies: number; statements: number; aggregates: number }>(
        handle.db,
        sql`select (select count(*)::int from companies) as companies,
          (select count(*)::int from financial_statements) as statements,
          (select count(*)::int from district_risk_aggregates) as aggregates`,
      );
      loaded = { companies: counts?.companies ?? 0, statements: counts?.statements ?? 0 };
      aggregateCount = counts?.aggregates ?? 0;
    } else {
      progress(`Database ${databaseName}: migrating and loading the reference data…`);
      await migrate(handle);
      await queryRows(handle.db, sql`insert into installations (id) values (1) on conflict do nothing`);
      await loadReferenceData({ db: handle.db, clock });
      progress(`Loading ${formatInteger(companyCount)} companies × ${years} statements (demo generator)…`);
      timings.push([
        "Load companies and statements",
        await timeRun(async () => {
          loaded = await loadApiBenchData(handle, {
            companyCount,
            years,
            onProgress: progressEvery("companies"),
          });
        }),
      ]);
      progress("Scoring every company-year (scores, risk projection)…");
      timings.push([
        "Score + risk projection (scoreCompanies)",
        await timeRun(() =>
          scoreCompanies({ db: handle.db, clock }, undefined, progressEvery("companies scored")),
        ),
      ]);
      timings.push([
        "District aggregates (rebuildDistrictAggregates)",
        await timeRun(async () => {
          aggregateCount = (await rebuildDistrictAggregates({ db: handle.db, clock })).aggregates;
        }),
      ]);
      // As autovacuum would leave a loaded database: statistics, and the visibility map that lets the
      // list's totals be index-only scans (done here so it does not run during the measurement).
      await handle.exec("vacuum analyze");
      // Writes the loading's dirty pages now rather than in a checkpoint during the measurement.
      await handle.exec("checkpoint");
      const userId = await createUser(
        { db: handle.db, clock },
        { email, displayName: "Bench analyst", password, locale: "en" },
      );
      const meta = { ipAddress: undefined, requestId: undefined };
      await grantRole(
        { db: handle.db, clock },
        { userId: null, email: "bench@example.test" },
        { userId, role: "analyst", territoryCode: "IT", companyIds: [] },
        meta,
      );
    }
  } finally {
    await handle.close();
  }
  const [counts] = await (async () => {
    const reader = openPostgres(databaseUrl, 1);
    try {
      return await queryRows<{ risk: number; red: number }>(
        reader.db,
        sql`select count(*)::int as risk, count(*) filter (where alert_level = 'red')::int as red from company_risk_years`,
      );
    } finally {
      await reader.close();
    }
  })();

  progress("Starting the server (sector serve --no-web) on 127.0.0.1…");
  const server = await startBenchServer(databaseUrl, serverPoolSize);
  stopServer = server.stop;
  // A browser session: API tokens record their last use on every request, sessions at most once a minute.
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const headers = { Cookie: (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "" };
  // Every request a page the cache cannot hold: the same list (district, red, most severe first) asked
  // in 800 ways (page sizes 1–200 × no territory, IT, ITI, ITI1, which all contain the district) cycled in
  // order, more than the 500 pages a server keeps, so each was evicted before it comes round again.
  const territoryFilters = ["", "&territory=IT", "&territory=ITI", "&territory=ITI1"];
  let missCounter = 0;
  const nextMissPath = () => {
    const index = missCounter++ % (territoryFilters.length * 200);
    return `/api/early-warning/companies?district=${districtCode}&alertLevel=red${territoryFilters[index % territoryFilters.length]}&limit=${1 + Math.floor(index / territoryFilters.length)}`;
  };
  const endpoints: {
    name: string;
    path: string;
    headers: Record<string, string>;
    nextPath?: () => string;
  }[] = [
    { name: "Trivial: GET /api/health", path: "/api/health", headers: {} },
    {
      name: "List: GET /api/early-warning/companies (district, red, 50)",
      path: `/api/early-warning/companies?district=${districtCode}&alertLevel=red&limit=50`,
      headers,
    },
    {
      name: "List, a different page each request (no cache hits)",
      path: `/api/early-warning/companies?district=${districtCode}&alertLevel=red&limit=50`,
      headers,
      nextPath: nextMissPath,
    },
    {
      name: "Dashboard: GET /api/districts/{code}/dashboard",
      path: `/api/districts/${districtCode}/dashboard`,
      headers,
    },
  ];
  for (const endpoint of endpoints) {
    const response = await fetch(`${server.url}${endpoint.path}`, { headers: endpoint.headers });
    if (response.status !== 200)
      throw new Error(
        `${endpoint.path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
      );
    await response.arrayBuffer();
  }
  const results: [string, AutocannonResult][] = [];
  for (const endpoint of endpoints) {
    progress(`autocannon: ${endpoint.name}, ${connections} connections, ${durationSeconds} s…`);
    const { nextPath } = endpoint;
    const requests = nextPath
      ? [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, path: nextPath() }) }]
      : undefined;
    const load = (duration: number) =>
      autocannon({
        url: `${server.url}${endpoint.path}`,
        connections,
        duration,
        headers: endpoint.headers,
        ...(requests ? { requests } : {}),
      });
    await load(2);
    results.push([endpoint.name, await load(durationSeconds)]);
  }
  const trivial = results[0]?.[1];
  const rows = results.map(([name, result]) => [
    name,
    formatInteger(result.requests.average),
    formatDecimal(result.latency.p50),
    formatDecimal(result.latency.p99),
    formatInteger(result.non2xx + result.errors + result.timeouts),
    trivial ? formatRatio(result.latency.p99 / Math.max(trivial.latency.p99, 1)) : "",
    trivial ? formatRatio(result.requests.average / Math.max(trivial.requests.average, 1)) : "",
  ]);
  const list = results[1]?.[1];
  const uncachedList = results[2]?.[1];
  const dashboard = results[3]?.[1];
  const listRatio = list && trivial ? list.latency.p99 / Math.max(trivial.latency.p99, 1) : Number.NaN;
  const lines = [
    "bench:api — the filtered list and the district dashboard against a trivial endpoint of the same server, same run",
    `Machine: ${describeMachine()}; load average (1 min) ${loadAtStart} at start, ${describeLoad()} at end`,
    `PostgreSQL: ${postgres.message.split(",")[0]}, database ${databaseName}; server pool ${serverPoolSize} connections`,
    `Data: ${formatInteger(loaded.companies)} companies, ${formatInteger(loaded.statements)} statements, ` +
      `${formatInteger(counts?.risk ?? 0)} company-years in the risk projection (${formatInteger(counts?.red ?? 0)} red), ` +
      `${formatInteger(aggregateCount)} district aggregates`,
    "",
    formatTable(
      ["Preparation", "s"],
      timings.map(([name, milliseconds]) => [name, formatDecimal(milliseconds / 1000)]),
    ),
    "",
    `autocannon: ${connections} connections, ${durationSeconds} s per endpoint after a 2 s warm-up, 127.0.0.1; latency in ms (autocannon's 1 ms resolution)`,
    formatTable(
      ["Endpoint", "req/s", "p50", "p99", "Non-2xx/errors", "p99 ÷ trivial", "req/s ÷ trivial"],
      rows,
    ),
    "",
    `Target (list p99 within 10× the trivial endpoint's p99): ${listRatio <= 10 ? "met" : "not met"} (${formatRatio(listRatio)}); ` +
      `pages the cache does not hold: ${formatRatio((uncachedList?.latency.p99 ?? Number.NaN) / Math.max(trivial?.latency.p99 ?? 1, 1))}`,
    `Dashboard served from precomputed aggregates (district_risk_aggregates only): p99 ${formatDecimal(dashboard?.latency.p99 ?? Number.NaN)} ms, ` +
      `${formatRatio((dashboard?.latency.p99 ?? Number.NaN) / Math.max(trivial?.latency.p99 ?? 1, 1))} the trivial endpoint's`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  await stopServer?.();
  if (!options["keep-database"] && !reusedName) {
    await runAdmin(`drop database if exists ${databaseName} with (force)`);
  } else progress(`Kept the database: ${databaseUrl}`);
}
