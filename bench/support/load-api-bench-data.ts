import { randomUUID } from "node:crypto";
import { type DemoCompany, generateDemo } from "../../src/domain/demo/generate-demo.ts";
import type { DatabaseHandle } from "../../src/server/db/client.ts";
import {
  type DemoCompanyRow,
  type DemoStatementRow,
  findMunicipalitiesOfRegions,
  insertDemoRows,
} from "../../src/server/features/demo/demo.repo.ts";
import { toDemoCompanyRow, toDemoStatementRow } from "../../src/server/features/demo/load-demo.ts";
import { readReferenceFile } from "../../src/server/features/territories/reference-files.ts";

const companiesPerChunk = 2500;

function toRows(companies: readonly DemoCompany[], firstIndex: number, at: Date) {
  const companyRows: DemoCompanyRow[] = [];
  const statementRows: DemoStatementRow[] = [];
  companies.forEach((company, offset) => {
    const id = randomUUID();
    // Each chunk is generated on its own, so tax codes are renumbered to stay unique across chunks.
    companyRows.push(toDemoCompanyRow(company, id, String(90_000_000_000 + firstIndex + offset), at));
    for (const statement of company.statements) {
      statementRows.push(
        toDemoStatementRow(company, statement, {
          companyId: id,
          sourceContentHash: randomUUID(),
          importerVersion: "bench-api",
          at,
        }),
      );
    }
  });
  return { companyRows, statementRows };
}

/**
 * Loads `companyCount` companies of the shipped districts with `years` statements each, made by the
 * demo generator (realistic sizes, trajectories and the Prato shock, so alert levels vary), in chunks
 * of 2,500 companies with a seed each, every chunk in its own transaction.
 */
export async function loadApiBenchData(
  handle: DatabaseHandle,
  options: { companyCount: number; years: number; onProgress: (done: number, total: number) => void },
): Promise<{ companies: number; statements: number }> {
  const districts = readReferenceFile("districts.csv").map((row) => ({
    id: row.id ?? "",
    country: row.country ?? "",
    nuts3: row.nuts3 ?? "",
    mainIndustryNace: row.main_industry_nace ?? "",
    ...(row.main_town ? { mainTown: row.main_town } : {}),
  }));
  const municipalities = await findMunicipalitiesOfRegions(
    handle.db,
    districts.map((district) => district.nuts3),
  );
  // The demo's proportions between the districts (650 : 500 : 350).
  const weights = [650, 500, 350];
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const at = new Date();
  let companies = 0;
  let statements = 0;
  for (let start = 0, chunk = 0; start < options.companyCount; start += companiesPerChunk, chunk += 1) {
    const size = Math.min(companiesPerChunk, options.companyCount - start);
    const perDistrict = districts.map((_, index) => Math.floor((size * (weights[index] ?? 1)) / weightSum));
    perDistrict[0] = (perDistrict[0] ?? 0) + size - perDistrict.reduce((sum, count) => sum + count, 0);
    const generated = generateDemo({
      seed: 7_000 + chunk,
      firstYear: 2025 - options.years,
      years: options.years,
      districts,
      municipalities,
      companiesPerDistrict: Object.fromEntries(
        districts.map((district, index) => [district.id, perDistrict[index] ?? 0]),
      ),
    });
    const { companyRows, statementRows } = toRows(generated.companies, start, at);
    await handle.db.transaction((tx) => insertDemoRows(tx, companyRows, statementRows));
    companies += companyRows.length;
    statements += statementRows.length;
    options.onProgress(companies, options.companyCount);
  }
  return { companies, statements };
}
