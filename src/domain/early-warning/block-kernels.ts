import { writeWasmModule } from "../shared/write-wasm-module.ts";
import { addRatioTerm, addTerm, readCells } from "./block-kernel-code.ts";
import { type OhlsonKernelCoefficients, ohlsonCoefficientOrder, scoreOhlson } from "./ohlson-kernel-code.ts";
import { ohlsonAggregates } from "./scoring-ohlson.ts";
import { screenIndex } from "./screen-kernel-code.ts";

// The batch path's column loops as WebAssembly SIMD kernels, two rows per instruction and without a
// branch per cell (docs/decisions/011-wasm-simd-column-kernels.md): reading an item's cells by the §0
// convention, adding a signed term to a sum, adding a coefficient × ratio term to a linear score,
// Ohlson's T and a CNDCEC index (their instructions: block-kernel-code.ts, ohlson-kernel-code.ts,
// screen-kernel-code.ts). Each lane goes through the same IEEE 754 operations as the JavaScript it
// replaces, so every cell gets the same double. The block's scratch arrays live in one memory per
// thread (openBlockScratch); where WebAssembly SIMD is missing they are plain arrays and the JavaScript
// loops run.

const pageBytes = 65_536;
/** The most a thread's scratch memory grows to: 16 MiB, some ten times what a call of the catalogue needs. */
const maximumPages = 256;

/** The kernels over one thread's scratch memory; arrays are passed as views into it, with a starting index. */
export type BlockKernels = {
  /** Cells[at … at + length − 1] read in place by the §0 convention; `table`: writeFormatMaskTable's 16 bytes. */
  readCells(cells: Float64Array, at: number, codes: Uint8Array, length: number, table: Uint8Array): void;
  /** into[intoAt + r] += factor × cells[cellsAt + r], r < length. */
  addTerm(
    into: Float64Array,
    intoAt: number,
    cells: Float64Array,
    cellsAt: number,
    factor: number,
    length: number,
  ): void;
  /** scores[r] += factor × (aggregates[topAt + r] ÷ aggregates[bottomAt + r], NaN on a 0 divisor), r < length. */
  addRatioTerm(
    scores: Float64Array,
    aggregates: Float64Array,
    topAt: number,
    bottomAt: number,
    factor: number,
    length: number,
  ): void;
  /**
   * scores[r] = computeOhlsonScore's T of row r < length: the current year's aggregates at their offsets in
   * `aggregates`, SIZE in `sizes`, the price-level index in `indices`, the previous net income in `previous`.
   */
  scoreOhlson(
    scores: Float64Array,
    sizes: Float64Array,
    indices: Float64Array,
    aggregates: Float64Array,
    offsets: Readonly<Record<(typeof ohlsonAggregates)[number], number>>,
    previous: Float64Array,
    coefficients: OhlsonKernelCoefficients,
    length: number,
  ): void;
  /**
   * One index of the block's rows (screen-kernel-code.ts): percents, flags (1 breached, 2 near its
   * threshold), the counts added to; returns how many rows are near.
   */
  screenIndex(
    outputs: {
      percents: Float64Array;
      flags: Uint8Array;
      computableCounts: Float64Array;
      breachedCounts: Float64Array;
    },
    numerators: Float64Array,
    numeratorAt: number,
    denominators: Float64Array,
    denominatorAt: number,
    thresholds: Float64Array,
    breachSign: number,
    length: number,
  ): number;
};

type ScratchMemory = { memory: WebAssembly.Memory; kernels: BlockKernels; usedBytes: number };

let scratchMemory: ScratchMemory | undefined | null;
/** The buffers of the views openBlockScratch handed out (growing a shared memory gives a new buffer object). */
const scratchBuffers = new WeakSet<ArrayBufferLike>();

