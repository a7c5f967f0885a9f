import type { ParsedSeries } from "../series/parsed-series.ts";
import { createRandom, deriveSeed, type Random } from "./prng.ts";
import { demoShock } from "./trajectories.ts";

export type DemoSeriesInput = {
  seed: number;
  firstYear: number;
  lastYear: number;
  /** The calendar year of the district shock (the demo's first statement year + demoShock.yearIndex). */
  shockYear: number;
  /** District codes; the one named by demoShock.districtId takes the shock. */
  districtIds: readonly string[];
  /** Release date written on every observation (yyyy-mm-dd). */
  releasedOn: string;
};

/**
 * Invented magnitudes per district (monthly wage-support hours, quarterly exports in thousand euro,
 * quarterly firm closures), of the order of a mid-sized Italian district; not official figures.
 */
const scaleByIndex = [1, 0.7, 0.55];

/** Monthly factors of authorised wage-support hours: more in winter and in the August closures. */
const monthlySeason = [1.25, 1.15, 1.0, 0.95, 0.9, 0.9, 0.95, 1.2, 0.95, 0.9, 0.95, 0.9];
/** Quarterly factors of exports (Q3 holidays) and of firm closures (most closures are filed in Q1). */
const exportSeason = [0.98, 1.06, 0.9, 1.06];
const closureSeason = [1.6, 0.85, 0.7, 0.85];

/** The shock's multiplier on wage-support hours in a month (1 outside it): a jump, then a slow fade. */
function wageSupportShock(year: number, month: number, shockYear: number): number {
  if (year === shockYear) return month < 3 ? 1 : month < 6 ? 2.4 + 0.3 * (month - 3) : 3.1;
  if (year === shockYear + 1) return 2.6 - 0.07 * month;
  return 1;
}

const shockRevenueDrop = (demoShock.revenueDrop.minimum + demoShock.revenueDrop.maximum) / 2;
const shockRebound = (demoShock.reboundShareOfDrop.minimum + demoShock.reboundShareOfDrop.maximum) / 2;

function makeSeries(
  districtId: string,
  dataset: string,
  indicator: string,
  unit: string,
  frequency: "M" | "Q",
  title: string,
  observations: { period: string; value: number }[],
  releasedOn: string,
): ParsedSeries {
  return {
    source: "SECTOR-DEMO",
    dataset,
    indicator,
    dimensions: { freq: frequency, unit, geo: districtId },
    unit,
    frequency,
    territory: districtId,
    title,
    observations: observations.map((observation) => ({ ...observation, statusFlag: null, releasedOn })),
  };
}

/** Multiplicative noise of a few per cent, bounded (Irwin–Hall) so no draw fakes a shock. */
const noise = (random: Random, relative: number) => Math.max(0.5, random.normal(1, relative));

/**
 * Demo district signals (§5), seeded: monthly wage-support hours, quarterly exports and firm closures
 * per district with seasonality and mild growth; the shock district's hours triple, exports fall by the
 * demo's average revenue drop and closures nearly double in the shock year, as its companies' statements do.
 */
export function generateDemoSeries(input: DemoSeriesInput): ParsedSeries[] {
  const years = Array.from(
    { length: input.lastYear - input.firstYear + 1 },
    (_, index) => input.firstYear + index,
  );
  return input.districtIds.flatMap((districtId, districtIndex) => {
    const scale = scaleByIndex[districtIndex % scaleByIndex.length] ?? 1;
    const isShocked = districtId === demoShock.districtId;
    const random = createRandom(deriveSeed(input.seed, 4242, districtIndex));
    const hours = years.flatMap((year) =>
      monthlySeason.map((factor, month) => ({
        period: `${year}-${String(month + 1).padStart(2, "0")}`,
        value: Math.round(
          90_000 *
            scale *
            factor *
            noise(random, 0.04) *
            (isShocked ? wageSupportShock(year, month, input.shockYear) : 1),
        ),
      })),
    );
    const exports = years.flatMap((year) =>
      exportSeason.map((factor, quarter) => {
        const growth = 1.02 ** (year - input.firstYear);
        const shock = !isShocked
          ? 1
          : year === input.shockYear
            ? 1 - shockRevenueDrop
            : year > input.shockYear
              ? 1 - shockRevenueDrop * (1 - shockRebound)
              : 1;
        return {
          period: `${year}-Q${quarter + 1}`,
          value: Math.round(400_000 * scale * factor * growth * shock * noise(random, 0.015)),
        };
      }),
    );
    const closures = years.flatMap((year) =>
      closureSeason.map((factor, quarter) => ({
        period: `${year}-Q${quarter + 1}`,
        value: Math.round(
          60 * scale * factor * noise(random, 0.05) * (isShocked && year === input.shockYear ? 1.9 : 1),
        ),
      })),
    );
    return [
      makeSeries(
        districtId,
        "DEMO_CIG",
        "wage_support_hours_authorised",
        "hours",
        "M",
        `Wage-support hours authorised — ${districtId}`,
        hours,
        input.releasedOn,
      ),
      makeSeries(
        districtId,
        "DEMO_EXPORTS",
        "exports",
        "EUR_THS",
        "Q",
        `Exports — ${districtId}`,
        exports,
        input.releasedOn,
      ),
      makeSeries(
        districtId,
        "DEMO_FIRM_DEATHS",
        "firm_closures",
        "NR",
        "Q",
        `Firm closures — ${districtId}`,
        closures,
        input.releasedOn,
      ),
    ];
  });
}
