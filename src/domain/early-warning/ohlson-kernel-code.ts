import { type WasmFunction, wasm, wasmTypes } from "../shared/write-wasm-module.ts";
import { addressOf, loopOverRowPairs, nanPair, onePair, zeroPair } from "./block-kernel-code.ts";
import type { OhlsonRule } from "./scoring-rule-set.ts";

// Ohlson's T as a WebAssembly SIMD kernel (block-kernels.ts runs it; ADR 011): computeOhlsonScore's
// terms, two rows at a time, in the same order and with the same IEEE 754 operations.

const { i32, f64, v128 } = wasmTypes;

export type OhlsonKernelCoefficients = {
  intercept: number;
  size: number;
  totalLiabilitiesToTotalAssets: number;
  workingCapitalToTotalAssets: number;
  currentLiabilitiesToCurrentAssets: number;
  liabilitiesExceedAssets: number;
  netIncomeToTotalAssets: number;
  fundsFromOperationsToTotalLiabilities: number;
  netLossInBothYears: number;
  netIncomeChange: number;
};
export const ohlsonCoefficientOrder: readonly (keyof OhlsonKernelCoefficients)[] = [
  "intercept",
  "size",
  "totalLiabilitiesToTotalAssets",
  "workingCapitalToTotalAssets",
  "currentLiabilitiesToCurrentAssets",
  "liabilitiesExceedAssets",
  "netIncomeToTotalAssets",
  "fundsFromOperationsToTotalLiabilities",
  "netLossInBothYears",
  "netIncomeChange",
];

/** The kernel's coefficients, read from a rule set's Ohlson rule. */
export function findOhlsonKernelCoefficients(rule: OhlsonRule): OhlsonKernelCoefficients {
  const coefficients = {} as OhlsonKernelCoefficients;
  for (const name of ohlsonCoefficientOrder) coefficients[name] = rule[name].value;
  return coefficients;
}

// scoreOhlson(scores, sizes, indices, TA, TL, WC, CL, CA, NI, FFO, previous NI, length, 10 coefficients):
// computeOhlsonScore's T, its terms added in the same order, with SIZE (computeOhlsonSize) given per row;
// NaN where TA or the index is not above 0, or CA, TL or |NI| + |previous NI| is 0.
export const scoreOhlson: WasmFunction = {
  name: "scoreOhlson",
  params: [...Array.from({ length: 12 }, () => i32), ...ohlsonCoefficientOrder.map(() => f64)],
  locals: [i32, ...Array.from({ length: 10 + 7 }, () => v128)],
  body: (() => {
    const [scores, sizes, indices, totalAssets, totalLiabilities, workingCapital] = [0, 1, 2, 3, 4, 5];
    const [currentLiabilities, currentAssets, netIncome, fundsFromOperations, previousNetIncome] = [
      6, 7, 8, 9, 10,
    ];
    const length = 11;
    const coefficient = (position: number) => 12 + position;
    const row = 22;
    const splatCoefficient = (position: number) => 23 + position;
    const [assets, liabilities, current, income, previous, score, scale] = [33, 34, 35, 36, 37, 38, 39];
    const load = (base: number) => [...addressOf(base, row), ...wasm.v128Load];
    /** score = score + coefficient × (the value the instructions push). */
    const addTerm = (position: number, value: readonly number[]) => [
      ...wasm.localGet(score),
      ...wasm.localGet(splatCoefficient(position)),
      ...value,
      ...wasm.f64x2Multiply,
      ...wasm.f64x2Add,
      ...wasm.localSet(score),
    ];
    const divide = (top: readonly number[], bottom: readonly number[]) => [
      ...top,
      ...bottom,
      ...wasm.f64x2Divide,
    ];
    const isZero = (value: readonly number[]) => [...value, ...wasm.v128Const(zeroPair), ...wasm.f64x2Equal];
    return [
      ...ohlsonCoefficientOrder.flatMap((_, position) => [
        ...wasm.localGet(coefficient(position)),
        ...wasm.f64x2Splat,
        ...wasm.localSet(splatCoefficient(position)),
      ]),
      ...loopOverRowPairs(row, length, [
        ...load(totalAssets),
        ...wasm.localSet(assets),
        ...load(totalLiabilities),
        ...wasm.localSet(liabilities),
        ...load(currentAssets),
        ...wasm.localSet(current),
        ...load(netIncome),
        ...wasm.localSet(income),
        ...load(previousNetIncome),
        ...wasm.localSet(previous),
        ...wasm.localGet(splatCoefficient(0)),
        ...wasm.localSet(score),
        ...addTerm(1, load(sizes)),
        ...addTerm(2, divide(wasm.localGet(liabilities), wasm.localGet(assets))),
        ...addTerm(3, divide(load(workingCapital), wasm.localGet(assets))),
        ...addTerm(4, divide(load(currentLiabilities), wasm.localGet(current))),
        // 1 where TL > TA, else 0: the comparison's all-ones mask and the bits of 1.0.
        ...addTerm(5, [
          ...wasm.localGet(liabilities),
          ...wasm.localGet(assets),
          ...wasm.f64x2GreaterThan,
          ...wasm.v128Const(onePair),
          ...wasm.v128And,
        ]),
        ...addTerm(6, divide(wasm.localGet(income), wasm.localGet(assets))),
        ...addTerm(7, divide(load(fundsFromOperations), wasm.localGet(liabilities))),
        ...addTerm(8, [
          ...wasm.localGet(income),
          ...wasm.v128Const(zeroPair),
          ...wasm.f64x2LessThan,
          ...wasm.localGet(previous),
          ...wasm.v128Const(zeroPair),
          ...wasm.f64x2LessThan,
          ...wasm.v128And,
          ...wasm.v128Const(onePair),
          ...wasm.v128And,
        ]),
        ...wasm.localGet(income),
        ...wasm.f64x2Absolute,
        ...wasm.localGet(previous),
        ...wasm.f64x2Absolute,
        ...wasm.f64x2Add,
        ...wasm.localSet(scale),
        ...addTerm(
          9,
          divide(
            [...wasm.localGet(income), ...wasm.localGet(previous), ...wasm.f64x2Subtract],
            wasm.localGet(scale),
          ),
        ),
        // bitselect(NaN, score, not computable)
        ...addressOf(scores, row),
        ...wasm.v128Const(nanPair),
        ...wasm.localGet(score),
        ...wasm.localGet(assets),
        ...wasm.v128Const(zeroPair),
        ...wasm.f64x2GreaterThan,
        ...load(indices),
        ...wasm.v128Const(zeroPair),
        ...wasm.f64x2GreaterThan,
        ...wasm.v128And,
        ...wasm.v128Not,
        ...isZero(wasm.localGet(current)),
        ...wasm.v128Or,
        ...isZero(wasm.localGet(liabilities)),
        ...wasm.v128Or,
        ...isZero(wasm.localGet(scale)),
        ...wasm.v128Or,
        ...wasm.v128Bitselect,
        ...wasm.v128Store,
      ]),
    ];
  })(),
};
