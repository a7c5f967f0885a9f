import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildCsvFile } from "../../server/features/imports/spreadsheet/spreadsheet-test-files.ts";
import { packageRoot } from "../../server/paths.ts";
import { runCli } from "../run-cli.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sector-cli-import-"));
const fixtures = path.resolve(packageRoot, "../shared/fixtures/xbrl");

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function sector(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { SECTOR_DATA_DIR: dataDir, LOG_LEVEL: "silent", SECTOR_DEMO: "0" },
    cwd: packageRoot,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("sector import xbrl and sector report company", () => {
  it("imports the real filings of a folder, reports each file, and prints every model of every year", async () => {
    const imported = await sector("import", "xbrl", fixtures, "--json");
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.out) as {
      counts: Record<string, number>;
      files: { scoring?: { jobRunId: string; state: string } }[];
    };
    expect(report.counts).toEqual({ imported: 3, unchanged: 0, rejected: 0 });
    // Scoring went through the queue (a worker in the CLI's own process) and the command waited for it.
    for (const file of report.files) {
      expect(file.scoring).toEqual({ jobRunId: expect.any(String), state: "succeeded" });
    }
    const again = await sector("import", "xbrl", path.join(fixtures, "it-pucci-srl-2024-ordinary.xbrl"));
    expect(again.out).toContain("0 imported, 1 unchanged, 0 rejected.");

    const printed = await sector("report", "company", "02353550391", "--json");
    const scores = JSON.parse(printed.out) as {
      years: {
        periodEndOn: string;
        results: { model: string; inputs: Record<string, number>; details: Record<string, unknown> }[];
      }[];
    };
    expect(scores.years.map((year) => year.periodEndOn)).toEqual(["2023-12-31", "2024-12-31"]);
    expect(scores.years[1]?.results.map((result) => result.model)).toContain("alert_level");
    // The scoring job stores values and zones only (batch path); the report derives each model's inputs and
    // explanation from the stored statement: TA 2024 = 36,699,547 € (TotaleAttivo) = 3,669,954,700 cents.
    const zPrime = scores.years[1]?.results.find((result) => result.model === "altman_z_prime");
    expect(zPrime?.inputs.totalAssets).toBe(3_669_954_700);
    const altmanZ = scores.years[1]?.results.find((result) => result.model === "altman_z");
    expect(altmanZ?.details.missing).toEqual(["marketValueOfEquity"]);
    const screen = scores.years[1]?.results.find((result) => result.model === "cndcec_screen");
    expect(screen?.details).toMatchObject({ equityStep: { legalForm: "srl", result: "adequate" } });
    const text = await sector("report", "company", "02353550391");
    expect(text.out).toMatch(/Altman Z″\s+-?\d/);
  });

  it("imports a statements spreadsheet and returns once its scores are stored", async () => {
    const spreadsheet = path.join(dataDir, "pucci-2022.csv");
    fs.writeFileSync(spreadsheet, buildCsvFile([{ country: "IT", taxCode: "02353550391", year: 2022 }]));
    const imported = await sector("import", "statements", spreadsheet, "--json");
    expect(imported.code).toBe(0);
    const [report] = JSON.parse(imported.out) as { outcome: string; scoring?: { state: string } }[];
    expect(report).toMatchObject({ outcome: "imported", scoring: { state: "succeeded" } });
    const printed = await sector("report", "company", "02353550391", "--json");
    const scores = JSON.parse(printed.out) as { years: { periodEndOn: string; results: unknown[] }[] };
    expect(scores.years.find((year) => year.periodEndOn === "2022-12-31")?.results.length).toBeGreaterThan(0);
  });

  it.each([
    [["import", "xbrl"], "Name at least one file or folder"],
    [["import", "xbrl", "/no/such/place"], "No such file or folder"],
    [["import", "csv", "x"], 'Unknown import kind "csv"'],
    [["report", "company", "99999999999"], "No company with tax code or id 99999999999"],
  ])("refuses %j and says why", async (argv, message) => {
    const result = await sector(...argv);
    expect(result.code).toBeGreaterThan(0);
    expect(result.err).toContain(message);
  });
});
