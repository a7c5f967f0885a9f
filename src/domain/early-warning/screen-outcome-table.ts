import { cndcecIndexIds } from "./rule-sets/crisis-code-2019.ts";
import { screenOutcomeCodes } from "./score-index-columns.ts";

// The CNDCEC screen's outcome as a table over each row's summary (score-screen-blocks.ts reads it without a
// branch per row): step 1 (equity) first, then the benchmark, then the index signals, as screenCrisisCode.

/** A row's screen summary as a position in ScreenPlan.outcomes (flags 0 or 1, counts 0 … 5). */
export function outcomeKey(
  isEquityMissing: number,
  isBelowMinimum: number,
  hasBenchmark: number,
  breached: number,
  computable: number,
): number {
  return (((isEquityMissing * 2 + isBelowMinimum) * 2 + hasBenchmark) * 6 + breached) * 6 + computable;
}

/** The screen's outcome (its code in screenOutcomes) of a row's summary, step 1 first. */
function decideScreenOutcome(
  isEquityMissing: boolean,
  isBelowMinimum: boolean,
  hasBenchmark: boolean,
  breached: number,
  computable: number,
): number {
  const indexCount = cndcecIndexIds.length;
  if (isEquityMissing) return screenOutcomeCodes.notComputable;
  if (isBelowMinimum) return screenOutcomeCodes.equity;
  if (!hasBenchmark) return screenOutcomeCodes.noBenchmark;
  if (breached === indexCount) return screenOutcomeCodes.allIndices;
  if (breached > 0) return screenOutcomeCodes.partialSignals;
  if (computable === indexCount) return screenOutcomeCodes.noSignal;
  return screenOutcomeCodes.incomplete;
}

/** decideScreenOutcome of every summary, at its outcomeKey. */
export function tabulateScreenOutcomes(): Uint8Array {
  const outcomes = new Uint8Array(2 * 2 * 2 * 6 * 6);
  for (const isEquityMissing of [0, 1]) {
    for (const isBelowMinimum of [0, 1]) {
      for (const hasBenchmark of [0, 1]) {
        for (let breached = 0; breached <= 5; breached += 1) {
          for (let computable = 0; computable <= 5; computable += 1) {
            outcomes[outcomeKey(isEquityMissing, isBelowMinimum, hasBenchmark, breached, computable)] =
              decideScreenOutcome(
                isEquityMissing === 1,
                isBelowMinimum === 1,
                hasBenchmark === 1,
                breached,
                computable,
              );
          }
        }
      }
    }
  }
  return outcomes;
}