function createScratchMemory(): ScratchMemory | null {
  const bytes = writeWasmModule([readCells, addTerm, addRatioTerm, scoreOhlson, screenIndex], {
    minimumPages: 1,
    maximumPages,
    isShared: true,
  });
  // A V8 without WebAssembly SIMD (or without WebAssembly) refuses the module: the JavaScript loops run.
  if (typeof WebAssembly === "undefined" || !WebAssembly.validate(bytes)) return null;
  // Shared, so that growing it does not detach the views already handed out. Where shared memory is
  // refused (a browser page without cross-origin isolation), the JavaScript loops run too.
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: 1, maximum: maximumPages, shared: true });
  } catch {
    return null;
  }
  // An engine that validates the module and still refuses to compile or instantiate it: the loops run.
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  } catch {
    return null;
  }
  const exported = instance.exports as {
    readCells: (cells: number, codes: number, length: number, table: number) => void;
    addTerm: (into: number, cells: number, factor: number, length: number) => void;
    addRatioTerm: (scores: number, tops: number, bottoms: number, factor: number, length: number) => void;
    scoreOhlson: (...parameters: number[]) => void;
    screenIndex: (...parameters: number[]) => number;
  };
  const doubleAt = (array: Float64Array, index: number) => array.byteOffset + index * 8;
  const kernels: BlockKernels = {
    readCells(cells, at, codes, length, table) {
      if (length > 0) exported.readCells(doubleAt(cells, at), codes.byteOffset, length, table.byteOffset);
    },
    addTerm(into, intoAt, cells, cellsAt, factor, length) {
      if (length > 0) exported.addTerm(doubleAt(into, intoAt), doubleAt(cells, cellsAt), factor, length);
    },
    addRatioTerm(scores, aggregates, topAt, bottomAt, factor, length) {
      if (length > 0) {
        exported.addRatioTerm(
          doubleAt(scores, 0),
          doubleAt(aggregates, topAt),
          doubleAt(aggregates, bottomAt),
          factor,
          length,
        );
      }
    },
    scoreOhlson(scores, sizes, indices, aggregates, offsets, previous, coefficients, length) {
      if (length <= 0) return;
      exported.scoreOhlson(
        doubleAt(scores, 0),
        doubleAt(sizes, 0),
        doubleAt(indices, 0),
        ...ohlsonAggregates.map((column) => doubleAt(aggregates, offsets[column])),
        doubleAt(previous, 0),
        length,
        ...ohlsonCoefficientOrder.map((name) => coefficients[name]),
      );
    },
    screenIndex(
      outputs,
      numerators,
      numeratorAt,
      denominators,
      denominatorAt,
      thresholds,
      breachSign,
      length,
    ) {
      if (length <= 0) return 0;
      return exported.screenIndex(
        doubleAt(outputs.percents, 0),
        outputs.flags.byteOffset,
        doubleAt(outputs.computableCounts, 0),
        doubleAt(outputs.breachedCounts, 0),
        doubleAt(numerators, numeratorAt),
        doubleAt(denominators, denominatorAt),
        doubleAt(thresholds, 0),
        length,
        breachSign,
      );
    },
  };
  return { memory, kernels, usedBytes: 0 };
}

/** Scratch arrays for one call of the batch path; zero-filled. */
export type BlockScratch = {
  /**
   * `count` doubles. A kernel may write the double after the last row of an odd-length block, so an array
   * a kernel writes holds rowsPerBlock (an even number) doubles per column.
   */
  takeDoubles(count: number): Float64Array;
  /** `count` bytes, plus 16 that a kernel may read past them. */
  takeBytes(count: number): Uint8Array;
};

let areKernelsSuspended = false;

/**
 * Runs `work` with plain scratch arrays, so that the JavaScript loops run instead of the kernels (as where
 * WebAssembly SIMD is missing): for tests and comparisons of the two.
 */
export function runWithoutBlockKernels<Result>(work: () => Result): Result {
  const wereSuspended = areKernelsSuspended;
  areKernelsSuspended = true;
  try {
    return work();
  } finally {
    areKernelsSuspended = wereSuspended;
  }
}

/**
 * Scratch arrays for a call of the batch path, in this thread's kernel memory (which the previous call's
 * arrays are given back to: a call runs to its end before the next begins), or plain arrays without
 * WebAssembly SIMD.
 */
export function openBlockScratch(): BlockScratch {
  if (scratchMemory === undefined) scratchMemory = createScratchMemory();
  const scratch = scratchMemory;
  if (scratch === null || areKernelsSuspended) {
    return {
      takeDoubles: (count) => new Float64Array(count),
      takeBytes: (count) => new Uint8Array(count + 16),
    };
  }
  scratch.usedBytes = 0;
  const take = (bytes: number) => {
    const start = Math.ceil(scratch.usedBytes / 16) * 16;
    const end = start + bytes;
    const size = scratch.memory.buffer.byteLength;
    if (end > size) {
      const pages = Math.ceil((end - size) / pageBytes);
      if (size / pageBytes + pages > maximumPages) {
        throw new RangeError(`The batch path's scratch arrays need more than ${maximumPages * 64} KiB`);
      }
      scratch.memory.grow(pages);
    }
    scratch.usedBytes = end;
    const buffer = scratch.memory.buffer;
    scratchBuffers.add(buffer);
    new Uint8Array(buffer, start, bytes).fill(0);
    return { buffer, start };
  };
  return {
    takeDoubles(count) {
      const { buffer, start } = take(count * 8);
      return new Float64Array(buffer, start, count);
    },
    takeBytes(count) {
      const { buffer, start } = take(count + 16);
      return new Uint8Array(buffer, start, count);
    },
  };
}

/** The kernels, when every array is a view into this thread's scratch memory (else the JavaScript loops run). */
export function findBlockKernels(...arrays: readonly ArrayBufferView[]): BlockKernels | undefined {
  if (!scratchMemory) return undefined;
  for (const array of arrays) if (!scratchBuffers.has(array.buffer)) return undefined;
  return scratchMemory.kernels;
}

/** readCells' table for an item: per format code, 0xff where an omitted cell reads as 0 (the format has the item). */
export function writeFormatMaskTable(omittedByFormatCode: ArrayLike<number>, into: Uint8Array): void {
  into.fill(0);
  for (let code = 0; code < omittedByFormatCode.length && code < 16; code += 1) {
    if (omittedByFormatCode[code] === 0) into[code] = 0xff;
  }
}
