import { and, asc, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  companies,
  companyRiskYears,
  companyUserInputs,
  financialStatements,
  follows,
  scoreFeedback,
  sectors,
  users,
} from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select">;

export type RiskStatementRow = {
  id: string;
  periodStartOn: string;
  periodEndOn: string;
  format: "ordinary" | "abridged" | "micro" | "consolidated";
  currency: string;
  items: Record<string, number>;
  legalForm: string;
  sourceKind: string;
  sourceFileName: string | null;
  filedOn: string | null;
};

/** The current statement of each period, oldest first, with the statement's legal form (else the company's). */
export async function findRiskStatements(db: Executor, companyId: string): Promise<RiskStatementRow[]> {
  const rows = await db
    .select({
      id: financialStatements.id,
      periodStartOn: financialStatements.periodStartOn,
      periodEndOn: financialStatements.periodEndOn,
      format: financialStatements.format,
      currency: financialStatements.currency,
      items: financialStatements.items,
      statementLegalForm: financialStatements.legalForm,
      companyLegalForm: companies.legalForm,
      sourceKind: financialStatements.sourceKind,
      sourceFileName: financialStatements.sourceFileName,
      filedOn: financialStatements.filedOn,
    })
    .from(financialStatements)
    .innerJoin(companies, eq(companies.id, financialStatements.companyId))
    .where(and(eq(financialStatements.companyId, companyId), eq(financialStatements.isCurrent, true)))
    .orderBy(asc(financialStatements.periodEndOn));
  return rows.map(({ statementLegalForm, companyLegalForm, ...row }) => ({
    ...row,
    format: row.format as RiskStatementRow["format"],
    items: row.items as Record<string, number>,
    legalForm: statementLegalForm ?? companyLegalForm,
  }));
}

export type StoredRiskLevel = {
  periodEndOn: string;
  statementId: string;
  ruleSetVersion: string;
  level: string;
  previousLevel: string | null;
  isDeteriorating: boolean;
  isFirstAlert: boolean;
  emRating: string | null;
};

/** The company's risk projection (company_risk_years): the levels lists, dashboards and notifications use. */
export async function findStoredRiskLevels(db: Executor, companyId: string): Promise<StoredRiskLevel[]> {
  return db
    .select({
      periodEndOn: companyRiskYears.periodEndOn,
      statementId: companyRiskYears.statementId,
      ruleSetVersion: companyRiskYears.ruleSetVersion,
      level: companyRiskYears.alertLevel,
      previousLevel: companyRiskYears.previousAlertLevel,
      isDeteriorating: companyRiskYears.isDeteriorating,
      isFirstAlert: companyRiskYears.isFirstAlert,
      emRating: companyRiskYears.emRating,
    })
    .from(companyRiskYears)
    .where(eq(companyRiskYears.companyId, companyId))
    .orderBy(asc(companyRiskYears.periodEndOn));
}

/** The CNDCEC mapping stored with the company's ATECO code in the sector reference table. */
export async function findSectorMapping(
  db: Executor,
  atecoCode: string,
): Promise<{ cndcecGroup: number | null; cndcecStatus: string } | undefined> {
  const rows = await db
    .select({ cndcecGroup: sectors.cndcecGroup, cndcecStatus: sectors.cndcecStatus })
    .from(sectors)
    .where(eq(sectors.code, atecoCode))
    .limit(1);
  return rows[0];
}

export type UserInputRow = {
  id: string;
  kind: string;
  periodEndOn: string;
  values: Record<string, unknown>;
  enteredAt: Date;
  enteredByName: string | null;
};

const inputColumns = {
  id: companyUserInputs.id,
  kind: companyUserInputs.kind,
  periodEndOn: companyUserInputs.periodEndOn,
  values: companyUserInputs.values,
  enteredAt: companyUserInputs.enteredAt,
  enteredByName: users.displayName,
};

const toInputRow = (row: { values: unknown } & Omit<UserInputRow, "values">): UserInputRow => ({
  ...row,
  values: row.values as Record<string, unknown>,
});

/** Every save of one kind of input for a company, newest first. */
export async function findUserInputs(
  db: Executor,
  companyId: string,
  kind: string,
  limit = 200,
): Promise<UserInputRow[]> {
  const rows = await db
    .select(inputColumns)
    .from(companyUserInputs)
    .leftJoin(users, eq(users.id, companyUserInputs.enteredByUserId))
    .where(and(eq(companyUserInputs.companyId, companyId), eq(companyUserInputs.kind, kind)))
    .orderBy(desc(companyUserInputs.enteredAt), desc(companyUserInputs.id))
    .limit(limit);
  return rows.map(toInputRow);
}

export async function insertUserInput(
  db: Executor,
  input: {
    companyId: string;
    kind: string;
    periodEndOn: string;
    values: Record<string, unknown>;
    enteredByUserId: string;
    enteredAt: Date;
  },
): Promise<string> {
  const rows = await db.insert(companyUserInputs).values(input).returning({ id: companyUserInputs.id });
  return rows[0]?.id as string;
}

export async function isFollowingCompany(db: Executor, userId: string, companyId: string): Promise<boolean> {
  const rows = await db
    .select({ id: follows.id })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.companyId, companyId)))
    .limit(1);
  return rows.length > 0;
}

export async function insertScoreFeedback(
  db: Executor,
  feedback: {
    userId: string;
    companyId: string;
    periodEndOn: string;
    model: string | null;
    isUseful: boolean;
    reasonCode: string;
    comment: string | null;
    createdAt: Date;
  },
): Promise<string> {
  const rows = await db.insert(scoreFeedback).values(feedback).returning({ id: scoreFeedback.id });
  return rows[0]?.id as string;
}
