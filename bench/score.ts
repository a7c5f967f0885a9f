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
  fillWithSentinels,
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
// A full garbage collection before each timed engine run (node --expose-gc, as `npm run bench:score` starts it).
const collectGarbage = (globalThis as { gc?: () => void }).gc;

type SizeResult = {
  size: number;
  engineMs: number;
  engineReusedMs: number;
  poolMs: number;
  poolReusedMs: number;
  reuseDifferences: ReturnType<typeof compareEngineResults>;
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

  // Warm-up: at least 3 runs and 200,000 company-years through each side, so that every size is timed warm.
  const warmUpRuns = Math.min(20, Math.max(3, Math.ceil(200_000 / size)));
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

  const times = { engine: [] as number[], engineReused: [] as number[], pool: [] as number[] };
  const poolReusedTimes: number[] = [];
  const duckDbTimes: number[] = [];
  // The runs that score into an earlier result's columns start from the warm-up's results (checked above).
  // Each timed run starts after a full garbage collection (not timed), as each DuckDB run starts after
  // the previous results are dropped (not timed): the results of earlier runs are not freed during it.
  const timeEngineRun = (work: () => unknown) => {
    collectGarbage?.();
    return timeRun(work);
  };
  // The runs into reused columns start from the warm-up's results (checked above), every cell then set to a
  // value no scoring gives: a cell the engine forgot to rewrite would differ from the fresh result.
  fillWithSentinels(warmUp);
  fillWithSentinels(pooledWarmUp);
  let reusedBatch = warmUp;
  let reusedPooled = pooledWarmUp;
  let lastBatch = warmUp;
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    progress(`  repetition ${repetition + 1} of ${repetitions}`);
    times.engine.push(
      await timeEngineRun(() => {
        lastBatch = scoreEngineBatch(data);
      }),
    );
    times.engineReused.push(
      await timeEngineRun(() => {
        reusedBatch = scoreEngineBatch(data, reusedBatch);
      }),
    );
    times.pool.push(await timeEngineRun(() => scoreEngineInWorkers(pool, data)));
    poolReusedTimes.push(
      await timeEngineRun(async () => {
        reusedPooled = await scoreEngineInWorkers(pool, data, reusedPooled);
      }),
    );
    duckDbTimes.push(await runDuckDb(settings.threads));
    const last = (values: number[]) => formatDecimal(values.at(-1) ?? Number.NaN);
    progress(
      `    engine ${last(times.engine)} ms (columns reused ${last(times.engineReused)} ms), pool ${last(times.pool)} ms ` +
        `(reused ${last(poolReusedTimes)} ms), DuckDB ${last(duckDbTimes)} ms`,
    );
  }
  // Results scored into reused columns equal fresh ones, on every row.
  const reuseDifferences = compareEngineResults(lastBatch, reusedBatch);
  const pooledReuseDifferences = compareEngineResults(lastBatch, reusedPooled);
  reuseDifferences.differingRows += pooledReuseDifferences.differingRows;
  reuseDifferences.examples.push(...pooledReuseDifferences.examples);
  // The engine runs on one thread: DuckDB on one thread too, as a second reference.
  const duckDbOneThreadTimes: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    duckDbOneThreadTimes.push(await runDuckDb(1));
  }
  await duckDb.ask({ kind: "unload" }, "unloaded");
  results.push({
    size,
    engineMs: findMedian(times.engine),
    engineReusedMs: findMedian(times.engineReused),
    poolMs: findMedian(times.pool),
    poolReusedMs: findMedian(poolReusedTimes),
    reuseDifferences,
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
const met = (peerMs: number, ms: number) =>
  `${peerMs >= ms ? "met" : "not met"} (${formatRatio(peerMs / ms)})`;
const lines = [
  "bench:score — SECTOR batch scoring against DuckDB, same columns, same run",
  `Machine: ${describeMachine()}; load average (1 min) ${loadAtStart} at start, ${describeLoad()} at end`,
  `DuckDB ${settings.version} (@duckdb/node-api, in memory, threads = ${settings.threads}, in a process of its own); engine: one JavaScript thread, and a pool of ${workerCount} worker threads`,
  "Engine: scoreCompanyYearColumns, as the scoring jobs run it, one pass over the rows (scoreRows): Z′, Z″ + EM score",
  "        and rating, Zmijewski, Springate, Ohlson, CNDCEC I1–I5 with breach flags and the screen's outcome, and the",
  "        alert level (decideAlertLevel once per distinct input)",
  "DuckDB: I1–I5 percent with breach flags, Z′, Z″ and their zones, `create table results as select …` (the previous",
  "        run's `results` dropped first; DuckDB's allocator keeps that memory for the next run)",
  `Pool: createCompanyYearScoringPool (src/server/features/scoring/score-company-years-in-workers.ts), the rows split in up to ${4 * workerCount}`,
  "      contiguous ranges, each scored by the next free worker with the same scoreRows, straight into result columns in shared memory",
  'Engine result columns: allocated afresh ("fresh", every page new to the process), or the previous run\'s scored',
  "      again (\"reused\", scoreCompanyYearColumns' `into`), as DuckDB reuses its memory and as the scoring jobs' chunks reuse",
  "      the allocator's; inputs as a loader would hold them (numbers in shared memory, formats and legal forms encoded",
  "      once as one byte per row), loaded like DuckDB's appender load, not timed",
  `Median of ${repetitions} runs after a warm-up (≥ 3 runs and ≥ 200,000 company-years per side); results materialised on both sides.`,
  `Before each timed run: DuckDB drops the previous results; the engine's process collects its garbage (${collectGarbage ? "done" : "not done: start node with --expose-gc"}); neither is timed.`,
  "",
  formatTable(
    [
      "One thread",
      "Engine ms",
      "Engine cy/s",
      "Reused ms",
      "DuckDB ms",
      "DuckDB cy/s",
      "Engine ÷ DuckDB",
      "Reused ÷ DuckDB",
      "Engine ns/cy",
      "DuckDB ns/cy",
    ],
    results.map((result) => [
      formatInteger(result.size),
      formatDecimal(result.engineMs),
      formatInteger(perSecond(result.size, result.engineMs)),
      formatDecimal(result.engineReusedMs),
      formatDecimal(result.duckDbMs),
      formatInteger(perSecond(result.size, result.duckDbMs)),
      formatRatio(result.duckDbMs / result.engineMs),
      formatRatio(result.duckDbMs / result.engineReusedMs),
      formatDecimal((result.engineMs * 1e6) / result.size),
      formatDecimal((result.duckDbMs * 1e6) / result.size),
    ]),
  ),
  "",
  formatTable(
    [
      `${workerCount} workers`,
      "Pool ms",
      "Pool cy/s",
      "Reused ms",
      "Reused cy/s",
      "Pool ÷ DuckDB",
      "Reused ÷ DuckDB",
      "Pool ÷ engine on one thread",
    ],
    results.map((result) => [
      formatInteger(result.size),
      formatDecimal(result.poolMs),
      formatInteger(perSecond(result.size, result.poolMs)),
      formatDecimal(result.poolReusedMs),
      formatInteger(perSecond(result.size, result.poolReusedMs)),
      formatRatio(result.duckDbMs / result.poolMs),
      formatRatio(result.duckDbMs / result.poolReusedMs),
      formatRatio(result.engineMs / result.poolMs),
    ]),
  ),
  "",
  formatTable(
    ["DuckDB on one thread", "DuckDB ms", "DuckDB cy/s", "Engine ÷ DuckDB", "Reused ÷ DuckDB"],
    results.map((result) => [
      formatInteger(result.size),
      formatDecimal(result.duckDbOneThreadMs),
      formatInteger(perSecond(result.size, result.duckDbOneThreadMs)),
      formatRatio(result.duckDbOneThreadMs / result.engineMs),
      formatRatio(result.duckDbOneThreadMs / result.engineReusedMs),
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
      `pool vs DuckDB on ${formatInteger(result.poolAgreement.comparedRows)} rows: ${result.poolAgreement.differingRows} rows differ; ` +
      `reused columns (one thread and pool) vs fresh on every row: ${result.reuseDifferences.differingRows} rows differ`,
    ...result.poolDifferences.examples.map((example) => `  ${example}`),
    ...result.poolAgreement.examples.map((example) => `  ${example}`),
    ...result.reuseDifferences.examples.map((example) => `  ${example}`),
  ]),
  "",
  ...results.map(
    (result) =>
      `Target (engine at least as fast as DuckDB) at ${formatInteger(result.size)}: ` +
      `one thread ${met(result.duckDbMs, result.engineMs)}, reused ${met(result.duckDbMs, result.engineReusedMs)}; ` +
      `${workerCount} workers ${met(result.duckDbMs, result.poolMs)}, reused ${met(result.duckDbMs, result.poolReusedMs)}`,
  ),
];
process.stdout.write(`${lines.join("\n")}\n`);
