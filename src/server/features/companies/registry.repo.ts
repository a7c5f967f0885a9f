import { and, asc, count, desc, eq, gt, inArray, isNull, like, lt, or, type SQL, sql } from "drizzle-orm";
import type { NormalisedCompany } from "../../../domain/companies/normalise-company.ts";
import type { ExistingCompany } from "../../../domain/companies/plan-company-import.ts";
import type { Database } from "../../db/client.ts";
import { companies, districtMunicipalities, municipalities, sectors, territories } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "update">;

export type CompanyListRow = {
  id: string;
  name: string;
  countryCode: string;
  taxCode: string;
  legalForm: string;
  atecoCode: string | null;
  sectorTitleIt: string | null;
  sectorTitleEn: string | null;
  municipalityName: string | null;
  nuts3Code: string | null;
  districtCode: string | null;
  districtNameIt: string | null;
  districtNameEn: string | null;
  headcount: number | null;
  sizeClass: "micro" | "small" | "medium" | "large" | "unknown";
};

export type CompanyFilter = {
  search?: string | undefined;
  territory?: { code: string; kind: string } | undefined;
  sectorPrefix?: string | undefined;
  sizeClass?: string | undefined;
  placement?: "placed" | "not_placed" | undefined;
  /** Linked roles: only these companies. */
  onlyIds?: readonly string[] | undefined;
};

export type CompanySort = "name" | "-name" | "headcount" | "-headcount";
export type CompanyCursor = { value: string | number | null; id: string };

function filterConditions(filter: CompanyFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.onlyIds) {
    conditions.push(filter.onlyIds.length > 0 ? inArray(companies.id, [...filter.onlyIds]) : sql`false`);
  }
  if (filter.search) {
    // Substring match for exact parts (tax codes), word similarity for misspelt names.
    const term = sql`sector_search_text(${filter.search})`;
    const match = or(
      like(companies.searchText, sql`'%' || ${term} || '%'`),
      sql`${term} <% ${companies.searchText}`,
    );
    if (match) conditions.push(match);
  }
  if (filter.territory) {
    const { code, kind } = filter.territory;
    if (kind === "district") conditions.push(eq(companies.districtCode, code));
    else if (kind === "country") conditions.push(eq(companies.countryCode, code));
    else conditions.push(like(companies.nuts3Code, `${code}%`));
  }
  if (filter.sectorPrefix) {
    conditions.push(
      /^[A-U]$/.test(filter.sectorPrefix)
        ? sql`${companies.atecoCode} in (select code from sectors where section_code = ${filter.sectorPrefix})`
        : like(companies.atecoCode, `${filter.sectorPrefix}%`),
    );
  }
  if (filter.sizeClass) conditions.push(eq(companies.sizeClass, filter.sizeClass));
  if (filter.placement === "not_placed") conditions.push(isNull(companies.districtCode));
  if (filter.placement === "placed") conditions.push(sql`${companies.districtCode} is not null`);
  return conditions;
}

function sortColumn(sort: CompanySort) {
  return sort.endsWith("name") ? companies.name : companies.headcount;
}

function keysetCondition(sort: CompanySort, cursor: CompanyCursor): SQL | undefined {
  const column = sortColumn(sort);
  const isDescending = sort.startsWith("-");
  const compare = isDescending ? lt : gt;
  if (cursor.value === null) {
    // Nulls come last in both directions: past the last non-null value, page through nulls by id.
    return and(isNull(column), gt(companies.id, cursor.id));
  }
  return or(
    compare(column, cursor.value),
    and(eq(column, cursor.value), gt(companies.id, cursor.id)),
    isNull(column),
  );
}

/** A page of companies with names of their sector, municipality and district. */
export async function findCompanyRows(
  db: Database,
  filter: CompanyFilter,
  page: { sort: CompanySort; limit: number; after?: CompanyCursor | undefined },
): Promise<CompanyListRow[]> {
  const conditions = filterConditions(filter);
  if (page.after && !filter.search) {
    const keyset = keysetCondition(page.sort, page.after);
    if (keyset) conditions.push(keyset);
  }
  const column = sortColumn(page.sort);
  const order = filter.search
    ? [
        desc(sql`word_similarity(sector_search_text(${filter.search}), ${companies.searchText})`),
        asc(companies.id),
      ]
    : [
        page.sort.startsWith("-") ? sql`${column} desc nulls last` : sql`${column} asc nulls last`,
        asc(companies.id),
      ];
  const rows = await db
    .select({
      id: companies.id,
      name: companies.name,
      countryCode: companies.countryCode,
      taxCode: companies.taxCode,
      legalForm: companies.legalForm,
      atecoCode: companies.atecoCode,
      sectorTitleIt: sectors.titleIt,
      sectorTitleEn: sectors.titleEn,
      municipalityName: municipalities.name,
      nuts3Code: companies.nuts3Code,
      districtCode: companies.districtCode,
      districtNameIt: territories.nameIt,
      districtNameEn: territories.nameEn,
      headcount: companies.headcount,
      sizeClass: companies.sizeClass,
    })
    .from(companies)
    .leftJoin(sectors, eq(sectors.code, companies.atecoCode))
    .leftJoin(municipalities, eq(municipalities.istatCode, companies.municipalityCode))
    .leftJoin(territories, eq(territories.code, companies.districtCode))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(...order)
    .limit(page.limit);
  return rows.map((row) => ({ ...row, sizeClass: row.sizeClass as CompanyListRow["sizeClass"] }));
}

