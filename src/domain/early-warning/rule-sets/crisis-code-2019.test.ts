import { describe, expect, it } from "vitest";
// Vite's ?raw import reads the shipped file as text; biome.json bars node:fs everywhere in src/domain.
import legalFormsCsv from "../../../../reference-data/legal-forms.csv?raw";
import { legalFormCodes } from "../../companies/normalise-legal-form.ts";
import { parseCsvRecords } from "../../shared/parse-csv.ts";
import { cndcecIndexIds, crisisCodeRuleSet2019 } from "./crisis-code-2019.ts";

// Copied verbatim from early-warning.md §1 (the columns follow the index numbers there; the CNDCEC
// original prints liquidity before cash flow, so a swapped I3/I4 shows up here).
const documentTable = `
| Group | ATECO 2007 | I1 > | I2 < | I3 < | I4 < | I5 > |
|---|---|---|---|---|---|---|
| 1 | A agriculture, forestry, fishing | 2.8 | 9.4 | 0.3 | 92.1 | 5.6 |
| 2 | B mining; **C manufacturing**; D energy production (35.11, 35.21) | 3.0 | 7.6 | 0.5 | 93.7 | 4.9 |
| 3 | E water, sewage, waste; D energy transmission (35.12) | 2.6 | 6.7 | 1.9 | 84.2 | 6.5 |
| 4 | F41 construction of buildings | 3.8 | 4.9 | 0.4 | 108.0 | 3.8 |
| 5 | F42 civil engineering; F43 specialised construction | 2.8 | 5.3 | 1.4 | 101.1 | 5.3 |
| 6 | G45 motor-vehicle trade; G46 wholesale; D energy distribution and trade (35.13, 35.14, 35.22, 35.23) | 2.1 | 6.3 | 0.6 | 101.4 | 2.9 |
| 7 | G47 retail; I56 food and beverage services | 1.5 | 4.2 | 1.0 | 89.8 | 7.8 |
| 8 | H transport and storage; I55 accommodation | 1.5 | 4.1 | 1.4 | 86.0 | 10.2 |
| 9 | J, M, N business services | 1.8 | 5.2 | 1.7 | 95.4 | 11.9 |
| 10 | P, Q, R, S personal services | 2.7 | 2.3 | 0.5 | 69.8 | 14.6 |
`;

const tableRows = documentTable
  .trim()
  .split("\n")
  .map((line) =>
    line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
const [header = [], , ...bodyRows] = tableRows;

describe("crisisCodeRuleSet2019", () => {
  const { cndcec } = crisisCodeRuleSet2019;

  it("records its version", () => {
    expect(crisisCodeRuleSet2019.version).toBe("crisis-code-2019.1");
  });

  it.each([
    // The cells that a swapped liquidity / cash-flow column would move.
    { group: 4, index: "I3", percent: 0.4 },
    { group: 4, index: "I4", percent: 108.0 },
    { group: 3, index: "I3", percent: 1.9 },
    { group: 3, index: "I4", percent: 84.2 },
    { group: 8, index: "I3", percent: 1.4 },
    { group: 8, index: "I4", percent: 86.0 },
    { group: 10, index: "I3", percent: 0.5 },
    { group: 10, index: "I4", percent: 69.8 },
  ] as const)("keeps group $group $index at $percent % as the document", ({ group, index, percent }) => {
    expect(cndcec.thresholdsPercentByGroup[group]?.[index].value).toBe(percent);
  });

  it("matches every cell and direction of the document's table", () => {
    expect(bodyRows).toHaveLength(10);
    for (const row of bodyRows) {
      const group = Number(row[0]);
      cndcecIndexIds.forEach((index, column) => {
        const [indexName, sign] = (header[column + 2] ?? "").split(" ");
        expect(indexName).toBe(index);
        expect(cndcec.directions[index].value).toBe(sign === ">" ? "above" : "below");
        expect(cndcec.thresholdsPercentByGroup[group]?.[index].value).toBe(Number(row[column + 2]));
      });
    }
  });

  it("keeps the equity minima of reference-data/legal-forms.csv", () => {
    const records = parseCsvRecords(legalFormsCsv);
    expect(records.map((record) => record.code).sort()).toEqual([...legalFormCodes].sort());
    for (const record of records) {
      const code = legalFormCodes.find((candidate) => candidate === record.code);
      if (code === undefined) throw new Error(`unknown code ${record.code}`);
      // An empty minimum in the CSV means negative equity only, which the rule set writes as 0.
      expect(cndcec.equityMinimumCentsByLegalForm[code].value).toBe(Number(record.equity_minimum_cents || 0));
    }
    expect(cndcec.reducedLimitedCompanyMinimum.minimumCents.value).toBe(100);
    expect(cndcec.reducedLimitedCompanyMinimum.subscribedCapitalBelowCents.value).toBe(1_000_000);
  });

  it("dates the legal-signal versions oldest first, as the document", () => {
    const dates = crisisCodeRuleSet2019.legalSignals.versions.map((version) => version.inForceFrom);
    expect(dates).toEqual(["2022-07-15", "2022-08-19"]);
  });

  it("gives every number a source and a tag", () => {
    const unsourced: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node === "number") unsourced.push(path);
      if (typeof node !== "object" || node === null) return;
      if ("value" in node && "source" in node && "tag" in node) {
        const { source, tag } = node as { source: unknown; tag: unknown };
        if (typeof source !== "string" || source === "" || !["V", "S", "R"].includes(String(tag))) {
          unsourced.push(path);
        }
        return;
      }
      for (const [key, child] of Object.entries(node)) visit(child, `${path}.${key}`);
    };
    visit(crisisCodeRuleSet2019, "ruleSet");
    expect(unsourced).toEqual([]);
  });
});
