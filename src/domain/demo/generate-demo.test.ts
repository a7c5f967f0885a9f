import { describe, expect, it } from "vitest";
import { checkStatement } from "../statements/check-statement.ts";
import { findItemsInFormat } from "../statements/line-items.ts";
import { amount, demoTestInput, sumOf } from "./demo-test-input.ts";
import {
  type DemoCompany,
  defaultCompaniesPerDistrict,
  type GenerateDemoInput,
  generateDemo,
} from "./generate-demo.ts";

const { companies } = generateDemo(demoTestInput);
const statements = companies.flatMap((company) =>
  company.statements.map((statement) => ({ company, statement })),
);
const smallInput = (seed: number): GenerateDemoInput => ({
  ...demoTestInput,
  seed,
  companiesPerDistrict: { "prato-tessile": 40, "lumezzane-metalli": 30, "ave-texteis": 20 },
});

function companiesOf(districtId: string): DemoCompany[] {
  return companies.filter((company) => company.districtId === districtId);
}
// Independent of the generator's code: the published algorithms.
function isPartitaIvaValid(code: string): boolean {
  if (!/^\d{11}$/.test(code)) return false;
  const sum = [...code].reduce((total, character, index) => {
    const digit = Number(character);
    if (index % 2 === 0) return total + digit;
    return total + (digit * 2 > 9 ? digit * 2 - 9 : digit * 2);
  }, 0);
  return sum % 10 === 0;
}
function isCompanyNifValid(code: string): boolean {
  if (!/^5\d{8}$/.test(code)) return false;
  const sum = [...code.slice(0, 8)].reduce(
    (total, character, index) => total + Number(character) * (9 - index),
    0,
  );
  const check = 11 - (sum % 11);
  return (check >= 10 ? 0 : check) === Number(code[8]);
}

