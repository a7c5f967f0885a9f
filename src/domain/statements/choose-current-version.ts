/** One stored version of a company's statement for a period (same company, same period end). */
export type StatementVersion = {
  id: string;
  /** True when the period is the filing's own year, false when it is the previous year's comparative. */
  isOwnPeriod: boolean;
  /** When the source was filed (or, without a filing date, imported): ISO date-time, comparable as text. */
  filedAt: string;
};

/**
 * Which version of a period is current (early-warning.md §6): a filing's own period outranks another
 * filing's comparative of the same end date; among equals the later filing wins. Every version is kept.
 */
export function chooseCurrentVersion(versions: readonly StatementVersion[]): string | undefined {
  let best: StatementVersion | undefined;
  for (const version of versions) {
    if (
      !best ||
      (version.isOwnPeriod && !best.isOwnPeriod) ||
      (version.isOwnPeriod === best.isOwnPeriod && version.filedAt > best.filedAt)
    ) {
      best = version;
    }
  }
  return best?.id;
}
