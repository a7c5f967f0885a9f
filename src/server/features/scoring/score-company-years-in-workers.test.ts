import { afterAll, describe, expect, it } from "vitest";
import { buildCompanyYearColumns } from "../../../domain/early-warning/build-company-year-columns.ts";
import { crisisCodeRuleSet2019 } from "../../../domain/early-warning/rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "../../../domain/early-warning/rule-sets/distress-models-2025.ts";
import {
  type CompanyYearScores,
  scoreCompanyYearColumns,
} from "../../../domain/early-warning/score-company-year-columns.ts";
import { randomCompanyYearRows } from "../../../domain/early-warning/scoring-test-statements.ts";
import { createCompanyYearScoringPool, listScoreColumns } from "./score-company-years-in-workers.ts";

const ruleSets = { crisisCode: crisisCodeRuleSet2019, distress: distressModels2025 };

/** Every result column as a plain array, named as in listScoreColumns, and each row's alert decision. */
function flatten(scores: CompanyYearScores) {
  const columns: Record<string, number[]> = {};
  for (const [model, parts] of Object.entries(scores.models)) {
    if (typeof parts !== "object") continue;
    for (const [name, cells] of Object.entries(parts)) columns[`models.${model}.${name}`] = Array.from(cells);
  }
  for (const [name, cells] of Object.entries(scores.indices)) {
    if (ArrayBuffer.isView(cells)) columns[`indices.${name}`] = Array.from(cells as Uint8Array);
    else {
      for (const [index, column] of Object.entries(cells)) {
        columns[`indices.${name}.${index}`] = Array.from(column as Float64Array);
      }
    }
  }
  columns["alertLevel.level"] = Array.from(scores.alertLevel.level);
  const decisions = Array.from(scores.alertLevel.decision, (index) => scores.alertLevel.decisions[index]);
  return { columns, decisions };
}

describe(createCompanyYearScoringPool, () => {
  const pool = createCompanyYearScoringPool(2);
  afterAll(() => pool.close());

  it("gives, row by row and cell by cell, what scoreCompanyYearColumns gives on one thread", async () => {
    // 16 blocks of 2,048 rows and 123 more: two ranges (a range has at least eight blocks), one per
    // worker, the second ending inside a block.
    const columns = buildCompanyYearColumns(randomCompanyYearRows(16 * 2048 + 123, 41));
    const expected = flatten(scoreCompanyYearColumns(columns, ruleSets));
    const pooled = await pool.score(columns, ruleSets);
    expect(pooled.models.rowCount).toBe(16 * 2048 + 123);
    expect(pooled.models.ruleSetVersion).toBe(distressModels2025.version);
    expect(pooled.models.altmanZPrime.value.buffer).toBeInstanceOf(SharedArrayBuffer);
    const actual = flatten(pooled);
    expect(Object.keys(actual.columns).sort()).toEqual(
      Object.keys(listScoreColumns(true))
        .filter((name) => name !== "alertLevel.decision")
        .sort(),
    );
    expect(actual.columns).toEqual(expected.columns);
    // Each worker decides its own rows: the decisions are merged, every row keeps its own.
    expect(actual.decisions).toEqual(expected.decisions);
    expect(new Set(pooled.alertLevel.decisions.map((made) => JSON.stringify(made))).size).toBe(
      pooled.alertLevel.decisions.length,
    );
  });

  it("scores into an earlier result's shared columns as into fresh ones", async () => {
    const earlier = await pool.score(buildCompanyYearColumns(randomCompanyYearRows(3_000, 45)), ruleSets);
    const columns = buildCompanyYearColumns(randomCompanyYearRows(3_000, 46));
    const reused = await pool.score(columns, ruleSets, earlier);
    expect(reused.models.zmijewski.value).toBe(earlier.models.zmijewski.value);
    expect(flatten(reused)).toEqual(flatten(scoreCompanyYearColumns(columns, ruleSets)));
    // The earlier result itself now holds the new scores and decisions.
    expect(reused.alertLevel).toBe(earlier.alertLevel);
    expect(flatten(earlier)).toEqual(flatten(reused));
  });

  it("leaves an earlier result as it was when a call into it is refused by a closed pool", async () => {
    const closed = createCompanyYearScoringPool(1);
    const columns = buildCompanyYearColumns(randomCompanyYearRows(100, 48));
    const earlier = await closed.score(columns, ruleSets);
    const before = flatten(earlier);
    await closed.close();
    await expect(
      closed.score(buildCompanyYearColumns(randomCompanyYearRows(100, 49)), ruleSets, earlier),
    ).rejects.toThrow(/closed/);
    expect(flatten(earlier)).toEqual(before);
  });

  it("refuses to score into columns that are not in shared memory, or of another size", async () => {
    const columns = buildCompanyYearColumns(randomCompanyYearRows(50, 47));
    const onOneThread = scoreCompanyYearColumns(columns, ruleSets);
    await expect(pool.score(columns, ruleSets, onOneThread)).rejects.toThrow(/must be in shared memory/);
    const smaller = await pool.score(buildCompanyYearColumns(randomCompanyYearRows(40, 47)), ruleSets);
    await expect(pool.score(columns, ruleSets, smaller)).rejects.toThrow(/has 40 rows, the input 50/);
    // The pool still scores after refusing.
    expect(flatten(await pool.score(columns, ruleSets))).toEqual(flatten(onOneThread));
  });

  it("scores without previous-year columns, and batches smaller than a block", async () => {
    const rows = randomCompanyYearRows(300, 42).map((row) => ({ ...row, previous: undefined }));
    const columns = buildCompanyYearColumns(rows);
    expect(columns.previous).toBeUndefined();
    const pooled = await pool.score(columns, ruleSets);
    expect(pooled.models.ohlson).toBeUndefined();
    expect(flatten(pooled)).toEqual(flatten(scoreCompanyYearColumns(columns, ruleSets)));
  });

  it("fails a call still running when the pool is closed, and every later call", async () => {
    const closing = createCompanyYearScoringPool(1);
    const columns = buildCompanyYearColumns(randomCompanyYearRows(20_000, 44));
    // Both calls' outcomes are awaited together, so that neither rejection goes unobserved meanwhile.
    const outcomes = Promise.allSettled([closing.score(columns, ruleSets), closing.score(columns, ruleSets)]);
    // The first call is under way (its worker is still starting, or already scoring) when the pool closes.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await closing.close();
    for (const outcome of await outcomes) {
      expect(outcome.status).toBe("rejected");
      expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/closed/);
    }
    await expect(closing.score(columns, ruleSets)).rejects.toThrow(/closed/);
  });

  it("rejects columns of different lengths, and keeps working after", async () => {
    const columns = buildCompanyYearColumns(randomCompanyYearRows(10, 43));
    await expect(pool.score({ ...columns, sectorGroup: new Uint8Array(4) }, ruleSets)).rejects.toThrow(
      /must have 10 rows/,
    );
    const shortColumn = { ...columns, current: { ...columns.current, totalAssets: new Float64Array(3) } };
    await expect(pool.score(shortColumn, ruleSets)).rejects.toThrow(/has 3 rows, not 10/);
    expect((await pool.score(columns, ruleSets)).alertLevel.level).toHaveLength(10);
  });
});
