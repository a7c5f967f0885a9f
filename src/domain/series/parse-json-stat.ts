import {
  assembleSeries,
  findDimension,
  frequencyDimensionNames,
  type ObservationRecord,
  territoryDimensionNames,
  unitDimensionNames,
} from "./assemble-series.ts";
import { type NormalisedPeriod, normalisePeriod } from "./normalise-period.ts";
import { parseReleaseDate } from "./parse-decimal.ts";
import { capProblems, type SeriesFileProblem, type SeriesParseResult } from "./parsed-series.ts";

type JsonObject = Record<string, unknown>;

type Dimension = { id: string; codes: string[]; labels: Record<string, string> };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const rejected = (message: string): SeriesParseResult => ({
  status: "rejected",
  format: "json-stat",
  problems: [{ row: null, column: null, message }],
});

/** The category codes of a dimension in index order; the index may be an object, an array or absent. */
function readDimension(id: string, size: number, definition: unknown): Dimension | string {
  if (!isObject(definition) || !isObject(definition.category)) {
    return `dimension "${id}" has no category object`;
  }
  const { index, label } = definition.category;
  const labels: Record<string, string> = {};
  if (isObject(label)) for (const [code, text] of Object.entries(label)) labels[code] = String(text);
  let codes: string[];
  if (Array.isArray(index)) codes = index.map(String);
  else if (isObject(index)) {
    codes = new Array<string>(size);
    for (const [code, position] of Object.entries(index)) {
      if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= size) {
        return `dimension "${id}": category "${code}" has index ${JSON.stringify(position)}, outside 0–${size - 1}`;
      }
      codes[position] = code;
    }
  } else if (index === undefined && Object.keys(labels).length === 1) codes = Object.keys(labels);
  else return `dimension "${id}" has no category index`;
  if (codes.length !== size || codes.some((code) => code === undefined)) {
    return `dimension "${id}" lists ${codes.filter(Boolean).length} categories but its size is ${size}`;
  }
  return { id, codes, labels };
}

/** The time dimension: the one `role.time` names, else one called time/TIME_PERIOD, else one whose codes are all periods. */
function findTimeDimension(dimensions: readonly Dimension[], role: unknown): Dimension | undefined {
  const named = isObject(role) && Array.isArray(role.time) ? String(role.time[0]) : undefined;
  const byRole = dimensions.find((dimension) => dimension.id === named);
  if (byRole) return byRole;
  const ids = dimensions.map((dimension) => dimension.id);
  const byName = findDimension(ids, ["time", "time_period", "period", "tempo"]);
  if (byName) return dimensions.find((dimension) => dimension.id === byName);
  return dimensions.findLast((dimension) =>
    dimension.codes.every((code) => normalisePeriod(code) !== undefined),
  );
}

function readStatus(status: unknown, position: number): string | null {
  if (typeof status === "string") return status === "" ? null : status;
  if (Array.isArray(status)) {
    const flag = status[position];
    return typeof flag === "string" && flag !== "" ? flag : null;
  }
  if (isObject(status)) {
    const flag = status[String(position)];
    return typeof flag === "string" && flag !== "" ? flag : null;
  }
  return null;
}

/**
 * Reads a JSON-stat 2.0 dataset (Eurostat's API answers in it): dimensions in `id` order with
 * `size`, values dense or sparse, status flags as text, array or object. Every dimension but time
 * is kept in the series key; the time dimension is found by role, by name or by its codes.
 * `updated` is the release date; the Eurostat `extension` block is read only for the dataset code.
 */
