import { describe, expect, it } from "vitest";
import type { CndcecGroupMapping } from "../sectors/map-cndcec-group.ts";
import type { LineItemValues } from "../statements/line-items.ts";
import { runWithoutBlockKernels } from "./block-kernels.ts";
import { buildCompanyYearColumns, type CompanyYearRow } from "./build-company-year-columns.ts";
import { readStoredResults } from "./read-stored-results.ts";
import { crisisCodeRuleSet2019 } from "./rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "./rule-sets/distress-models-2025.ts";
import { scoreCompanyYear } from "./score-company-year.ts";
import { encodeCompanyYearTexts, scoreCompanyYearColumns } from "./score-company-year-columns.ts";
import { createRowsOutput, type RowsOutput, scoreRows } from "./score-company-year-rows.ts";
import { screenOutcomeCodes } from "./score-index-columns.ts";
import {
  euros,
  healthyItems,
  previousYearStatement as lastYear,
  randomCompanyYearRows,
  yearStatement as statement,
} from "./scoring-test-statements.ts";

const ruleSets = { crisisCode: crisisCodeRuleSet2019, distress: distressModels2025 };
const textiles: CndcecGroupMapping = { status: "mapped", group: 3 };

/** Items whose five CNDCEC indices all breach group 3 (I1 ≥ 2.6 %, I2 < 6.7 %, I3 < 1.9 %, I4 < 84.2 %, I5 ≥ 6.5 %). */
const allBreachedItems: LineItemValues = {
  ...healthyItems,
  equity: euros(40_000),
  debts: euros(950_000),
  debtsDueWithinOneYear: euros(900_000),
  interestAndOtherFinancialCharges: euros(60_000),
  netResult: euros(-50_000),
  resultOfTheYear: euros(-50_000),
  taxDebts: euros(50_000),
  socialSecurityDebts: euros(20_000),
};

const cases: { name: string; row: CompanyYearRow }[] = [
  {
    name: "a healthy textile firm with its previous year",
    row: { statement: statement(healthyItems), previous: lastYear(healthyItems), sectorGroup: textiles },
  },
  {
    name: "negative equity (crisis presumed by step 1)",
    row: {
      statement: statement({ ...healthyItems, equity: euros(-10_000) }),
      previous: undefined,
      sectorGroup: textiles,
    },
  },
  {
    name: "an S.p.A. below its €50,000 minimum",
    row: {
      statement: statement({ ...healthyItems, equity: euros(49_999) }, { legalForm: "S.p.A." }),
      previous: undefined,
      sectorGroup: textiles,
    },
  },
  {
    name: "an S.r.l. with €1 capital at its reduced €1 minimum",
    row: {
      statement: statement({ ...healthyItems, equity: euros(1), shareCapital: euros(1) }),
      previous: undefined,
      sectorGroup: textiles,
    },
  },
  {
    name: "all five indices breached",
    row: { statement: statement(allBreachedItems), previous: lastYear(healthyItems), sectorGroup: textiles },
  },
  {
    name: "equity down by more than a third",
    row: {
      statement: statement({ ...healthyItems, equity: euros(260_000) }),
      previous: lastYear(healthyItems),
      sectorGroup: textiles,
    },
  },
  {
    name: "equity down by exactly a third (not more)",
    row: {
      statement: statement({ ...healthyItems, equity: euros(200_000) }),
      previous: lastYear({ ...healthyItems, equity: euros(300_000) }),
      sectorGroup: textiles,
    },
  },
  {
    // 39,000 ÷ 1,500,000 = 2.6 %, group 3's I1 threshold: decided exactly, as too close to tell in doubles.
    name: "I1 exactly at its sector threshold",
    row: {
      statement: statement({ ...healthyItems, interestAndOtherFinancialCharges: euros(39_000) }),
      previous: undefined,
      sectorGroup: textiles,
    },
  },
  {
    // I1 = 2.6 % + 1 ÷ (5 × revenue): above the threshold by less than half an ulp, so the double percent
    // is 2.6 exactly and only the exact comparison finds the breach (500 × 24,700,000,000,011 −
    // 13 × 950,000,000,000,423 = 1).
    name: "I1 above its sector threshold by less than doubles can tell",
    row: {
      statement: statement({
        ...healthyItems,
        revenue: 950_000_000_000_423,
        interestAndOtherFinancialCharges: 24_700_000_000_011,
      }),
      previous: undefined,
      sectorGroup: textiles,
    },
  },
  {
    // (45,000 + 20,000) ÷ 1,000,000 = 6.5 %, group 3's I5 threshold.
    name: "I5 exactly at its sector threshold",
    row: {
      statement: statement({ ...healthyItems, taxDebts: euros(45_000), socialSecurityDebts: euros(20_000) }),
      previous: undefined,
      sectorGroup: textiles,
    },
  },
  {
    name: "I5 one cent above its sector threshold",
    row: {
      statement: statement({
        ...healthyItems,
        taxDebts: euros(45_000) + 1,
        socialSecurityDebts: euros(20_000),
      }),
      previous: undefined,
      sectorGroup: textiles,
    },
  },
  {
    name: "no ATECO code (no benchmark)",
    row: { statement: statement(healthyItems), previous: undefined, sectorGroup: undefined },
  },
  {
    name: "a sector without CNDCEC thresholds",
    row: { statement: statement(healthyItems), previous: undefined, sectorGroup: { status: "no_benchmark" } },
  },
  {
    name: "an unmapped sector",
    row: {
      statement: statement(healthyItems),
      previous: undefined,
      sectorGroup: { status: "not_mapped", reason: "test" },
    },
  },
  {
    name: "zero revenue (I1 not computable)",
    row: {
      statement: statement({ ...healthyItems, revenue: 0 }),
      previous: undefined,
      sectorGroup: textiles,
    },
  },
  {
    name: "a micro filing (items the format lacks)",
    row: {
      statement: statement(healthyItems, { format: "micro" }),
      previous: lastYear(healthyItems, "micro"),
      sectorGroup: textiles,
    },
  },
  {
    name: "an abridged filing after an ordinary one",
    row: {
      statement: statement(healthyItems, { format: "abridged" }),
      previous: lastYear(healthyItems),
      sectorGroup: textiles,
    },
  },
  {
    name: "a cash-flow statement for I3",
    row: {
      statement: statement({ ...healthyItems, nonMonetaryAdjustments: euros(45_000) }),
      previous: undefined,
      sectorGroup: { status: "mapped", group: 10 },
    },
  },
  {
    name: "an empty filing",
    row: { statement: statement({}), previous: lastYear({}), sectorGroup: textiles },
  },
];

