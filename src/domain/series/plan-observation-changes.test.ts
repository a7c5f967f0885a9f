import { describe, expect, it } from "vitest";
import { computeSeriesKey } from "./compute-series-key.ts";
import { planObservationChanges } from "./plan-observation-changes.ts";

const observation = (period: string, value: number | null, statusFlag: string | null = null) => ({
  period,
  value,
  statusFlag,
  releasedOn: "2026-01-01",
});

describe(planObservationChanges, () => {
  it("inserts new periods, revises changed values or flags and leaves equal ones", () => {
    const changes = planObservationChanges(
      [observation("2024-01", 10), observation("2024-02", 11, "p"), observation("2024-03", 12)],
      [
        observation("2024-01", 10),
        observation("2024-02", 11),
        observation("2024-03", 12.5),
        observation("2024-04", 13),
      ],
    );
    expect(changes.inserted.map((item) => item.period)).toEqual(["2024-04"]);
    expect(changes.revised.map((item) => [item.previous.value, item.next.value])).toEqual([
      [11, 11],
      [12, 12.5],
    ]);
    expect(changes.unchangedCount).toBe(1);
  });

  it("counts the same value with another release date as unchanged", () => {
    const changes = planObservationChanges(
      [observation("2024", 1)],
      [{ ...observation("2024", 1), releasedOn: "2027-01-01" }],
    );
    expect(changes).toEqual({ inserted: [], revised: [], unchangedCount: 1 });
  });
});

describe(computeSeriesKey, () => {
  it("sorts the dimensions, so their order in the file does not matter", () => {
    const key = computeSeriesKey({ source: "ESTAT", dataset: "X", dimensions: { unit: "I21", geo: "AT" } });
    expect(key).toBe("ESTAT|X|geo=AT|unit=I21");
    expect(computeSeriesKey({ source: "ESTAT", dataset: "X", dimensions: { geo: "AT", unit: "I21" } })).toBe(
      key,
    );
  });
  it("escapes separators inside codes so that two keys cannot collide", () => {
    expect(computeSeriesKey({ source: "S", dataset: "D", dimensions: { a: "1|b=2" } })).toBe(
      "S|D|a=1%7Cb%3D2",
    );
  });
});
