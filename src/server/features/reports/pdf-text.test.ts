import { describe, expect, it } from "vitest";
import { toPdfText } from "./pdf-text.ts";

describe(toPdfText, () => {
  it.each([
    ["Altman Z″", "Altman Z''"],
    ["Altman Z′", "Altman Z'"],
    ["P ≥ 0,5", "P >= 0,5"],
    ["−4,3", "-4,3"],
    ["Società € 1.000 — “ok”", "Società € 1.000 — “ok”"],
    ["1\u202f000", "1 000"],
    ["漢", "?"],
  ])("writes %j as %j", (input, expected) => {
    expect(toPdfText(input)).toBe(expected);
  });
});
