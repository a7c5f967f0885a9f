// In-memory statements for the scoring-model tests (house style: plain builders next to the tests).
import { createRandom } from "../demo/prng.ts";
import type { LineItemValues, StatementFormat } from "../statements/line-items.ts";
import type { CompanyYearRow } from "./build-company-year-columns.ts";
import type { StatementInput } from "./model-result.ts";

/** Euros to cents. */
export const euros = (amount: number): number => Math.round(amount * 100);

/**
 * A healthy ordinary statement, amounts in euros: TA 1,000,000; equity 400,000 (TL 600,000);
 * CA = 100,000 + 200,000 + 0 + 50,000 + 10,000 = 360,000; CL = 250,000 + 10,000 = 260,000; WC = 100,000;
 * RE = 20,000 + 0 + 80,000 + 50,000 + 30,000 = 180,000; EBIT 80,000; EBT 50,000; NI 30,000; S 1,500,000;
 * FFO = 30,000 + 10,000 + 40,000 = 80,000. Share capital (220,000) is not an earned reserve.
 */
export const healthyItems: LineItemValues = {
  totalAssets: euros(1_000_000),
  equity: euros(400_000),
  shareCapital: euros(220_000),
  inventories: euros(100_000),
  receivables: euros(260_000),
  receivablesDueWithinOneYear: euros(200_000),
  cashAndEquivalents: euros(50_000),
  accruedIncomeAndPrepaidExpenses: euros(10_000),
  debts: euros(500_000),
  debtsDueWithinOneYear: euros(250_000),
  accruedLiabilitiesAndDeferredIncome: euros(10_000),
  legalReserve: euros(20_000),
  otherReserves: euros(80_000),
  retainedEarnings: euros(50_000),
  resultOfTheYear: euros(30_000),
  operatingResult: euros(80_000),
  resultBeforeTaxes: euros(50_000),
  netResult: euros(30_000),
  revenue: euros(1_500_000),
  amortisationOfIntangibleAssets: euros(10_000),
  depreciationOfTangibleAssets: euros(40_000),
};

export function makeStatement(
  items: LineItemValues,
  format: StatementFormat = "ordinary",
  periodEndOn = "2024-12-31",
): StatementInput {
  return {
    format,
    legalForm: "srl",
    periodStartOn: `${periodEndOn.slice(0, 4)}-01-01`,
    periodEndOn,
    items,
  };
}

/** The healthy statement with some items replaced (amounts in cents). */
export const makeHealthyStatement = (overrides: LineItemValues = {}, format: StatementFormat = "ordinary") =>
  makeStatement({ ...healthyItems, ...overrides }, format);

/** A statement of the year ending `periodEndOn` (2024 by default), an ordinary S.r.l. one unless told. */
export function yearStatement(
  items: LineItemValues,
  options: { format?: StatementFormat; legalForm?: string; periodEndOn?: string } = {},
): StatementInput {
  const periodEndOn = options.periodEndOn ?? "2024-12-31";
  return {
    format: options.format ?? "ordinary",
    legalForm: options.legalForm ?? "srl",
    periodStartOn: `${periodEndOn.slice(0, 4)}-01-01`,
    periodEndOn,
    items,
  };
}

/** The statement of the year before (2023). */
export const previousYearStatement = (items: LineItemValues, format: StatementFormat = "ordinary") =>
  yearStatement(items, { format, periodEndOn: "2023-12-31" });

/**
 * Random company-years from a seed: the healthy statement with each item scaled by 0–2, some dropped, some
 * equity negative; three formats, five legal forms, sector groups 1–10 or none, a previous year for 70 %.
 */
export function randomCompanyYearRows(count: number, seed = 20261207): CompanyYearRow[] {
  const { next: random } = createRandom(seed);
  const formats: StatementFormat[] = ["ordinary", "abridged", "micro"];
  const legalForms = ["srl", "spa", "srls", "cooperative", "S.R.L."];
  const vary = (items: LineItemValues): LineItemValues => {
    const varied: LineItemValues = {};
    for (const [id, value] of Object.entries(items)) {
      if (random() < 0.05) continue;
      const sign = id === "equity" && random() < 0.1 ? -1 : 1;
      varied[id as keyof LineItemValues] = Math.round(sign * (value ?? 0) * 2 * random());
    }
    return varied;
  };
  return Array.from({ length: count }, (_, index) => {
    const format = formats[index % formats.length] as StatementFormat;
    const group = Math.floor(random() * 12);
    return {
      statement: yearStatement(vary(healthyItems), {
        format,
        legalForm: legalForms[index % legalForms.length] as string,
        periodEndOn: `${2019 + (index % 6)}-12-31`,
      }),
      previous: random() < 0.7 ? previousYearStatement(vary(healthyItems), format) : undefined,
      sectorGroup:
        group === 0 ? undefined : group === 11 ? { status: "no_benchmark" } : { status: "mapped", group },
    };
  });
}
