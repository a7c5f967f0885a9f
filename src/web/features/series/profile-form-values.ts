import type { ImportProfileMappingInput } from "./series-api.ts";

/** The import-profile form as typed: every field text, lists as "left = right" lines. */
export type ProfileFormValues = {
  name: string;
  source: string;
  dataset: string;
  indicator: string;
  delimiter: "," | ";" | "\t" | "|";
  decimalSeparator: "." | ",";
  thousandsSeparator: "" | "." | "," | " " | "'";
  timeKind: "column" | "year_month";
  timeColumn: string;
  yearColumn: string;
  monthColumn: string;
  valueColumn: string;
  keyColumns: string;
  territoryColumn: string;
  territoryDimension: string;
  territoryMatchBy: "code" | "name";
  constants: string;
};

export const emptyProfileForm: ProfileFormValues = {
  name: "",
  source: "",
  dataset: "",
  indicator: "",
  delimiter: ",",
  decimalSeparator: ".",
  thousandsSeparator: "",
  timeKind: "column",
  timeColumn: "",
  yearColumn: "",
  monthColumn: "",
  valueColumn: "",
  keyColumns: "",
  territoryColumn: "",
  territoryDimension: "geo",
  territoryMatchBy: "name",
  constants: "unit = ",
};

/** "a = b" lines into pairs; blank lines are skipped, a line without "=" is reported by number. */
export function parseAssignments(text: string): { pairs: [string, string][]; badLines: number[] } {
  const pairs: [string, string][] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const separator = line.indexOf("=");
    if (separator < 0) {
      badLines.push(index + 1);
      return;
    }
    pairs.push([line.slice(0, separator).trim(), line.slice(separator + 1).trim()]);
  });
  return { pairs, badLines };
}

/** The mapping the server validates (it names any field that is wrong). */
export function toMapping(values: ProfileFormValues): ImportProfileMappingInput {
  const keys = parseAssignments(values.keyColumns).pairs;
  const constants = parseAssignments(values.constants).pairs;
  return {
    source: values.source,
    dataset: values.dataset,
    ...(values.indicator.trim() ? { indicator: values.indicator } : {}),
    delimiter: values.delimiter,
    decimalSeparator: values.decimalSeparator,
    thousandsSeparator: values.thousandsSeparator,
    time:
      values.timeKind === "column"
        ? { kind: "column", column: values.timeColumn }
        : { kind: "year_month", yearColumn: values.yearColumn, monthColumn: values.monthColumn },
    valueColumn: values.valueColumn,
    keyColumns: keys.map(([column, dimension]) => ({ column, dimension })),
    ...(values.territoryColumn.trim()
      ? {
          territory: {
            column: values.territoryColumn,
            dimension: values.territoryDimension,
            matchBy: values.territoryMatchBy,
          },
        }
      : {}),
    constants: Object.fromEntries(constants),
  };
}
