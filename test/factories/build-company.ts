import { randomBytes, randomInt } from "node:crypto";
import type { DatabaseHandle } from "../../src/server/db/client.ts";
import { companies, financialStatements } from "../../src/server/db/schema.ts";

export type BuiltCompany = { id: string; name: string; taxCode: string };

/** A company placed in a NUTS 3 region (and optionally a district). */
export async function buildCompany(
  database: DatabaseHandle,
  overrides: {
    name?: string;
    countryCode?: string;
    nuts3Code?: string | null;
    districtCode?: string | null;
  } = {},
): Promise<BuiltCompany> {
  const taxCode = String(randomInt(10_000_000_000, 99_999_999_999));
  const name = overrides.name ?? `Tessitura ${randomBytes(3).toString("hex")} S.r.l.`;
  const rows = await database.db
    .insert(companies)
    .values({
      countryCode: overrides.countryCode ?? "IT",
      taxCode,
      name,
      legalForm: "srl",
      atecoCode: "13.20.00",
      address: "Via del Lanificio 1",
      nuts3Code: overrides.nuts3Code === undefined ? "ITI15" : overrides.nuts3Code,
      districtCode: overrides.districtCode ?? null,
    })
    .returning({ id: companies.id });
  return { id: rows[0]?.id as string, name, taxCode };
}

/** One current statement of a calendar year, with a few line items in euro cents. */
export async function buildStatement(
  database: DatabaseHandle,
  companyId: string,
  year: number,
  items: Record<string, number> = { revenue: 250_000_000, totalAssets: 180_000_000, equity: 40_000_000 },
) {
  await database.db.insert(financialStatements).values({
    companyId,
    periodStartOn: `${year}-01-01`,
    periodEndOn: `${year}-12-31`,
    format: "abridged",
    currency: "EUR",
    items,
    isOwnPeriod: true,
    isCurrent: true,
    sourceKind: "manual",
    sourceFileName: null,
    sourceContentHash: randomBytes(16).toString("hex"),
    importerVersion: "test",
  });
}
