/** A value range for a chart axis, padded and rounded to "nice" steps. */
export type ValueDomain = { min: number; max: number; step: number };

function niceStep(span: number, targetTicks: number): number {
  const raw = span / Math.max(1, targetTicks);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * The axis range covering every finite value given (data, thresholds, zero when asked), extended to whole
 * steps of a 1-2-2.5-5 sequence with about `targetTicks` ticks. A single value gets a ±1 range around it.
 */
export function computeValueDomain(
  values: readonly (number | null | undefined)[],
  options: { includeZero?: boolean; targetTicks?: number } = {},
): ValueDomain {
  const finite = values.filter(
    (value): value is number => typeof value === "number" && Number.isFinite(value),
  );
  if (options.includeZero) finite.push(0);
  if (finite.length === 0) return { min: 0, max: 1, step: 0.25 };
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (low === high) {
    low -= 1;
    high += 1;
  }
  const step = niceStep(high - low, options.targetTicks ?? 5);
  return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step, step };
}

/** The ticks of a domain, from min to max inclusive (rounded to the step's precision). */
export function computeTicks(domain: ValueDomain): number[] {
  const ticks: number[] = [];
  const count = Math.round((domain.max - domain.min) / domain.step);
  for (let index = 0; index <= count; index += 1) {
    ticks.push(Number((domain.min + index * domain.step).toPrecision(12)));
  }
  return ticks;
}

/** Maps a value of the domain onto a pixel range (SVG/PDF y grows downwards: pass top and bottom). */
export function createLinearScale(domain: { min: number; max: number }, from: number, to: number) {
  const span = domain.max - domain.min || 1;
  return (value: number) => from + ((value - domain.min) / span) * (to - from);
}

/** The running totals of a waterfall: each step starts where the previous one ended. */
export function computeWaterfallSteps(
  start: number,
  deltas: readonly number[],
): { from: number; to: number }[] {
  let level = start;
  return deltas.map((delta) => {
    const step = { from: level, to: level + delta };
    level += delta;
    return step;
  });
}