function expectRowsToMatchPerRowPath(rows: CompanyYearRow[]) {
  const scores = scoreCompanyYearColumns(buildCompanyYearColumns(rows), ruleSets);
  rows.forEach((row, index) => {
    const expected = scoreCompanyYear(
      {
        statement: row.statement,
        previous: row.previous,
        atecoCode: row.sectorGroup ? "13.20" : undefined,
        sectorGroup: row.sectorGroup,
      },
      ruleSets,
    );
    const stored = readStoredResults(scores, index, ruleSets);
    expect(stored.map((result) => result.model)).toEqual(expected.map((result) => result.model));
    expected.forEach((want, position) => {
      const got = stored[position];
      const where = `row ${index}, ${want.model}`;
      expect(got?.status, where).toBe(want.status);
      expect(got?.zone, where).toBe(want.zone);
      expect(got?.ruleSetVersion, where).toBe(want.ruleSetVersion);
      if (want.value === null) expect(got?.value, where).toBeNull();
      else expect(got?.value, where).toBeCloseTo(want.value, 9);
    });
    const screen = expected[0];
    if (screen?.status === "computed") {
      const wantIndices = screen.details.indices as Record<
        string,
        { status: string; percent?: number; isBreached?: boolean }
      >;
      const gotIndices = stored[0]?.details.indices as Record<
        string,
        { status: string; percent?: number; isBreached?: boolean }
      >;
      for (const [id, want] of Object.entries(wantIndices)) {
        if (typeof want !== "object") continue;
        expect(gotIndices[id]?.status, `row ${index}, ${id}`).toBe(want.status);
        if (want.status === "computed") {
          expect(gotIndices[id]?.percent, `row ${index}, ${id}`).toBeCloseTo(want.percent ?? Number.NaN, 9);
          expect(gotIndices[id]?.isBreached ?? false, `row ${index}, ${id}`).toBe(want.isBreached ?? false);
        }
      }
      expect(stored[0]?.details.sectorGroup, `row ${index}, sector group`).toBe(screen.details.sectorGroup);
      expect((stored[0]?.details.outcome as { kind?: string } | undefined)?.kind).toBe(screen.zone);
    }
    const wantAlert = expected.at(-1)?.details;
    expect(stored.at(-1)?.details, `row ${index}, alert reasons`).toEqual({
      reasons: wantAlert?.reasons,
      distressModels: wantAlert?.distressModels,
    });
    const wantEm = expected[3]?.details;
    if (expected[3]?.status === "computed") {
      expect(stored[3]?.details.emRating, `row ${index}, EM rating`).toBe(wantEm?.emRating);
    }
  });
}

