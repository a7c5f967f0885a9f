import { parseCsv } from "../shared/parse-csv.ts";
import {
  assembleSeries,
  findDimension,
  frequencyDimensionNames,
  type ObservationRecord,
  territoryDimensionNames,
  unitDimensionNames,
} from "./assemble-series.ts";
import { normalisePeriod } from "./normalise-period.ts";
import { parseDecimal, parseReleaseDate } from "./parse-decimal.ts";
import { capProblems, type SeriesFileProblem, type SeriesParseResult } from "./parsed-series.ts";

/** Observation-level attributes of SDMX: read as flags or left out, never part of the series key. */
const attributeColumns = new Set([
  "OBS_FLAG",
  "OBS_STATUS",
  "CONF_STATUS",
  "OBS_CONF",
  "COMMENT_OBS",
  "OBS_PRE_BREAK",
  "UNIT_MULT",
  "DECIMALS",
  "TIME_FORMAT",
]);
const structureColumns = new Set(["DATAFLOW", "LAST UPDATE", "LAST_UPDATE", "TIME_PERIOD", "OBS_VALUE"]);

const rejected = (
  message: string,
  row: number | null = null,
  column: string | null = null,
): SeriesParseResult => ({
  status: "rejected",
  format: "sdmx-csv",
  problems: [{ row, column, message }],
});

/** Whether a text looks like SDMX-CSV 1.0: its first column is DATAFLOW. */
export function isSdmxCsv(text: string): boolean {
  const firstLine = (text.startsWith("\uFEFF") ? text.slice(1) : text).split(/\r?\n/, 1)[0] ?? "";
  return /^"?DATAFLOW"?[,;]/i.test(firstLine);
}

/** "ESTAT:ILC_PEPS01N(1.0)" → agency ESTAT, dataset ILC_PEPS01N. */
function readDataflow(text: string): { agency: string; dataset: string } | undefined {
  const match = /^([A-Za-z0-9_.-]+):([A-Za-z0-9_@.-]+)(?:\(([^)]*)\))?$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { agency: match[1], dataset: match[2] };
}

/**
 * Reads SDMX-CSV 1.0 (as Eurostat serves it): DATAFLOW names agency and dataset, LAST UPDATE the
 * release date, TIME_PERIOD and OBS_VALUE the observation, OBS_FLAG (or OBS_STATUS, else
 * CONF_STATUS) its flag; every other column is a dimension of the series key.
 */
export function parseSdmxCsv(text: string): SeriesParseResult {
  const delimiter = /^\uFEFF?"?DATAFLOW"?;/i.test(text) ? ";" : ",";
  let rows: string[][];
  try {
    rows = parseCsv(text, delimiter);
  } catch (error) {
    return rejected(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const [rawHeader, ...body] = rows;
  if (!rawHeader) return rejected("The file is empty.");
  // Eurostat's "labels=both" writes "freq:Time frequency"; the code is before the colon.
  const header = rawHeader.map((name) => (name.includes(":") ? (name.split(":")[0] ?? name) : name).trim());
  const hasLabels = rawHeader.map((name) => name.includes(":"));
  const column = (name: string) => header.findIndex((candidate) => candidate.toUpperCase() === name);
  const dataflowColumn = column("DATAFLOW");
  const timeColumn = column("TIME_PERIOD");
  const valueColumn = column("OBS_VALUE");
  if (dataflowColumn !== 0)
    return rejected("The first column of SDMX-CSV must be DATAFLOW.", 1, header[0] ?? null);
  if (timeColumn < 0) return rejected("SDMX-CSV needs a TIME_PERIOD column.", 1, "TIME_PERIOD");
  if (valueColumn < 0) return rejected("SDMX-CSV needs an OBS_VALUE column.", 1, "OBS_VALUE");
  const updateColumn = Math.max(column("LAST UPDATE"), column("LAST_UPDATE"));
  const flagColumns = ["OBS_FLAG", "OBS_STATUS", "CONF_STATUS"].map(column).filter((index) => index >= 0);
  const dimensionColumns = header.flatMap((name, index) =>
    structureColumns.has(name.toUpperCase()) || attributeColumns.has(name.toUpperCase()) ? [] : [index],
  );
  const dimensionIds = dimensionColumns.map((index) => header[index] ?? "");

  const problems: SeriesFileProblem[] = [];
  const records: ObservationRecord[] = [];
  let dataflow: { agency: string; dataset: string } | undefined;
  body.forEach((cells, position) => {
    const row = position + 2;
    const cell = (index: number) => (cells[index] ?? "").trim();
    const flow = readDataflow(cell(dataflowColumn));
    if (!flow) {
      problems.push({
        row,
        column: "DATAFLOW",
        message: `"${cell(dataflowColumn)}" is not AGENCY:DATASET(VERSION).`,
      });
      return;
    }
    if (dataflow && (flow.agency !== dataflow.agency || flow.dataset !== dataflow.dataset)) {
      problems.push({
        row,
        column: "DATAFLOW",
        message: `The file mixes dataflows (${dataflow.agency}:${dataflow.dataset} and ${flow.agency}:${flow.dataset}); import one dataflow per file.`,
      });
      return;
    }
    dataflow = flow;
    const period = normalisePeriod(cell(timeColumn));
    if (!period) {
      problems.push({
        row,
        column: "TIME_PERIOD",
        message: `"${cell(timeColumn)}" is not a period (2024, 2024-Q1, 2024-01).`,
      });
      return;
    }
    const value = parseDecimal(cell(valueColumn), { decimalSeparator: ".", thousandsSeparator: "" });
    if (value === undefined) {
      problems.push({ row, column: "OBS_VALUE", message: `"${cell(valueColumn)}" is not a number.` });
      return;
    }
    const statusFlag = flagColumns.map(cell).find((flag) => flag !== "") ?? null;
    if (value === null && statusFlag === null) return;
    let releasedOn: string | null = null;
    if (updateColumn >= 0 && cell(updateColumn) !== "") {
      releasedOn = parseReleaseDate(cell(updateColumn)) ?? null;
      if (releasedOn === null) {
        problems.push({
          row,
          column: header[updateColumn] ?? null,
          message: `"${cell(updateColumn)}" is not a date.`,
        });
        return;
      }
    }
    const dimensions: Record<string, string> = {};
    dimensionColumns.forEach((index, order) => {
      const raw = cell(index);
      dimensions[dimensionIds[order] ?? ""] = hasLabels[index] ? (raw.split(":")[0] ?? raw).trim() : raw;
    });
    records.push({ row, dimensions, period, value, statusFlag, releasedOn });
  });
  if (!dataflow && problems.length === 0) return rejected("The file holds no observation.", 2, null);
  const source = dataflow?.agency ?? "";
  const dataset = dataflow?.dataset ?? "";
  const assembled = assembleSeries(records, {
    source,
    dataset,
    indicator: dataset,
    unitDimension: findDimension(dimensionIds, unitDimensionNames),
    frequencyDimension: findDimension(dimensionIds, frequencyDimensionNames),
    territoryDimension: findDimension(dimensionIds, territoryDimensionNames),
    titleOf: (dimensions) =>
      `${dataset} — ${Object.entries(dimensions)
        .map(([id, code]) => `${id}=${code}`)
        .join(", ")}`,
  });
  problems.push(...assembled.problems);
  if (problems.length > 0) return { status: "rejected", format: "sdmx-csv", problems: capProblems(problems) };
  if (assembled.series.length === 0) return rejected("The file holds no observation.");
  return { status: "parsed", format: "sdmx-csv", series: assembled.series };
}
