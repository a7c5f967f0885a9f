/**
 * Abridged statements of a textile firm (amounts in cents) in three states of health, for the
 * browser journeys: healthy → green, strained → orange (distress models, indices breached),
 * failing → red (negative equity: the CNDCEC screen presumes a crisis).
 */
export function textileStatementItems(health: "healthy" | "strained" | "failing"): Record<string, number> {
  const euro = (amount: number) => Math.round(amount * 100);
  const shapes = {
    healthy: {
      revenue: 9_000_000,
      equity: 3_200_000,
      debts: 3_600_000,
      shortDebts: 2_400_000,
      netResult: 420_000,
      personnel: 2_100_000,
      materials: 3_900_000,
      services: 1_700_000,
      depreciation: 350_000,
      interest: 60_000,
      cash: 900_000,
    },
    strained: {
      revenue: 8_000_000,
      equity: 2_000_000,
      debts: 4_600_000,
      shortDebts: 3_400_000,
      netResult: -150_000,
      personnel: 2_300_000,
      materials: 3_800_000,
      services: 1_600_000,
      depreciation: 360_000,
      interest: 140_000,
      cash: 300_000,
    },
    failing: {
      revenue: 5_100_000,
      equity: -400_000,
      debts: 7_300_000,
      shortDebts: 6_500_000,
      netResult: -1_300_000,
      personnel: 2_400_000,
      materials: 2_900_000,
      services: 1_400_000,
      depreciation: 360_000,
      interest: 330_000,
      cash: 40_000,
    },
  }[health];
  const totalAssets = shapes.equity + shapes.debts + 450_000;
  const receivables = Math.round(shapes.revenue * 0.28);
  const inventories = Math.round(shapes.revenue * 0.18);
  const fixedAssets = totalAssets - receivables - inventories - shapes.cash;
  const costsOfProduction =
    shapes.materials + shapes.services + shapes.personnel + shapes.depreciation + 150_000;
  const operatingResult = shapes.revenue - costsOfProduction;
  const resultBeforeTaxes = operatingResult - shapes.interest;
  return {
    fixedAssets: euro(fixedAssets),
    inventories: euro(inventories),
    receivables: euro(receivables),
    receivablesDueWithinOneYear: euro(receivables),
    cashAndEquivalents: euro(shapes.cash),
    totalAssets: euro(totalAssets),
    equity: euro(shapes.equity),
    shareCapital: euro(100_000),
    resultOfTheYear: euro(shapes.netResult),
    employeeSeveranceIndemnity: euro(450_000),
    debts: euro(shapes.debts),
    debtsDueWithinOneYear: euro(shapes.shortDebts),
    revenue: euro(shapes.revenue),
    valueOfProduction: euro(shapes.revenue),
    rawMaterialsCosts: euro(shapes.materials),
    servicesCosts: euro(shapes.services),
    personnelCosts: euro(shapes.personnel),
    depreciationAndWriteDowns: euro(shapes.depreciation),
    sundryOperatingExpenses: euro(150_000),
    costsOfProduction: euro(costsOfProduction),
    operatingResult: euro(operatingResult),
    financialIncomeAndCharges: euro(-shapes.interest),
    interestAndOtherFinancialCharges: euro(shapes.interest),
    resultBeforeTaxes: euro(resultBeforeTaxes),
    incomeTaxes: euro(resultBeforeTaxes - shapes.netResult),
    netResult: euro(shapes.netResult),
    averageEmployees: 48,
  };
}
