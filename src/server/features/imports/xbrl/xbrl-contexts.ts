import type { XbrlContext } from "./read-xbrl-instance.ts";
import type { XbrlFact } from "./xbrl-facts.ts";
import { XbrlRejectedError } from "./xbrl-rejected-error.ts";

/** A financial year found in the contexts, with the ids of the contexts whose facts belong to it. */
export interface ResolvedPeriod {
  periodStartOn: string;
  periodEndOn: string;
  isOwnPeriod: boolean;
  /** Calendar days from start to end, both included. */
  lengthDays: number;
  /** Shorter than twelve months (a first financial year, a change of year end): not comparable as is. */
  isShortPeriod: boolean;
  contextIds: ReadonlySet<string>;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayInMilliseconds = 86_400_000;

/**
 * Resolves the filing's own period (the duration with the latest end date) and the comparative (the latest
 * duration ending before the own period starts) from the contexts' dates, never from their ids, which each
 * filing tool names its own way. Duration facts belong to the period with the same start and end; instant facts
 * to the period ending on that day. Contexts with a segment or dimension members are breakdowns and left out.
 */
export function resolvePeriods(
  contexts: ReadonlyMap<string, XbrlContext>,
  facts: readonly XbrlFact[],
): ResolvedPeriod[] {
  const factCountByContext = new Map<string, number>();
  for (const fact of facts) {
    if (!contexts.has(fact.contextId)) {
      throw new XbrlRejectedError(
        "context",
        `The fact ${fact.localName} on line ${fact.line} refers to the context "${fact.contextId}", which the file does not define.`,
      );
    }
    if (!fact.isInTuple)
      factCountByContext.set(fact.contextId, (factCountByContext.get(fact.contextId) ?? 0) + 1);
  }
  const durations = new Map<string, { startOn: string; endOn: string; factCount: number }>();
  for (const context of contexts.values()) {
    const dates = readContextDates(context);
    if (context.isDimensional || dates.kind !== "duration") continue;
    const key = `${dates.startOn}/${dates.endOn}`;
    const existing = durations.get(key) ?? { startOn: dates.startOn, endOn: dates.endOn, factCount: 0 };
    existing.factCount += factCountByContext.get(context.id) ?? 0;
    durations.set(key, existing);
  }
  const candidates = [...durations.values()].filter((duration) => duration.factCount > 0);
  const own = pickLatest(candidates);
  if (!own) {
    throw new XbrlRejectedError(
      "context",
      "No context with a start and end date carries facts: the file has no income statement to date its financial year.",
    );
  }
  const comparative = pickLatest(candidates.filter((duration) => duration.endOn < own.startOn));
  const periods = [{ ...own, isOwnPeriod: true }];
  if (comparative) periods.push({ ...comparative, isOwnPeriod: false });
  return periods.map((period) => {
    const lengthDays = daysBetween(period.startOn, period.endOn) + 1;
    return {
      periodStartOn: period.startOn,
      periodEndOn: period.endOn,
      isOwnPeriod: period.isOwnPeriod,
      lengthDays,
      isShortPeriod: period.endOn < lastDayOfTwelveMonthsFrom(period.startOn),
      contextIds: contextIdsOfPeriod(contexts, period.startOn, period.endOn),
    };
  });
}

type ContextDates =
  | { kind: "duration"; startOn: string; endOn: string }
  | { kind: "instant"; instantOn: string }
  | { kind: "forever" };

/**
 * The context's dates as ISO dates (xs:date; itcc-ci filings use no times). A context with dates that are not
 * a valid instant or start and end is refused; one with none (xbrli:forever) belongs to no period.
 */
export function readContextDates(context: XbrlContext): ContextDates {
  if (context.instant === undefined && context.startDate === undefined && context.endDate === undefined) {
    return { kind: "forever" };
  }
  const instantOn = toIsoDate(context.instant);
  const startOn = toIsoDate(context.startDate);
  const endOn = toIsoDate(context.endDate);
  if (startOn && endOn && startOn <= endOn) return { kind: "duration", startOn, endOn };
  if (instantOn) return { kind: "instant", instantOn };
  throw new XbrlRejectedError(
    "context",
    `The context "${context.id}" has no valid period (an instant, or a start date not after the end date).`,
  );
}

function contextIdsOfPeriod(
  contexts: ReadonlyMap<string, XbrlContext>,
  startOn: string,
  endOn: string,
): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const context of contexts.values()) {
    if (context.isDimensional) continue;
    const dates = readContextDates(context);
    const isMatch =
      (dates.kind === "duration" && dates.startOn === startOn && dates.endOn === endOn) ||
      (dates.kind === "instant" && dates.instantOn === endOn);
    if (isMatch) ids.add(context.id);
  }
  return ids;
}

// Latest end date first; for the same end date, the duration more facts use, then the longer one.
function pickLatest<T extends { startOn: string; endOn: string; factCount: number }>(
  durations: T[],
): T | undefined {
  return [...durations].sort(
    (left, right) =>
      right.endOn.localeCompare(left.endOn) ||
      right.factCount - left.factCount ||
      left.startOn.localeCompare(right.startOn),
  )[0];
}

function toIsoDate(raw: string | undefined): string | undefined {
  const match = raw === undefined ? null : isoDatePattern.exec(raw.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const isReal = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isReal ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

function daysBetween(startOn: string, endOn: string): number {
  return Math.round(
    (Date.parse(`${endOn}T00:00:00Z`) - Date.parse(`${startOn}T00:00:00Z`)) / dayInMilliseconds,
  );
}

// 2024-01-01 → 2024-12-31; 2020-05-12 → 2021-05-11. A period ending before that day is short.
function lastDayOfTwelveMonthsFrom(startOn: string): string {
  const start = new Date(`${startOn}T00:00:00Z`);
  const anniversary = Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate());
  return new Date(anniversary - dayInMilliseconds).toISOString().slice(0, 10);
}
