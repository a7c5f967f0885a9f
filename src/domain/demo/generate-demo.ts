import type { LegalFormCode } from "../companies/normalise-legal-form.ts";
import type { LineItemValues, StatementFormat } from "../statements/line-items.ts";
import { allocateByShares } from "./allocate-by-shares.ts";
import { buildStatements } from "./build-statements.ts";
import {
  type CompanyEconomics,
  demoSizeClassShares,
  drawCompanyEconomics,
  drawLegalForm,
  type SizeClass,
} from "./company-economics.ts";
import { type DemoIndustryProfile, getIndustryProfile } from "./industry-profiles.ts";
import { createAddress, createCompanyName } from "./names.ts";
import { createRandom, deriveSeed, type Random } from "./prng.ts";
import { createCompanyNif, createPartitaIva } from "./tax-codes.ts";
import {
  allocatePaths,
  type CompanyPath,
  computeYearDrivers,
  type DemoTrajectory,
  demoShock,
  drawCompanyShock,
} from "./trajectories.ts";

/** A district of the demo, as in reference/demo-districts.csv. */
export interface DemoDistrictInput {
  id: string;
  /** ISO 3166 alpha-2: "IT" or "PT". */
  country: string;
  nuts3: string;
  /** NACE division of the district's industry: "13" textiles, "25" metal products… */
  mainIndustryNace: string;
  /** Name of the main town; an Italian municipality of that name gets about a third of the firms. */
  mainTown?: string;
}

export interface DemoMunicipalityInput {
  istatCode: string;
  name: string;
  nuts3: string;
}

export interface GenerateDemoInput {
  seed: number;
  firstYear: number;
  years: number;
  districts: readonly DemoDistrictInput[];
  municipalities: readonly DemoMunicipalityInput[];
  /** Companies per district id; defaults to `defaultCompaniesPerDistrict`, else 500. */
  companiesPerDistrict?: Readonly<Record<string, number>>;
}

export interface DemoStatement {
  year: number;
  periodStartOn: string;
  periodEndOn: string;
  format: StatementFormat;
  currency: "EUR";
  /** Integer cents (headcount in persons); exactly the items the format contains. */
  items: LineItemValues;
  /** Dividends paid during the year out of the previous year's result (equity_t = equity_t−1 + result_t − this). */
  dividendsDistributedCents: number;
}

export interface DemoCompany {
  id: string;
  districtId: string;
  countryCode: string;
  name: string;
  /** Italian partita IVA (11 digits) or Portuguese company NIF (9 digits, starting with 5). */
  taxCode: string;
  legalForm: LegalFormCode;
  atecoCode: string;
  /** Istat municipality code; undefined outside Italy. */
  municipalityCode: string | undefined;
  municipalityName: string | undefined;
  nuts3Code: string;
  address: string;
  sizeClass: SizeClass;
  trajectory: DemoTrajectory;
  /** Average employees per year, aligned with `statements`. */
  headcountByYear: number[];
  statements: DemoStatement[];
}

export const defaultCompaniesPerDistrict: Readonly<Record<string, number>> = {
  "prato-tessile": 650,
  "lumezzane-metalli": 500,
  "ave-texteis": 350,
};
const fallbackCompaniesPerDistrict = 500;

/** c.c. 2435-ter micro-company limits (before the 2024 update): up to 5 employees and €350,000 revenue. */
export const microFormatCeiling = { headcount: 5, revenueEuros: 350_000 } as const;

const mainTownShare = 0.35;

/**
 * Generates the demo companies of the given districts with `years` calendar-year statements each, from
 * `seed` alone (mulberry32 streams, no clock, no Math.random): the same input gives a deep-equal output.
 * Size mix, trajectory mix and the Prato shock follow `demoSizeClassShares`, `demoTrajectoryShares`, `demoShock`.
 */
export function generateDemo(input: GenerateDemoInput): { companies: DemoCompany[] } {
  if (!Number.isInteger(input.years) || input.years < 1) throw new Error("years must be a positive integer");
  if (!Number.isInteger(input.firstYear) || input.firstYear < 1000 || input.firstYear + input.years > 9999) {
    throw new Error("firstYear must be a four-digit year");
  }
  const usedTaxCodes = new Set<string>();
  const usedNames = new Set<string>();
  const companies: DemoCompany[] = [];

  for (const [districtIndex, district] of input.districts.entries()) {
    const districtRandom = createRandom(deriveSeed(input.seed, districtIndex, 1));
    const profile = getIndustryProfile(district.country, district.mainIndustryNace);
    const count =
      input.companiesPerDistrict?.[district.id] ??
      defaultCompaniesPerDistrict[district.id] ??
      fallbackCompaniesPerDistrict;
    const districtGrowth = Array.from({ length: input.years }, (_, year) =>
      year === 0 ? 0 : districtRandom.between(-0.01, 0.04),
    );
    const sizeClasses = districtRandom.shuffle(allocateByShares(count, demoSizeClassShares));
    const paths = allocatePaths(districtRandom, sizeClasses);
    const isShockDistrict = district.id === demoShock.districtId && input.years > demoShock.yearIndex;
    const shockShare = isShockDistrict ? demoShock.shareOfCompaniesHit : 0;
    const hits = districtRandom.shuffle(allocateByShares(count, { hit: shockShare, spared: 1 - shockShare }));
    const municipalities = input.municipalities.filter(
      (municipality) => municipality.nuts3 === district.nuts3,
    );
    if (district.country === "IT" && municipalities.length === 0) {
      throw new Error(`No municipalities given for district ${district.id} (NUTS 3 ${district.nuts3})`);
    }

    for (let index = 0; index < count; index += 1) {
      const context: CompanyContext = {
        random: createRandom(deriveSeed(input.seed, districtIndex, 2, index)),
        id: `demo-${String(companies.length + 1).padStart(4, "0")}`,
        district,
        profile,
        municipalities,
        districtGrowth,
        sizeClass: sizeClasses[index] ?? "micro",
        path: paths[index] ?? "stable",
        isHitByShock: hits[index] === "hit",
        firstYear: input.firstYear,
        years: input.years,
      };
      companies.push(createCompany(context, usedTaxCodes, usedNames));
    }
  }
  return { companies };
}

