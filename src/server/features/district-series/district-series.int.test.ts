import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildDistrict, buildTerritory } from "../../../../test/factories/build-territory.ts";
import { buildUser, type SignedIn, signIn } from "../../../../test/factories/build-user.ts";
import {
  DistrictSeriesDetailSchema,
  DistrictSeriesListSchema,
  SeriesExportSchema,
  SeriesImportReportSchema,
} from "../../../contracts/district-series.ts";
import { computeSeriesKey } from "../../../domain/series/compute-series-key.ts";
import { knownImportProfiles } from "../../../domain/series/known-import-profiles.ts";
import type { ParsedSeries } from "../../../domain/series/parsed-series.ts";
import { readSeriesFile } from "../../../domain/series/read-series-file.ts";
import { type DatabaseHandle, queryRows } from "../../db/client.ts";
import { packageRoot } from "../../paths.ts";
import { exportDistrictSeries } from "./export-district-series.ts";
import { importSeriesFile } from "./import-series-file.ts";

const fixtureFolder = path.resolve(packageRoot, "../shared/fixtures/district-series");
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtureFolder, name)));
const files = {
  jsonStat: "eurostat-sts_inpr_m-8cc-jsonstat.json",
  sdmx: "eurostat-ilc_peps01n-IT-sdmx.csv",
  bankruptcy: "eurostat-sts_rb_q-bkrt-index.csv",
  inps: "inps-cig-fondi-solidarieta-2023-2024.csv",
};
const profileOf = { bankruptcy: "eurostat-sts_rb_q-flat", inps: "inps-cig-fondi-solidarieta" } as const;

let database: DatabaseHandle;
let app: ReturnType<typeof createTestApp>;
let analyst: SignedIn;
let trainer: SignedIn;
let districtCode: string;
const actor = {
  userId: null,
  email: "test@example.test",
  meta: { ipAddress: undefined, requestId: undefined },
};
const context = () => ({ db: database.db, clock: () => new Date("2026-03-02T09:30:00.000Z") });

async function counts() {
  const [row] = await queryRows<{ series: number; observations: number; revisions: number; imports: number }>(
    database.db,
    sql`select (select count(*)::int from district_series) as series,
               (select count(*)::int from series_observations) as observations,
               (select count(*)::int from series_observation_revisions) as revisions,
               (select count(*)::int from series_imports) as imports`,
  );
  return row;
}

function post(pathName: string, body: unknown, user: SignedIn = analyst) {
  return app.request(pathName, { method: "POST", headers: user.headers(), body: JSON.stringify(body) });
}
const upload = (name: string, profileName?: string) => ({
  fileName: name,
  contentBase64: Buffer.from(fixture(name)).toString("base64"),
  ...(profileName ? { profileName } : {}),
});

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  await buildTerritory(database, { code: "IT", kind: "country" });
  await buildTerritory(database, { code: "ITI", kind: "nuts1", parentCode: "IT" });
  await buildTerritory(database, { code: "ITI1", kind: "nuts2", parentCode: "ITI" });
  await buildTerritory(database, { code: "ITI15", kind: "nuts3", parentCode: "ITI1" });
  districtCode = (await buildDistrict(database, "ITI15")).code;
  const users = await Promise.all([
    buildUser(database, [{ role: "analyst", territoryCode: "IT" }]),
    buildUser(database, [{ role: "trainer" }]),
  ]);
  [analyst, trainer] = (await Promise.all(users.map((user) => signIn(app, user.email)))) as [
    SignedIn,
    SignedIn,
  ];
  for (const known of knownImportProfiles) {
    const response = await post("/api/district-series/profiles", {
      name: known.name,
      mapping: known.mapping,
    });
    expect(response.status, await response.clone().text()).toBe(201);
  }
});
afterAll(async () => {
  await database.close();
});

