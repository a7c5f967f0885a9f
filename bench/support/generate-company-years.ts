import type { LegalFormCode } from "../../src/domain/companies/normalise-legal-form.ts";
import { createRandom } from "../../src/domain/demo/prng.ts";
import type { PreviousYearColumns } from "../../src/domain/early-warning/score-batch.ts";
import {
  type CompanyYearColumns as BatchCompanyYearColumns,
  encodeCompanyYearTexts,
} from "../../src/domain/early-warning/score-company-year-columns.ts";
import type { StatementColumns } from "../../src/domain/early-warning/scoring-financial-aggregates.ts";
import {
  isItemInFormat,
  type LineItemId,
  type StatementFormat,
} from "../../src/domain/statements/line-items.ts";

/** Synthetic company-years as the batch path takes them (previous years always given). */
export type CompanyYearColumns = BatchCompanyYearColumns & { previous: PreviousYearColumns };

/** Each item as a share of total assets: [lowest, highest] (negative where the item can be). */
const itemShares: Readonly<Partial<Record<LineItemId, readonly [number, number]>>> = {
  subscribedCapitalUnpaid: [0, 0.01],
  inventories: [0, 0.35],
  receivablesDueWithinOneYear: [0.02, 0.45],
  currentFinancialAssets: [0, 0.05],
  cashAndEquivalents: [0, 0.2],
  accruedIncomeAndPrepaidExpenses: [0, 0.03],
  equity: [-0.15, 0.6],
  shareCapital: [0, 0.1],
  legalReserve: [0, 0.03],
  statutoryReserves: [0, 0.02],
  otherReserves: [-0.05, 0.2],
  retainedEarnings: [-0.2, 0.2],
  resultOfTheYear: [-0.12, 0.1],
  debts: [0.2, 0.95],
  debtsDueWithinOneYear: [0.1, 0.7],
  taxDebts: [0, 0.06],
  socialSecurityDebts: [0, 0.04],
  accruedLiabilitiesAndDeferredIncome: [0, 0.04],
  revenue: [0.1, 2.5],
  severanceIndemnityAccrual: [0, 0.02],
  depreciationAndWriteDowns: [0, 0.08],
  amortisationOfIntangibleAssets: [0, 0.02],
  depreciationOfTangibleAssets: [0, 0.06],
  provisionsForRisksExpense: [0, 0.01],
  otherProvisionsExpense: [0, 0.01],
  operatingResult: [-0.12, 0.15],
  interestAndOtherFinancialCharges: [0, 0.06],
  financialValueAdjustments: [-0.01, 0.01],
  resultBeforeTaxes: [-0.13, 0.13],
  netResult: [-0.12, 0.1],
  nonMonetaryAdjustments: [0, 0.1],
};

/** The item columns every row carries: what the five indices, the screen and the scoring models read. */
export const generatedItemIds: readonly LineItemId[] = [
  "totalAssets",
  ...(Object.keys(itemShares) as LineItemId[]),
];

const formats: readonly { item: StatementFormat; weight: number }[] = [
  { item: "ordinary", weight: 30 },
  { item: "abridged", weight: 45 },
  { item: "micro", weight: 20 },
  { item: "consolidated", weight: 5 },
];
const legalForms: readonly { item: LegalFormCode; weight: number }[] = [
  { item: "srl", weight: 70 },
  { item: "spa", weight: 10 },
  { item: "srls", weight: 8 },
  { item: "cooperative", weight: 5 },
  { item: "partnership", weight: 5 },
  { item: "other", weight: 2 },
];

/** The seed the benches generate with (any seed gives a valid set of columns). */
export const generatorSeed = 20_251_125;

/**
 * N company-years from a seeded PRNG (the same seed gives the same columns): amounts in integer cents,
 * NaN where the filing omits an item (6 % of cells) and for every item outside the row's format, a few
 * zero totals so that zero denominators occur, a previous year for 90 % of rows.
 */
export function generateCompanyYears(rowCount: number, seed = generatorSeed): CompanyYearColumns {
  const random = createRandom(seed);
  // Number columns live in shared memory, as a loader feeding the scoring pool would put them: the pool then
  // hands them to its workers as they are.
  const numbers = () => new Float64Array(new SharedArrayBuffer(rowCount * Float64Array.BYTES_PER_ELEMENT));
  const itemColumns = new Map(generatedItemIds.map((id) => [id, numbers()]));
  const format: StatementFormat[] = new Array(rowCount);
  const legalForm: LegalFormCode[] = new Array(rowCount);
  const periodEndYear = numbers();
  const sectorGroup = new Uint8Array(new SharedArrayBuffer(rowCount));
  const previousFormat: (StatementFormat | undefined)[] = new Array(rowCount);
  const previousNetResult = numbers();
  const previousEquity = numbers();
  const itemsInFormat = new Map(
    formats.map(({ item }) => [item, generatedItemIds.map((id) => isItemInFormat(id, item))]),
  );

  for (let row = 0; row < rowCount; row += 1) {
    const rowFormat = random.pickWeighted(formats);
    format[row] = rowFormat;
    legalForm[row] = random.pickWeighted(legalForms);
    periodEndYear[row] = random.integer(2019, 2025);
    sectorGroup[row] = random.chance(0.05) ? 0 : random.integer(1, 10);
    // Log-uniform between €100,000 and €1bn; 1 % with nothing on the balance sheet.
    const totalAssets = random.chance(0.01) ? 0 : Math.round(10 ** random.between(7, 11));
    const isInFormat = itemsInFormat.get(rowFormat) ?? [];
    generatedItemIds.forEach((id, index) => {
      const column = itemColumns.get(id) as Float64Array;
      const share = itemShares[id];
      if (!isInFormat[index] || (share !== undefined && random.chance(0.06))) column[row] = Number.NaN;
      else
        column[row] = share === undefined ? totalAssets : Math.round(totalAssets * random.between(...share));
    });
    if (random.chance(0.1)) {
      previousFormat[row] = undefined;
      previousNetResult[row] = Number.NaN;
      previousEquity[row] = Number.NaN;
    } else {
      previousFormat[row] = rowFormat;
      previousNetResult[row] = Math.round(totalAssets * random.between(-0.12, 0.1));
      previousEquity[row] = Math.round(totalAssets * random.between(-0.1, 0.6));
    }
  }
  const current: StatementColumns = { format, periodEndYear, ...Object.fromEntries(itemColumns) };
  const previous: PreviousYearColumns = {
    format: previousFormat,
    netResult: previousNetResult,
    equity: previousEquity,
  };
  const columns = { rowCount, current, previous, sectorGroup, legalForm };
  // The formats and legal forms encoded once, as a loader would, in shared memory too.
  const texts = encodeCompanyYearTexts(columns);
  return {
    ...columns,
    encoded: {
      ...texts,
      formatCodes: toShared(texts.formatCodes),
      previousFormatCodes: toShared(texts.previousFormatCodes ?? new Uint8Array(rowCount)),
      legalFormCodes: toShared(texts.legalFormCodes),
    },
  };
}

function toShared(codes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(codes.length));
  shared.set(codes);
  return shared;
}