export function parseJsonStat(text: string): SeriesParseResult {
  let document: unknown;
  try {
    document = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    return rejected(`The file is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(document)) return rejected("The file is not a JSON-stat dataset: it is not a JSON object.");
  if (document.class !== "dataset") {
    return rejected(
      `The file is not a JSON-stat 2.0 dataset: "class" is ${JSON.stringify(document.class)}, expected "dataset" (bundles and collections are not read).`,
    );
  }
  const { id: ids, size: sizes } = document;
  if (!Array.isArray(ids) || !Array.isArray(sizes) || ids.length !== sizes.length || ids.length === 0) {
    return rejected('The JSON-stat dataset needs "id" and "size" arrays of the same, non-zero length.');
  }
  if (!sizes.every((size) => Number.isInteger(size) && size >= 1)) {
    return rejected('Every entry of "size" must be a whole number of at least 1.');
  }
  if (!isObject(document.dimension)) return rejected('The JSON-stat dataset has no "dimension" object.');
  const dimensions: Dimension[] = [];
  for (const [position, id] of ids.entries()) {
    const dimension = readDimension(String(id), sizes[position] as number, document.dimension[String(id)]);
    if (typeof dimension === "string") return rejected(`The JSON-stat dataset is malformed: ${dimension}.`);
    dimensions.push(dimension);
  }
  const time = findTimeDimension(dimensions, document.role);
  if (!time)
    return rejected(
      "No time dimension found (no role.time, no dimension named time, no dimension of periods).",
    );
  const timePeriods: (NormalisedPeriod | undefined)[] = time.codes.map((code) => normalisePeriod(code));

  const total = (sizes as number[]).reduce((product, size) => product * size, 1);
  const strides = (sizes as number[]).map((_, position) =>
    (sizes as number[]).slice(position + 1).reduce((product, size) => product * size, 1),
  );
  const entries: [number, unknown][] = [];
  if (Array.isArray(document.value)) {
    if (document.value.length !== total) {
      return rejected(`"value" has ${document.value.length} entries but the sizes make ${total}.`);
    }
    for (const [position, value] of document.value.entries()) entries.push([position, value]);
  } else if (isObject(document.value)) {
    for (const [key, value] of Object.entries(document.value)) {
      const position = Number(key);
      if (!Number.isInteger(position) || position < 0 || position >= total) {
        return rejected(`"value" has the key "${key}", which is not a position from 0 to ${total - 1}.`);
      }
      entries.push([position, value]);
    }
  } else return rejected('The JSON-stat dataset has no "value" array or object.');

  const releasedOn =
    typeof document.updated === "string" ? (parseReleaseDate(document.updated) ?? null) : null;
  const problems: SeriesFileProblem[] = [];
  const records: ObservationRecord[] = [];
  for (const [position, value] of entries) {
    const statusFlag = readStatus(document.status, position);
    if ((value === null || value === undefined) && statusFlag === null) continue;
    if (value !== null && (typeof value !== "number" || !Number.isFinite(value))) {
      problems.push({
        row: null,
        column: null,
        message: `value at position ${position} is ${JSON.stringify(value)}, not a number.`,
      });
      continue;
    }
    const coordinates: Record<string, string> = {};
    let period: NormalisedPeriod | undefined;
    let timeCode = "";
    dimensions.forEach((dimension, index) => {
      const code =
        dimension.codes[Math.floor(position / (strides[index] ?? 1)) % dimension.codes.length] ?? "";
      if (dimension === time) {
        period = timePeriods[dimension.codes.indexOf(code)];
        timeCode = code;
      } else coordinates[dimension.id] = code;
    });
    if (!period) {
      problems.push({
        row: null,
        column: time.id,
        message: `time code "${timeCode}" is not a period (2024, 2024-Q1, 2024-01).`,
      });
      continue;
    }
    records.push({
      row: null,
      dimensions: coordinates,
      period,
      value: value ?? null,
      statusFlag,
      releasedOn,
    });
  }
  const keyIds = dimensions.filter((dimension) => dimension !== time).map((dimension) => dimension.id);
  const metric =
    isObject(document.role) && Array.isArray(document.role.metric)
      ? String(document.role.metric[0])
      : undefined;
  const geo =
    isObject(document.role) && Array.isArray(document.role.geo) ? String(document.role.geo[0]) : undefined;
  const extension = isObject(document.extension) ? document.extension : {};
  const label = typeof document.label === "string" ? document.label : "";
  const dataset = typeof extension.id === "string" && extension.id !== "" ? extension.id : label || "dataset";
  const distinguishing = dimensions.filter((dimension) => dimension !== time && dimension.codes.length > 1);
  const assembled = assembleSeries(records, {
    source: typeof document.source === "string" && document.source !== "" ? document.source : "unknown",
    dataset,
    indicator: dataset,
    unitDimension: metric && keyIds.includes(metric) ? metric : findDimension(keyIds, unitDimensionNames),
    frequencyDimension: findDimension(keyIds, frequencyDimensionNames),
    territoryDimension: geo && keyIds.includes(geo) ? geo : findDimension(keyIds, territoryDimensionNames),
    titleOf: (coordinates) => {
      const parts = distinguishing.map((dimension) => {
        const code = coordinates[dimension.id] ?? "";
        return dimension.labels[code] ?? code;
      });
      return [label || dataset, parts.join(", ")].filter(Boolean).join(" — ");
    },
  });
  problems.push(...assembled.problems);
  if (problems.length > 0)
    return { status: "rejected", format: "json-stat", problems: capProblems(problems) };
  if (assembled.series.length === 0) return rejected("The dataset holds no observation.");
  return { status: "parsed", format: "json-stat", series: assembled.series };
}
