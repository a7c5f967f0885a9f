import { compareWithMultiple } from "./compare-ratio.ts";
import type { AmountInputName } from "./legal-signals.ts";
import type { SourcedValue } from "./model-result.ts";
import type { LegalSignalRuleVersion, TaxCollectionCompanyKind } from "./rule-sets/crisis-code-2019.ts";

// The per-signal rules of judgeLegalSignals (legal-signals.ts), in three-valued logic: true fired, false not
// fired, undefined not decidable from the inputs given.

export type Truth = boolean | undefined;

/** Reads an amount input, recording it as used, or as missing when absent. */
export type Reader = (name: AmountInputName) => number | undefined;

export type Judgement = {
  truth: Truth;
  thresholds: Record<string, SourcedValue>;
  /** Non-amount inputs (hasEmployees, companyKind) that were missing. */
  missing?: string[];
  reason?: string;
};

export const allOf = (...values: Truth[]): Truth =>
  values.includes(false) ? false : values.includes(undefined) ? undefined : true;
export const anyOf = (...values: Truth[]): Truth =>
  values.includes(true) ? true : values.includes(undefined) ? undefined : false;

// Sign of amount − share × base as a truth value; undefined when an operand is missing.
function compareShare(amount: number | undefined, share: number, base: number | undefined) {
  return amount === undefined || base === undefined ? undefined : compareWithMultiple(amount, share, base);
}
const isAbove = (amount: number | undefined, threshold: number): Truth =>
  amount === undefined ? undefined : amount > threshold;

export function judgeWages(read: Reader, rules: LegalSignalRuleVersion): Judgement {
  const { wagesOverdueDays, wagesShareOfMonthlyPayroll } = rules.article3;
  const comparison = compareShare(
    read("wagesOverdueCents"),
    wagesShareOfMonthlyPayroll.value,
    read("monthlyPayrollCents"),
  );
  return {
    truth: comparison === undefined ? undefined : comparison > 0,
    thresholds: { wagesOverdueDays, wagesShareOfMonthlyPayroll },
  };
}

export function judgeSuppliers(read: Reader, rules: LegalSignalRuleVersion): Judgement {
  const { supplierDebtsOverdueDays } = rules.article3;
  const overdue = read("supplierDebtsOverdueCents");
  const notYetDue = read("supplierDebtsNotYetDueCents");
  const truth = overdue === undefined || notYetDue === undefined ? undefined : overdue > notYetDue;
  return { truth, thresholds: { supplierDebtsOverdueDays } };
}

// The law asks for exposures that exist and "together" reach the share: with none overdue or over the
// limit there is no signal; overdue exposures with a zero total are inconsistent input (zero denominator).
export function judgeBankExposures(read: Reader, rules: LegalSignalRuleVersion): Judgement {
  const { bankExposuresOverdueDays, bankExposuresOverLimitDays, bankExposuresShareOfTotal } = rules.article3;
  const thresholds = { bankExposuresOverdueDays, bankExposuresOverLimitDays, bankExposuresShareOfTotal };
  const overdue = read("bankExposuresOverdueCents");
  const overLimit = read("bankExposuresOverLimitCents");
  const total = read("totalBankExposuresCents");
  if (overdue === undefined || overLimit === undefined) return { truth: undefined, thresholds };
  if (overdue + overLimit === 0) return { truth: false, thresholds };
  if (total === 0) {
    return {
      truth: undefined,
      thresholds,
      reason: "zero denominator: total bank exposures = 0 with exposures overdue",
    };
  }
  const comparison = compareShare(overdue + overLimit, bankExposuresShareOfTotal.value, total);
  return { truth: comparison === undefined ? undefined : comparison >= 0, thresholds };
}

