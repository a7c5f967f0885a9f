import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/db.ts";
import { generateDemoSeries } from "../../../domain/demo/generate-demo-series.ts";
import { formatSdmxCsv } from "../../../domain/series/format-sdmx-csv.ts";
import { type DatabaseHandle, queryRows } from "../../db/client.ts";
import { loadReferenceData } from "../territories/load-reference-data.ts";
import { findDistrictAlarms, findDistrictSeriesPage, getDistrictSeries } from "./find-district-series.ts";
import { importSeriesFile } from "./import-series-file.ts";
import { loadDemoSeries } from "./load-demo-series.ts";

let database: DatabaseHandle;
const clock = () => new Date("2026-11-25T08:00:00.000Z");
const districtIds = ["prato-tessile", "lumezzane-metalli", "ave-texteis"];
const actor = { userId: null, email: "test", meta: { ipAddress: undefined, requestId: undefined } };

beforeAll(async () => {
  database = await createTestDatabase();
  await queryRows(database.db, sql`insert into installations (id) values (1) on conflict do nothing`);
  await loadReferenceData({ db: database.db, clock });
});
afterAll(async () => {
  await database.close();
});

describe("the demo's district series", () => {
  it("tells, through an import cut at the shock, that Prato's wage-support hours entered alarm", async () => {
    const cut = generateDemoSeries({
      seed: 2026,
      firstYear: 2019,
      lastYear: 2024,
      shockYear: 2023,
      districtIds,
      releasedOn: "2023-07-31",
    })
      .filter((series) => series.dataset === "DEMO_CIG")
      .map((series) => ({
        ...series,
        observations: series.observations.filter((item) => item.period <= "2023-06"),
      }));
    const result = await importSeriesFile(
      { db: database.db, clock },
      { fileName: "cig-2023-06.csv", bytes: new TextEncoder().encode(formatSdmxCsv(cut)) },
      actor,
    );
    expect(result.report).toMatchObject({ outcome: "imported", series: 3, alarmsEntered: 1 });
    expect(result.alarmsEntered).toEqual([
      {
        seriesId: expect.any(String),
        districtCode: "prato-tessile",
        period: "2023-06",
        reasons: expect.arrayContaining([expect.objectContaining({ method: "modified_z", threshold: 3.5 })]),
      },
    ]);
    const alarms = await findDistrictAlarms({ db: database.db }, "prato-tessile");
    expect(alarms.items).toEqual([expect.objectContaining({ isInAlarm: true, latestPeriod: "2023-06" })]);
    expect(alarms.items[0]?.reasons[0]?.statistic).toBeGreaterThan(3.5);
  });

  it("loads the full demo series through the import, the shock flagged in 2023 and the latest state re-evaluated", async () => {
    const results = await loadDemoSeries(
      { db: database.db, clock },
      { seed: 2026, firstStatementYear: 2020, statementYears: 5, districtIds },
    );
    expect(results.map((result) => result.report)).toEqual([
      expect.objectContaining({ outcome: "imported", series: 3, inserted: 3 * 18, unchanged: 3 * 54 }),
      expect.objectContaining({ outcome: "imported", series: 3, inserted: 72 }),
      expect.objectContaining({ outcome: "imported", series: 3, inserted: 72 }),
    ]);
    const page = await findDistrictSeriesPage(
      { db: database.db },
      { district: "prato-tessile", limit: 10, offset: 0 },
    );
    expect(page.items.map((series) => series.territoryCode)).toEqual([
      "prato-tessile",
      "prato-tessile",
      "prato-tessile",
    ]);
    const hours = page.items.find((series) => series.dataset === "DEMO_CIG");
    const detail = await getDistrictSeries({ db: database.db }, hours?.id ?? "");
    const flagged = detail.analysis.points
      .filter((point) => point.alarms.length > 0)
      .map((point) => point.period);
    expect(flagged).toContain("2023-04");
    expect(detail.analysis.changePoints.periods).toContain("2023-04");
    expect(detail.series.alarm?.latestPeriod).toBe("2024-12");
    const elsewhere = await findDistrictSeriesPage(
      { db: database.db },
      { district: "lumezzane-metalli", limit: 10, offset: 0 },
    );
    expect(elsewhere.items.map((series) => series.alarm?.isInAlarm)).toEqual([false, false, false]);
  });
});
