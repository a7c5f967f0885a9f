import { describe, expect, it } from "vitest";
import { judgeLegalSignals, type LegalSignalInput } from "./legal-signals.ts";
import { crisisCodeRuleSet2019 } from "./rule-sets/crisis-code-2019.ts";

// Art. 25-novies public-creditor alerts, amounts in cents (€1 = 100).
const judge = (input: LegalSignalInput, periodEndOn = "2024-12-31") =>
  judgeLegalSignals(input, periodEndOn, crisisCodeRuleSet2019).article25Novies;

describe(judgeLegalSignals, () => {
  it.each([
    // With employees: > 30 % of previous year's contributions AND > €15,000 (1,500,000)
    // previous year 10,000,000 → 30 % = 3,000,000
    {
      case: "3,000,000 = 30 % of 10,000,000: not above",
      overdue: 3_000_000,
      previous: 10_000_000,
      status: "not_fired",
    },
    { case: "3,000,001 > 30 % and > €15,000", overdue: 3_000_001, previous: 10_000_000, status: "fired" },
    // previous year 4,000,000 → 30 % = 1,200,000, the €15,000 decides
    {
      case: "1,500,000 > 30 % of 4,000,000 but = €15,000",
      overdue: 1_500_000,
      previous: 4_000_000,
      status: "not_fired",
    },
    { case: "1,500,001 > 1,200,000 and > €15,000", overdue: 1_500_001, previous: 4_000_000, status: "fired" },
    // ≤ €15,000 decides without the previous year
    {
      case: "1,000,000 ≤ €15,000, previous year unknown",
      overdue: 1_000_000,
      previous: undefined,
      status: "not_fired",
    },
  ])("judges INPS with employees: $case", ({ overdue, previous, status }) => {
    const result = judge({
      hasEmployees: true,
      inpsContributionsOverdueCents: overdue,
      previousYearInpsContributionsCents: previous,
    });
    expect(result.inpsContributions.status).toBe(status);
  });

  it.each([
    // Without employees: > €5,000 (500,000) alone
    { overdue: 500_000, status: "not_fired" },
    { overdue: 500_001, status: "fired" },
  ])("judges INPS without employees: $overdue cents → $status", ({ overdue, status }) => {
    expect(
      judge({ hasEmployees: false, inpsContributionsOverdueCents: overdue }).inpsContributions.status,
    ).toBe(status);
  });

  it.each([
    // 400,000 ≤ €5,000 and ≤ €15,000: not fired either way
    {
      case: "at most €5,000 decides without it",
      input: { inpsContributionsOverdueCents: 400_000 },
      status: "not_fired",
      missing: [],
    },
    // 2,000,000 > €5,000 (without) but with employees also needs the previous year
    {
      case: "between the branches stays undecided",
      input: { inpsContributionsOverdueCents: 2_000_000 },
      status: "not_computable",
      missing: ["hasEmployees", "previousYearInpsContributionsCents"],
    },
    {
      case: "with employees and no previous year, above €15,000",
      input: { hasEmployees: true, inpsContributionsOverdueCents: 2_000_000 },
      status: "not_computable",
      missing: ["previousYearInpsContributionsCents"],
    },
  ])("judges INPS when hasEmployees or the previous year is missing: $case", ({ input, status, missing }) => {
    expect(judge(input).inpsContributions).toMatchObject({ status, missing });
  });

  it.each([
    // INAIL from 19-08-2022: > 90 days overdue and > €5,000
    { periodEndOn: "2024-12-31", overdue: 500_000, status: "not_fired" },
    { periodEndOn: "2024-12-31", overdue: 500_001, status: "fired" },
    { periodEndOn: "2022-08-19", overdue: 500_001, status: "fired" },
    // Before 19-08-2022 the alert did not exist
    { periodEndOn: "2022-08-18", overdue: 1_000_000, status: "not_in_force" },
    { periodEndOn: "2022-07-15", overdue: 1_000_000, status: "not_in_force" },
  ])(
    "judges INAIL premiums $overdue cents in a period ending $periodEndOn as $status",
    ({ periodEndOn, overdue, status }) => {
      expect(judge({ inailPremiumsOverdueCents: overdue }, periodEndOn).inailPremiums.status).toBe(status);
    },
  );

  it.each([
    // From 19-08-2022: (> €5,000 AND ≥ 10 % of previous-year turnover) OR > €20,000
    // turnover 4,000,000 → 10 % = 400,000: the €5,000 decides
    { case: "500,000 = €5,000: not above", unpaid: 500_000, turnover: 4_000_000, status: "not_fired" },
    { case: "500,001 > €5,000 and ≥ 400,000", unpaid: 500_001, turnover: 4_000_000, status: "fired" },
    // turnover 10,000,000 → 10 % = 1,000,000: the share decides, "not below" includes equality
    {
      case: "1,000,000 = 10 % of 10,000,000: not below",
      unpaid: 1_000_000,
      turnover: 10_000_000,
      status: "fired",
    },
    { case: "999,999 < 10 % of 10,000,000", unpaid: 999_999, turnover: 10_000_000, status: "not_fired" },
    // turnover 100,000,000 → 10 % = 10,000,000: only "in any case > €20,000" can fire
    { case: "2,000,000 = €20,000, < 10 %", unpaid: 2_000_000, turnover: 100_000_000, status: "not_fired" },
    { case: "2,000,001 > €20,000 in any case", unpaid: 2_000_001, turnover: 100_000_000, status: "fired" },
    // without the turnover: decided outside €5,000 < unpaid ≤ €20,000
    { case: "2,000,001, turnover unknown", unpaid: 2_000_001, turnover: undefined, status: "fired" },
    { case: "400,000, turnover unknown", unpaid: 400_000, turnover: undefined, status: "not_fired" },
    { case: "1,000,000, turnover unknown", unpaid: 1_000_000, turnover: undefined, status: "not_computable" },
  ])("judges VAT by the rule from 19-08-2022: $case", ({ unpaid, turnover, status }) => {
    const result = judge({ vatUnpaidCents: unpaid, previousYearVatTurnoverCents: turnover }).vatUnpaid;
    expect(result.status).toBe(status);
    if (status === "not_computable") expect(result.missing).toEqual(["previousYearVatTurnoverCents"]);
  });

  it.each([
    // Before 19-08-2022: > €5,000 alone, whatever the turnover (10 % of 100,000,000 = 10,000,000 not reached)
    { periodEndOn: "2022-08-18", unpaid: 500_000, status: "not_fired" },
    { periodEndOn: "2022-08-18", unpaid: 500_001, status: "fired" },
    { periodEndOn: "2022-07-15", unpaid: 500_001, status: "fired" },
    // The same 500,001 from 19-08-2022: > €5,000 but < 10 % and ≤ €20,000
    { periodEndOn: "2022-08-19", unpaid: 500_001, status: "not_fired" },
  ])(
    "judges VAT $unpaid cents in a period ending $periodEndOn as $status",
    ({ periodEndOn, unpaid, status }) => {
      const input = { vatUnpaidCents: unpaid, previousYearVatTurnoverCents: 100_000_000 };
      expect(judge(input, periodEndOn).vatUnpaid.status).toBe(status);
    },
  );

  it.each([
    // > €100,000 sole traders, > €200,000 partnerships, > €500,000 other companies
    { companyKind: "sole_trader", overdue: 10_000_000, status: "not_fired" },
    { companyKind: "sole_trader", overdue: 10_000_001, status: "fired" },
    { companyKind: "partnership", overdue: 20_000_000, status: "not_fired" },
    { companyKind: "partnership", overdue: 20_000_001, status: "fired" },
    { companyKind: "other", overdue: 50_000_000, status: "not_fired" },
    { companyKind: "other", overdue: 50_000_001, status: "fired" },
    // Unknown kind: decided when every threshold agrees
    { companyKind: undefined, overdue: 5_000_000, status: "not_fired" },
    { companyKind: undefined, overdue: 60_000_000, status: "fired" },
    { companyKind: undefined, overdue: 30_000_000, status: "not_computable" },
  ] as const)(
    "judges tax-collection debts of $overdue cents for $companyKind as $status",
    ({ companyKind, overdue, status }) => {
      const result = judge({ companyKind, taxCollectionDebtsOverdueCents: overdue }).taxCollectionDebts;
      expect(result.status).toBe(status);
      if (status === "not_computable") expect(result.missing).toEqual(["companyKind"]);
    },
  );

  it("leaves an alert not computable when its amount is missing", () => {
    expect(judge({ hasEmployees: false }).inpsContributions).toMatchObject({
      status: "not_computable",
      missing: ["inpsContributionsOverdueCents"],
    });
  });
});
