import { and, count, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.ts";
import { companies, companyRiskYears, follows, territories } from "../../db/schema.ts";

/** Who may see which companies' risk rows: territories (by grant) and listed companies (linked roles). */
export type DetectionScope = {
  territories: { code: string; kind: string }[];
  companyIds: string[];
};

export type DetectionFilter = {
  year?: number | undefined;
  territory?: { code: string; kind: string } | undefined;
  districtCode?: string | undefined;
  sectorPrefix?: string | undefined;
  sizeClass?: string | undefined;
  alertLevels?: string[] | undefined;
  distressModel?: string | undefined;
  isFirstAlert?: boolean | undefined;
  isDeteriorating?: boolean | undefined;
  isFollowedOnly?: boolean | undefined;
};

export type DetectionSortKey = "severity" | "name" | "revenue" | "employees" | "year";
export type DetectionOrder = { key: DetectionSortKey; isDescending: boolean };
export type DetectionCursorValue = string | number | null;

export type DetectionRow = {
  companyId: string;
  name: string;
  countryCode: string;
  taxCode: string;
  atecoCode: string | null;
  districtCode: string | null;
  districtNameIt: string | null;
  districtNameEn: string | null;
  sizeClass: string;
  fiscalYear: number;
  periodEndOn: string;
  alertLevel: string;
  previousAlertLevel: string | null;
  isDeteriorating: boolean;
  isFirstAlert: boolean;
  isLatest: boolean;
  distressModels: string[];
  emRating: string | null;
  cndcecOutcome: string | null;
  breachedIndexCount: number;
  revenueCents: number | null;
  employees: number | null;
  isFollowed: boolean;
};

function territoryCondition(territory: { code: string; kind: string }): SQL {
  if (territory.kind === "district") return eq(companies.districtCode, territory.code);
  if (territory.kind === "country") return eq(companies.countryCode, territory.code);
  return like(companies.nuts3Code, `${territory.code}%`);
}

function scopeCondition(scope: DetectionScope): SQL {
  const parts = scope.territories.map(territoryCondition);
  if (scope.companyIds.length > 0) parts.push(inArray(companies.id, scope.companyIds));
  return parts.length > 0 ? (or(...parts) ?? sql`false`) : sql`false`;
}

const followedBy = (userId: string) =>
  sql<boolean>`exists (select 1 from ${follows} where ${follows.userId} = ${userId} and ${follows.companyId} = ${companies.id})`;

function filterConditions(scope: DetectionScope, filter: DetectionFilter, userId: string): SQL[] {
  const conditions: SQL[] = [
    filter.year === undefined
      ? eq(companyRiskYears.isLatest, true)
      : eq(companyRiskYears.fiscalYear, filter.year),
    scopeCondition(scope),
  ];
  if (filter.territory) conditions.push(territoryCondition(filter.territory));
  if (filter.districtCode) conditions.push(eq(companies.districtCode, filter.districtCode));
  if (filter.sectorPrefix) {
    conditions.push(
      /^[A-U]$/.test(filter.sectorPrefix)
        ? sql`${companies.atecoCode} in (select code from sectors where section_code = ${filter.sectorPrefix})`
        : like(companies.atecoCode, `${filter.sectorPrefix}%`),
    );
  }
  if (filter.sizeClass) conditions.push(eq(companies.sizeClass, filter.sizeClass));
  if (filter.alertLevels && filter.alertLevels.length > 0) {
    conditions.push(inArray(companyRiskYears.alertLevel, filter.alertLevels));
  }
  if (filter.distressModel) {
    conditions.push(sql`${companyRiskYears.distressModels} @> array[${filter.distressModel}]::text[]`);
  }
  if (filter.isFirstAlert !== undefined)
    conditions.push(eq(companyRiskYears.isFirstAlert, filter.isFirstAlert));
  if (filter.isDeteriorating !== undefined) {
    conditions.push(eq(companyRiskYears.isDeteriorating, filter.isDeteriorating));
  }
  if (filter.isFollowedOnly === true) conditions.push(followedBy(userId));
  if (filter.isFollowedOnly === false) conditions.push(sql`not ${followedBy(userId)}`);
  return conditions;
}

type CursorKind = "text" | "integer" | "uuid" | "date";
type SortColumn = {
  expression: SQL;
  isDescending: boolean;
  kind: CursorKind;
  read: (row: DetectionRow) => DetectionCursorValue;
};

const cursorPatterns: Record<CursorKind, (value: DetectionCursorValue) => boolean> = {
  text: (value) => typeof value === "string",
  integer: (value) => Number.isSafeInteger(value),
  uuid: (value) =>
    typeof value === "string" &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  date: (value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value),
};

const severityRank = sql<number>`(case ${companyRiskYears.alertLevel} when 'red' then 0 when 'orange' then 1 when 'green' then 2 else 3 end)`;
const severityOf: Record<string, number> = { red: 0, orange: 1, green: 2, grey: 3 };

/** The columns of an order, ending with the row's identity so that every position is unique. */
function sortColumns(order: DetectionOrder): SortColumn[] {
  const direction = order.isDescending;
  const name: SortColumn = {
    expression: sql`${companies.name}`,
    isDescending: false,
    kind: "text",
    read: (row) => row.name,
  };
  const identity: SortColumn[] = [
    { expression: sql`${companies.id}`, isDescending: false, kind: "uuid", read: (row) => row.companyId },
    {
      expression: sql`${companyRiskYears.periodEndOn}`,
      isDescending: false,
      kind: "date",
      read: (row) => row.periodEndOn,
    },
  ];
  // Unknown amounts come last in both directions.
  const amount = (
    column: typeof companyRiskYears.revenueCents | typeof companyRiskYears.employees,
    field: "revenueCents" | "employees",
  ): SortColumn[] => [
    {
      expression: sql`(case when ${column} is null then 1 else 0 end)`,
      isDescending: false,
      kind: "integer",
      read: (row) => (row[field] === null ? 1 : 0),
    },
    {
      expression: sql`coalesce(${column}, 0)`,
      isDescending: direction,
      kind: "integer",
      read: (row) => row[field] ?? 0,
    },
  ];
  switch (order.key) {
    case "severity":
      return [
        {
          expression: severityRank,
          isDescending: direction,
          kind: "integer",
          read: (row) => severityOf[row.alertLevel] ?? 3,
        },
        name,
        ...identity,
      ];
    case "name":
      return [
        { ...name, isDescending: direction },
        ...identity.map((column) => ({ ...column, isDescending: direction })),
      ];
    case "revenue":
      return [...amount(companyRiskYears.revenueCents, "revenueCents"), name, ...identity];
    case "employees":
      return [...amount(companyRiskYears.employees, "employees"), name, ...identity];
    case "year":
      return [
        {
          expression: sql`${companyRiskYears.fiscalYear}`,
          isDescending: direction,
          kind: "integer",
          read: (row) => row.fiscalYear,
        },
        name,
        ...identity,
      ];
  }
}

/** Rows strictly after the cursor in the order: (a, b, c) > (x, y, z) with a direction per column. */
function keysetCondition(columns: SortColumn[], values: DetectionCursorValue[]): SQL {
  const alternatives = columns.map((column, index) => {
    const equalBefore = columns
      .slice(0, index)
      .map((previous, previousIndex) => sql`${previous.expression} = ${values[previousIndex]}`);
    const after = column.isDescending
      ? sql`${column.expression} < ${values[index]}`
      : sql`${column.expression} > ${values[index]}`;
    return and(...equalBefore, after) ?? after;
  });
  return or(...alternatives) ?? sql`false`;
}

/** Whether cursor values fit an order (their number and types), before they reach a query. */
export function isCursorOfOrder(order: DetectionOrder, values: readonly DetectionCursorValue[]): boolean {
  const columns = sortColumns(order);
  return (
    values.length === columns.length &&
    columns.every((column, index) => cursorPatterns[column.kind](values[index] ?? null))
  );
}

/** The cursor values of a row in an order (what the next page continues after). */
export function readCursorValues(order: DetectionOrder, row: DetectionRow): DetectionCursorValue[] {
  return sortColumns(order).map((column) => column.read(row));
}

type DetectionPageQuery = {
  order: DetectionOrder;
  limit: number;
  after?: DetectionCursorValue[] | undefined;
};

/**
 * What the first page query of a request reads along with its rows, in the same statement: the
 * number of rows matching the filter, counted up to a bound (all pages), and the kind of the
 * territory named as district. Uncorrelated scalar subqueries, so PostgreSQL runs each once.
 */
type PageExtras = { total: SQL<number>; districtKind: SQL<string | null> };
type ExtraValues = { total: number; districtKind: string | null };

/** A count that stopped at a bound: `total` is exact when `isTotalExact`, else the bound itself. */
export type BoundedTotal = { total: number; isTotalExact: boolean };

function boundTotal(counted: number, cap: number): BoundedTotal {
  return counted > cap ? { total: cap, isTotalExact: false } : { total: counted, isTotalExact: true };
}

/**
 * Counts the matching rows up to `cap + 1` (one more tells "more than cap" from "exactly cap"): a
 * district's red rows are cheap to page but costly to count in full, and past the bound nobody reads
 * the exact number.
 */
function boundedCountQuery(
  db: Database,
  scope: DetectionScope,
  filter: DetectionFilter,
  userId: string,
  cap: number,
): SQL<number> {
  const matching = db
    .select({ one: sql`1` })
    .from(companyRiskYears)
    .innerJoin(companies, eq(companies.id, companyRiskYears.companyId))
    .where(and(...filterConditions(scope, filter, userId)))
    .limit(cap + 1);
  return sql<number>`(select count(*) from (${matching}) as bounded_total)`;
}

/** Risk rows of the companies in scope matching the filter, in the order, after the cursor. */
export async function findDetectionRows(
  db: Database,
  scope: DetectionScope,
  filter: DetectionFilter,
  userId: string,
  page: DetectionPageQuery,
): Promise<DetectionRow[]> {
  return (await readDetectionRows(db, scope, filter, userId, page)).rows;
}

/**
 * A page of the list with its total counted up to `totalCap` and the kind of the filter's district,
 * in one statement whenever the page has rows (the usual case); an empty page costs one more
 * statement for the total. `districtKind` is undefined without a district filter, null for an
 * unknown code.
 */
export async function findDetectionPageWithTotal(
  db: Database,
  scope: DetectionScope,
  filter: DetectionFilter,
  userId: string,
  page: DetectionPageQuery & { totalCap: number },
): Promise<{ rows: DetectionRow[]; districtKind: string | null | undefined } & BoundedTotal> {
  const extras: PageExtras = {
    total: boundedCountQuery(db, scope, filter, userId, page.totalCap),
    districtKind: filter.districtCode
      ? sql<
          string | null
        >`(select ${territories.kind} from ${territories} where ${territories.code} = ${filter.districtCode})`
      : sql<null>`null`,
  };
  const read = await readDetectionRows(db, scope, filter, userId, page, extras);
  if (read.extras) {
    return {
      rows: read.rows,
      ...boundTotal(Number(read.extras.total), page.totalCap),
      districtKind: filter.districtCode ? read.extras.districtKind : undefined,
    };
  }
  const counted = await queryRows<{ total: number | string }>(
    db,
    sql`select ${boundedCountQuery(db, scope, filter, userId, page.totalCap)} as total`,
  );
  return {
    rows: read.rows,
    ...boundTotal(Number(counted[0]?.total ?? 0), page.totalCap),
    districtKind: filter.districtCode
      ? ((await findTerritoryKind(db, filter.districtCode)) ?? null)
      : undefined,
  };
}

/** The rows, and the extras' values when asked for and the page has at least one row. */
async function readDetectionRows(
  db: Database,
  scope: DetectionScope,
  filter: DetectionFilter,
  userId: string,
  page: DetectionPageQuery,
  extras?: PageExtras,
): Promise<{ rows: DetectionRow[]; extras: ExtraValues | undefined }> {
  if (page.order.key === "severity" && !page.order.isDescending) {
    return findRowsBySeverity(db, scope, filter, userId, { limit: page.limit, after: page.after }, extras);
  }
  const columns = sortColumns(page.order);
  const conditions = filterConditions(scope, filter, userId);
  if (page.after) conditions.push(keysetCondition(columns, page.after));
  return selectRows(db, userId, conditions, columns, page.limit, extras);
}

/**
 * Most severe first, read one level at a time: each level's rows come by name through the
 * companies' name index, where ordering by a computed rank would sort every row in scope.
 */
async function findRowsBySeverity(
  db: Database,
  scope: DetectionScope,
  filter: DetectionFilter,
  userId: string,
  page: { limit: number; after?: DetectionCursorValue[] | undefined },
  extras?: PageExtras,
): Promise<{ rows: DetectionRow[]; extras: ExtraValues | undefined }> {
  // The cursor carries the rank first, then the position within the level.
  const [, ...withinLevel] = sortColumns({ key: "severity", isDescending: false });
  const afterRank = page.after ? Number(page.after[0]) : 0;
  const rows: DetectionRow[] = [];
  let extraValues: ExtraValues | undefined;
  let isFirstQuery = true;
  for (const [level, rank] of Object.entries(severityOf)) {
    if (rows.length >= page.limit) break;
    const isLevelWanted = !filter.alertLevels?.length || filter.alertLevels.includes(level);
    if (rank < afterRank || !isLevelWanted) continue;
    const conditions = filterConditions(scope, { ...filter, alertLevels: [level] }, userId);
    if (page.after && rank === afterRank) conditions.push(keysetCondition(withinLevel, page.after.slice(1)));
    // The extras ride on the first level's statement only (they do not depend on the level).
    const read = await selectRows(
      db,
      userId,
      conditions,
      withinLevel,
      page.limit - rows.length,
      isFirstQuery ? extras : undefined,
    );
    isFirstQuery = false;
    extraValues ??= read.extras;
    rows.push(...read.rows);
  }
  return { rows, extras: extraValues };
}

async function selectRows(
  db: Database,
  userId: string,
  conditions: SQL[],
  columns: SortColumn[],
  limit: number,
  extras?: PageExtras,
): Promise<{ rows: DetectionRow[]; extras: ExtraValues | undefined }> {
  const rows = await db
    .select({
      ...(extras ? { total: extras.total, districtKind: extras.districtKind } : {}),
      companyId: companies.id,
      name: companies.name,
      countryCode: companies.countryCode,
      taxCode: companies.taxCode,
      atecoCode: companies.atecoCode,
      districtCode: companies.districtCode,
      districtNameIt: territories.nameIt,
      districtNameEn: territories.nameEn,
      sizeClass: companies.sizeClass,
      fiscalYear: companyRiskYears.fiscalYear,
      periodEndOn: companyRiskYears.periodEndOn,
      alertLevel: companyRiskYears.alertLevel,
      previousAlertLevel: companyRiskYears.previousAlertLevel,
      isDeteriorating: companyRiskYears.isDeteriorating,
      isFirstAlert: companyRiskYears.isFirstAlert,
      isLatest: companyRiskYears.isLatest,
      distressModels: companyRiskYears.distressModels,
      emRating: companyRiskYears.emRating,
      cndcecOutcome: companyRiskYears.cndcecOutcome,
      breachedIndexCount: companyRiskYears.breachedIndexCount,
      revenueCents: companyRiskYears.revenueCents,
      employees: companyRiskYears.employees,
      isFollowed: followedBy(userId),
    })
    .from(companyRiskYears)
    .innerJoin(companies, eq(companies.id, companyRiskYears.companyId))
    .leftJoin(territories, eq(territories.code, companies.districtCode))
    .where(and(...conditions))
    .orderBy(
      ...columns.map((column) => sql`${column.expression} ${sql.raw(column.isDescending ? "desc" : "asc")}`),
    )
    .limit(limit);
  const first = rows[0] as (DetectionRow & Partial<ExtraValues>) | undefined;
  return {
    rows: rows.map(({ total: _total, districtKind: _kind, ...row }: DetectionRow & Partial<ExtraValues>) => ({
      ...row,
      isFollowed: row.isFollowed === true || String(row.isFollowed) === "true",
    })),
    extras:
      extras && first
        ? { total: Number(first.total ?? 0), districtKind: first.districtKind ?? null }
        : undefined,
  };
}

export async function countDetectionRows(
  db: Database,
  scope: DetectionScope,
  filter: DetectionFilter,
  userId: string,
): Promise<number> {
  const rows = await db
    .select({ total: count() })
    .from(companyRiskYears)
    .innerJoin(companies, eq(companies.id, companyRiskYears.companyId))
    .where(and(...filterConditions(scope, filter, userId)));
  return Number(rows[0]?.total ?? 0);
}

export async function findTerritoryKind(db: Database, code: string): Promise<string | undefined> {
  const rows = await db
    .select({ kind: territories.kind })
    .from(territories)
    .where(eq(territories.code, code))
    .limit(1);
  return rows[0]?.kind;
}
