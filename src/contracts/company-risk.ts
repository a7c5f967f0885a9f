import { z } from "zod";
import { CompanyIdentitySchema } from "./companies.ts";

const cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const signedCents = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

export const userInputKinds = ["management_signals", "recovery_test", "market_data"] as const;
export const UserInputKindSchema = z.enum(userInputKinds).meta({ id: "UserInputKind" });
export type UserInputKind = z.infer<typeof UserInputKindSchema>;

/** Art. 3 c.4 and art. 25-novies CCII management data (legal-signals.ts), amounts in cents; omitted = missing. */
export const ManagementSignalsValuesSchema = z
  .strictObject({
    wagesOverdueCents: cents.optional().meta({ description: "Wages overdue at least 30 days." }),
    monthlyPayrollCents: cents.optional(),
    supplierDebtsOverdueCents: cents.optional().meta({ description: "Overdue at least 90 days." }),
    supplierDebtsNotYetDueCents: cents.optional(),
    bankExposuresOverdueCents: cents.optional().meta({ description: "Overdue more than 60 days." }),
    bankExposuresOverLimitCents: cents
      .optional()
      .meta({ description: "Over the granted limit for at least 60 days." }),
    totalBankExposuresCents: cents.optional(),
    inpsContributionsOverdueCents: cents.optional(),
    previousYearInpsContributionsCents: cents.optional(),
    hasEmployees: z.boolean().optional(),
    inailPremiumsOverdueCents: cents.optional(),
    vatUnpaidCents: cents.optional(),
    previousYearVatTurnoverCents: cents.optional(),
    taxCollectionDebtsOverdueCents: cents.optional(),
    companyKind: z.enum(["sole_trader", "partnership", "other"]).optional(),
  })
  .meta({ id: "ManagementSignalsValues" });
export type ManagementSignalsValues = z.infer<typeof ManagementSignalsValuesSchema>;

/** The items of the practical recovery test (D.M. 21-03-2023, recovery-test.ts), amounts in cents. */
export const RecoveryTestValuesSchema = z
  .strictObject({
    overdueDebtCents: cents.optional(),
    rescheduledOrSuspendedDebtCents: cents.optional(),
    creditLinesNotRenewedCents: cents.optional(),
    loanInstalmentsDueWithinTwoYearsCents: cents.optional(),
    plannedInvestmentsCents: cents.optional(),
    nonStrategicAssetDisposalProceedsCents: cents.optional(),
    plannedNewEquityAndShareholderLoansCents: cents.optional(),
    availableCashCents: cents.optional(),
    workforceReorganisationFundingCents: cents.optional(),
    firstYearGrossOperatingMarginCents: signedCents
      .optional()
      .meta({ description: "Signed: a negative first-year margin adds its size to the debt." }),
    normalisedEbitdaCents: signedCents.optional(),
    maintenanceCapitalExpenditureCents: cents.optional(),
    incomeTaxesCents: cents.optional(),
  })
  .meta({ id: "RecoveryTestValues" });
export type RecoveryTestValues = z.infer<typeof RecoveryTestValuesSchema>;

/** Figures no filing carries: DSCR at 6 months (CNDCEC step 2) and market value of equity (Altman Z). */
export const MarketDataValuesSchema = z
  .strictObject({
    dscr: z.number().min(0).max(1000).optional(),
    marketValueOfEquityCents: cents.optional(),
  })
  .refine((values) => values.dscr !== undefined || values.marketValueOfEquityCents !== undefined, {
    message: "Give the DSCR, the market value of equity, or both.",
    path: ["dscr"],
  })
  .meta({ id: "MarketDataValues" });
export type MarketDataValues = z.infer<typeof MarketDataValuesSchema>;

const period = z.iso
  .date()
  .meta({ description: "The period the figures refer to (a statement's end date)." });

export const ManagementSignalsInputSchema = z
  .object({ periodEndOn: period, values: ManagementSignalsValuesSchema })
  .meta({ id: "ManagementSignalsInput" });
export const RecoveryTestInputSchema = z
  .object({ periodEndOn: period, values: RecoveryTestValuesSchema })
  .meta({ id: "RecoveryTestInput" });
export const MarketDataInputSchema = z
  .object({ periodEndOn: period, values: MarketDataValuesSchema })
  .meta({ id: "MarketDataInput" });

export const SavedUserInputSchema = z
  .object({
    id: z.uuid(),
    kind: UserInputKindSchema,
    periodEndOn: z.iso.date(),
    values: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
    enteredAt: z.iso.datetime(),
    enteredByName: z.string().nullable(),
  })
  .meta({ id: "SavedUserInput" });
export type SavedUserInput = z.infer<typeof SavedUserInputSchema>;

export const UserInputHistorySchema = z
  .object({ items: z.array(SavedUserInputSchema) })
  .meta({ id: "UserInputHistory", description: "Every save, newest first." });

export const SourcedThresholdSchema = z
  .object({ name: z.string(), value: z.number(), source: z.string(), tag: z.enum(["V", "S", "R"]) })
  .meta({ id: "SourcedThreshold" });
export type SourcedThreshold = z.infer<typeof SourcedThresholdSchema>;

