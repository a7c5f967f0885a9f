// Rule-set cut-offs are decimals (7.6 %, 0.3, 5 %) and amounts are integer cents: comparing them in binary
// floating point misplaces values that sit exactly on a cut-off (0.57 × 100 = 56.99999999999999), so every
// comparison here is done on exact decimals with BigInt.

type Decimal = { digits: bigint; scale: number };

export type Comparison = -1 | 0 | 1;

/** The exact decimal a JavaScript number prints as (shortest round-trip form): digits ÷ 10^scale. */
function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot compare a non-finite number: ${value}`);
  const [mantissa = "0", exponentText = "0"] = value.toString().split("e");
  const [integerPart = "0", fractionPart = ""] = mantissa.split(".");
  const digits = BigInt(integerPart + fractionPart);
  const scale = fractionPart.length - Number(exponentText);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

function negateWhen(isNegated: boolean, comparison: Comparison): Comparison {
  if (!isNegated || comparison === 0) return comparison;
  return comparison === 1 ? -1 : 1;
}

function signOf(value: bigint): Comparison {
  if (value > 0n) return 1;
  return value < 0n ? -1 : 0;
}

// Sign of amount − multiplier × base, all three exact decimals.
function compareDecimals(amount: Decimal, multiplier: Decimal, base: Decimal): Comparison {
  const left = amount.digits * 10n ** BigInt(multiplier.scale + base.scale);
  const right = multiplier.digits * base.digits * 10n ** BigInt(amount.scale);
  return signOf(left - right);
}

/** Sign of amount − multiplier × base, exact (e.g. wages overdue against 0.5 × monthly payroll). */
export function compareWithMultiple(amount: number, multiplier: number, base: number): Comparison {
  return compareDecimals(toDecimal(amount), toDecimal(multiplier), toDecimal(base));
}

/** Sign of numerator ÷ denominator − cutOff, exact; the denominator must not be 0. */
export function compareRatio(numerator: number, denominator: number, cutOff: number): Comparison {
  if (denominator === 0) throw new RangeError("Cannot compare a ratio with a zero denominator");
  const comparison = compareDecimals(toDecimal(numerator), toDecimal(cutOff), toDecimal(denominator));
  return negateWhen(denominator < 0, comparison);
}

/** Sign of numerator ÷ denominator − percent ÷ 100, exact; the denominator must not be 0. */
export function compareRatioWithPercent(numerator: number, denominator: number, percent: number): Comparison {
  if (denominator === 0) throw new RangeError("Cannot compare a ratio with a zero denominator");
  const cutOff = toDecimal(percent);
  const fraction = { digits: cutOff.digits, scale: cutOff.scale + 2 };
  const comparison = compareDecimals(toDecimal(numerator), fraction, toDecimal(denominator));
  return negateWhen(denominator < 0, comparison);
}
