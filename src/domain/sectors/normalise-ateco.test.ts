import { describe, expect, it } from "vitest";
import { normaliseAtecoCode } from "./normalise-ateco.ts";

describe(normaliseAtecoCode, () => {
  it.each([
    { raw: "103900", expected: "10.39.00", precision: "six digits (subcategory), keeping the trailing 00" },
    { raw: "10.39.00", expected: "10.39.00", precision: "dotted subcategory" },
    { raw: "10.39.0", expected: "10.39.0", precision: "dotted category" },
    { raw: "10390", expected: "10.39.0", precision: "five digits (category)" },
    { raw: "10.39", expected: "10.39", precision: "dotted class" },
    { raw: "1039", expected: "10.39", precision: "four digits (class)" },
    { raw: "10.3", expected: "10.3", precision: "dotted group" },
    { raw: "103", expected: "10.3", precision: "three digits (group)" },
    { raw: "13", expected: "13", precision: "two digits (division)" },
    { raw: " 13 ", expected: "13", precision: "a division with surrounding spaces" },
    { raw: "\t28.94\n", expected: "28.94", precision: "a class with surrounding tabs and line breaks" },
    { raw: "011100", expected: "01.11.00", precision: "a division with a leading zero" },
    { raw: "35.30", expected: "35.30", precision: "a class ending in 0" },
    { raw: "C", expected: "C", precision: "a section letter" },
    { raw: " k ", expected: "K", precision: "a lower-case section letter" },
    { raw: "U", expected: "U", precision: "the last ATECO 2007 section" },
  ])("returns $expected for $raw ($precision)", ({ raw, expected }) => {
    expect(normaliseAtecoCode(raw)).toBe(expected);
  });

  it.each([
    { raw: "", reason: "empty text" },
    { raw: "   ", reason: "blank text" },
    { raw: "1", reason: "a single digit (division needs two)" },
    { raw: "1.11", reason: "a division that lost its leading zero" },
    { raw: "1039000", reason: "seven digits" },
    { raw: "10.39.000", reason: "a three-digit last level" },
    { raw: "10.3.9", reason: "dots in the wrong places" },
    { raw: "1039.00", reason: "a missing dot" },
    { raw: "10.39.", reason: "a trailing dot" },
    { raw: ".10", reason: "a leading dot" },
    { raw: "10 39 00", reason: "spaces as separators" },
    { raw: "C13", reason: "a section letter before the digits" },
    { raw: "C 13.92", reason: "a section letter and a space before the digits" },
    { raw: "V", reason: "section V, which exists only in ATECO 2025" },
    { raw: "AB", reason: "two letters" },
    { raw: "00", reason: "division 00" },
    { raw: "00.11", reason: "a class under division 00" },
    { raw: "10,39", reason: "a decimal comma" },
    { raw: "ten", reason: "words" },
  ])("returns undefined for $raw ($reason)", ({ raw }) => {
    expect(normaliseAtecoCode(raw)).toBeUndefined();
  });
});
