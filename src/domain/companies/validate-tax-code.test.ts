import { describe, expect, it } from "vitest";
import { computeNifCheckDigit, computePartitaIvaCheckDigit, validateTaxCode } from "./validate-tax-code.ts";

describe(computePartitaIvaCheckDigit, () => {
  it.each([
    // Real partita IVA of Animeshon S.r.l. (XBRL fixture, DatiAnagraficiCodiceFiscale 03072020211):
    // odd positions 0+0+2+2+2 = 6; even 3,7,0,0,1 doubled 6,14→5,0,0,2 = 13; (10 − 19 mod 10) mod 10 = 1.
    { firstTenDigits: "0307202021", check: 1 },
    // Real partita IVA of Pucci S.r.l. (XBRL fixture, DatiAnagraficiPartitaIva 02353550391):
    // odd 0+3+3+5+3 = 14; even 2,5,5,0,9 doubled 4,10→1,10→1,0,18→9 = 15; (10 − 29 mod 10) mod 10 = 1.
    { firstTenDigits: "0235355039", check: 1 },
    // odd 1+3+5+7+9 = 25; even 2,4,6,8,0 doubled 4,8,12→3,16→7,0 = 22; (10 − 47 mod 10) mod 10 = 3.
    { firstTenDigits: "1234567890", check: 3 },
    // All zeros: sum 0, (10 − 0) mod 10 = 0.
    { firstTenDigits: "0000000000", check: 0 },
    // odd 9×5 = 45; even 9 doubled 18→9, ×5 = 45; (10 − 90 mod 10) mod 10 = 0.
    { firstTenDigits: "9999999999", check: 0 },
    // odd 0; even 5 doubled 10→1 once; (10 − 1) mod 10 = 9.
    { firstTenDigits: "0500000000", check: 9 },
  ])("returns $check for $firstTenDigits", ({ firstTenDigits, check }) => {
    expect(computePartitaIvaCheckDigit(firstTenDigits)).toBe(check);
  });

  it.each(["123456789", "12345678901", "12345A7890", ""])(
    "throws for %j, which is not ten digits",
    (value) => {
      expect(() => computePartitaIvaCheckDigit(value)).toThrow("expected exactly 10 digits");
    },
  );
});

describe(computeNifCheckDigit, () => {
  it.each([
    // 1×9 + 2×8 + 3×7 + 4×6 + 5×5 + 6×4 + 7×3 + 8×2 = 156; 156 mod 11 = 2; 11 − 2 = 9.
    { firstEightDigits: "12345678", check: 9 },
    // 5×9 = 45; 45 mod 11 = 1; 11 − 1 = 10 → 0.
    { firstEightDigits: "50000000", check: 0 },
    // 9×9 + 8×8 = 145; 145 mod 11 = 2; 11 − 2 = 9.
    { firstEightDigits: "98000000", check: 9 },
    // 5×9 + 1×7 + 1×3 + 4×2 = 63; 63 mod 11 = 8; 11 − 8 = 3 (so "501000143" is valid below).
    { firstEightDigits: "50100014", check: 3 },
    // 0 mod 11 = 0; 11 − 0 = 11 → 0.
    { firstEightDigits: "00000000", check: 0 },
  ])("returns $check for $firstEightDigits", ({ firstEightDigits, check }) => {
    expect(computeNifCheckDigit(firstEightDigits)).toBe(check);
  });

  it.each(["1234567", "123456789", "1234567X"])("throws for %j, which is not eight digits", (value) => {
    expect(() => computeNifCheckDigit(value)).toThrow("expected exactly 8 digits");
  });
});

