import { describe, expect, it } from "vitest";
import { createRandom } from "../demo/prng.ts";
import type { LineItemId, LineItemValues, StatementFormat } from "../statements/line-items.ts";
import type { ModelResult, StatementInput } from "./model-result.ts";
import { distressModels2025 } from "./rule-sets/distress-models-2025.ts";
import { type PreviousYearColumns, scoreBatch } from "./score-batch.ts";
import { computeAltmanZDoublePrime, computeAltmanZPrime } from "./scoring-altman.ts";
import type { StatementColumns } from "./scoring-financial-aggregates.ts";
import { findEmRatingOfCode, toZoneCode, zoneCodes } from "./scoring-models.ts";
import { computeOhlson } from "./scoring-ohlson.ts";
import type { DistressModelsRuleSet } from "./scoring-rule-set.ts";
import { emRatings } from "./scoring-rule-set.ts";
import { computeSpringate } from "./scoring-springate.ts";
import { makeStatement } from "./scoring-test-statements.ts";
import { computeZmijewski } from "./scoring-zmijewski.ts";

// A price-level index for one year, so that rows of 2022 exercise the series and the others the default.
const ruleSet: DistressModelsRuleSet = {
  ...distressModels2025,
  ohlson: {
    ...distressModels2025.ohlson,
    priceLevelIndexByYear: { 2022: { value: 1.5, source: "test series", tag: "R" } },
  },
};

const itemIds: LineItemId[] = [
  "totalAssets",
  "equity",
  "inventories",
  "receivablesDueWithinOneYear",
  "currentFinancialAssets",
  "cashAndEquivalents",
  "accruedIncomeAndPrepaidExpenses",
  "debtsDueWithinOneYear",
  "accruedLiabilitiesAndDeferredIncome",
  "legalReserve",
  "statutoryReserves",
  "otherReserves",
  "retainedEarnings",
  "resultOfTheYear",
  "operatingResult",
  "resultBeforeTaxes",
  "netResult",
  "revenue",
  "amortisationOfIntangibleAssets",
  "depreciationOfTangibleAssets",
];
const formats: StatementFormat[] = ["ordinary", "abridged", "micro", "consolidated"];
const currentAssetIds: LineItemId[] = [
  "inventories",
  "receivablesDueWithinOneYear",
  "currentFinancialAssets",
  "cashAndEquivalents",
  "accruedIncomeAndPrepaidExpenses",
];
const currentLiabilityIds: LineItemId[] = ["debtsDueWithinOneYear", "accruedLiabilitiesAndDeferredIncome"];

type Row = { statement: StatementInput; previous: StatementInput | undefined; year: number };

/** Random company-years with missing cells (NaN) and, on purpose, zero denominators of every kind. */
function generateRows(count: number): Row[] {
  const random = createRandom(84_211);
  const rows: Row[] = [];
  for (let index = 0; index < count; index += 1) {
    const format = random.pick(formats);
    const totalAssets = random.chance(0.03) ? 0 : random.integer(1, 10_000_000_000);
    const items: LineItemValues = {};
    for (const id of itemIds) {
      if (random.chance(0.08)) continue;
      items[id] = Math.round(totalAssets * random.between(-0.3, 0.6));
    }
    items.totalAssets = totalAssets;
    if (random.chance(0.05)) items.equity = totalAssets;
    if (random.chance(0.05)) for (const id of currentAssetIds) items[id] = 0;
    if (random.chance(0.05)) for (const id of currentLiabilityIds) delete items[id];
    if (random.chance(0.05)) items.netResult = 0;
    if (format === "abridged" || format === "micro") {
      if (random.chance(0.8)) delete items.amortisationOfIntangibleAssets;
    }
    const year = random.integer(2020, 2025);
    const previousNetResult = random.chance(0.1) ? 0 : Math.round(totalAssets * random.between(-0.2, 0.2));
    const previousItems: LineItemValues = random.chance(0.1) ? {} : { netResult: previousNetResult };
    const previous = random.chance(0.1)
      ? undefined
      : makeStatement(previousItems, format, `${year - 1}-12-31`);
    rows.push({ statement: makeStatement(items, format, `${year}-12-31`), previous, year });
  }
  return rows;
}

