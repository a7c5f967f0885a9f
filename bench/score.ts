// `npm run bench:score`: the engine's batch path against DuckDB over the same synthetic columns.
// node --import tsx bench/score.ts [--sizes 10000,100000,1000000] [--repetitions 5] [--check-rows 2000]
//   [--compare-rows 10000] [--workers 2]
import { checkEngineRows } from "./support/check-engine-rows.ts";
import { compareWithDuckDb, type DuckDbAgreement } from "./support/compare-with-duckdb.ts";
import { fingerprintColumns } from "./support/fingerprint-columns.ts";
import { generateCompanyYears, generatorSeed } from "./support/generate-company-years.ts";
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
import { readOptions, readPositiveInteger, readSizes } from "./support/parse-bench-arguments.ts";
import { scoreEngineBatch } from "./support/score-engine-batch.ts";
import {
  compareEngineResults,
  createEngineWorkerPool,
  scoreEngineInWorkers,
} from "./support/score-engine-in-workers.ts";
import { startDuckDbProcess } from "./support/start-duckdb-process.ts";

const options = readOptions(["sizes", "repetitions", "check-rows", "compare-rows", "workers"]);
const sizes = readSizes(options.sizes, [10_000, 100_000, 1_000_000]);
const repetitions = readPositiveInteger("repetitions", options.repetitions, 5);
const checkRows = readPositiveInteger("check-rows", options["check-rows"], 2000);
const compareRows = readPositiveInteger("compare-rows", options["compare-rows"], 10_000);
const workerCount = readPositiveInteger("workers", options.workers, 2);
const progress = (text: string) => process.stderr.write(`${text}\n`);

type SizeResult = {
  size: number;
  engineMs: number;
  poolMs: number;
  duckDbMs: number;
  duckDbOneThreadMs: number;
  engineDifferences: string[];
  agreement: DuckDbAgreement;
  poolDifferences: ReturnType<typeof compareEngineResults>;
  poolAgreement: DuckDbAgreement;
};

// DuckDB runs in a process of its own (duckdb-scoring-process.ts): its native library, once loaded, slows
// the JavaScript of the process it is in, and the engine is timed in this one.
const duckDb = await startDuckDbProcess();
const settings = await duckDb.ask({ kind: "describe" }, "described");
// The workers start once (not timed); every call then copies the columns into shared memory (timed).
const pool = createEngineWorkerPool(workerCount);

