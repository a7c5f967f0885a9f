import { sql } from "drizzle-orm";
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
  hasOutdatedDistrictAggregates,
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

// Any constant works; it only has to be the same in every SECTOR process (and differ from other locks).
const rebuildLockKey = 7_212_004_017;

/**
 * Rebuilds district_risk_aggregates from the risk projection (company_risk_years) and the index
 * values of the same statements, one fiscal year read at a time. With `fiscalYears`, only those years
 * (every district's rows and the all-districts `*` rows of each) are replaced; without, every year.
 * Runs in one transaction under an advisory lock, reading after taking it, so concurrent rebuilds
 * (scoring runs overlapping) wait for each other and the last one writes from the latest projection.
 * Run after scoring; returns how many cells were written and the years rebuilt.
 */
export async function rebuildDistrictAggregates(
  deps: { db: Database; clock: () => Date },
  options: { fiscalYears?: Iterable<number> } = {},
): Promise<{ aggregates: number; fiscalYears: number[] }> {
  const only =
    options.fiscalYears === undefined
      ? undefined
      : [...new Set(options.fiscalYears)].filter(Number.isInteger).sort((left, right) => left - right);
  if (only !== undefined && only.length === 0) return { aggregates: 0, fiscalYears: [] };
  return deps.db.transaction(async (transaction) => {
    await transaction.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(rebuildLockKey))})`);
    const fiscalYears = only ?? (await findDistrictFiscalYears(transaction));
    const aggregates: DistrictRiskAggregate[] = [];
    for (const fiscalYear of fiscalYears) {
      const rows = await findDistrictCompanyYears(transaction, fiscalYear);
      aggregates.push(...computeDistrictRiskAggregates(rows.map(toCompanyYear)));
    }
    await replaceDistrictAggregates(transaction, aggregates, deps.clock(), only);
    return { aggregates: aggregates.length, fiscalYears };
  });
}

/**
 * At start: builds every aggregate when there are none but the risk projection has rows, or when some
 * were built before the companies behind the weighted shares were kept (their shares stay withheld in
 * public until then).
 */
export async function rebuildDistrictAggregatesIfMissing(deps: {
  db: Database;
  clock: () => Date;
}): Promise<boolean> {
  if ((await countDistrictAggregates(deps.db)) > 0 && !(await hasOutdatedDistrictAggregates(deps.db)))
    return false;
  if ((await countRiskYears(deps.db)) === 0) return false;
  await rebuildDistrictAggregates(deps);
  return true;
}
