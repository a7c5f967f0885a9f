import {
  anyOf,
  type Judgement,
  judgeBankExposures,
  judgeInail,
  judgeInps,
  judgeSuppliers,
  judgeTaxCollection,
  judgeVat,
  judgeWages,
  type Reader,
} from "./legal-signal-judgements.ts";
import type { SourcedValue } from "./model-result.ts";
import type { RuleSet, TaxCollectionCompanyKind } from "./rule-sets/crisis-code-2019.ts";

/**
 * Management data a user enters for one period, amounts in cents. The day counts are the rule's (e.g. wages
 * overdue at least 30 days, INPS contributions more than 90 days late); an omitted field is missing, not 0.
 */
export type LegalSignalInput = {
  wagesOverdueCents?: number;
  monthlyPayrollCents?: number;
  supplierDebtsOverdueCents?: number;
  supplierDebtsNotYetDueCents?: number;
  /** Overdue more than 60 days. */
  bankExposuresOverdueCents?: number;
  /** Over the granted limit for at least 60 days. */
  bankExposuresOverLimitCents?: number;
  totalBankExposuresCents?: number;
  inpsContributionsOverdueCents?: number;
  previousYearInpsContributionsCents?: number;
  hasEmployees?: boolean;
  inailPremiumsOverdueCents?: number;
  /** VAT from periodic returns, due and unpaid. */
  vatUnpaidCents?: number;
  previousYearVatTurnoverCents?: number;
  taxCollectionDebtsOverdueCents?: number;
  companyKind?: TaxCollectionCompanyKind;
};

export type AmountInputName = {
  [Name in keyof LegalSignalInput]-?: LegalSignalInput[Name] extends number | undefined ? Name : never;
}[keyof LegalSignalInput];

export type Article3SignalId =
  | "wagesOverdue"
  | "supplierDebtsOverdue"
  | "bankExposuresOverdue"
  | "publicCreditorAlert";
export type Article25NoviesAlertId =
  | "inpsContributions"
  | "inailPremiums"
  | "vatUnpaid"
  | "taxCollectionDebts";
export type LegalSignalId = Article3SignalId | Article25NoviesAlertId;

export type LegalSignalStatus = "fired" | "not_fired" | "not_computable" | "not_in_force";

export type LegalSignalResult = {
  signal: LegalSignalId;
  status: LegalSignalStatus;
  /** Input names whose absence left the signal undecided (empty unless not computable). */
  missing: string[];
  /** The amounts used, in cents (hasEmployees as 1 or 0). */
  inputs: Record<string, number>;
  thresholds: Record<string, SourcedValue>;
  reason: string | undefined;
};

export type LegalSignals = {
  model: "legal_signals";
  ruleSetVersion: string;
  periodEndOn: string;
  /** The dated rule version that judged the period; undefined before the first one. */
  rulesInForceFrom: string | undefined;
  zone: "signal" | "no_signal" | "incomplete" | "not_in_force";
  article3: Record<Article3SignalId, LegalSignalResult>;
  article25Novies: Record<Article25NoviesAlertId, LegalSignalResult>;
  firedSignals: LegalSignalId[];
};

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Judges the art. 3 c.4 CCII signals (a)–(d) and the art. 25-novies public-creditor alerts for a period, by
 * the dated rule version in force on `periodEndOn` (early-warning.md §2). Amounts in cents; thresholds from
 * the rule set; "exceeding"/"above" are strict, "at least"/"not below" inclusive.
 */
