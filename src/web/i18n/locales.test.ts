import { describe, expect, it } from "vitest";
import { chooseLocale } from "./locales.ts";

describe(chooseLocale, () => {
  it.each([
    { saved: "en", browser: ["it-IT"], expected: "en" },
    { saved: "de", browser: ["en-US", "it"], expected: "en" },
    { saved: null, browser: ["fr-FR", "it-CH"], expected: "it" },
    { saved: null, browser: ["EN-gb"], expected: "en" },
    { saved: undefined, browser: ["pt-PT", "es-ES"], expected: "it" },
    { saved: "", browser: [], expected: "it" },
  ])("chooses $expected from saved $saved and browser $browser", ({ saved, browser, expected }) => {
    expect(chooseLocale(saved, browser)).toBe(expected);
  });
});
