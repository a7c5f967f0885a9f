// `npm run bench:ingest`: importing filings end to end (PGlite, PostgreSQL) against raw saxes tokenisation.
// node --import tsx bench/ingest.ts [--filings 2000] [--repetitions 3] [--postgres-url postgres://…/postgres]
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows } from "../src/server/db/client.ts";
import { importXbrlFiles } from "../src/server/features/imports/import-xbrl-files.ts";
import { parseItccXbrl } from "../src/server/features/imports/xbrl/parse-itcc-xbrl.ts";
import { packageRoot } from "../src/server/paths.ts";
import { type GeneratedFiling, generateFilings } from "./support/generate-filings.ts";
import {
  describeLoad,
  describeMachine,
  findMedian,
  formatDecimal,
  formatInteger,
  formatRatio,
  formatTable,
  timeRun,
} from "./support/measure-runs.ts";
import {
  type BenchDatabase,
  openBenchPglite,
  openBenchPostgres,
  probePostgres,
} from "./support/open-bench-databases.ts";
import { readOptions, readPositiveInteger } from "./support/parse-bench-arguments.ts";
import { tokeniseFilings } from "./support/tokenise-filings.ts";

const options = readOptions(["filings", "repetitions", "postgres-url"]);
const filingCount = readPositiveInteger("filings", options.filings, 2000);
const repetitions = readPositiveInteger("repetitions", options.repetitions, 3);
const adminUrl = options["postgres-url"] ?? "postgres://postgres@127.0.0.1:5432/postgres";
const warmUpCount = Math.min(100, filingCount);
const templateName = "it-pucci-srl-2024-ordinary.xbrl";
const template = fs.readFileSync(path.resolve(packageRoot, "../shared/fixtures/xbrl", templateName), "utf8");
const clock = () => new Date("2026-11-25T09:00:00.000Z");
const progress = (text: string) => process.stderr.write(`${text}\n`);

// The CLI's batch path: a transaction per group of files, stored together (a savepoint each only on failure), scored per group.
async function importAll(database: BenchDatabase, filings: readonly GeneratedFiling[]): Promise<void> {
  const report = await importXbrlFiles({ db: database.handle.db, clock }, filings);
  const notImported = report.files.find((file) => file.outcome !== "imported");
  if (notImported)
    throw new Error(`${database.name}: ${notImported.fileName} was ${notImported.outcome}, not imported`);
}

async function parseAll(filings: readonly GeneratedFiling[]): Promise<void> {
  for (const filing of filings) {
    await parseItccXbrl(
      (async function* () {
        yield filing.bytes;
      })(),
    );
  }
}

const loadAtStart = describeLoad();
const postgres = await probePostgres(adminUrl);
if (!postgres.isReachable)
  progress(`PostgreSQL unreachable at ${adminUrl} (${postgres.message}): PGlite only.`);
const databases: BenchDatabase[] = [];
const timesByPath = new Map<string, number[]>();
let bytesPerRepetition = 0;
try {
  progress("Opening and migrating the databases…");
  databases.push(await openBenchPglite());
  if (postgres.isReachable) databases.push(await openBenchPostgres(adminUrl));
  const paths: [string, (filings: readonly GeneratedFiling[]) => unknown][] = [
    ["Raw tokenisation (TextDecoder + saxes, no-op handlers)", tokeniseFilings],
    ["Parse, map and validate only (parseItccXbrl, no database)", parseAll],
    ...databases.map((database): [string, (filings: readonly GeneratedFiling[]) => unknown] => [
      `Import into ${database.name.split(" ")[0]} (parse, map, validate, store, score)`,
      (filings) => importAll(database, filings),
    ]),
  ];
  for (let round = -1; round < repetitions; round += 1) {
    const count = round < 0 ? warmUpCount : filingCount;
    progress(
      round < 0 ? `Warm-up: ${count} filings` : `Repetition ${round + 1} of ${repetitions}: ${count} filings`,
    );
    // Each round is a block of new companies, so that every import stores and scores (none is "unchanged").
    const filings = generateFilings(template, {
      count,
      firstCompanyNumber: 1_000_000 + (round + 1) * filingCount,
      seed: 2024,
    });
    const byteCount = filings.reduce((sum, filing) => sum + filing.bytes.byteLength, 0);
    for (const [name, run] of paths) {
      const milliseconds = await timeRun(() => run(filings));
      progress(`  ${name}: ${formatDecimal(milliseconds)} ms`);
      if (round < 0) continue;
      timesByPath.set(name, [...(timesByPath.get(name) ?? []), milliseconds]);
      bytesPerRepetition = byteCount;
    }
  }
  const stored = await Promise.all(
    databases.map(async (database) => {
      const [counts] = await queryRows<{ companies: number; statements: number; scores: number }>(
        database.handle.db,
        sql`select (select count(*)::int from companies) as companies,
          (select count(*)::int from financial_statements) as statements,
          (select count(*)::int from scores) as scores`,
      );
      return `${database.name}: ${formatInteger(counts?.companies ?? 0)} companies, ${formatInteger(counts?.statements ?? 0)} statement versions, ${formatInteger(counts?.scores ?? 0)} scores stored`;
    }),
  );

  const tokenisationMs = findMedian([...timesByPath.values()][0] ?? [Number.NaN]);
  const megabytes = bytesPerRepetition / 1e6;
  const rows = [...timesByPath.entries()].map(([name, times]) => {
    const milliseconds = findMedian(times);
    return [
      name,
      formatDecimal(milliseconds),
      formatDecimal((filingCount * 1000) / milliseconds),
      formatDecimal(megabytes / (milliseconds / 1000)),
      formatRatio(tokenisationMs / milliseconds),
      times.map((time) => formatInteger((filingCount * 1000) / time)).join(" / "),
    ];
  });
  const postgresTimes = [...timesByPath.entries()].find(([name]) =>
    name.startsWith("Import into PostgreSQL"),
  );
  const postgresRatio = postgresTimes ? tokenisationMs / findMedian(postgresTimes[1]) : undefined;
  const lines = [
    "bench:ingest — importing filings end to end against raw saxes tokenisation of the same bytes, same run",
    `Machine: ${describeMachine()}; load average (1 min) ${loadAtStart} at start, ${describeLoad()} at end`,
    `PostgreSQL: ${postgres.isReachable ? postgres.message.split(",")[0] : `unreachable at ${adminUrl} (${postgres.message})`}; PGlite in a temporary folder`,
    `Filings: ${formatInteger(filingCount)} variants of ${templateName} per repetition (new partita IVA and name, euro amounts scaled per period), ` +
      `${formatDecimal(megabytes)} MB (10^6 bytes) per repetition`,
    `Median of ${repetitions} repetitions after a warm-up of ${warmUpCount} filings; imported in groups of 50 filings per transaction, as sector import does.`,
    "",
    formatTable(
      ["Path", "ms", "Filings/s", "MB/s", "Speed ÷ tokenisation", "Filings/s per repetition"],
      rows,
    ),
    "",
    ...stored,
    "",
    postgresRatio === undefined
      ? "Target (PostgreSQL import ≥ 0.5 × raw tokenisation): not measured, PostgreSQL unreachable"
      : `Target (PostgreSQL import ≥ 0.5 × raw tokenisation): ${postgresRatio >= 0.5 ? "met" : "not met"} (${formatRatio(postgresRatio)})`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  for (const database of databases) await database.dispose();
}
