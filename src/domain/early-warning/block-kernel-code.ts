import { doublePairBytes, type WasmFunction, wasm, wasmTypes } from "../shared/write-wasm-module.ts";

// The instructions of the batch path's WebAssembly SIMD kernels (block-kernels.ts runs them; ADR 011).
// Each works on two rows at a time, over doubles at byte addresses in the kernels' memory, and each lane
// goes through the same IEEE 754 operations, in the same order, as the JavaScript it replaces.

const { i32, f64, v128 } = wasmTypes;
const nanPair = doublePairBytes(Number.NaN);
const zeroPair = doublePairBytes(0);

/** Pushes the byte address of double `row` of the array at the address in local `base`. */
const addressOf = (base: number, row: number) => [
  ...wasm.localGet(base),
  ...wasm.localGet(row),
  ...wasm.i32Const(3),
  ...wasm.i32ShiftLeft,
  ...wasm.i32Add,
];

/** A loop over rows 0, 2, 4, … below `length` (local `lengthLocal`), counting in local `row`; length ≥ 1. */
const loopOverRowPairs = (row: number, lengthLocal: number, body: readonly number[]) => [
  ...wasm.i32Const(0),
  ...wasm.localSet(row),
  ...wasm.loop,
  ...body,
  ...wasm.localGet(row),
  ...wasm.i32Const(2),
  ...wasm.i32Add,
  ...wasm.localTee(row),
  ...wasm.localGet(lengthLocal),
  ...wasm.i32LessThanUnsigned,
  ...wasm.branchIf(0),
  ...wasm.end,
];

// readCells(cells, codes, length, table), in place: a finite cell stays, a NaN cell becomes 0 where the
// row's format code has 0xff in the 16-byte table (its format has the item) and NaN elsewhere, ±∞ NaN.
const readCells = {
  name: "readCells",
  params: [i32, i32, i32, i32],
  locals: [i32, v128, v128],
  body: (() => {
    const [cells, codes, length, table, row, formatMask, cell] = [0, 1, 2, 3, 4, 5, 6];
    // Bytes 0–7 of each pair's mask from the first row's code, bytes 8–15 from the second's.
    const spreadCodes = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
    return [
      ...wasm.localGet(table),
      ...wasm.v128Load,
      ...wasm.localSet(formatMask),
      ...loopOverRowPairs(row, length, [
        ...addressOf(cells, row),
        ...addressOf(cells, row),
        ...wasm.v128Load,
        ...wasm.localTee(cell),
        // bitselect(cell, fallback, finite): the fallback is NaN with the bits of (NaN and format has it) cleared.
        ...wasm.v128Const(nanPair),
        ...wasm.localGet(cell),
        ...wasm.localGet(cell),
        ...wasm.f64x2NotEqual,
        ...wasm.localGet(formatMask),
        ...wasm.localGet(codes),
        ...wasm.localGet(row),
        ...wasm.i32Add,
        ...wasm.v128Load16Splat,
        ...wasm.v128Const(spreadCodes),
        ...wasm.i8x16Swizzle,
        ...wasm.i8x16Swizzle,
        ...wasm.v128And,
        ...wasm.v128AndNot,
        // Finite: cell − cell is 0 (NaN for NaN and ±∞).
        ...wasm.localGet(cell),
        ...wasm.localGet(cell),
        ...wasm.f64x2Subtract,
        ...wasm.v128Const(zeroPair),
        ...wasm.f64x2Equal,
        ...wasm.v128Bitselect,
        ...wasm.v128Store,
      ]),
    ];
  })(),
};

// addTerm(into, cells, factor, length): into[r] = into[r] + factor × cells[r].
const addTerm = {
  name: "addTerm",
  params: [i32, i32, f64, i32],
  locals: [i32, v128],
  body: (() => {
    const [into, cells, factor, length, row, factors] = [0, 1, 2, 3, 4, 5];
    return [
      ...wasm.localGet(factor),
      ...wasm.f64x2Splat,
      ...wasm.localSet(factors),
      ...loopOverRowPairs(row, length, [
        ...addressOf(into, row),
        ...addressOf(into, row),
        ...wasm.v128Load,
        ...wasm.localGet(factors),
        ...addressOf(cells, row),
        ...wasm.v128Load,
        ...wasm.f64x2Multiply,
        ...wasm.f64x2Add,
        ...wasm.v128Store,
      ]),
    ];
  })(),
};

// addRatioTerm(scores, tops, bottoms, factor, length): scores[r] = scores[r] + factor × ratio, the ratio
// tops[r] ÷ bottoms[r], NaN where bottoms[r] is 0.
const addRatioTerm = {
  name: "addRatioTerm",
  params: [i32, i32, i32, f64, i32],
  locals: [i32, v128, v128],
  body: (() => {
    const [scores, tops, bottoms, factor, length, row, factors, bottom] = [0, 1, 2, 3, 4, 5, 6, 7];
    return [
      ...wasm.localGet(factor),
      ...wasm.f64x2Splat,
      ...wasm.localSet(factors),
      ...loopOverRowPairs(row, length, [
        ...addressOf(scores, row),
        ...addressOf(scores, row),
        ...wasm.v128Load,
        ...wasm.localGet(factors),
        ...wasm.v128Const(nanPair),
        ...addressOf(tops, row),
        ...wasm.v128Load,
        ...addressOf(bottoms, row),
        ...wasm.v128Load,
        ...wasm.localTee(bottom),
        ...wasm.f64x2Divide,
        ...wasm.localGet(bottom),
        ...wasm.v128Const(zeroPair),
        ...wasm.f64x2Equal,
        ...wasm.v128Bitselect,
        ...wasm.f64x2Multiply,
        ...wasm.f64x2Add,
        ...wasm.v128Store,
      ]),
    ];
  })(),
};

/** The columns and coefficients of the scoreOhlson kernel, in its parameters' order. */
export const ohlsonKernelColumns = [
  "totalAssets",
  "totalLiabilities",
  "workingCapital",
  "currentLiabilities",
  "currentAssets",
  "netIncome",
  "fundsFromOperations",
] as const;
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

// scoreOhlson(scores, sizes, indices, TA, TL, WC, CL, CA, NI, FFO, previous NI, length, 10 coefficients):
// computeOhlsonScore's T, its terms added in the same order, with SIZE (computeOhlsonSize) given per row;
// NaN where TA or the index is not above 0, or CA, TL or |NI| + |previous NI| is 0.
const scoreOhlson = {
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
    const onePair = doublePairBytes(1);
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

/** The kernels' functions, in the order of their exports. */
export const blockKernelFunctions: readonly WasmFunction[] = [readCells, addTerm, addRatioTerm, scoreOhlson];
