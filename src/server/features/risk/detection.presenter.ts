import type { DetectionAlertLevel, DetectionItem, DistressModelId } from "../../../contracts/detection.ts";
import type { DetectionRow } from "./detection.repo.ts";

/** One row of the detection list: the company's public identity and its risk row (in scope only). */
export function presentDetectionItem(row: DetectionRow): DetectionItem {
  return {
    companyId: row.companyId,
    name: row.name,
    countryCode: row.countryCode,
    taxCode: row.taxCode,
    atecoCode: row.atecoCode,
    districtCode: row.districtCode,
    districtNameIt: row.districtNameIt,
    districtNameEn: row.districtNameEn,
    sizeClass: row.sizeClass as DetectionItem["sizeClass"],
    fiscalYear: row.fiscalYear,
    periodEndOn: row.periodEndOn,
    alertLevel: row.alertLevel as DetectionAlertLevel,
    previousAlertLevel: row.previousAlertLevel as DetectionAlertLevel | null,
    isDeteriorating: row.isDeteriorating,
    isFirstAlert: row.isFirstAlert,
    isLatest: row.isLatest,
    distressModels: row.distressModels as DistressModelId[],
    emRating: row.emRating,
    cndcecOutcome: row.cndcecOutcome,
    breachedIndexCount: row.breachedIndexCount,
    revenueCents: row.revenueCents,
    employees: row.employees,
    isFollowed: row.isFollowed,
  };
}
