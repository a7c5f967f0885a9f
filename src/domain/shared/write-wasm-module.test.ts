import { describe, expect, it } from "vitest";
import { encodeSigned, encodeUnsigned, wasm, wasmTypes, writeWasmModule } from "./write-wasm-module.ts";

describe(encodeUnsigned, () => {
  // The LEB128 examples of the WebAssembly specification and of DWARF.
  it.each([
    [0, [0x00]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [624_485, [0xe5, 0x8e, 0x26]],
    [2 ** 32 - 1, [0xff, 0xff, 0xff, 0xff, 0x0f]],
  ])("encodes %s", (value, bytes) => {
    expect(encodeUnsigned(value)).toEqual(bytes);
  });
});

describe(encodeSigned, () => {
  it.each([
    [0, [0x00]],
    [63, [0x3f]],
    [64, [0xc0, 0x00]],
    [-1, [0x7f]],
    [-64, [0x40]],
    [-65, [0xbf, 0x7f]],
    [-128, [0x80, 0x7f]],
    [-123_456, [0xc0, 0xbb, 0x78]],
  ])("encodes %s", (value, bytes) => {
    expect(encodeSigned(value)).toEqual(bytes);
  });
});

describe(writeWasmModule, () => {
  // store2(address, value): two doubles at address, both value (f64x2.splat, v128.store).
  const store2 = {
    name: "store2",
    params: [wasmTypes.i32, wasmTypes.f64],
    locals: [],
    body: [...wasm.localGet(0), ...wasm.localGet(1), ...wasm.f64x2Splat, ...wasm.v128Store],
  };

  it.each([false, true])("writes a module that runs against its memory (shared: %s)", (isShared) => {
    const bytes = writeWasmModule([store2], { minimumPages: 1, maximumPages: 2, isShared });
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2, shared: isShared });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    (instance.exports.store2 as (address: number, value: number) => void)(16, -2.5);
    expect(Array.from(new Float64Array(memory.buffer, 0, 4))).toEqual([0, 0, -2.5, -2.5]);
  });

  it("writes a module WebAssembly refuses when its body does not type-check", () => {
    const broken = { ...store2, body: [...wasm.localGet(1), ...wasm.v128Store] };
    expect(
      WebAssembly.validate(writeWasmModule([broken], { minimumPages: 1, maximumPages: 1, isShared: false })),
    ).toBe(false);
  });
});
