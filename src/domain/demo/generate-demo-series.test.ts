import { describe, expect, it } from "vitest";
import { detectDistrictAlarms } from "../district-signals/detect-district-alarms.ts";
import type { ParsedSeries } from "../series/parsed-series.ts";
import { generateDemoSeries } from "./generate-demo-series.ts";

const input = {
  seed: 2026,
  firstYear: 2019,
  lastYear: 2024,
  shockYear: 2023,
  districtIds: ["prato-tessile", "lumezzane-metalli", "ave-texteis"],
  releasedOn: "2025-03-31",
};
const series = generateDemoSeries(input);
const frequencyOf = { M: "monthly", Q: "quarterly", A: "annual" } as const;
const signals = (item: ParsedSeries) =>
  detectDistrictAlarms({ frequency: frequencyOf[item.frequency], observations: item.observations });
const alarmPeriods = (item: ParsedSeries) =>
  signals(item).observations.flatMap((observation) =>
    observation.alarms.length > 0 ? [observation.period] : [],
  );

describe(generateDemoSeries, () => {
  it("gives each district monthly wage-support hours 2019–2024 and quarterly exports and closures", () => {
    expect(series.map((item) => [item.dimensions.geo, item.dataset, item.observations.length])).toEqual([
      ["prato-tessile", "DEMO_CIG", 72],
      ["prato-tessile", "DEMO_EXPORTS", 24],
      ["prato-tessile", "DEMO_FIRM_DEATHS", 24],
      ["lumezzane-metalli", "DEMO_CIG", 72],
      ["lumezzane-metalli", "DEMO_EXPORTS", 24],
      ["lumezzane-metalli", "DEMO_FIRM_DEATHS", 24],
      ["ave-texteis", "DEMO_CIG", 72],
      ["ave-texteis", "DEMO_EXPORTS", 24],
      ["ave-texteis", "DEMO_FIRM_DEATHS", 24],
    ]);
  });

  it("is the same for the same seed and differs for another", () => {
    expect(generateDemoSeries(input)).toEqual(series);
    expect(generateDemoSeries({ ...input, seed: 7 })).not.toEqual(series);
  });

  // Noise alone raises isolated alarms up to |statistic| ≈ 9 on baselines of 8 quarters or 24 months;
  // the shock's reach 15–44. "Big" is at least 10.
  const bigStatistic = 10;
  const bigAlarmPeriods = (item: ParsedSeries) =>
    signals(item).observations.flatMap((observation) =>
      observation.alarms.some((alarm) => Math.abs(alarm.statistic) >= bigStatistic)
        ? [observation.period]
        : [],
    );
  const find = (districtId: string, dataset: string) => {
    const found = series.find((item) => item.dimensions.geo === districtId && item.dataset === dataset);
    if (!found) throw new Error(`${districtId} ${dataset}`);
    return found;
  };

  it("puts a shock in Prato's 2023 wage-support hours that the §5 detection flags from April", () => {
    const prato = find("prato-tessile", "DEMO_CIG");
    expect(bigAlarmPeriods(prato)).toEqual([
      "2023-04",
      "2023-05",
      "2023-06",
      "2023-07",
      "2023-08",
      "2023-09",
    ]);
    expect(alarmPeriods(prato)).toContain("2023-04");
    expect(signals(prato).changePoints.periods[0]).toBe("2023-04");
  });

  it("flags the fall of Prato's exports and the rise of its firm closures in 2023", () => {
    expect(bigAlarmPeriods(find("prato-tessile", "DEMO_EXPORTS"))).toContain("2023-Q1");
    expect(bigAlarmPeriods(find("prato-tessile", "DEMO_FIRM_DEATHS"))).toContain("2023-Q1");
  });

  it("raises nothing big and finds no change of regime in the districts without a shock", () => {
    const others = series.filter((item) => item.dimensions.geo !== "prato-tessile");
    expect(
      others.map((item) => [
        item.dimensions.geo,
        item.dataset,
        bigAlarmPeriods(item),
        signals(item).changePoints.periods,
      ]),
    ).toEqual(others.map((item) => [item.dimensions.geo, item.dataset, [], []]));
  });
});
