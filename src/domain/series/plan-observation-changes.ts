import type { ParsedObservation } from "./parsed-series.ts";

/** The value in force for a period, as stored. */
export type CurrentObservation = {
  period: string;
  value: number | null;
  statusFlag: string | null;
  releasedOn: string | null;
};

export type ObservationChanges = {
  inserted: ParsedObservation[];
  /** The new observation and the one it replaces (which goes to the revision history). */
  revised: { next: ParsedObservation; previous: CurrentObservation }[];
  unchangedCount: number;
};

/**
 * Compares a file's observations of one series with those in force: a new period is inserted; a
 * different value or status flag is a revision (the old one kept as history); the same value and
 * flag change nothing, even when the release date differs. Periods the file omits stay as they are.
 */
export function planObservationChanges(
  current: readonly CurrentObservation[],
  incoming: readonly ParsedObservation[],
): ObservationChanges {
  const byPeriod = new Map(current.map((observation) => [observation.period, observation]));
  const changes: ObservationChanges = { inserted: [], revised: [], unchangedCount: 0 };
  for (const next of incoming) {
    const previous = byPeriod.get(next.period);
    if (!previous) changes.inserted.push(next);
    else if (previous.value === next.value && previous.statusFlag === next.statusFlag)
      changes.unchangedCount += 1;
    else changes.revised.push({ next, previous });
  }
  return changes;
}
