import { describe, expect, it } from "vitest";
import { judgeLegalSignals, type LegalSignalInput } from "./legal-signals.ts";
import { crisisCodeRuleSet2019 } from "./rule-sets/crisis-code-2019.ts";

// Complete management data with nothing overdue (amounts in cents): no signal fires.
const quietInput: LegalSignalInput = {
  wagesOverdueCents: 0,
  monthlyPayrollCents: 10_000_000,
  supplierDebtsOverdueCents: 0,
  supplierDebtsNotYetDueCents: 5_000_000,
  bankExposuresOverdueCents: 0,
  bankExposuresOverLimitCents: 0,
  totalBankExposuresCents: 20_000_000,
  inpsContributionsOverdueCents: 0,
  previousYearInpsContributionsCents: 10_000_000,
  hasEmployees: true,
  inailPremiumsOverdueCents: 0,
  vatUnpaidCents: 0,
  previousYearVatTurnoverCents: 100_000_000,
  taxCollectionDebtsOverdueCents: 0,
  companyKind: "other",
};

function judge(overrides: LegalSignalInput, periodEndOn = "2024-12-31") {
  return judgeLegalSignals({ ...quietInput, ...overrides }, periodEndOn, crisisCodeRuleSet2019);
}

describe(judgeLegalSignals, () => {
  it.each([
    // (a) wages overdue ≥ 30 days > ½ × monthly payroll €100,000 = €50,000 (5,000,000 cents)
    {
      case: "(a) wages 5,000,000 = ½ × 10,000,000: not exceeding",
      input: { wagesOverdueCents: 5_000_000 },
      status: "not_fired",
    },
    {
      case: "(a) wages 5,000,001 > ½ × 10,000,000",
      input: { wagesOverdueCents: 5_000_001 },
      status: "fired",
    },
    // (b) supplier debts overdue ≥ 90 days > debts not yet due 5,000,000
    {
      case: "(b) suppliers 5,000,000 = not yet due: not exceeding",
      input: { supplierDebtsOverdueCents: 5_000_000 },
      status: "not_fired",
    },
    {
      case: "(b) suppliers 5,000,001 > 5,000,000 not yet due",
      input: { supplierDebtsOverdueCents: 5_000_001 },
      status: "fired",
    },
  ])("judges $case", ({ input, status }) => {
    const result = judge(input);
    const signal =
      "wagesOverdueCents" in input ? result.article3.wagesOverdue : result.article3.supplierDebtsOverdue;
    expect(signal.status).toBe(status);
  });

  it.each([
    // (c) overdue > 60 days + over limit ≥ 60 days ≥ 5 % × total 20,000,000 = 1,000,000
    {
      case: "600,000 + 400,000 = 1,000,000 = 5 %: at least",
      overdue: 600_000,
      overLimit: 400_000,
      status: "fired",
    },
    { case: "600,000 + 399,999 = 999,999 < 5 %", overdue: 600_000, overLimit: 399_999, status: "not_fired" },
    { case: "over limit alone 1,000,000 = 5 %", overdue: 0, overLimit: 1_000_000, status: "fired" },
    { case: "overdue alone 1,000,001 > 5 %", overdue: 1_000_001, overLimit: 0, status: "fired" },
    { case: "nothing overdue or over the limit", overdue: 0, overLimit: 0, status: "not_fired" },
  ])("judges (c) bank exposures: $case", ({ overdue, overLimit, status }) => {
    const result = judge({ bankExposuresOverdueCents: overdue, bankExposuresOverLimitCents: overLimit });
    expect(result.article3.bankExposuresOverdue.status).toBe(status);
  });

  it.each([
    {
      case: "(a) without the monthly payroll",
      input: { monthlyPayrollCents: undefined },
      signal: "wagesOverdue",
      missing: ["monthlyPayrollCents"],
    },
    {
      case: "(b) without the supplier debts overdue",
      input: { supplierDebtsOverdueCents: undefined },
      signal: "supplierDebtsOverdue",
      missing: ["supplierDebtsOverdueCents"],
    },
    {
      case: "(c) with exposures overdue but no total",
      input: { bankExposuresOverdueCents: 1, totalBankExposuresCents: undefined },
      signal: "bankExposuresOverdue",
      missing: ["totalBankExposuresCents"],
    },
    {
      case: "(c) without the over-limit amount",
      input: { bankExposuresOverLimitCents: undefined },
      signal: "bankExposuresOverdue",
      missing: ["bankExposuresOverLimitCents"],
    },
  ] as const)("leaves $case not computable, naming the input", ({ input, signal, missing }) => {
    const result = judge(input).article3[signal];
    expect(result).toMatchObject({ status: "not_computable", missing });
  });

  it("treats overdue bank exposures with a zero total as a zero denominator", () => {
    const result = judge({ bankExposuresOverdueCents: 1, totalBankExposuresCents: 0 }).article3;
    expect(result.bankExposuresOverdue.status).toBe("not_computable");
    expect(result.bankExposuresOverdue.reason).toContain("zero denominator");
  });

  it.each([
    // (d) = any art. 25-novies alert: tax collection 50,000,001 > €500,000 (other companies)
    {
      case: "an alert fired",
      input: { taxCollectionDebtsOverdueCents: 50_000_001 },
      status: "fired",
      missing: [],
    },
    { case: "no alert fired", input: {}, status: "not_fired", missing: [] },
    // INPS undecided: 2,000,000 > €5,000 (without employees) but ≤ 30 % × 10,000,000 (with): needs hasEmployees
    {
      case: "an alert undecided and none fired",
      input: { hasEmployees: undefined, inpsContributionsOverdueCents: 2_000_000 },
      status: "not_computable",
      missing: ["hasEmployees"],
    },
  ])("judges (d) public-creditor alert when $case", ({ input, status, missing }) => {
    expect(judge(input).article3.publicCreditorAlert).toMatchObject({ status, missing });
  });

  it.each([
    {
      case: "a signal fired",
      input: { wagesOverdueCents: 5_000_001 },
      zone: "signal",
      fired: ["wagesOverdue"],
    },
    { case: "nothing fired, all decided", input: {}, zone: "no_signal", fired: [] },
    {
      case: "nothing fired, one undecided",
      input: { monthlyPayrollCents: undefined },
      zone: "incomplete",
      fired: [],
    },
    {
      case: "an alert and so (d) fired",
      input: { vatUnpaidCents: 2_000_001 },
      zone: "signal",
      fired: ["publicCreditorAlert", "vatUnpaid"],
    },
  ])("sums up as $zone when $case", ({ input, zone, fired }) => {
    const result = judge(input);
    expect(result.zone).toBe(zone);
    expect(result.firedSignals).toEqual(fired);
  });

  it.each([
    { periodEndOn: "2022-07-14", rulesInForceFrom: undefined },
    { periodEndOn: "2022-07-15", rulesInForceFrom: "2022-07-15" },
    { periodEndOn: "2022-08-18", rulesInForceFrom: "2022-07-15" },
    { periodEndOn: "2022-08-19", rulesInForceFrom: "2022-08-19" },
    { periodEndOn: "2024-12-31", rulesInForceFrom: "2022-08-19" },
  ])(
    "judges a period ending $periodEndOn by the rules in force from $rulesInForceFrom",
    ({ periodEndOn, rulesInForceFrom }) => {
      expect(judge({}, periodEndOn).rulesInForceFrom).toBe(rulesInForceFrom);
    },
  );

  it("has no signal rule before 15-07-2022: the 2019 text never applied", () => {
    const result = judge({ wagesOverdueCents: 9_000_000, vatUnpaidCents: 9_000_000 }, "2021-12-31");
    expect(result.zone).toBe("not_in_force");
    expect(result.firedSignals).toEqual([]);
    expect(result.article3.wagesOverdue).toMatchObject({
      status: "not_in_force",
      thresholds: { wagesOverdueDays: { value: 60 }, supplierDebtsOverdueDays: { value: 120 } },
    });
    expect(result.article25Novies.vatUnpaid.status).toBe("not_in_force");
  });

  it("records the amounts and the sourced thresholds it used", () => {
    const result = judge({ wagesOverdueCents: 5_000_001 });
    expect(result).toMatchObject({ model: "legal_signals", ruleSetVersion: "crisis-code-2019.1" });
    expect(result.article3.wagesOverdue).toMatchObject({
      inputs: { wagesOverdueCents: 5_000_001, monthlyPayrollCents: 10_000_000 },
      thresholds: { wagesOverdueDays: { value: 30, tag: "S" }, wagesShareOfMonthlyPayroll: { value: 0.5 } },
    });
  });

  it("rejects a period end that is not an ISO date", () => {
    expect(() => judge({}, "31/12/2024")).toThrow(RangeError);
  });
});
