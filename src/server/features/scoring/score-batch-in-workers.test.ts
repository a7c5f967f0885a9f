import { afterAll, describe, expect, it } from "vitest";
import { createRandom } from "../../../domain/demo/prng.ts";
import { distressModels2025 } from "../../../domain/early-warning/rule-sets/distress-models-2025.ts";
import { type PreviousYearColumns, scoreBatch } from "../../../domain/early-warning/score-batch.ts";
import type { StatementColumns } from "../../../domain/early-warning/scoring-financial-aggregates.ts";
import type { LineItemId, StatementFormat } from "../../../domain/statements/line-items.ts";
import { createScoreBatchPool, flattenBatchScores } from "./score-batch-in-workers.ts";

const itemIds: LineItemId[] = [
  "totalAssets",
  "equity",
  "inventories",
  "receivablesDueWithinOneYear",
  "cashAndEquivalents",
  "debtsDueWithinOneYear",
  "accruedLiabilitiesAndDeferredIncome",
  "legalReserve",
  "otherReserves",
  "retainedEarnings",
  "operatingResult",
  "resultBeforeTaxes",
  "netResult",
  "revenue",
  "depreciationOfTangibleAssets",
];
const formats: StatementFormat[] = ["ordinary", "abridged", "micro", "consolidated"];

/** Random company-years with missing cells, zero totals and rows without a previous year. */
function generateColumns(rowCount: number): { current: StatementColumns; previous: PreviousYearColumns } {
  const random = createRandom(51_213);
  const items = new Map(itemIds.map((id) => [id, new Float64Array(rowCount)]));
  const format: StatementFormat[] = [];
  const periodEndYear = new Float64Array(rowCount);
  const previousFormat: (StatementFormat | undefined)[] = [];
  const previousNetResult = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row += 1) {
    format.push(random.pick(formats));
    periodEndYear[row] = random.integer(2019, 2025);
    const totalAssets = random.chance(0.03) ? 0 : random.integer(1, 10_000_000_000);
    for (const column of items.values()) {
      column[row] = random.chance(0.08) ? Number.NaN : Math.round(totalAssets * random.between(-0.3, 0.6));
    }
    (items.get("totalAssets") as Float64Array)[row] = totalAssets;
    const hasPrevious = random.chance(0.9);
    previousFormat.push(hasPrevious ? format[row] : undefined);
    previousNetResult[row] = hasPrevious ? Math.round(totalAssets * random.between(-0.2, 0.2)) : Number.NaN;
  }
  return {
    current: { format, periodEndYear, ...Object.fromEntries(items) },
    previous: { format: previousFormat, netResult: previousNetResult },
  };
}

describe("scoreBatch in a pool of workers", () => {
  const pool = createScoreBatchPool(2);
  afterAll(() => pool.close());

  it("gives, row by row, what scoreBatch gives on one thread", async () => {
    // Not a multiple of the 2,048-row block, so that a range ends inside a block.
    const { current, previous } = generateColumns(5_123);
    const expected = flattenBatchScores(scoreBatch(current, distressModels2025, previous));
    const pooled = await pool.scoreBatch(current, distressModels2025, previous);
    expect(pooled.rowCount).toBe(5_123);
    expect(pooled.ruleSetVersion).toBe(distressModels2025.version);
    const actual = flattenBatchScores(pooled);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, column] of Object.entries(expected)) {
      expect(Array.from(actual[name] ?? []), name).toEqual(Array.from(column));
    }
  });

  it("scores without previous-year columns, and batches smaller than a block", async () => {
    const { current } = generateColumns(300);
    const expected = flattenBatchScores(scoreBatch(current, distressModels2025));
    const actual = flattenBatchScores(await pool.scoreBatch(current, distressModels2025));
    expect(actual["ohlson.value"]).toBeUndefined();
    for (const [name, column] of Object.entries(expected)) {
      expect(Array.from(actual[name] ?? []), name).toEqual(Array.from(column));
    }
  });

  it("rejects columns of different lengths", async () => {
    const { current } = generateColumns(10);
    await expect(
      pool.scoreBatch({ ...current, format: current.format.slice(0, 5) }, distressModels2025),
    ).rejects.toThrow();
  });
});
