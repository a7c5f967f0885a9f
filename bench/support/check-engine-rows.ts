import type { CndcecIndexResult } from "../../src/domain/early-warning/cndcec-indices.ts";
import type { StatementInput } from "../../src/domain/early-warning/model-result.ts";
import {
  cndcecIndexIds,
  crisisCodeRuleSet2019,
} from "../../src/domain/early-warning/rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "../../src/domain/early-warning/rule-sets/distress-models-2025.ts";
import type { ScoreColumns } from "../../src/domain/early-warning/score-batch.ts";
import { scoreCompanyYear } from "../../src/domain/early-warning/score-company-year.ts";
import { toZoneCode } from "../../src/domain/early-warning/scoring-models.ts";
import type { LineItemValues } from "../../src/domain/statements/line-items.ts";
import { type CompanyYearColumns, generatedItemIds } from "./generate-company-years.ts";
import { alertLevelCodes, type EngineBatchResult } from "./score-engine-batch.ts";

function toStatements(data: CompanyYearColumns, row: number) {
  const year = data.current.periodEndYear?.[row] ?? 2024;
  const items: LineItemValues = {};
  for (const id of generatedItemIds) {
    const cell = data.current[id]?.[row] ?? Number.NaN;
    if (!Number.isNaN(cell)) items[id] = cell;
  }
  const legalForm = data.legalForm[row] ?? "other";
  const statement: StatementInput = {
    format: data.current.format[row] ?? "ordinary",
    legalForm,
    periodStartOn: `${year}-01-01`,
    periodEndOn: `${year}-12-31`,
    items,
  };
  const previousFormat = data.previous.format[row];
  if (previousFormat === undefined) return { statement, previous: undefined };
  const previousItems: LineItemValues = {};
  for (const id of ["netResult", "equity"] as const) {
    const cell = data.previous[id]?.[row] ?? Number.NaN;
    if (!Number.isNaN(cell)) previousItems[id] = cell;
  }
  const previous: StatementInput = {
    format: previousFormat,
    legalForm,
    periodStartOn: `${year - 1}-01-01`,
    periodEndOn: `${year - 1}-12-31`,
    items: previousItems,
  };
  return { statement, previous };
}

const isSameNumber = (left: number, right: number) =>
  (Number.isNaN(left) && Number.isNaN(right)) || left === right;

/**
 * Compares the first `rowCount` rows of an engine batch with scoreCompanyYear (the per-row path the
 * server stores): every model's zone and value, the five indices and the alert level. Returns the differences.
 */
export function checkEngineRows(
  data: CompanyYearColumns,
  batch: EngineBatchResult,
  rowCount: number,
): string[] {
  const differences: string[] = [];
  const ruleSets = { crisisCode: crisisCodeRuleSet2019, distress: distressModels2025 };
  for (let row = 0; row < Math.min(rowCount, data.rowCount); row += 1) {
    const { statement, previous } = toStatements(data, row);
    const group = data.sectorGroup[row] ?? 0;
    const results = scoreCompanyYear(
      {
        statement,
        previous,
        atecoCode: group === 0 ? undefined : "bench",
        sectorGroup: group === 0 ? undefined : { status: "mapped", group },
      },
      ruleSets,
    );
    const byModel = new Map(results.map((result) => [result.model, result]));
    const expect = (what: string, expected: unknown, actual: unknown) => {
      if (expected !== actual && !(Number.isNaN(expected) && Number.isNaN(actual))) {
        differences.push(`row ${row} ${what}: per row ${String(expected)}, batch ${String(actual)}`);
      }
    };
    const columnsOf: [string, ScoreColumns | undefined][] = [
      ["altman_z_prime", batch.scores.altmanZPrime],
      ["altman_z_double_prime", batch.scores.altmanZDoublePrime],
      ["zmijewski", batch.scores.zmijewski],
      ["springate", batch.scores.springate],
      ["ohlson", batch.scores.ohlson],
    ];
    for (const [model, columns] of columnsOf) {
      const result = byModel.get(model as "ohlson");
      expect(`${model} zone`, toZoneCode((result?.zone ?? undefined) as "grey"), columns?.zone[row]);
      if (!isSameNumber(result?.value ?? Number.NaN, columns?.value[row] ?? Number.NaN)) {
        expect(`${model} value`, result?.value ?? Number.NaN, columns?.value[row]);
      }
    }
    const screen = byModel.get("cndcec_screen");
    const indices = (screen?.details.indices ?? {}) as Record<string, CndcecIndexResult>;
    for (const index of cndcecIndexIds) {
      const result = indices[index];
      const percent = result?.status === "computed" ? result.percent : Number.NaN;
      if (!isSameNumber(percent, batch.indices.percent[index][row] ?? Number.NaN)) {
        expect(`${index} percent`, percent, batch.indices.percent[index][row]);
      }
      const isBreached = result?.status === "computed" && result.isBreached === true ? 1 : 0;
      expect(`${index} breached`, isBreached, batch.indices.isBreached[index][row]);
    }
    expect(
      "crisis presumed",
      screen?.zone === "crisis_presumed" ? 1 : 0,
      batch.indices.isCrisisPresumed[row],
    );
    expect("alert level", byModel.get("alert_level")?.zone, alertLevelCodes[batch.alertLevel[row] ?? 0]);
  }
  return differences;
}