const loadAtStart = describeLoad();
const results: SizeResult[] = [];
for (const size of sizes) {
  progress(`${formatInteger(size)} company-years: generating…`);
  const data = generateCompanyYears(size, generatorSeed);
  progress("  loading into DuckDB (its process generates the same columns; appender, not timed)…");
  const loaded = await duckDb.ask({ kind: "load", rowCount: size, seed: generatorSeed }, "loaded");
  if (loaded.fingerprint !== fingerprintColumns(data)) {
    throw new Error("The DuckDB process generated other columns than the engine's");
  }
  const runDuckDb = async (threads: number) => {
    const { times } = await duckDb.ask({ kind: "run", threads, runs: 1 }, "ran");
    return times[0] ?? Number.NaN;
  };

  // Warm-up: at least 200,000 company-years through each side, so that small sizes are timed warm too.
  const warmUpRuns = Math.min(20, Math.ceil(200_000 / size));
  progress(`  warm-up (${warmUpRuns} runs) and checks…`);
  let warmUp = scoreEngineBatch(data);
  for (let run = 1; run < warmUpRuns; run += 1) warmUp = scoreEngineBatch(data);
  let pooledWarmUp = await scoreEngineInWorkers(pool, data);
  for (let run = 1; run < warmUpRuns; run += 1) pooledWarmUp = await scoreEngineInWorkers(pool, data);
  for (let run = 0; run < warmUpRuns; run += 1) await runDuckDb(settings.threads);
  const engineDifferences = checkEngineRows(data, warmUp, checkRows);
  const { rows: duckDbRows } = await duckDb.ask({ kind: "read", rowCount: compareRows }, "rows");
  const agreement = compareWithDuckDb(duckDbRows, warmUp);
  // Every row of the pooled result against the single-threaded one, and its first rows against DuckDB.
  const poolDifferences = compareEngineResults(warmUp, pooledWarmUp);
  const poolAgreement = compareWithDuckDb(duckDbRows, pooledWarmUp);

  const engineTimes: number[] = [];
  const poolTimes: number[] = [];
  const duckDbTimes: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    progress(`  repetition ${repetition + 1} of ${repetitions}`);
    let batch: ReturnType<typeof scoreEngineBatch> | undefined;
    engineTimes.push(
      await timeRun(() => {
        batch = scoreEngineBatch(data);
      }),
    );
    // Every output column exists once the call returns: the results are materialised.
    if (batch?.alertLevel.length !== size) throw new Error("The engine returned no alert level column");
    let pooled: Awaited<ReturnType<typeof scoreEngineInWorkers>> | undefined;
    poolTimes.push(
      await timeRun(async () => {
        pooled = await scoreEngineInWorkers(pool, data);
      }),
    );
    if (pooled?.alertLevel.length !== size) throw new Error("The pool returned no alert level column");
    duckDbTimes.push(await runDuckDb(settings.threads));
    progress(
      `    engine ${formatDecimal(engineTimes.at(-1) ?? 0)} ms, pool ${formatDecimal(poolTimes.at(-1) ?? 0)} ms, DuckDB ${formatDecimal(duckDbTimes.at(-1) ?? 0)} ms`,
    );
  }
  // The engine runs on one thread: DuckDB on one thread too, as a second reference.
  const duckDbOneThreadTimes: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    duckDbOneThreadTimes.push(await runDuckDb(1));
  }
  await duckDb.ask({ kind: "unload" }, "unloaded");
  results.push({
    size,
    engineMs: findMedian(engineTimes),
    poolMs: findMedian(poolTimes),
    duckDbMs: findMedian(duckDbTimes),
    duckDbOneThreadMs: findMedian(duckDbOneThreadTimes),
    engineDifferences,
    agreement,
    poolDifferences,
    poolAgreement,
  });
}
await pool.close();
await duckDb.stop();