export async function countCompanies(db: Database, filter: CompanyFilter): Promise<number> {
  const conditions = filterConditions(filter);
  const rows = await db
    .select({ total: count() })
    .from(companies)
    .where(conditions.length > 0 ? and(...conditions) : undefined);
  return Number(rows[0]?.total ?? 0);
}

/** Existing companies by "country:taxCode", for matching an import. */
export async function findCompaniesByKeys(db: Executor, keys: { countryCode: string; taxCode: string }[]) {
  const found = new Map<string, ExistingCompany>();
  const taxCodes = [...new Set(keys.map((key) => key.taxCode))];
  for (let start = 0; start < taxCodes.length; start += 500) {
    const rows = await db
      .select({
        id: companies.id,
        countryCode: companies.countryCode,
        taxCode: companies.taxCode,
        name: companies.name,
        legalForm: companies.legalForm,
        atecoCode: companies.atecoCode,
        address: companies.address,
        municipalityCode: companies.municipalityCode,
        nuts3Code: companies.nuts3Code,
        districtCode: companies.districtCode,
        districtSource: companies.districtSource,
        headcount: companies.headcount,
      })
      .from(companies)
      .where(inArray(companies.taxCode, taxCodes.slice(start, start + 500)));
    for (const row of rows) {
      found.set(`${row.countryCode}:${row.taxCode}`, {
        ...row,
        legalForm: row.legalForm as ExistingCompany["legalForm"],
        districtSource: row.districtSource as ExistingCompany["districtSource"],
      });
    }
  }
  return found;
}

export async function insertCompanies(
  db: Executor,
  rows: (NormalisedCompany & { id?: string; isDemo?: boolean })[],
  at: Date,
) {
  const ids: string[] = [];
  for (let start = 0; start < rows.length; start += 500) {
    const inserted = await db
      .insert(companies)
      .values(rows.slice(start, start + 500).map((row) => ({ ...row, createdAt: at, updatedAt: at })))
      .returning({ id: companies.id });
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

export async function updateCompanyRow(db: Executor, id: string, company: NormalisedCompany, at: Date) {
  await db
    .update(companies)
    .set({ ...company, updatedAt: at })
    .where(eq(companies.id, id));
}

/** Reference lookups used to validate companies, loaded once per request or import. */
export async function findReferenceLookupData(db: Executor) {
  const [municipalityRows, districtRows, territoryRows, sectorRows] = await Promise.all([
    db
      .select({ istatCode: municipalities.istatCode, nuts3Code: municipalities.nuts3Code })
      .from(municipalities),
    db.select().from(districtMunicipalities),
    db
      .select({ code: territories.code, kind: territories.kind, countryCode: territories.countryCode })
      .from(territories),
    db.select({ code: sectors.code }).from(sectors),
  ]);
  return { municipalityRows, districtRows, territoryRows, sectorCodes: sectorRows.map((row) => row.code) };
}

export async function findTerritoryKindByCode(db: Executor, code: string): Promise<string | undefined> {
  const rows = await db
    .select({ kind: territories.kind })
    .from(territories)
    .where(eq(territories.code, code))
    .limit(1);
  return rows[0]?.kind;
}

export async function findSectorRows(
  db: Executor,
  filter: { level?: string | undefined; parentCode?: string | undefined },
) {
  const conditions: SQL[] = [];
  if (filter.level) conditions.push(eq(sectors.level, filter.level));
  if (filter.parentCode) conditions.push(eq(sectors.parentCode, filter.parentCode));
  return db
    .select({
      code: sectors.code,
      level: sectors.level,
      parentCode: sectors.parentCode,
      titleIt: sectors.titleIt,
      titleEn: sectors.titleEn,
      cndcecGroup: sectors.cndcecGroup,
    })
    .from(sectors)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(sectors.code));
}

export async function findMunicipalityRows(
  db: Executor,
  filter: { search?: string | undefined; nuts3Code?: string | undefined },
) {
  const conditions: SQL[] = [];
  if (filter.nuts3Code) conditions.push(eq(municipalities.nuts3Code, filter.nuts3Code));
  if (filter.search)
    conditions.push(like(municipalities.searchText, sql`sector_search_text(${filter.search}) || '%'`));
  return db
    .select({
      istatCode: municipalities.istatCode,
      name: municipalities.name,
      provinceCode: municipalities.provinceCode,
      nuts3Code: municipalities.nuts3Code,
    })
    .from(municipalities)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(municipalities.name))
    .limit(50);
}