/** Exact-boundary rows of the per-model tests (thousands of euros → cents). */
const boundaryRows: Row[] = [
  { totalAssets: 1000, inventories: 17, legalReserve: 283, operatingResult: 108, equity: 500, revenue: 223 },
  { totalAssets: 1000, inventories: 34, legalReserve: 372, operatingResult: 17, equity: 500 },
  { totalAssets: 1000, equity: 309, netResult: -91, inventories: 141, debtsDueWithinOneYear: 500 },
  {
    totalAssets: 1000,
    equity: 300,
    inventories: 501,
    debtsDueWithinOneYear: 500,
    operatingResult: 43,
    resultBeforeTaxes: 128,
    revenue: 1400,
  },
].map((thousands) => ({
  statement: makeStatement(
    Object.fromEntries(Object.entries(thousands).map(([id, value]) => [id, value * 100_000])),
  ),
  previous: makeStatement({ netResult: -1 }, "ordinary", "2023-12-31"),
  year: 2024,
}));

function toColumns(rows: Row[]): { current: StatementColumns; previous: PreviousYearColumns } {
  const column = (statements: (StatementInput | undefined)[], id: LineItemId) =>
    Float64Array.from(statements, (statement) => statement?.items[id] ?? Number.NaN);
  const currents = rows.map((row) => row.statement);
  const previouses = rows.map((row) => row.previous);
  const current: StatementColumns = {
    format: currents.map((statement) => statement.format),
    periodEndYear: rows.map((row) => row.year),
    ...Object.fromEntries(itemIds.map((id) => [id, column(currents, id)])),
  };
  // Plain arrays for the previous year: both column kinds are accepted.
  const previous: PreviousYearColumns = {
    format: previouses.map((statement) => statement?.format),
    netResult: previouses.map((statement) => statement?.items.netResult ?? Number.NaN),
  };
  return { current, previous };
}

function expectSame(result: ModelResult<number, string>, value: number, zone: number, row: number) {
  const context = `row ${row}: ${JSON.stringify(result)}`;
  if (result.status === "computed") {
    expect(value, context).toBe(result.value);
    expect(zone, context).toBe(toZoneCode(result.zone as Parameters<typeof toZoneCode>[0]));
  } else {
    expect(value, context).toBeNaN();
    expect(zone, context).toBe(zoneCodes.notComputable);
  }
}

