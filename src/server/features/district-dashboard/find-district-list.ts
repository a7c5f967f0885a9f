import type { DistrictFigures, DistrictList } from "../../../contracts/district-dashboard.ts";
import {
  type DistrictCompanyPlacement,
  doGrantsCoverPlacements,
  isDistrictInScope,
} from "../../../domain/district-dashboard/is-district-in-scope.ts";
import type { Database } from "../../db/client.ts";
import type { Principal } from "../auth/principal.ts";
import { discloseDistrictYear } from "./disclose-district-year.ts";
import { presentDistrict, presentFigures } from "./district-dashboard.presenter.ts";
import {
  type DistrictAggregateRecord,
  findDistrictCompanyPlacements,
  findDistrictTerritories,
  findLatestAggregateYear,
  findYearAggregates,
} from "./district-dashboard.repo.ts";

/**
 * Every district with its headline figures (all sectors) of the latest year, for the map and the
 * comparison. Signed-in users see unsuppressed figures for the districts whose every company their
 * territorial scope covers, and the all-districts total only when it covers every company placed in a
 * district (else a district's figures could be recovered by subtraction); anything else, and the
 * public list (no principal), goes through disclosure control computed on the district's own sector
 * table, as its public dashboard does.
 */
export async function findDistrictList(
  deps: { db: Database },
  principal: Principal | undefined,
): Promise<DistrictList> {
  const [districts, latest, placements] = await Promise.all([
    findDistrictTerritories(deps.db),
    findLatestAggregateYear(deps.db),
    principal ? findDistrictCompanyPlacements(deps.db) : [],
  ]);
  const yearCells = latest ? await findYearAggregates(deps.db, latest.fiscalYear) : [];
  const cellsByDistrict = new Map<string, DistrictAggregateRecord[]>();
  for (const cell of yearCells) {
    cellsByDistrict.set(cell.districtCode, [...(cellsByDistrict.get(cell.districtCode) ?? []), cell]);
  }
  const placementsByDistrict = new Map<string, DistrictCompanyPlacement[]>();
  for (const placement of placements) {
    placementsByDistrict.set(placement.districtCode, [
      ...(placementsByDistrict.get(placement.districtCode) ?? []),
      placement,
    ]);
  }
  const items = districts.map((district) => {
    const isInScope = principal
      ? isDistrictInScope(principal.grants, district, placementsByDistrict.get(district.code) ?? [])
      : false;
    const cells = cellsByDistrict.get(district.code) ?? [];
    const total = cells.find((cell) => cell.sectorCode === "*");
    let headline: DistrictFigures | null = null;
    if (total && isInScope) headline = presentFigures(total);
    else if (total) headline = presentFigures(total, discloseDistrictYear(cells).get("*"), true);
    return { ...presentDistrict(district, isInScope), headline };
  });
  const allTotal = cellsByDistrict.get("*")?.find((cell) => cell.sectorCode === "*");
  const seesEverything =
    principal !== undefined &&
    items.every((item) => item.isInScope) &&
    doGrantsCoverPlacements(principal.grants, placements);
  return {
    fiscalYear: latest?.fiscalYear ?? null,
    items,
    allDistricts: allTotal && seesEverything ? presentFigures(allTotal) : null,
    isDisclosureControlled: !seesEverything,
    computedAt: latest?.computedAt.toISOString() ?? null,
  };
}
