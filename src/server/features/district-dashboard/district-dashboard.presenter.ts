import {
  type DistrictFigures,
  type DistrictSummary,
  districtIndexIds,
} from "../../../contracts/district-dashboard.ts";
import type { DistrictAggregateRecord, DistrictTerritoryRecord } from "./district-dashboard.repo.ts";

/**
 * The figures of one aggregate. Figures named in `suppressed` are withheld (null); public figures
 * also leave out the company counts behind the medians.
 */
export function presentFigures(
  record: DistrictAggregateRecord,
  suppressed: ReadonlySet<string> = new Set(),
  isPublic = false,
): DistrictFigures {
  const shown = <Value>(name: string, value: Value): Value | null => (suppressed.has(name) ? null : value);
  const medians = Object.fromEntries(
    districtIndexIds.map((id) => {
      const median = record.medians[id] ?? { median: null, companyCount: 0 };
      const isHidden = suppressed.has(`medians.${id}`);
      return [
        id,
        {
          median: isHidden ? null : median.median,
          companyCount: isHidden || isPublic ? null : median.companyCount,
        },
      ];
    }),
  ) as DistrictFigures["medians"];
  return {
    companyCount: shown("companyCount", record.companyCount),
    levelCounts: {
      red: shown("levelCounts.red", record.redCount),
      orange: shown("levelCounts.orange", record.orangeCount),
      green: shown("levelCounts.green", record.greenCount),
      grey: shown("levelCounts.grey", record.greyCount),
    },
    distressShare: {
      byCount: shown("distressShare.byCount", record.distressShareByCount),
      byEmployees: shown("distressShare.byEmployees", record.distressShareByEmployees),
      byRevenue: shown("distressShare.byRevenue", record.distressShareByRevenue),
    },
    revenueCents: shown("revenueCents", record.revenueCents),
    employees: shown("employees", record.employees),
    medians,
    suppressed: [...suppressed].sort(),
  };
}

export function presentDistrict(
  district: DistrictTerritoryRecord,
  isInScope: boolean,
): Omit<DistrictSummary, "headline"> {
  return {
    code: district.code,
    countryCode: district.countryCode,
    nameIt: district.nameIt,
    nameEn: district.nameEn,
    nameLocal: district.nameLocal,
    centroidLatitude: district.centroidLatitude,
    centroidLongitude: district.centroidLongitude,
    isInScope,
  };
}