describe(scoreBatch, () => {
  const rows = [...generateRows(400), ...boundaryRows];
  const { current, previous } = toColumns(rows);
  const scores = scoreBatch(current, ruleSet, previous);

  it("scores every row like the per-model functions", () => {
    const computedCount = { zPrime: 0, ohlson: 0 };
    rows.forEach(({ statement, previous: previousStatement }, row) => {
      const zPrime = computeAltmanZPrime(statement, ruleSet);
      expectSame(zPrime, scores.altmanZPrime.value[row] ?? -1, scores.altmanZPrime.zone[row] ?? -1, row);
      const zDoublePrime = computeAltmanZDoublePrime(statement, ruleSet);
      expectSame(
        zDoublePrime,
        scores.altmanZDoublePrime.value[row] ?? -1,
        scores.altmanZDoublePrime.zone[row] ?? -1,
        row,
      );
      expect(scores.altmanZDoublePrime.emScore[row]).toBe(
        zDoublePrime.status === "computed" ? zDoublePrime.emScore : Number.NaN,
      );
      expect(findEmRatingOfCode(scores.altmanZDoublePrime.emRating[row] ?? -1)).toBe(
        zDoublePrime.status === "computed" ? zDoublePrime.emRating : undefined,
      );
      const zmijewski = computeZmijewski(statement, ruleSet);
      expectSame(zmijewski, scores.zmijewski.value[row] ?? -1, scores.zmijewski.zone[row] ?? -1, row);
      expect(scores.zmijewski.score[row]).toBe(
        zmijewski.status === "computed" ? zmijewski.score : Number.NaN,
      );
      const springate = computeSpringate(statement, ruleSet);
      expectSame(springate, scores.springate.value[row] ?? -1, scores.springate.zone[row] ?? -1, row);
      const ohlson = computeOhlson(statement, previousStatement, ruleSet);
      expectSame(ohlson, scores.ohlson?.value[row] ?? -1, scores.ohlson?.zone[row] ?? -1, row);
      expect(scores.ohlson?.score[row]).toBe(ohlson.status === "computed" ? ohlson.score : Number.NaN);
      if (zPrime.status === "computed") computedCount.zPrime += 1;
      if (ohlson.status === "computed") computedCount.ohlson += 1;
    });
    // The generated data mixes computable and not computable rows.
    expect(computedCount.zPrime).toBeGreaterThan(250);
    expect(computedCount.zPrime).toBeLessThan(rows.length);
    expect(computedCount.ohlson).toBeGreaterThan(100);
    expect(computedCount.ohlson).toBeLessThan(rows.length - 100);
  });

  it("decides the exact boundaries as the per-model functions do", () => {
    const first = 400;
    // Z′ = 1.23 → grey; Z″ = 2.6 → grey with EM 5.85 → BBB; X = 0 → P = 0.5 → distress; S = 0.862 → not failing
    expect(scores.altmanZPrime.zone[first]).toBe(zoneCodes.grey);
    expect(scores.altmanZDoublePrime.zone[first + 1]).toBe(zoneCodes.grey);
    expect(findEmRatingOfCode(scores.altmanZDoublePrime.emRating[first + 1] ?? -1)).toBe("BBB");
    expect(scores.zmijewski.value[first + 2]).toBe(0.5);
    expect(scores.zmijewski.zone[first + 2]).toBe(zoneCodes.distress);
    expect(scores.springate.zone[first + 3]).toBe(zoneCodes.safe);
  });

  it("scores Ohlson only when previous-year columns are given", () => {
    const withoutPrevious = scoreBatch(current, ruleSet);
    expect(withoutPrevious.ohlson).toBeUndefined();
    expect(withoutPrevious.altmanZPrime.value).toEqual(scores.altmanZPrime.value);
    expect(withoutPrevious).toMatchObject({ ruleSetVersion: ruleSet.version, rowCount: rows.length });
  });

  it("refuses columns of different lengths", () => {
    expect(() => scoreBatch({ format: ["ordinary", "micro"], totalAssets: [1] }, ruleSet)).toThrow(
      RangeError,
    );
  });

  it("scores an empty batch", () => {
    expect(scoreBatch({ format: [] }, ruleSet).altmanZPrime.value).toHaveLength(0);
  });

  it("refuses a rule set whose EM rating bounds do not fall, best rating first", () => {
    const bounds = ruleSet.altmanZDoublePrime.emRatingLowerBounds;
    const swapped = [bounds[1], bounds[0], ...bounds.slice(2)] as typeof bounds;
    const unordered = {
      ...ruleSet,
      altmanZDoublePrime: { ...ruleSet.altmanZDoublePrime, emRatingLowerBounds: swapped },
    };
    expect(() => scoreBatch({ format: [] }, unordered)).toThrow(/do not fall strictly/);
  });
});

describe(toZoneCode, () => {
  it.each([
    ["distress", zoneCodes.distress],
    ["failing", zoneCodes.distress],
    ["grey", zoneCodes.grey],
    ["safe", zoneCodes.safe],
    ["no_distress", zoneCodes.safe],
    ["not_failing", zoneCodes.safe],
    [undefined, zoneCodes.notComputable],
  ] as const)("codes %s as %s", (zone, code) => {
    expect(toZoneCode(zone)).toBe(code);
  });
});

describe(findEmRatingOfCode, () => {
  it("reads the EM rating column's codes", () => {
    expect(emRatings.map((_rating, code) => findEmRatingOfCode(code))).toEqual([...emRatings]);
    expect(findEmRatingOfCode(-1)).toBeUndefined();
  });
});