export const LegalSignalJudgementSchema = z
  .object({
    ruleSetVersion: z.string(),
    periodEndOn: z.iso.date(),
    rulesInForceFrom: z.iso.date().nullable(),
    zone: z.enum(["signal", "no_signal", "incomplete", "not_in_force"]),
    firedSignals: z.array(z.string()),
    signals: z.array(
      z.object({
        signal: z.string(),
        article: z.enum(["article3", "article25Novies"]),
        status: z.enum(["fired", "not_fired", "not_computable", "not_in_force"]),
        missing: z.array(z.string()),
        thresholds: z.array(SourcedThresholdSchema),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "LegalSignalJudgement" });
export type LegalSignalJudgement = z.infer<typeof LegalSignalJudgementSchema>;

export const RecoveryTestResultSchema = z
  .object({
    ruleSetVersion: z.string(),
    decreeVersion: z.object({ value: z.string(), source: z.string() }),
    status: z.enum(["computed", "not_computable"]),
    band: z
      .enum([
        "economic_imbalance",
        "contained_difficulties",
        "still_contained",
        "depends_on_industrial_initiatives",
        "margin_cannot_carry_debt",
      ])
      .nullable(),
    ratio: z.number().nullable(),
    debtToRestructureCents: z.number().nullable(),
    yearlyFlowCents: z.number().nullable(),
    missing: z.array(z.string()),
    cutOffs: z.array(SourcedThresholdSchema),
  })
  .meta({ id: "RecoveryTestResult" });
export type RecoveryTestResult = z.infer<typeof RecoveryTestResultSchema>;

export const RiskModelResultSchema = z
  .object({
    model: z.string(),
    ruleSetVersion: z.string(),
    status: z.enum(["computed", "not_computable"]),
    value: z.number().nullable(),
    zone: z.string().nullable(),
    missing: z.array(z.string()),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()])).meta({
      description: "EM rating and score, Zmijewski's X, Ohlson's T, alert reasons, screen outcome.",
    }),
    thresholds: z.array(SourcedThresholdSchema),
  })
  .meta({ id: "RiskModelResult" });
export type RiskModelResult = z.infer<typeof RiskModelResultSchema>;

export const MarketDataResultSchema = z
  .object({
    statementFound: z.boolean(),
    altmanZ: RiskModelResultSchema.nullable(),
    cndcecScreen: RiskModelResultSchema.nullable(),
  })
  .meta({ id: "MarketDataResult" });

export const SavedManagementSignalsSchema = z
  .object({ input: SavedUserInputSchema, result: LegalSignalJudgementSchema })
  .meta({ id: "SavedManagementSignals" });
export const SavedRecoveryTestSchema = z
  .object({ input: SavedUserInputSchema, result: RecoveryTestResultSchema })
  .meta({ id: "SavedRecoveryTest" });
export const SavedMarketDataSchema = z
  .object({ input: SavedUserInputSchema, result: MarketDataResultSchema })
  .meta({ id: "SavedMarketData" });

const alertLevel = z.enum(["red", "orange", "green", "grey"]);
const finiteOrNull = z.number().nullable();

export const RiskChangesSchema = z
  .object({
    fromPeriodEndOn: z.iso.date().meta({ description: "The previous year on record it compares with." }),
    toPeriodEndOn: z.iso.date(),
    isPreviousFiscalYear: z.boolean().meta({
      description:
        "False when the year compared with is not the previous fiscal year (a gap in the filings).",
    }),
    scores: z.array(
      z.object({
        model: z.string(),
        status: z.enum(["explained", "not_explainable"]),
        reason: z.string().nullable(),
        previousScore: finiteOrNull,
        currentScore: finiteOrNull,
        scoreChange: finiteOrNull,
        terms: z.array(
          z.object({
            numerator: z.string(),
            denominator: z.string(),
            coefficient: z.number(),
            previousRatio: finiteOrNull,
            currentRatio: finiteOrNull,
            change: finiteOrNull,
          }),
        ),
      }),
    ),
    indices: z.array(
      z.object({
        index: z.string(),
        status: z.enum(["explained", "not_explainable"]),
        reason: z.string().nullable(),
        previousPercent: finiteOrNull,
        currentPercent: finiteOrNull,
        changePoints: finiteOrNull,
        items: z.array(
          z.object({
            item: z.string(),
            side: z.enum(["numerator", "denominator"]),
            previousCents: z.number(),
            currentCents: z.number(),
            contributionPoints: finiteOrNull,
          }),
        ),
      }),
    ),
  })
  .meta({ id: "RiskChanges" });
export type RiskChanges = z.infer<typeof RiskChangesSchema>;

