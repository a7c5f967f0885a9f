import type { DistrictDashboard } from "../../../contracts/district-dashboard.ts";
import { unclassifiedSectorCode } from "../../../domain/district-dashboard/compute-district-risk-aggregates.ts";
import { isDistrictInScope } from "../../../domain/district-dashboard/is-district-in-scope.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import type { Principal } from "../auth/principal.ts";
import { discloseDistrictYear } from "./disclose-district-year.ts";
import { presentDistrict, presentFigures } from "./district-dashboard.presenter.ts";
import {
  type DistrictAggregateRecord,
  type DistrictTerritoryRecord,
  findDistrictAggregates,
  findDistrictTerritory,
} from "./district-dashboard.repo.ts";
import { findCachedDistrictPlacements } from "./district-placements-cache.ts";

export type DistrictDashboardData = {
  district: DistrictTerritoryRecord;
  records: DistrictAggregateRecord[];
  dashboard: DistrictDashboard;
};

/**
 * A district's dashboard, by sector and fiscal year, read from the precomputed aggregates only.
 * `audience` "scope": a signed-in user whose territorial scope covers the district and every company
 * placed in it (else 403, pointing to the public dashboard); "public": every year's sector table through disclosure control.
 */
export async function getDistrictDashboard(
  deps: { db: Database },
  audience: { kind: "scope"; principal: Principal } | { kind: "public" },
  districtCode: string,
): Promise<DistrictDashboardData> {
  // The aggregates are read before the scope check: their computed_at versions the cached placements.
  const [district, records] = await Promise.all([
    findDistrictTerritory(deps.db, districtCode),
    findDistrictAggregates(deps.db, districtCode),
  ]);
  if (!district) throw new AppError("not_found", `No district ${districtCode}.`);
  const computedAt = records.reduce<Date | undefined>(
    (latest, record) => (!latest || record.computedAt > latest ? record.computedAt : latest),
    undefined,
  );
  if (
    audience.kind === "scope" &&
    !isDistrictInScope(
      audience.principal.grants,
      district,
      await findCachedDistrictPlacements(deps.db, districtCode, computedAt?.toISOString() ?? "none"),
    )
  ) {
    throw new AppError(
      "forbidden",
      `District ${districtCode} is outside your territorial scope; its public dashboard is at /api/public/districts/${districtCode}/dashboard.`,
    );
  }
  const isPublic = audience.kind === "public";
  const years = [...new Set(records.map((record) => record.fiscalYear))].sort((left, right) => left - right);
  const suppressionsByYear = new Map(
    isPublic
      ? years.map((year) => [
          year,
          discloseDistrictYear(records.filter((record) => record.fiscalYear === year)),
        ])
      : [],
  );
  const sectorCodes = [...new Set(records.map((record) => record.sectorCode))].filter((code) => code !== "*");
  const dashboard: DistrictDashboard = {
    district: presentDistrict(district, !isPublic),
    years,
    sectors: sectorCodes.sort().map((code) => {
      if (code === unclassifiedSectorCode)
        return { code, titleIt: "Settore non classificato", titleEn: "Sector not classified" };
      const title = records.find((record) => record.sectorCode === code);
      return { code, titleIt: title?.sectorTitleIt ?? code, titleEn: title?.sectorTitleEn ?? null };
    }),
    cells: records.map((record) => ({
      sectorCode: record.sectorCode,
      fiscalYear: record.fiscalYear,
      figures: presentFigures(
        record,
        suppressionsByYear.get(record.fiscalYear)?.get(record.sectorCode),
        isPublic,
      ),
    })),
    isDisclosureControlled: isPublic,
    source: {
      ruleSetVersions: [
        ...new Set(records.flatMap((record) => record.ruleSetVersion.split(",")).filter(Boolean)),
      ].sort(),
      computedAt: computedAt?.toISOString() ?? null,
    },
  };
  return { district, records, dashboard };
}