describe(scoreCompanyYearColumns, () => {
  it.each(cases)("gives the per-row results for $name", ({ row }) => {
    expectRowsToMatchPerRowPath([row]);
  });

  it("gives the per-row results for every case scored together in one batch", () => {
    expectRowsToMatchPerRowPath(cases.map((testCase) => testCase.row));
  });

  it("gives the per-row results on 3,000 random company-years (more than one block of rows)", () => {
    expectRowsToMatchPerRowPath(randomCompanyYearRows(3000));
  });

  it("names the levels the cases are meant to reach", () => {
    const rows = cases.map((testCase) => testCase.row);
    const scores = scoreCompanyYearColumns(buildCompanyYearColumns(rows), ruleSets);
    const level = (name: string) =>
      readStoredResults(
        scores,
        cases.findIndex((testCase) => testCase.name === name),
        ruleSets,
      ).at(-1)?.zone;
    expect(level("negative equity (crisis presumed by step 1)")).toBe("red");
    expect(level("all five indices breached")).toBe("red");
    expect(level("equity down by more than a third")).toBe("orange");
    // Equity 0 with share capital 0: below the S.r.l.'s reduced €1 minimum, so the screen presumes a crisis.
    expect(level("an empty filing")).toBe("red");
    expect(level("a healthy textile firm with its previous year")).toBe("green");
  });

  it("decides again for a rule set of the same version with other alert-level rules, and shares frozen decisions", () => {
    const rows = cases.map((testCase) => testCase.row);
    const columns = buildCompanyYearColumns(rows);
    const first = scoreCompanyYearColumns(columns, ruleSets);
    // The healthy firm is green; asking for six computable indices (of five) makes it grey. The row's
    // decision key is the same under both rule sets: only the rule differs.
    const { alertLevel } = distressModels2025;
    const stricter = {
      ...distressModels2025,
      alertLevel: {
        ...alertLevel,
        minimumComputableIndicesForGreen: { ...alertLevel.minimumComputableIndicesForGreen, value: 6 },
      },
    };
    const second = scoreCompanyYearColumns(columns, { ...ruleSets, distress: stricter });
    const row = cases.findIndex(
      (testCase) => testCase.name === "a healthy textile firm with its previous year",
    );
    const decisionOf = (scores: typeof first) =>
      scores.alertLevel.decisions[scores.alertLevel.decision[row] as number];
    expect(decisionOf(first)?.level).toBe("green");
    expect(decisionOf(second)?.level).toBe("grey");
    // Decisions are shared by every result of the thread: none can be changed through one of them.
    expect(Object.isFrozen(decisionOf(first))).toBe(true);
    expect(Object.isFrozen(decisionOf(first)?.reasons)).toBe(true);
    expect(decisionOf(scoreCompanyYearColumns(columns, ruleSets))).toBe(decisionOf(first));
    // Rules that JSON would write alike (NaN and Infinity both as null) are told apart: with NaN no count
    // is below the minimum (green), with Infinity every count is (grey).
    const withMinimum = (value: number) => ({
      ...ruleSets,
      distress: {
        ...distressModels2025,
        alertLevel: {
          ...alertLevel,
          minimumComputableIndicesForGreen: { ...alertLevel.minimumComputableIndicesForGreen, value },
        },
      },
    });
    expect(decisionOf(scoreCompanyYearColumns(columns, withMinimum(Number.NaN)))?.level).toBe("green");
    expect(decisionOf(scoreCompanyYearColumns(columns, withMinimum(Number.POSITIVE_INFINITY)))?.level).toBe(
      "grey",
    );
  });

  it("refuses sector-group and legal-form columns of another length", () => {
    const columns = buildCompanyYearColumns([cases[0]?.row as CompanyYearRow]);
    expect(() => scoreCompanyYearColumns({ ...columns, sectorGroup: new Uint8Array(2) }, ruleSets)).toThrow(
      /must have 1 rows/,
    );
  });

  it("scores an empty batch to empty columns", () => {
    const scores = scoreCompanyYearColumns(buildCompanyYearColumns([]), ruleSets);
    expect(scores.alertLevel.level).toHaveLength(0);
    expect(scores.models.rowCount).toBe(0);
  });

  it("gives the per-row results with the JavaScript loops instead of the kernels (no WebAssembly SIMD)", () => {
    runWithoutBlockKernels(() => {
      expectRowsToMatchPerRowPath([
        ...cases.map((testCase) => testCase.row),
        ...randomCompanyYearRows(3000, 11),
      ]);
    });
  });

  it("gives the same doubles, cell by cell, with the kernels and with the JavaScript loops", () => {
    const columns = buildCompanyYearColumns([
      ...cases.map((testCase) => testCase.row),
      ...randomCompanyYearRows(5000, 12),
    ]);
    const withKernels = scoreCompanyYearColumns(columns, ruleSets);
    const withLoops = runWithoutBlockKernels(() => scoreCompanyYearColumns(columns, ruleSets));
    expect(withKernels).toEqual(withLoops);
  });

  it("scores a batch into an earlier result's columns as into fresh ones, every cell and decision rewritten", () => {
    const first = buildCompanyYearColumns(randomCompanyYearRows(2500, 3));
    const second = buildCompanyYearColumns(randomCompanyYearRows(2500, 4));
    const earlier = scoreCompanyYearColumns(first, ruleSets);
    const earlierDecisions = earlier.alertLevel.decisions.length;
    const reused = scoreCompanyYearColumns(second, ruleSets, earlier);
    expect(reused.models.altmanZPrime.value).toBe(earlier.models.altmanZPrime.value);
    expect(reused).toEqual(scoreCompanyYearColumns(second, ruleSets));
    expect(earlierDecisions).toBeGreaterThan(0);
  });

  it("refuses to score into a result of another size, rule set or shape", () => {
    const columns = buildCompanyYearColumns(randomCompanyYearRows(10, 5));
    const earlier = scoreCompanyYearColumns(columns, ruleSets);
    const fewer = buildCompanyYearColumns(randomCompanyYearRows(9, 5));
    expect(() => scoreCompanyYearColumns(fewer, ruleSets, earlier)).toThrow(/has 10 rows, the input 9/);
    const otherRuleSet = { ...ruleSets, distress: { ...ruleSets.distress, version: "distress-test" } };
    expect(() => scoreCompanyYearColumns(columns, otherRuleSet, earlier)).toThrow(/not distress-test/);
    expect(() => scoreCompanyYearColumns({ ...columns, previous: undefined }, ruleSets, earlier)).toThrow(
      /Ohlson columns exactly when/,
    );
    // A rule set of the same version whose EM bounds do not fall is refused when it is compiled.
    const bounds = ruleSets.distress.altmanZDoublePrime.emRatingLowerBounds;
    const unordered = {
      ...ruleSets,
      distress: {
        ...ruleSets.distress,
        altmanZDoublePrime: {
          ...ruleSets.distress.altmanZDoublePrime,
          emRatingLowerBounds: [...bounds].reverse(),
        },
      },
    };
    expect(() => scoreCompanyYearColumns(columns, unordered, earlier)).toThrow(/do not fall strictly/);
    const shorter = { ...earlier, indices: { ...earlier.indices, screenOutcome: new Uint8Array(9) } };
    expect(() => scoreCompanyYearColumns(columns, ruleSets, shorter)).toThrow(
      /has a column of 9 rows, the input 10/,
    );
    // A refused call changes nothing.
    expect(earlier).toEqual(scoreCompanyYearColumns(columns, ruleSets));
  });

  it("scores any range of rows into columns shared with other calls as the whole batch does", () => {
    const columns = buildCompanyYearColumns(randomCompanyYearRows(3000, 7));
    const whole = scoreCompanyYearColumns(columns, ruleSets);
    const texts = encodeCompanyYearTexts(columns);
    const input = {
      rowCount: columns.rowCount,
      current: columns.current,
      formatCodes: texts.formatCodes,
      previous: columns.previous && {
        columns: columns.previous,
        formatCodes: texts.previousFormatCodes ?? new Uint8Array(0),
      },
      screen: { sectorGroup: columns.sectorGroup, ...texts, ruleSet: crisisCodeRuleSet2019 },
    };
    const output = createRowsOutput(distressModels2025, columns.rowCount, {
      hasOhlson: true,
      hasScreen: true,
    });
    // Ranges that end inside a block of rows, scored out of order.
    for (const [start, end] of [
      [2055, 3000],
      [0, 7],
      [7, 2055],
    ] as const) {
      scoreRows(input, distressModels2025, output, start, end);
    }
    const flatten = (scores: RowsOutput) => ({
      ...Object.fromEntries(
        Object.entries(scores.models).flatMap(([model, parts]) =>
          typeof parts === "object"
            ? Object.entries(parts).map(([name, cells]) => [
                `${model}.${name}`,
                Array.from(cells as Float64Array),
              ])
            : [],
        ),
      ),
      ...Object.fromEntries(
        Object.entries(scores.indices ?? {}).flatMap(([name, cells]) =>
          ArrayBuffer.isView(cells)
            ? [[name, Array.from(cells as Uint8Array)]]
            : Object.entries(cells).map(([index, column]) => [
                `${name}.${index}`,
                Array.from(column as Float64Array),
              ]),
        ),
      ),
      level: Array.from(scores.alertLevel?.level ?? []),
    });
    expect(flatten(output)).toEqual(flatten(whole));
    const decisionOf = (scores: RowsOutput, row: number) =>
      scores.alertLevel?.decisions[scores.alertLevel.decision[row] ?? -1];
    for (let row = 0; row < columns.rowCount; row += 1) {
      expect(decisionOf(output, row), `row ${row}`).toEqual(decisionOf(whole, row));
    }
    // Each distinct decision is made once for the output, whichever call meets it first.
    expect(output.alertLevel?.decisions).toHaveLength(whole.alertLevel.decisions.length);
  });

  it("reads a ±Infinity cell as missing", () => {
    const row = cases[0]?.row as CompanyYearRow;
    const withInfinity = (items: LineItemValues) =>
      buildCompanyYearColumns([
        { ...row, statement: { ...row.statement, items: { ...row.statement.items, ...items } } },
      ]);
    const infinite = scoreCompanyYearColumns(withInfinity({ revenue: Number.POSITIVE_INFINITY }), ruleSets);
    // Revenue is S in Z′ and Springate and I1's denominator.
    expect(infinite.models.altmanZPrime.zone[0]).toBe(0);
    expect(infinite.models.springate.zone[0]).toBe(0);
    expect(infinite.indices.percent.I1[0]).toBeNaN();
    expect(infinite.indices.percent.I2[0]).not.toBeNaN();
    const noEquity = scoreCompanyYearColumns(withInfinity({ equity: Number.NEGATIVE_INFINITY }), ruleSets);
    expect(noEquity.indices.screenOutcome[0]).toBe(screenOutcomeCodes.notComputable);
  });

  it("refuses item, format and period columns of another length", () => {
    const columns = buildCompanyYearColumns(randomCompanyYearRows(10));
    const { current, previous } = columns;
    expect(() =>
      scoreCompanyYearColumns(
        { ...columns, current: { ...current, totalAssets: new Float64Array(3) } },
        ruleSets,
      ),
    ).toThrow(/current-year column totalAssets has 3 rows, not 10/);
    expect(() =>
      scoreCompanyYearColumns(
        { ...columns, current: { ...current, format: current.format.slice(0, 3) } },
        ruleSets,
      ),
    ).toThrow(/current-year column format has 3 rows, not 10/);
    expect(() =>
      scoreCompanyYearColumns(
        { ...columns, previous: previous && { ...previous, equity: new Float64Array(3) } },
        ruleSets,
      ),
    ).toThrow(/previous-year column equity has 3 rows, not 10/);
  });

  it("takes texts encoded once by whoever built the columns, and checks them", () => {
    const columns = buildCompanyYearColumns(randomCompanyYearRows(40));
    const encoded = encodeCompanyYearTexts(columns);
    const scored = scoreCompanyYearColumns({ ...columns, encoded }, ruleSets);
    expect(Array.from(scored.alertLevel.level)).toEqual(
      Array.from(scoreCompanyYearColumns(columns, ruleSets).alertLevel.level),
    );
    expect(() =>
      scoreCompanyYearColumns(
        { ...columns, encoded: { ...encoded, formatCodes: new Uint8Array(3) } },
        ruleSets,
      ),
    ).toThrow(/encoded text columns must have 40 rows/);
    expect(() =>
      scoreCompanyYearColumns(
        { ...columns, previous: undefined, encoded: { ...encoded, previousFormatCodes: new Uint8Array(40) } },
        ruleSets,
      ),
    ).toThrow(/previous-year format codes go with previous-year columns/);
    expect(() =>
      scoreCompanyYearColumns(
        { ...columns, encoded: { ...encoded, legalFormCodes: new Uint8Array(40).fill(200) } },
        ruleSets,
      ),
    ).toThrow(/legal-form codes must be below/);
    // A code encodeFormatCodes never gives (the kernels and the loops would read it differently).
    const badCodes = encoded.formatCodes.slice();
    badCodes[7] = 9;
    expect(() =>
      scoreCompanyYearColumns({ ...columns, encoded: { ...encoded, formatCodes: badCodes } }, ruleSets),
    ).toThrow(/current-year format code 9 at row 7 is not a statement format's code/);
    expect(() =>
      scoreCompanyYearColumns(
        { ...columns, encoded: { ...encoded, previousFormatCodes: new Uint8Array(40).fill(255) } },
        ruleSets,
      ),
    ).toThrow(/previous-year format code 255 at row 0/);
  });
});