export const BreachMatrixSchema = z
  .object({
    sectorGroup: z.number().int().nullable(),
    benchmark: z.enum(["mapped", "no_benchmark", "not_mapped", "no_sector"]),
    indices: z.array(
      z.object({
        index: z.enum(["I1", "I2", "I3", "I4", "I5"]),
        direction: z.enum(["above", "below"]),
        threshold: SourcedThresholdSchema.nullable(),
        cells: z.array(
          z.object({
            periodEndOn: z.iso.date(),
            status: z.enum(["computed", "not_computable"]),
            percent: finiteOrNull,
            isBreached: z.boolean().nullable(),
            reason: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "BreachMatrix" });
export type BreachMatrix = z.infer<typeof BreachMatrixSchema>;

export const RiskStatementSchema = z
  .object({
    id: z.uuid(),
    periodStartOn: z.iso.date(),
    periodEndOn: z.iso.date(),
    fiscalYear: z.number().int(),
    format: z.enum(["ordinary", "abridged", "micro", "consolidated"]),
    currency: z.string(),
    items: z.record(z.string(), z.number()),
    sourceKind: z.string(),
    sourceFileName: z.string().nullable(),
    filedOn: z.iso.date().nullable(),
  })
  .meta({ id: "RiskStatement" });
export type RiskStatement = z.infer<typeof RiskStatementSchema>;

export const RiskYearSchema = z
  .object({
    statementId: z.uuid(),
    periodEndOn: z.iso.date(),
    fiscalYear: z.number().int(),
    alert: z
      .object({
        level: alertLevel,
        previousLevel: alertLevel.nullable().meta({ description: "The previous fiscal year's level." }),
        isDeteriorating: z.boolean(),
        isFirstAlert: z.boolean(),
        emRating: z.string().nullable(),
        reasons: z.array(z.string()),
        ruleSetVersion: z.string(),
        isStored: z.boolean().meta({
          description:
            "True when the level is the one scoring stored (the one lists, dashboards and notifications use); " +
            "false before the year is scored, when it is what scoring will store.",
        }),
      })
      .meta({
        description: "The official alert level: computed from the filings only, never with user inputs.",
      }),
    models: z
      .array(RiskModelResultSchema)
      .meta({ description: "Every model as scoring stores it, from the filings only." }),
    withInputs: z
      .object({
        dscr: z.number().nullable(),
        marketValueOfEquityCents: z.number().nullable(),
        level: alertLevel,
        reasons: z.array(z.string()),
        models: z.array(RiskModelResultSchema).meta({
          description: "Only the models whose result the user inputs change.",
        }),
      })
      .nullable()
      .meta({
        description:
          "With your inputs: the models recomputed with the DSCR and market value of equity users entered " +
          "for the period. Shown beside the official level, never instead of it; null without inputs.",
      }),
  })
  .meta({ id: "RiskYear" });
export type RiskYear = z.infer<typeof RiskYearSchema>;

export const CompanyRiskSchema = z
  .object({
    company: CompanyIdentitySchema,
    ruleSets: z.object({ crisisCode: z.string(), distress: z.string() }),
    isFollowed: z.boolean(),
    statements: z.array(RiskStatementSchema),
    years: z.array(RiskYearSchema),
    breachMatrix: BreachMatrixSchema,
    changes: RiskChangesSchema.nullable().meta({
      description: "Latest year against the previous on record (official results, without user inputs).",
    }),
    ebitdaProxy: z
      .object({
        periodEndOn: z.iso.date(),
        status: z.enum(["computed", "not_computable"]),
        valueCents: z.number().nullable(),
        missing: z.array(z.string()),
      })
      .nullable(),
    recoveryTestCutOffs: z.array(SourcedThresholdSchema),
    inputs: z.object({
      managementSignals: SavedUserInputSchema.nullable(),
      recoveryTest: SavedUserInputSchema.nullable(),
      marketData: SavedUserInputSchema.nullable(),
    }),
    legalSignals: LegalSignalJudgementSchema.nullable(),
    recoveryTest: RecoveryTestResultSchema.nullable(),
  })
  .meta({ id: "CompanyRisk" });
export type CompanyRisk = z.infer<typeof CompanyRiskSchema>;

export const feedbackReasonCodes = [
  "matches_knowledge",
  "already_known",
  "data_error",
  "false_alarm",
  "missed_signal",
  "other",
] as const;

export const ScoreFeedbackInputSchema = z
  .strictObject({
    periodEndOn: z.iso.date(),
    model: z
      .enum([
        "alert_level",
        "cndcec_screen",
        "altman_z",
        "altman_z_prime",
        "altman_z_double_prime",
        "zmijewski",
        "springate",
        "ohlson",
        "legal_signals",
        "recovery_test",
      ])
      .optional(),
    isUseful: z.boolean(),
    reasonCode: z.enum(feedbackReasonCodes),
    comment: z.string().trim().max(2000).optional(),
  })
  .meta({ id: "ScoreFeedbackInput" });
export type ScoreFeedbackInput = z.infer<typeof ScoreFeedbackInputSchema>;

export const ScoreFeedbackSchema = z
  .object({
    id: z.uuid(),
    periodEndOn: z.iso.date(),
    model: z.string().nullable(),
    isUseful: z.boolean(),
    reasonCode: z.enum(feedbackReasonCodes),
    comment: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ScoreFeedback" });
export type ScoreFeedback = z.infer<typeof ScoreFeedbackSchema>;

export const CompanyReportQuerySchema = z.object({
  lang: z.enum(["it", "en"]).optional().meta({ description: "Language of the report; default yours." }),
});