const perSecond = (size: number, milliseconds: number) => (size * 1000) / milliseconds;
const smallest = results[0];
const lines = [
  "bench:score — SECTOR batch scoring against DuckDB, same columns, same run",
  `Machine: ${describeMachine()}; load average (1 min) ${loadAtStart} at start, ${describeLoad()} at end`,
  `DuckDB ${settings.version} (@duckdb/node-api, in memory, threads = ${settings.threads}, in a process of its own); engine: one JavaScript thread, and a pool of ${workerCount} worker threads`,
  "Engine: scoreCompanyYearColumns, as the scoring jobs run it, one pass over the rows (scoreRows): Z′, Z″ + EM score",
  "        and rating, Zmijewski, Springate, Ohlson, CNDCEC I1–I5 with breach flags and the screen's outcome, and the",
  "        alert level (decideAlertLevel once per distinct input)",
  "DuckDB: I1–I5 percent with breach flags, Z′, Z″ and their zones, `create table results as select …`",
  `Pool: createCompanyYearScoringPool (src/server/features/scoring/score-company-years-in-workers.ts), the rows split in ${workerCount}`,
  "      contiguous ranges, each scored by the same scoreRows in a worker, straight into result columns in shared memory",
  "Both: result columns allocated afresh on every run; inputs as a loader would hold them (numbers in shared memory, formats",
  "      and legal forms encoded once as one byte per row), loaded like DuckDB's appender load, not timed",
  `Median of ${repetitions} runs after a warm-up (≥ 200,000 company-years per side); results materialised on both sides; loading not timed.`,
  "",
  formatTable(
    [
      "Company-years",
      "Engine ms",
      "Engine cy/s",
      "DuckDB ms",
      "DuckDB cy/s",
      "Engine ÷ DuckDB speed",
      "Engine ns/cy",
      "DuckDB ns/cy",
    ],
    results.map((result) => [
      formatInteger(result.size),
      formatDecimal(result.engineMs),
      formatInteger(perSecond(result.size, result.engineMs)),
      formatDecimal(result.duckDbMs),
      formatInteger(perSecond(result.size, result.duckDbMs)),
      formatRatio(result.duckDbMs / result.engineMs),
      formatDecimal((result.engineMs * 1e6) / result.size),
      formatDecimal((result.duckDbMs * 1e6) / result.size),
    ]),
  ),
  "",
  formatTable(
    [
      `Engine in ${workerCount} workers`,
      "Pool ms",
      "Pool cy/s",
      "Pool ÷ DuckDB speed",
      "Pool ÷ engine on one thread",
      "Pool ns/cy",
    ],
    results.map((result) => [
      formatInteger(result.size),
      formatDecimal(result.poolMs),
      formatInteger(perSecond(result.size, result.poolMs)),
      formatRatio(result.duckDbMs / result.poolMs),
      formatRatio(result.engineMs / result.poolMs),
      formatDecimal((result.poolMs * 1e6) / result.size),
    ]),
  ),
  "",
  formatTable(
    ["DuckDB on one thread", "DuckDB ms", "DuckDB cy/s", "Engine ÷ DuckDB speed"],
    results.map((result) => [
      formatInteger(result.size),
      formatDecimal(result.duckDbOneThreadMs),
      formatInteger(perSecond(result.size, result.duckDbOneThreadMs)),
      formatRatio(result.duckDbOneThreadMs / result.engineMs),
    ]),
  ),
  "",
  formatTable(
    ["Cost linear in N", "Engine ns/cy", "Engine ns/cy ÷ at smallest N", "DuckDB ns/cy ÷ at smallest N"],
    results.map((result) => [
      formatInteger(result.size),
      formatDecimal((result.engineMs * 1e6) / result.size),
      smallest ? formatRatio(result.engineMs / result.size / (smallest.engineMs / smallest.size)) : "",
      smallest ? formatRatio(result.duckDbMs / result.size / (smallest.duckDbMs / smallest.size)) : "",
    ]),
  ),
  "",
  ...results.flatMap((result) => [
    `Checks at ${formatInteger(result.size)}: engine vs scoreCompanyYear on ${formatInteger(Math.min(checkRows, result.size))} rows: ` +
      `${result.engineDifferences.length} differences; engine vs DuckDB on ${formatInteger(result.agreement.comparedRows)} rows: ` +
      `${result.agreement.differingRows} rows differ`,
    ...result.engineDifferences.slice(0, 5).map((difference) => `  ${difference}`),
    ...result.agreement.examples.map((example) => `  ${example}`),
    `Checks at ${formatInteger(result.size)}: pool vs engine on one thread on every row: ${result.poolDifferences.differingRows} rows differ; ` +
      `pool vs DuckDB on ${formatInteger(result.poolAgreement.comparedRows)} rows: ${result.poolAgreement.differingRows} rows differ`,
    ...result.poolDifferences.examples.map((example) => `  ${example}`),
    ...result.poolAgreement.examples.map((example) => `  ${example}`),
  ]),
  "",
  ...results.map(
    (result) =>
      `Target (engine at least as fast as DuckDB) at ${formatInteger(result.size)}: ` +
      `one thread ${result.duckDbMs >= result.engineMs ? "met" : "not met"} (${formatRatio(result.duckDbMs / result.engineMs)}), ` +
      `${workerCount} workers ${result.duckDbMs >= result.poolMs ? "met" : "not met"} (${formatRatio(result.duckDbMs / result.poolMs)})`,
  ),
];
process.stdout.write(`${lines.join("\n")}\n`);
