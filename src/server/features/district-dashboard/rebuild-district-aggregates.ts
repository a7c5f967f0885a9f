import {
  type AggregatedIndexId,
  computeDistrictRiskAggregates,
  type DistrictCompanyYear,
  type DistrictRiskAggregate,
} from "../../../domain/district-dashboard/compute-district-risk-aggregates.ts";
import type { AlertLevel } from "../../../domain/early-warning/alert-level.ts";
import type { Database } from "../../db/client.ts";
import {
  countDistrictAggregates,
  countRiskYears,
  type DistrictCompanyYearRow,
  findDistrictCompanyYears,
  findDistrictFiscalYears,
  replaceDistrictAggregates,
} from "./district-dashboard.repo.ts";

const alertLevels: readonly string[] = ["red", "orange", "green", "grey"];

function toCompanyYear(row: DistrictCompanyYearRow): DistrictCompanyYear {
  const indices: Partial<Record<AggregatedIndexId, number>> = {};
  const values: [AggregatedIndexId, number | null][] = [
    ["I1", row.i1],
    ["I2", row.i2],
    ["I3", row.i3],
    ["I4", row.i4],
    ["I5", row.i5],
    ["altman_z_double_prime", row.zDoublePrime],
  ];
  for (const [id, value] of values) if (value !== null) indices[id] = value;
  return {
    districtCode: row.districtCode,
    sectorCode: row.sectorCode ?? undefined,
    fiscalYear: row.fiscalYear,
    ruleSetVersion: row.ruleSetVersion,
    level: (alertLevels.includes(row.alertLevel) ? row.alertLevel : "grey") as AlertLevel,
    employees: row.employees ?? undefined,
    revenueCents: row.revenueCents ?? undefined,
    indices,
  };
}

/**
 * Rebuilds district_risk_aggregates from the risk projection (company_risk_years) and the index
 * values of the same statements: one fiscal year read at a time, all rows replaced in one
 * transaction. Run after scoring; returns how many cells were written.
 */
export async function rebuildDistrictAggregates(deps: {
  db: Database;
  clock: () => Date;
}): Promise<{ aggregates: number; fiscalYears: number[] }> {
  const fiscalYears = await findDistrictFiscalYears(deps.db);
  const aggregates: DistrictRiskAggregate[] = [];
  for (const fiscalYear of fiscalYears) {
    const rows = await findDistrictCompanyYears(deps.db, fiscalYear);
    aggregates.push(...computeDistrictRiskAggregates(rows.map(toCompanyYear)));
  }
  await deps.db.transaction((transaction) =>
    replaceDistrictAggregates(transaction, aggregates, deps.clock()),
  );
  return { aggregates: aggregates.length, fiscalYears };
}

/** At start: builds the aggregates when there are none but the risk projection has rows. */
export async function rebuildDistrictAggregatesIfMissing(deps: {
  db: Database;
  clock: () => Date;
}): Promise<boolean> {
  if ((await countDistrictAggregates(deps.db)) > 0) return false;
  if ((await countRiskYears(deps.db)) === 0) return false;
  await rebuildDistrictAggregates(deps);
  return true;
}
