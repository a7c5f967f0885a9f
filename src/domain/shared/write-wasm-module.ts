// A WebAssembly module written as bytes (WebAssembly 2.0 binary format, with its 128-bit SIMD
// instructions): enough for small numeric kernels whose functions take numbers and read and write one
// memory, imported as env.memory. Only the instructions the kernels use are here.

/** A WebAssembly value type's byte. */
export const wasmTypes = { i32: 0x7f, f64: 0x7c, v128: 0x7b } as const;

export type WasmFunction = {
  /** The name it is exported under. */
  name: string;
  params: readonly number[];
  /** Local variables after the parameters (their indices follow the parameters'). */
  locals: readonly number[];
  /** What it returns (none when left out). */
  results?: readonly number[];
  /** The instructions, without the final `end`. */
  body: readonly number[];
};

/** An unsigned integer as LEB128. */
export function encodeUnsigned(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest !== 0);
  return bytes;
}

/** A signed 32-bit integer as LEB128. */
export function encodeSigned(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const isDone = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    bytes.push(isDone ? byte : byte | 0x80);
    if (isDone) return bytes;
  }
}

const encodeVector = (items: readonly (readonly number[])[]) => [
  ...encodeUnsigned(items.length),
  ...items.flat(),
];
const encodeSection = (id: number, body: readonly number[]) => [id, ...encodeUnsigned(body.length), ...body];
const encodeName = (name: string) => encodeVector([...name].map((character) => [character.charCodeAt(0)]));

/** The memory a module imports as env.memory, in pages of 64 KiB; a shared one needs a maximum. */
export type WasmMemoryLimits = { minimumPages: number; maximumPages: number; isShared: boolean };

/** A module exporting `functions` that imports its memory as env.memory. */
export function writeWasmModule(
  functions: readonly WasmFunction[],
  memory: WasmMemoryLimits,
): Uint8Array<ArrayBuffer> {
  const types = encodeVector(
    functions.map((wasmFunction) => [
      0x60,
      ...encodeVector(wasmFunction.params.map((type) => [type])),
      ...encodeVector((wasmFunction.results ?? []).map((type) => [type])),
    ]),
  );
  const limits = [
    memory.isShared ? 0x03 : 0x01,
    ...encodeUnsigned(memory.minimumPages),
    ...encodeUnsigned(memory.maximumPages),
  ];
  const memoryImport = [...encodeName("env"), ...encodeName("memory"), 0x02, ...limits];
  const functionTypes = encodeVector(functions.map((_, index) => encodeUnsigned(index)));
  const exports = encodeVector(
    functions.map((wasmFunction, index) => [
      ...encodeName(wasmFunction.name),
      0x00,
      ...encodeUnsigned(index),
    ]),
  );
  const bodies = encodeVector(
    functions.map((wasmFunction) => {
      const body = [
        ...encodeVector(wasmFunction.locals.map((type) => [1, type])),
        ...wasmFunction.body,
        0x0b,
      ];
      return [...encodeUnsigned(body.length), ...body];
    }),
  );
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...encodeSection(1, types),
    ...encodeSection(2, encodeVector([memoryImport])),
    ...encodeSection(3, functionTypes),
    ...encodeSection(7, exports),
    ...encodeSection(10, bodies),
  ]);
}

const simd = (opcode: number, ...immediates: number[]) => [0xfd, ...encodeUnsigned(opcode), ...immediates];
/** A memory access's immediates: alignment (as a power of 2) and a constant offset added to the address. */
const memoryArgument = (alignment: number, offset = 0) => [alignment, ...encodeUnsigned(offset)];

/** A 128-bit constant of two equal doubles. */
export function doublePairBytes(value: number): number[] {
  const pair = new Float64Array([value, value]);
  return [...new Uint8Array(pair.buffer)];
}

/** The instructions the kernels use (opcodes of the WebAssembly 2.0 specification, §5.4). */
export const wasm = {
  localGet: (index: number) => [0x20, ...encodeUnsigned(index)],
  localSet: (index: number) => [0x21, ...encodeUnsigned(index)],
  localTee: (index: number) => [0x22, ...encodeUnsigned(index)],
  i32Const: (value: number) => [0x41, ...encodeSigned(value)],
  i32Add: [0x6a],
  i32LessThanUnsigned: [0x49],
  i32ShiftLeft: [0x74],
  i32And: [0x71],
  i32Or: [0x72],
  i32WrapI64: [0xa7],
  /** The low byte of an i32 stored at the address plus `offset`. */
  i32Store8: (offset: number) => [0x3a, ...memoryArgument(0, offset)],
  /** A loop with no result; `branchIf(0)` inside it goes back to its start. */
  loop: [0x03, 0x40],
  end: [0x0b],
  branchIf: (depth: number) => [0x0d, ...encodeUnsigned(depth)],
  v128Load: simd(0x00, ...memoryArgument(3)),
  /** Two bytes loaded and repeated over the 16 lanes of bytes. */
  v128Load16Splat: simd(0x08, ...memoryArgument(0)),
  v128Store: simd(0x0b, ...memoryArgument(3)),
  v128Const: (bytes: readonly number[]) => simd(0x0c, ...bytes),
  i8x16Swizzle: simd(0x0e),
  f64x2Splat: simd(0x14),
  i64x2ExtractLane: (lane: number) => simd(0x1d, lane),
  f64x2Equal: simd(0x47),
  f64x2NotEqual: simd(0x48),
  f64x2LessThan: simd(0x49),
  f64x2GreaterThan: simd(0x4a),
  f64x2LessThanOrEqual: simd(0x4b),
  v128Not: simd(0x4d),
  v128And: simd(0x4e),
  v128AndNot: simd(0x4f),
  v128Or: simd(0x50),
  v128Bitselect: simd(0x52),
  f64x2Absolute: simd(0xec),
  f64x2Add: simd(0xf0),
  f64x2Subtract: simd(0xf1),
  f64x2Multiply: simd(0xf2),
  f64x2Divide: simd(0xf3),
} as const;
