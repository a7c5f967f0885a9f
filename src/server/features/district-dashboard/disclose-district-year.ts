import type { AggregatedMedianId } from "../../../domain/district-dashboard/compute-district-risk-aggregates.ts";
import { decideDistrictSuppressions } from "../../../domain/district-dashboard/decide-district-suppressions.ts";
import type { DistrictAggregateRecord } from "./district-dashboard.repo.ts";

const medianIds: readonly AggregatedMedianId[] = [
  "I1",
  "I2",
  "I3",
  "I4",
  "I5",
  "altman_z_double_prime",
  "revenue",
  "employees",
];

/** The figures to withhold from the public for one district and fiscal year (its sector table). */
export function discloseDistrictYear(records: readonly DistrictAggregateRecord[]): Map<string, Set<string>> {
  return decideDistrictSuppressions(
    records.map((record) => ({
      sectorCode: record.sectorCode,
      companyCount: record.companyCount,
      levelCounts: {
        red: record.redCount,
        orange: record.orangeCount,
        green: record.greenCount,
        grey: record.greyCount,
      },
      revenueCents: record.revenueCents,
      employees: record.employees,
      medianCompanyCounts: Object.fromEntries(
        medianIds.map((id) => [id, record.medians[id]?.companyCount ?? 0]),
      ) as Record<AggregatedMedianId, number>,
      distressShareCompanyCounts: record.distressShareCompanyCounts,
    })),
  );
}