describe(generateDemo, () => {
  it("gives a deep-equal output for the same seed", () => {
    expect(generateDemo(smallInput(7))).toEqual(generateDemo(smallInput(7)));
  });

  it("gives a different output for a different seed", () => {
    const first = generateDemo(smallInput(7)).companies;
    const second = generateDemo(smallInput(8)).companies;
    expect(first.map((company) => company.taxCode)).not.toEqual(second.map((company) => company.taxCode));
    expect(first.map((company) => company.statements[0]?.items.revenue)).not.toEqual(
      second.map((company) => company.statements[0]?.items.revenue),
    );
  });

  it.each(Object.entries(defaultCompaniesPerDistrict))(
    "generates %s with %i companies by default",
    (id, count) => {
      expect(companiesOf(id)).toHaveLength(count);
    },
  );

  it("takes the number of companies per district from the input", () => {
    const counts = generateDemo(smallInput(1)).companies.map((company) => company.districtId);
    expect(counts.filter((id) => id === "ave-texteis")).toHaveLength(20);
    expect(counts).toHaveLength(90);
  });

  it("numbers the companies with unique, stable ids", () => {
    expect(companies[0]?.id).toBe("demo-0001");
    expect(new Set(companies.map((company) => company.id)).size).toBe(companies.length);
  });

  it("gives every company one calendar-year statement per year, in euros", () => {
    for (const company of companies) {
      expect(company.statements.map((statement) => statement.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
      for (const statement of company.statements) {
        expect(statement.periodStartOn).toBe(`${statement.year}-01-01`);
        expect(statement.periodEndOn).toBe(`${statement.year}-12-31`);
        expect(statement.currency).toBe("EUR");
      }
    }
  });

  it("balances every balance sheet to the cent, on both sides", () => {
    for (const { statement } of statements) {
      const { items } = statement;
      const liabilitiesAndEquity = sumOf(items, [
        "equity",
        "provisionsForRisksAndCharges",
        "employeeSeveranceIndemnity",
        "debts",
        "accruedLiabilitiesAndDeferredIncome",
      ]);
      const assets = sumOf(items, [
        "subscribedCapitalUnpaid",
        "fixedAssets",
        "inventories",
        "receivables",
        "currentFinancialAssets",
        "cashAndEquivalents",
        "accruedIncomeAndPrepaidExpenses",
      ]);
      expect(amount(items, "totalAssets")).toBe(liabilitiesAndEquity);
      expect(amount(items, "totalAssets")).toBe(assets);
      expect(amount(items, "equity")).toBe(
        sumOf(items, [
          "shareCapital",
          "legalReserve",
          "statutoryReserves",
          "otherReserves",
          "retainedEarnings",
          "resultOfTheYear",
        ]),
      );
    }
  });

  it("adds up every income statement", () => {
    for (const { statement } of statements) {
      const { items } = statement;
      const costs = sumOf(items, [
        "rawMaterialsCosts",
        "servicesCosts",
        "useOfThirdPartyAssetsCosts",
        "personnelCosts",
        "depreciationAndWriteDowns",
        "changeInRawMaterialsInventories",
        "provisionsForRisksExpense",
        "otherProvisionsExpense",
        "sundryOperatingExpenses",
      ]);
      expect(amount(items, "costsOfProduction")).toBe(costs);
      expect(amount(items, "operatingResult")).toBe(
        amount(items, "valueOfProduction") - amount(items, "costsOfProduction"),
      );
      const financialIncome =
        amount(items, "financialIncomeAndCharges") + amount(items, "interestAndOtherFinancialCharges");
      expect(financialIncome).toBeGreaterThanOrEqual(0);
      expect(amount(items, "resultBeforeTaxes")).toBe(
        amount(items, "operatingResult") +
          financialIncome -
          amount(items, "interestAndOtherFinancialCharges") +
          amount(items, "financialValueAdjustments"),
      );
      expect(amount(items, "netResult")).toBe(
        amount(items, "resultBeforeTaxes") - amount(items, "incomeTaxes"),
      );
      expect(amount(items, "resultOfTheYear")).toBe(amount(items, "netResult"));
      expect(amount(items, "valueOfProduction")).toBeGreaterThanOrEqual(amount(items, "revenue"));
    }
  });

  it("keeps sub-items within their totals and the cash-flow adjustments consistent in ordinary filings", () => {
    const ordinary = statements.filter(({ statement }) => statement.format === "ordinary");
    expect(ordinary.length).toBeGreaterThan(0);
    for (const { statement } of ordinary) {
      const { items } = statement;
      expect(amount(items, "depreciationAndWriteDowns")).toBeGreaterThanOrEqual(
        sumOf(items, ["amortisationOfIntangibleAssets", "depreciationOfTangibleAssets"]),
      );
      expect(amount(items, "personnelCosts")).toBeGreaterThanOrEqual(
        amount(items, "severanceIndemnityAccrual"),
      );
      expect(amount(items, "nonMonetaryAdjustments")).toBe(
        sumOf(items, [
          "depreciationAndWriteDowns",
          "provisionsForRisksExpense",
          "otherProvisionsExpense",
          "severanceIndemnityAccrual",
        ]) - amount(items, "financialValueAdjustments"),
      );
    }
  });

  it("rolls equity forward: equity = last year's equity + net result − dividends", () => {
    for (const company of companies) {
      for (const [index, statement] of company.statements.entries()) {
        const previous = company.statements[index - 1];
        if (!previous) continue;
        expect(amount(statement.items, "equity")).toBe(
          amount(previous.items, "equity") +
            amount(statement.items, "netResult") -
            statement.dividendsDistributedCents,
        );
        expect(statement.dividendsDistributedCents).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("passes checkStatement: balanced, no key item missing, parts within totals, only the format's items", () => {
    const findings = statements.flatMap(({ statement }) => checkStatement(statement.items, statement.format));
    expect(findings).toEqual([]);
  });

  it("gives each statement exactly its format's items: absent, not zero, when the format lacks them", () => {
    for (const { statement } of statements) {
      expect(Object.keys(statement.items).sort()).toEqual([...findItemsInFormat(statement.format)].sort());
    }
    const micro = statements.find(({ statement }) => statement.format === "micro")?.statement.items ?? {};
    const abridged =
      statements.find(({ statement }) => statement.format === "abridged")?.statement.items ?? {};
    expect(micro).not.toHaveProperty("averageEmployees");
    expect(abridged).not.toHaveProperty("taxDebts");
    expect(abridged).not.toHaveProperty("nonMonetaryAdjustments");
    expect(abridged).toHaveProperty("averageEmployees");
  });

  it("writes amounts as whole euros in integer cents and the headcount as persons", () => {
    const offenders: string[] = [];
    for (const { company, statement } of statements) {
      for (const [itemId, value] of Object.entries(statement.items)) {
        const isWhole =
          itemId === "averageEmployees" ? Number.isInteger(value) : Number.isInteger(value / 100);
        if (!isWhole || Object.is(value, -0)) offenders.push(`${company.id} ${statement.year} ${itemId}`);
      }
      const headcount = company.headcountByYear[statement.year - 2020];
      if (statement.items.averageEmployees !== undefined && statement.items.averageEmployees !== headcount) {
        offenders.push(`${company.id} ${statement.year} averageEmployees`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("gives valid, unique tax codes: partita IVA of the municipality's province in Italy, company NIF in Portugal", () => {
    for (const company of companies) {
      if (company.countryCode === "IT") {
        expect(isPartitaIvaValid(company.taxCode)).toBe(true);
        expect(company.taxCode.slice(7, 10)).toBe(company.municipalityCode?.slice(0, 3));
      } else {
        expect(isCompanyNifValid(company.taxCode)).toBe(true);
      }
    }
    expect(new Set(companies.map((company) => company.taxCode)).size).toBe(companies.length);
    expect(new Set(companies.map((company) => company.name)).size).toBe(companies.length);
  });
});
