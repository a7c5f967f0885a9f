import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeriesExportSchema } from "../../contracts/district-series.ts";
import { knownImportProfiles } from "../../domain/series/known-import-profiles.ts";
import { parseEnv } from "../../server/config/env.ts";
import { createSeriesImportProfile } from "../../server/features/district-series/manage-import-profiles.ts";
import { withDatabase } from "../../server/features/system/with-database.ts";
import { packageRoot } from "../../server/paths.ts";
import { runCli } from "../run-cli.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sector-cli-series-"));
const fixtures = path.resolve(packageRoot, "../shared/fixtures/district-series");
const environment = { SECTOR_DATA_DIR: dataDir, LOG_LEVEL: "silent", SECTOR_DEMO: "0" };

beforeAll(async () => {
  // Profiles are made in the app; here through the same use case.
  await withDatabase(parseEnv(environment, packageRoot), "test", async (context) => {
    for (const known of knownImportProfiles) await createSeriesImportProfile(context, known, null);
  });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function sector(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: environment,
    cwd: packageRoot,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("sector import series and sector series export", () => {
  it("imports JSON-stat and SDMX-CSV natively, CSV with --profile, and exports the values", async () => {
    const native = await sector(
      "import",
      "series",
      path.join(fixtures, "eurostat-sts_inpr_m-8cc-jsonstat.json"),
      path.join(fixtures, "eurostat-ilc_peps01n-IT-sdmx.csv"),
    );
    expect(native.code).toBe(0);
    expect(native.out).toContain(
      "eurostat-ilc_peps01n-IT-sdmx.csv: imported (sdmx-csv) — 2 series, 22 inserted, 0 revised, 0 unchanged",
    );
    expect(native.out).toContain("2 imported, 0 unchanged, 0 rejected.");
    const profiled = await sector(
      "import",
      "series",
      path.join(fixtures, "inps-cig-fondi-solidarieta-2023-2024.csv"),
      "--profile",
      "inps-cig-fondi-solidarieta",
      "--json",
    );
    expect(profiled.code).toBe(0);
    expect(JSON.parse(profiled.out)).toEqual([
      expect.objectContaining({ outcome: "imported", series: 79, inserted: 628 }),
    ]);

    const exported = await sector("series", "export", "--json");
    expect(exported.code).toBe(0);
    const body = SeriesExportSchema.parse(JSON.parse(exported.out));
    expect(body.series).toHaveLength(89);
    // Line 13 of the SDMX file: …,THS_PER,TOTAL,T,IT,2015,17291,,
    const thousands = body.series.find((series) => series.unit === "THS_PER");
    expect(thousands?.observations[0]).toEqual({
      period: "2015",
      value: 17291,
      statusFlag: null,
      releasedOn: "2026-09-17",
    });
    // The INPS series of Tuscany are linked to the shipped NUTS 2 region ITI1.
    expect(body.series.some((series) => series.territoryCode === "ITI1")).toBe(true);

    const text = await sector("series", "export");
    expect(text.out.split("\n")[0]).toBe("series_key,unit,frequency,period,value,status_flag,released_on");
    expect(text.out).toContain(
      "ESTAT|ILC_PEPS01N|age=TOTAL|freq=A|geo=IT|sex=T|unit=PC,PC,A,2015,28.4,,2026-09-17",
    );
  });

  it("exits 1 and reports the line when a file is rejected, 1 for an unknown profile, 2 for usage", async () => {
    const unprofiled = await sector(
      "import",
      "series",
      path.join(fixtures, "eurostat-sts_rb_q-bkrt-index.csv"),
    );
    expect(unprofiled.code).toBe(1);
    expect(unprofiled.out).toContain("choose an import profile");
    const unknown = await sector(
      "import",
      "series",
      path.join(fixtures, "eurostat-sts_rb_q-bkrt-index.csv"),
      "--profile",
      "nope",
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('There is no import profile named "nope"');
    const usage = await sector("import", "xbrl", path.join(fixtures, "x.xbrl"), "--profile", "nope");
    expect(usage.code).toBe(2);
    expect((await sector("series", "import")).code).toBe(2);
  });
});
