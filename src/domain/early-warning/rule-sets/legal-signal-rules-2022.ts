import type { SourcedValue } from "../model-result.ts";

/** The company kinds art. 25-novies c.1 d) CCII sets tax-collection thresholds for. */
export type TaxCollectionCompanyKind = "sole_trader" | "partnership" | "other";

/**
 * One dated version of the art. 3 c.4 and art. 25-novies CCII thresholds. Amounts in cents; shares as
 * fractions (0.3 = 30 %); days define what the user enters (e.g. wages overdue at least 30 days).
 */
export type LegalSignalRuleVersion = {
  /** ISO date: the version judges periods ending on or after it (until the next version). */
  inForceFrom: string;
  description: string;
  article3: {
    wagesOverdueDays: SourcedValue;
    /** (a) fires when overdue wages are strictly above this share of the monthly payroll. */
    wagesShareOfMonthlyPayroll: SourcedValue;
    supplierDebtsOverdueDays: SourcedValue;
    bankExposuresOverdueDays: SourcedValue;
    bankExposuresOverLimitDays: SourcedValue;
    /** (c) fires when overdue and over-limit exposures together are at least this share of all exposures. */
    bankExposuresShareOfTotal: SourcedValue;
  };
  article25Novies: {
    inps: {
      overdueDays: SourcedValue;
      /** With employees: strictly above this share of the previous year's contributions and the minimum. */
      shareOfPreviousYearWithEmployees: SourcedValue;
      minimumWithEmployeesCents: SourcedValue;
      minimumWithoutEmployeesCents: SourcedValue;
    };
    /** Undefined: no INAIL alert in this version. */
    inail: { overdueDays: SourcedValue; minimumCents: SourcedValue } | undefined;
    vat: {
      minimumCents: SourcedValue;
      /** Together with the minimum: unpaid VAT at least this share of the previous year's VAT turnover. */
      shareOfPreviousYearTurnover: SourcedValue | undefined;
      /** Fires in any case strictly above this amount. */
      alwaysAboveCents: SourcedValue | undefined;
    };
    taxCollection: {
      overdueDays: SourcedValue;
      minimumCentsByCompanyKind: Record<TaxCollectionCompanyKind, SourcedValue>;
    };
  };
};

const article3Source =
  "Art. 3 c.4 CCII as amended by D.Lgs. 83/2022, in force 15-07-2022 (early-warning.md §2)";
const article25Source = "Art. 25-novies c.1 CCII (D.Lgs. 83/2022), in force 15-07-2022 (early-warning.md §2)";
const amendedSource = "Art. 25-novies c.1 CCII as amended, in force 19-08-2022 (early-warning.md §2)";

const article3 = (value: number, letter: string, rule: string): SourcedValue => ({
  value,
  source: `${article3Source}, letter ${letter}): ${rule}`,
  tag: "S",
});

const article25 = (value: number, rule: string, source = article25Source): SourcedValue => ({
  value,
  source: `${source}: ${rule}`,
  tag: "V",
});

const version20220715: LegalSignalRuleVersion = {
  inForceFrom: "2022-07-15",
  description:
    "CCII as amended by D.Lgs. 83/2022: INPS and tax-collection alerts, VAT above €5,000 alone, no INAIL",
  article3: {
    wagesOverdueDays: article3(30, "a", "wages overdue for at least 30 days"),
    wagesShareOfMonthlyPayroll: article3(0.5, "a", "exceeding half of the total monthly payroll"),
    supplierDebtsOverdueDays: article3(90, "b", "supplier debts overdue for at least 90 days"),
    bankExposuresOverdueDays: article3(60, "c", "bank exposures overdue for more than 60 days"),
    bankExposuresOverLimitDays: article3(60, "c", "or over the granted limit for at least 60 days"),
    bankExposuresShareOfTotal: article3(0.05, "c", "together at least 5 % of total exposures"),
  },
  article25Novies: {
    inps: {
      overdueDays: article25(90, "INPS contributions more than 90 days late"),
      shareOfPreviousYearWithEmployees: article25(0.3, "with employees, above 30 % of the previous year's"),
      minimumWithEmployeesCents: article25(1_500_000, "with employees, and above €15,000"),
      minimumWithoutEmployeesCents: article25(500_000, "without employees, above €5,000"),
    },
    inail: undefined,
    vat: {
      minimumCents: article25(500_000, "unpaid VAT from periodic returns above €5,000"),
      shareOfPreviousYearTurnover: undefined,
      alwaysAboveCents: undefined,
    },
    taxCollection: {
      overdueDays: article25(90, "tax-collection debts more than 90 days overdue"),
      minimumCentsByCompanyKind: {
        sole_trader: article25(10_000_000, "above €100,000 for sole traders"),
        partnership: article25(20_000_000, "above €200,000 for partnerships"),
        other: article25(50_000_000, "above €500,000 for other companies"),
      },
    },
  },
};

const version20220819: LegalSignalRuleVersion = {
  ...version20220715,
  inForceFrom: "2022-08-19",
  description:
    "Amended art. 25-novies: INAIL alert added; VAT above €5,000 and at least 10 % of turnover, or above €20,000",
  article25Novies: {
    ...version20220715.article25Novies,
    inail: {
      overdueDays: article25(90, "INAIL premiums more than 90 days overdue", amendedSource),
      minimumCents: article25(500_000, "and above €5,000", amendedSource),
    },
    vat: {
      minimumCents: article25(500_000, "unpaid VAT from periodic returns above €5,000", amendedSource),
      shareOfPreviousYearTurnover: article25(
        0.1,
        "and not below 10 % of the previous year's VAT turnover",
        amendedSource,
      ),
      alwaysAboveCents: article25(2_000_000, "or in any case above €20,000", amendedSource),
    },
  },
};

/** The dated versions of the art. 3 c.4 and art. 25-novies thresholds, oldest first (early-warning.md §2). */
export const legalSignalRules2022: readonly LegalSignalRuleVersion[] = [version20220715, version20220819];

/** The 2019 text's day counts, kept to explain why they no longer apply (never in force, superseded). */
export const supersededLegalSignals2019 = {
  wagesOverdueDays: {
    value: 60,
    source:
      "D.Lgs. 14/2019 original text: wages overdue 60 days; superseded by D.Lgs. 83/2022 (early-warning.md §2)",
    tag: "S",
  },
  supplierDebtsOverdueDays: {
    value: 120,
    source:
      "D.Lgs. 14/2019 original text: supplier debts overdue 120 days; superseded by D.Lgs. 83/2022 (early-warning.md §2)",
    tag: "S",
  },
} as const satisfies Record<string, SourcedValue>;