export function judgeLegalSignals(
  input: LegalSignalInput,
  periodEndOn: string,
  ruleSet: RuleSet,
): LegalSignals {
  if (!isoDatePattern.test(periodEndOn))
    throw new RangeError(`periodEndOn must be an ISO date, got ${periodEndOn}`);
  const rules = ruleSet.legalSignals.versions.filter((version) => version.inForceFrom <= periodEndOn).at(-1);
  const base = { model: "legal_signals" as const, ruleSetVersion: ruleSet.version, periodEndOn };

  if (rules === undefined) {
    const first = ruleSet.legalSignals.versions[0]?.inForceFrom ?? "no version";
    const superseded = ruleSet.legalSignals.supersededText2019;
    const notInForce = (signal: LegalSignalId): LegalSignalResult => ({
      signal,
      status: "not_in_force",
      missing: [],
      inputs: {},
      thresholds: { ...superseded },
      reason: `no signal rule in force on ${periodEndOn}: the rules apply from ${first}; the 2019 text never entered into force`,
    });
    return {
      ...base,
      rulesInForceFrom: undefined,
      zone: "not_in_force",
      article3: mapSignals(
        ["wagesOverdue", "supplierDebtsOverdue", "bankExposuresOverdue", "publicCreditorAlert"],
        notInForce,
      ),
      article25Novies: mapSignals(
        ["inpsContributions", "inailPremiums", "vatUnpaid", "taxCollectionDebts"],
        notInForce,
      ),
      firedSignals: [],
    };
  }

  const judge = (signal: LegalSignalId, judgement: (read: Reader) => Judgement | undefined) =>
    toResult(signal, input, judgement);
  const article25Novies: Record<Article25NoviesAlertId, LegalSignalResult> = {
    inpsContributions: judge("inpsContributions", (read) => judgeInps(read, input.hasEmployees, rules)),
    inailPremiums: judge("inailPremiums", (read) => judgeInail(read, rules)),
    vatUnpaid: judge("vatUnpaid", (read) => judgeVat(read, rules)),
    taxCollectionDebts: judge("taxCollectionDebts", (read) =>
      judgeTaxCollection(read, input.companyKind, rules),
    ),
  };
  const article3: Record<Article3SignalId, LegalSignalResult> = {
    wagesOverdue: judge("wagesOverdue", (read) => judgeWages(read, rules)),
    supplierDebtsOverdue: judge("supplierDebtsOverdue", (read) => judgeSuppliers(read, rules)),
    bankExposuresOverdue: judge("bankExposuresOverdue", (read) => judgeBankExposures(read, rules)),
    publicCreditorAlert: judgePublicCreditorAlert(Object.values(article25Novies)),
  };

  const all = [...Object.values(article3), ...Object.values(article25Novies)];
  const firedSignals = all.filter((result) => result.status === "fired").map((result) => result.signal);
  let zone: LegalSignals["zone"] = "no_signal";
  if (firedSignals.length > 0) zone = "signal";
  else if (all.some((result) => result.status === "not_computable")) zone = "incomplete";
  return { ...base, rulesInForceFrom: rules.inForceFrom, zone, article3, article25Novies, firedSignals };
}

function mapSignals<Id extends LegalSignalId>(
  ids: readonly Id[],
  build: (signal: Id) => LegalSignalResult,
): Record<Id, LegalSignalResult> {
  return Object.fromEntries(ids.map((id) => [id, build(id)])) as Record<Id, LegalSignalResult>;
}

// judgement undefined: the alert is not part of the rule version in force (INAIL before 2022-08-19).
function toResult(
  signal: LegalSignalId,
  input: LegalSignalInput,
  judgement: (read: Reader) => Judgement | undefined,
): LegalSignalResult {
  const missing: string[] = [];
  const inputs: Record<string, number> = {};
  const read: Reader = (name) => {
    const value = input[name];
    if (value === undefined) {
      if (!missing.includes(name)) missing.push(name);
    } else {
      inputs[name] = value;
    }
    return value;
  };
  const result = judgement(read);
  if (result === undefined) {
    return {
      signal,
      status: "not_in_force",
      missing: [],
      inputs: {},
      thresholds: {},
      reason: "not part of the rule in force",
    };
  }
  if (signal === "inpsContributions" && input.hasEmployees !== undefined)
    inputs.hasEmployees = input.hasEmployees ? 1 : 0;
  const status = result.truth === undefined ? "not_computable" : result.truth ? "fired" : "not_fired";
  const allMissing = [...(result.missing ?? []), ...missing];
  return {
    signal,
    status,
    missing: status === "not_computable" ? allMissing : [],
    inputs,
    thresholds: result.thresholds,
    reason: result.reason ?? (status === "not_computable" ? `missing ${allMissing.join(", ")}` : undefined),
  };
}

// (d): fired when any alert in force fired; undecided when none fired and one is not computable.
function judgePublicCreditorAlert(alerts: readonly LegalSignalResult[]): LegalSignalResult {
  const inForce = alerts.filter((alert) => alert.status !== "not_in_force");
  const truth = anyOf(
    ...inForce.map((alert) => (alert.status === "not_computable" ? undefined : alert.status === "fired")),
  );
  const undecided = inForce.filter((alert) => alert.status === "not_computable");
  const status = truth === undefined ? "not_computable" : truth ? "fired" : "not_fired";
  return {
    signal: "publicCreditorAlert",
    status,
    missing: status === "not_computable" ? [...new Set(undecided.flatMap((alert) => alert.missing))] : [],
    inputs: {},
    thresholds: {},
    reason:
      status === "not_computable"
        ? `art. 25-novies alerts not computable: ${undecided.map((alert) => alert.signal).join(", ")}`
        : undefined,
  };
}