interface CompanyContext {
  random: Random;
  id: string;
  district: DemoDistrictInput;
  profile: DemoIndustryProfile;
  municipalities: readonly DemoMunicipalityInput[];
  districtGrowth: readonly number[];
  sizeClass: SizeClass;
  path: CompanyPath;
  isHitByShock: boolean;
  firstYear: number;
  years: number;
}

function createCompany(
  context: CompanyContext,
  usedTaxCodes: Set<string>,
  usedNames: Set<string>,
): DemoCompany {
  const { random, district, profile, sizeClass, path } = context;
  const baseTrajectory = path === "severe_decline" || path === "mild_decline" ? "declining" : path;
  const isSevereDecline = path === "severe_decline";
  const activity = random.pickWeighted(profile.activities.map((item) => ({ item, weight: item.weight })));
  const legalForm = drawLegalForm(random, district.country, sizeClass);
  const typicalMargin = 0.035 + (0.085 * (random.next() + random.next())) / 2;
  const baseEbitdaMargin =
    (baseTrajectory === "declining" ? random.between(0.03, 0.065) : typicalMargin) +
    activity.ebitdaMarginShift;
  const economics = drawCompanyEconomics(random, {
    profile,
    activity,
    sizeClass,
    legalForm,
    country: district.country,
    trajectory: baseTrajectory,
    isSevereDecline,
    baseEbitdaMargin,
  });
  const drivers = computeYearDrivers(random, {
    trajectory: baseTrajectory,
    isSevereDecline,
    years: context.years,
    baseEbitdaMargin,
    districtGrowth: context.districtGrowth,
    shock: context.isHitByShock ? drawCompanyShock(random) : undefined,
  });
  const format = chooseFormat(sizeClass, economics);
  const builtYears = buildStatements(random, {
    economics,
    profile,
    drivers,
    firstYear: context.firstYear,
    format,
  });

  const municipality =
    district.country === "IT"
      ? pickMunicipality(random, context.municipalities, district.mainTown)
      : undefined;
  const taxCode = createTaxCode(random, district.country, municipality, usedTaxCodes);
  const isSingleMember = district.country === "PT" && sizeClass === "micro" && random.chance(0.3);
  const name = createCompanyName(
    random,
    {
      country: district.country,
      nuts3: district.nuts3,
      legalForm,
      nameWords: activity.nameWords,
      isSingleMember,
    },
    usedNames,
  );

  return {
    id: context.id,
    districtId: district.id,
    countryCode: district.country,
    name,
    taxCode,
    legalForm,
    atecoCode: activity.atecoCode,
    municipalityCode: municipality?.istatCode,
    municipalityName: municipality?.name,
    nuts3Code: district.nuts3,
    address: createAddress(random, district.country, district.nuts3),
    sizeClass,
    trajectory: baseTrajectory === "stable" && context.isHitByShock ? "shocked" : baseTrajectory,
    headcountByYear: builtYears.map((built) => built.headcount),
    statements: builtYears.map((built) => ({
      year: built.year,
      periodStartOn: `${built.year}-01-01`,
      periodEndOn: `${built.year}-12-31`,
      format,
      currency: "EUR",
      items: built.items,
      dividendsDistributedCents: built.dividendsDistributedCents,
    })),
  };
}

// Medium and large firms file the ordinary schema; the smallest the micro one (2435-ter); the rest abridged.
// A firm keeps its format over the demo years (in reality it changes after two years beyond the limits).
function chooseFormat(sizeClass: SizeClass, economics: CompanyEconomics): StatementFormat {
  if (sizeClass === "medium" || sizeClass === "large") return "ordinary";
  const isMicroCompany =
    economics.firstYearHeadcount <= microFormatCeiling.headcount &&
    economics.firstYearRevenueEuros <= microFormatCeiling.revenueEuros;
  return isMicroCompany ? "micro" : "abridged";
}

function pickMunicipality(
  random: Random,
  municipalities: readonly DemoMunicipalityInput[],
  mainTown: string | undefined,
): DemoMunicipalityInput {
  const main = municipalities.find(
    (municipality) => municipality.name.toLowerCase() === mainTown?.trim().toLowerCase(),
  );
  return main && random.chance(mainTownShare) ? main : random.pick(municipalities);
}

function createTaxCode(
  random: Random,
  country: string,
  municipality: DemoMunicipalityInput | undefined,
  usedTaxCodes: Set<string>,
): string {
  if (country === "IT" && municipality) {
    // The partita IVA's office code is the province's Istat code: the municipality code's first three digits.
    return createPartitaIva(random, municipality.istatCode.slice(0, 3), usedTaxCodes);
  }
  if (country === "PT") return createCompanyNif(random, usedTaxCodes);
  throw new Error(`No demo tax codes for country ${country}`);
}