// Without hasEmployees the alert is still decided when both branches agree (e.g. at most €5,000 overdue).
export function judgeInps(
  read: Reader,
  hasEmployees: boolean | undefined,
  rules: LegalSignalRuleVersion,
): Judgement {
  const {
    overdueDays,
    shareOfPreviousYearWithEmployees,
    minimumWithEmployeesCents,
    minimumWithoutEmployeesCents,
  } = rules.article25Novies.inps;
  const overdue = read("inpsContributionsOverdueCents");
  const withoutEmployees = isAbove(overdue, minimumWithoutEmployeesCents.value);
  let withEmployees = isAbove(overdue, minimumWithEmployeesCents.value);
  if (withEmployees !== false && hasEmployees !== false) {
    const comparison = compareShare(
      overdue,
      shareOfPreviousYearWithEmployees.value,
      read("previousYearInpsContributionsCents"),
    );
    withEmployees = allOf(withEmployees, comparison === undefined ? undefined : comparison > 0);
  }
  const withThresholds = { overdueDays, shareOfPreviousYearWithEmployees, minimumWithEmployeesCents };
  if (hasEmployees === true) return { truth: withEmployees, thresholds: withThresholds };
  if (hasEmployees === false)
    return { truth: withoutEmployees, thresholds: { overdueDays, minimumWithoutEmployeesCents } };
  return {
    truth: withEmployees === withoutEmployees ? withEmployees : undefined,
    thresholds: { ...withThresholds, minimumWithoutEmployeesCents },
    missing: ["hasEmployees"],
  };
}

export function judgeInail(read: Reader, rules: LegalSignalRuleVersion): Judgement | undefined {
  const inail = rules.article25Novies.inail;
  if (inail === undefined) return undefined;
  return {
    truth: isAbove(read("inailPremiumsOverdueCents"), inail.minimumCents.value),
    thresholds: { ...inail },
  };
}

export function judgeVat(read: Reader, rules: LegalSignalRuleVersion): Judgement {
  const { minimumCents, shareOfPreviousYearTurnover, alwaysAboveCents } = rules.article25Novies.vat;
  const unpaid = read("vatUnpaidCents");
  const aboveMinimum = isAbove(unpaid, minimumCents.value);
  if (shareOfPreviousYearTurnover === undefined || alwaysAboveCents === undefined) {
    return { truth: aboveMinimum, thresholds: { minimumCents } };
  }
  const thresholds = { minimumCents, shareOfPreviousYearTurnover, alwaysAboveCents };
  const aboveAlways = isAbove(unpaid, alwaysAboveCents.value);
  // The turnover is needed only when the amount alone does not decide (between the two amounts).
  if (aboveAlways === true || aboveMinimum === false) return { truth: aboveAlways, thresholds };
  const comparison = compareShare(
    unpaid,
    shareOfPreviousYearTurnover.value,
    read("previousYearVatTurnoverCents"),
  );
  const atLeastShare = comparison === undefined ? undefined : comparison >= 0;
  return { truth: anyOf(allOf(aboveMinimum, atLeastShare), aboveAlways), thresholds };
}

// Without companyKind the alert is still decided when every kind's threshold gives the same answer.
export function judgeTaxCollection(
  read: Reader,
  companyKind: TaxCollectionCompanyKind | undefined,
  rules: LegalSignalRuleVersion,
): Judgement {
  const { overdueDays, minimumCentsByCompanyKind } = rules.article25Novies.taxCollection;
  const overdue = read("taxCollectionDebtsOverdueCents");
  if (companyKind !== undefined) {
    const minimumCents = minimumCentsByCompanyKind[companyKind];
    return { truth: isAbove(overdue, minimumCents.value), thresholds: { overdueDays, minimumCents } };
  }
  const answers = Object.values(minimumCentsByCompanyKind).map((minimum) => isAbove(overdue, minimum.value));
  const isUnanimous = answers.every((answer) => answer === answers[0]);
  return {
    truth: isUnanimous ? answers[0] : undefined,
    thresholds: { overdueDays, ...minimumCentsByCompanyKind },
    missing: ["companyKind"],
  };
}