describe(validateTaxCode, () => {
  it.each([
    { country: "IT", raw: "03072020211", normalised: "03072020211", condition: "Animeshon S.r.l. (fixture)" },
    { country: "IT", raw: "02353550391", normalised: "02353550391", condition: "Pucci S.r.l. (fixture)" },
    { country: "IT", raw: "IT02353550391", normalised: "02353550391", condition: "an IT prefix" },
    {
      country: "IT",
      raw: " it 023 535 503 91 ",
      normalised: "02353550391",
      condition: "spaces and a lower-case prefix",
    },
    { country: "it", raw: "12345678903", normalised: "12345678903", condition: "a computed check digit 3" },
  ])("accepts the partita IVA $raw with $condition", ({ country, raw, normalised }) => {
    expect(validateTaxCode(country, raw)).toEqual({ isValid: true, normalised, kind: "partita_iva" });
  });

  it.each([
    // Textbook example: values 8+18+12+12+8+0+19+5+14+1+1+0+13+6+5 = 122; 122 mod 26 = 18 → S.
    { raw: "RSSMRA85T10A562S", normalised: "RSSMRA85T10A562S", condition: "the textbook example" },
    { raw: "rssmra85t10a562s", normalised: "RSSMRA85T10A562S", condition: "lower case" },
    { raw: "RSS MRA 85T10 A562S", normalised: "RSSMRA85T10A562S", condition: "spaces" },
    // Omocodia: last digit 2 → N; sum 137 mod 26 = 7 → H.
    { raw: "RSSMRA85T10A56NH", normalised: "RSSMRA85T10A56NH", condition: "one omocodia letter" },
    // All seven digits replaced (8→U 5→R 1→M 0→L 5→R 6→S 2→N); sum 167 mod 26 = 11 → L.
    {
      raw: "RSSMRAURTMLARSNL",
      normalised: "RSSMRAURTMLARSNL",
      condition: "every digit replaced by omocodia",
    },
    // Woman born on the 1st (day + 40 = 41); sum 78 mod 26 = 0 → A.
    { raw: "BNCGLI70A41H501A", normalised: "BNCGLI70A41H501A", condition: "a woman's day of birth" },
  ])("accepts the codice fiscale $raw with $condition", ({ raw, normalised }) => {
    expect(validateTaxCode("IT", raw)).toEqual({ isValid: true, normalised, kind: "codice_fiscale" });
  });

  it.each([
    { country: "PT", raw: "123456789", normalised: "123456789", condition: "a computed check digit 9" },
    { country: "PT", raw: "PT 501 000 143", normalised: "501000143", condition: "a PT prefix and spaces" },
    { country: "PT", raw: "500000000", normalised: "500000000", condition: "a check of 10 written as 0" },
    {
      country: "ES",
      raw: " b12345678 ",
      normalised: "B12345678",
      condition: "a Spanish identifier, trimmed and upper-cased",
    },
    { country: "ES", raw: "B-12.345.678", normalised: "B12345678", condition: "hyphens and dots removed" },
    { country: "FR", raw: "AB", normalised: "AB", condition: "two characters (the shortest allowed)" },
    {
      country: "DE",
      raw: "A".repeat(20),
      normalised: "A".repeat(20),
      condition: "twenty characters (the longest allowed)",
    },
  ])("accepts the foreign identifier $raw for $country with $condition", ({ country, raw, normalised }) => {
    expect(validateTaxCode(country, raw)).toEqual({ isValid: true, normalised, kind: "foreign" });
  });

  it.each([
    { country: "IT", raw: "", reason: "empty", condition: "empty text" },
    { country: "IT", raw: "  . - ", reason: "empty", condition: "separators only" },
    { country: "ES", raw: "   ", reason: "empty", condition: "blank text abroad" },
    {
      country: "IT",
      raw: "03072020212",
      reason: "bad_check_digit",
      condition: "a partita IVA whose check digit is off by one",
    },
    { country: "IT", raw: "03072020121", reason: "bad_check_digit", condition: "two swapped digits" },
    { country: "IT", raw: "0307202021", reason: "wrong_length", condition: "ten digits" },
    { country: "IT", raw: "030720202111", reason: "wrong_length", condition: "twelve digits" },
    { country: "IT", raw: "0307202021A", reason: "bad_characters", condition: "a letter in a partita IVA" },
    { country: "IT", raw: "03072/020211", reason: "bad_characters", condition: "a slash" },
    {
      country: "IT",
      raw: "RSSMRA85T10A562X",
      reason: "bad_check_digit",
      condition: "a codice fiscale with a wrong check letter",
    },
    {
      country: "IT",
      raw: "RSSMRA85F10A562S",
      reason: "bad_characters",
      condition: "F, which is not a month letter",
    },
    {
      country: "IT",
      raw: "RSSMRA85T10A56AS",
      reason: "bad_characters",
      condition: "A, which is not an omocodia letter",
    },
    { country: "IT", raw: "1234567890123456", reason: "bad_characters", condition: "sixteen digits" },
    {
      country: "IT",
      raw: "RSSMRA85T10A562",
      reason: "wrong_length",
      condition: "a codice fiscale without its check letter",
    },
    {
      country: "PT",
      raw: "123456788",
      reason: "bad_check_digit",
      condition: "a NIF whose check digit is off by one",
    },
    { country: "PT", raw: "12345678", reason: "wrong_length", condition: "an eight-digit NIF" },
    { country: "PT", raw: "12345678A", reason: "bad_characters", condition: "a letter in a NIF" },
    { country: "ES", raw: "A", reason: "wrong_length", condition: "one character" },
    { country: "ES", raw: "A".repeat(21), reason: "wrong_length", condition: "twenty-one characters" },
    { country: "ES", raw: "B1234567_8", reason: "bad_characters", condition: "an underscore" },
    { country: "ES", raw: "ÑB12345678", reason: "bad_characters", condition: "a letter outside A–Z" },
  ])("rejects $raw for $country as $reason when $condition", ({ country, raw, reason }) => {
    expect(validateTaxCode(country, raw)).toEqual({ isValid: false, reason });
  });
});
