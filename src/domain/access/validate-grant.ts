import { isLinkedRole, isTerritorialRole, type Role } from "./roles.ts";

export type GrantProblem = { field: "territoryCode" | "companyIds"; message: string };

/**
 * A grant's scope must fit its role: administrators, analysts and committee members need a
 * territory and no company list; experts, company and worker representatives need companies and
 * no territory; trainers may have a territory (their courses' area) and no companies.
 */
export function validateGrantScope(input: {
  role: Role;
  territoryCode: string | undefined;
  companyIds: readonly string[];
}): GrantProblem[] {
  const problems: GrantProblem[] = [];
  if (isTerritorialRole(input.role)) {
    if (!input.territoryCode)
      problems.push({ field: "territoryCode", message: `the ${input.role} role needs a territory` });
    if (input.companyIds.length > 0)
      problems.push({
        field: "companyIds",
        message: `the ${input.role} role is scoped by territory, not by companies`,
      });
  } else if (isLinkedRole(input.role)) {
    if (input.companyIds.length === 0)
      problems.push({ field: "companyIds", message: `the ${input.role} role needs at least one company` });
    if (input.territoryCode)
      problems.push({
        field: "territoryCode",
        message: `the ${input.role} role is scoped by companies, not by territory`,
      });
  } else if (input.companyIds.length > 0) {
    problems.push({ field: "companyIds", message: "the trainer role has no companies" });
  }
  return problems;
}

/** A grant is due for review when its last review is at least `intervalMonths` calendar months old. */
export function isGrantReviewDue(lastReviewedAt: Date, now: Date, intervalMonths: number): boolean {
  const due = new Date(lastReviewedAt.getTime());
  due.setUTCMonth(due.getUTCMonth() + intervalMonths);
  return now.getTime() >= due.getTime();
}