describe("importing the real fixture files", () => {
  it("imports JSON-stat and SDMX-CSV natively and the two CSV files through their profiles", async () => {
    const reports = [];
    for (const [kind, name] of Object.entries(files)) {
      const response = await post(
        "/api/district-series/imports",
        upload(name, profileOf[kind as keyof typeof profileOf]),
      );
      expect(response.status).toBe(200);
      reports.push(SeriesImportReportSchema.parse(await response.json()));
    }
    expect(reports.map((report) => [report.outcome, report.format])).toEqual([
      ["imported", "json-stat"],
      ["imported", "sdmx-csv"],
      ["imported", "csv-profile"],
      ["imported", "csv-profile"],
    ]);
    expect(
      reports.map((report) => (report.outcome === "imported" ? [report.series, report.inserted] : [])),
    ).toEqual([
      [8, 2732],
      [2, 22],
      [8, 288],
      [79, 628],
    ]);
    expect(await counts()).toMatchObject({ series: 97, observations: 3670, revisions: 0, imports: 4 });
    const [audit] = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from audit_events where action = 'series.imported'`,
    );
    expect(audit?.count).toBe(4);
  });

  it("exports every series with the values of the files", async () => {
    const response = await app.request("/api/district-series/export", { headers: analyst.headers() });
    expect(response.status).toBe(200);
    const exported = SeriesExportSchema.parse(await response.json());
    const byKey = new Map(exported.series.map((series) => [series.key, series]));
    const mappings = new Map(knownImportProfiles.map((known) => [known.name, known.mapping]));
    for (const [kind, name] of Object.entries(files)) {
      const profile = profileOf[kind as keyof typeof profileOf];
      const parsed = readSeriesFile(
        fs.readFileSync(path.join(fixtureFolder, name), "utf8"),
        profile ? mappings.get(profile) : undefined,
      );
      const series: ParsedSeries[] = parsed.status === "parsed" ? parsed.series : [];
      expect(series.length, name).toBeGreaterThan(0);
      for (const item of series) {
        const stored = byKey.get(computeSeriesKey(item));
        expect(stored?.dimensions, name).toEqual(item.dimensions);
        expect(stored?.observations, name).toEqual(item.observations);
      }
    }
    // Hand-read: INPS line 68 "2023,FIS,Trentino-Alto-Adige,Marzo,Commercio,705.0".
    const trentino = exported.series.find(
      (series) =>
        series.dimensions.geo === "ISTAT:04" &&
        series.dimensions.fund === "FIS" &&
        series.dimensions.sector === "Commercio",
    );
    expect(trentino?.observations[0]).toEqual({
      period: "2023-03",
      value: 705,
      statusFlag: null,
      releasedOn: null,
    });
    // Hand-read: JSON-stat "3531": 103.6 with status "p" (AT, 2026-07), released "updated": "2026-09-17…".
    const austria = exported.series.find(
      (series) => series.dataset === "STS_INPR_M" && series.dimensions.geo === "AT",
    );
    expect(austria?.observations.at(-1)).toEqual({
      period: "2026-07",
      value: 103.6,
      statusFlag: "p",
      releasedOn: "2026-09-17",
    });
    // Series are linked to known territories only: IT is one, AT is not.
    expect(austria?.territoryCode).toBeNull();
    expect(exported.series.find((series) => series.dataset === "ILC_PEPS01N")?.territoryCode).toBe("IT");
  });

  it("treats the same file with the same profile again as a no-op", async () => {
    const before = await counts();
    const result = await importSeriesFile(
      context(),
      { fileName: files.inps, bytes: fixture(files.inps), profileName: profileOf.inps },
      actor,
    );
    expect(result.report).toEqual({
      fileName: files.inps,
      outcome: "unchanged",
      format: "csv-profile",
      series: 79,
      inserted: 0,
      revised: 0,
      unchanged: 628,
      alarmsEntered: 0,
    });
    expect(await counts()).toEqual(before);
  });

  it("replaces a revised value and keeps the old one in the history", async () => {
    const revised = fs
      .readFileSync(path.join(fixtureFolder, files.sdmx), "utf8")
      .replace("IT,2015,28.4,,", "IT,2015,28.9,p,");
    const result = await importSeriesFile(
      context(),
      { fileName: "revised.csv", bytes: new TextEncoder().encode(revised) },
      actor,
    );
    expect(result.report).toMatchObject({ outcome: "imported", inserted: 0, revised: 1, unchanged: 21 });
    const list = DistrictSeriesListSchema.parse(
      await (await app.request("/api/district-series?limit=500", { headers: analyst.headers() })).json(),
    );
    const percent = list.items.find((series) => series.dataset === "ILC_PEPS01N" && series.unit === "PC");
    const detail = DistrictSeriesDetailSchema.parse(
      await (await app.request(`/api/district-series/${percent?.id}`, { headers: analyst.headers() })).json(),
    );
    expect(detail.observations[0]).toMatchObject({ period: "2015", value: 28.9, statusFlag: "p" });
    expect(detail.revisions).toEqual([
      {
        period: "2015",
        value: 28.4,
        statusFlag: null,
        releasedOn: "2026-09-17",
        replacedAt: "2026-03-02T09:30:00.000Z",
      },
    ]);
    expect(detail.analysis.points).toHaveLength(11);
  });

  it("rejects a malformed file whole, naming the line, and leaves the database as it was", async () => {
    const before = await counts();
    const broken = fs
      .readFileSync(path.join(fixtureFolder, files.inps), "utf8")
      .replace(
        "2023,FIS,Piemonte,Gennaio,Industria,15785.0",
        "2023,FIS,Piemonte,Gennaio,Industria,15785.0\r\n2023,FIS,Piemonte,Brumaio,Industria,1.0",
      )
      .replace("2023,FIS,Piemonte,Febbraio,Industria,2764.0", "2023,FIS,Piemonte,Febbraio,Industria,2765.0");
    const response = await post("/api/district-series/imports", {
      fileName: "broken.csv",
      contentBase64: Buffer.from(broken).toString("base64"),
      profileName: profileOf.inps,
    });
    // Reported per file, as in a batch (the CLI sends its files one by one and prints each report).
    expect(response.status).toBe(200);
    const report = SeriesImportReportSchema.parse(await response.json());
    expect(report.outcome).toBe("rejected");
    if (report.outcome === "rejected") {
      expect(report.problems).toEqual([
        expect.objectContaining({
          row: 3,
          column: "Anno / Mese",
          message: expect.stringContaining('"Brumaio"'),
        }),
      ]);
      expect(report.reason).toMatch(/^line 3, column "Anno \/ Mese": /);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("district-series routes", () => {
  it("previews a file without writing, and says when it was imported already", async () => {
    const before = await counts();
    const response = await post(
      "/api/district-series/imports/preview",
      upload(files.bankruptcy, profileOf.bankruptcy),
    );
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview).toMatchObject({
      format: "csv-profile",
      outcome: "ready",
      isAlreadyImported: true,
      seriesCount: 8,
      observationCount: 288,
    });
    expect(preview.series[0].firstObservations[0]).toEqual({
      period: "2015-Q1",
      value: 116,
      statusFlag: null,
      releasedOn: null,
    });
    const unprofiled = await (
      await post("/api/district-series/imports/preview", upload(files.bankruptcy))
    ).json();
    expect(unprofiled).toMatchObject({ format: null, outcome: "rejected" });
    expect(unprofiled.problems[0].message).toMatch(/choose an import profile/);
    expect(await counts()).toEqual(before);
  });

  it("answers 400 naming body.profileName for an unknown profile", async () => {
    const response = await post("/api/district-series/imports", upload(files.inps, "no-such-profile"));
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual([
      { path: "body.profileName", message: "no such import profile" },
    ]);
  });

  it.each(["/api/district-series/imports", "/api/district-series/imports/preview"])(
    "answers 400 naming body.contentBase64 when %s gets content that is not base64, writing nothing",
    async (url) => {
      const before = await counts();
      const response = await post(url, { fileName: "garbage.csv", contentBase64: "this is not base64!" });
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.fields).toEqual([
        { path: "body.contentBase64", message: expect.stringContaining("not base64") },
      ]);
      expect(await counts()).toEqual(before);
    },
  );

  it("manages import profiles: 409 on a taken name, 400 on a mapping without unit, 204 on delete", async () => {
    const mapping = knownImportProfiles[0]?.mapping;
    const taken = await post("/api/district-series/profiles", { name: profileOf.inps, mapping });
    expect(taken.status).toBe(409);
    const noUnit = await post("/api/district-series/profiles", {
      name: "no unit",
      mapping: { ...mapping, constants: {} },
    });
    expect(noUnit.status).toBe(400);
    expect((await noUnit.json()).error.fields[0].path).toBe("body.mapping");
    const created = await (
      await post("/api/district-series/profiles", { name: "temporary", mapping })
    ).json();
    const renamed = await app.request(`/api/district-series/profiles/${created.id}`, {
      method: "PUT",
      headers: analyst.headers(),
      body: JSON.stringify({ name: "temporary two", mapping }),
    });
    expect((await renamed.json()).name).toBe("temporary two");
    const removed = await app.request(`/api/district-series/profiles/${created.id}`, {
      method: "DELETE",
      headers: analyst.headers(),
    });
    expect(removed.status).toBe(204);
    const again = await app.request(`/api/district-series/profiles/${created.id}`, {
      method: "DELETE",
      headers: analyst.headers(),
    });
    expect(again.status).toBe(404);
    const forbidden = await app.request("/api/district-series/profiles", { headers: trainer.headers() });
    expect(forbidden.status).toBe(403);
  });

  it("lists a district's series (its region's INPS series) and its alarm list", async () => {
    const list = DistrictSeriesListSchema.parse(
      await (
        await app.request(`/api/district-series?district=${districtCode}`, { headers: trainer.headers() })
      ).json(),
    );
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((series) => series.territoryCode === "ITI1")).toBe(true);
    expect(list.items.every((series) => series.alarm !== null && series.latest !== null)).toBe(true);
    const alarms = await app.request(`/api/districts/${districtCode}/alarms`, { headers: trainer.headers() });
    expect(alarms.status).toBe(200);
    expect((await alarms.json()).items).toHaveLength(list.total);
  });

  it("answers 404 for an unknown district or series and 400 for a bad query", async () => {
    expect((await app.request("/api/districts/nowhere/alarms", { headers: trainer.headers() })).status).toBe(
      404,
    );
    expect(
      (await app.request("/api/district-series?district=nowhere", { headers: trainer.headers() })).status,
    ).toBe(404);
    expect(
      (
        await app.request("/api/district-series/3f1b7f9e-8d2a-4c55-9a0e-2b7e4c1d9f00", {
          headers: trainer.headers(),
        })
      ).status,
    ).toBe(404);
    const badLimit = await app.request("/api/district-series?limit=0", { headers: trainer.headers() });
    expect(badLimit.status).toBe(400);
    expect((await badLimit.json()).error.fields[0].path).toBe("query.limit");
  });

  it("exports through the use case what the route exports", async () => {
    const exported = await exportDistrictSeries(context());
    expect(exported.series).toHaveLength(97);
  });
});
