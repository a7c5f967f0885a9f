import { describe, expect, it } from "vitest";
import { parentAtecoCode } from "./reference-data.ts";

describe(parentAtecoCode, () => {
  it.each([
    ["13.20.00", "13.20.0"],
    ["13.20.0", "13.20"],
    ["13.20", "13.2"],
    ["13.2", "13"],
    ["13", undefined],
    ["C", undefined],
  ])("finds %s under %s", (code, parent) => {
    expect(parentAtecoCode(code)).toBe(parent);
  });
});
