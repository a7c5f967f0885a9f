import { describe, expect, it } from "vitest";
import type { AlertLevel } from "./alert-level.ts";
import { projectCompanyRisk, type RiskYearInput } from "./project-company-risk.ts";
import { distressModels2025 as ruleSet } from "./rule-sets/distress-models-2025.ts";

function year(periodEndOn: string, level: AlertLevel, extra: Partial<RiskYearInput> = {}): RiskYearInput {
  return {
    periodEndOn,
    statementId: `statement-${periodEndOn}`,
    ruleSetVersion: "test",
    level,
    distressModels: [],
    emRating: null,
    cndcecOutcome: null,
    breachedIndexCount: 0,
    revenueCents: null,
    employees: null,
    ...extra,
  };
}

const project = (years: RiskYearInput[], stored: [string, AlertLevel][] = []) =>
  projectCompanyRisk("company-1", years, new Map(stored), ruleSet);

describe(projectCompanyRisk, () => {
  it.each<[string, RiskYearInput[], Partial<Record<string, unknown>>[]]>([
    [
      "green then orange: deteriorating and a first alert",
      [year("2023-12-31", "green"), year("2024-12-31", "orange")],
      [
        { fiscalYear: 2023, previousAlertLevel: null, isDeteriorating: false, isFirstAlert: false },
        { fiscalYear: 2024, previousAlertLevel: "green", isDeteriorating: true, isFirstAlert: true },
      ],
    ],
    [
      "red then orange: better, and not a first alert",
      [year("2023-12-31", "red"), year("2024-12-31", "orange")],
      [
        { isDeteriorating: false, isFirstAlert: true },
        { isDeteriorating: false, isFirstAlert: false },
      ],
    ],
    [
      "a gap year: no previous level to compare with",
      [year("2021-12-31", "green"), year("2023-12-31", "red")],
      [{}, { previousAlertLevel: null, isDeteriorating: false, isFirstAlert: true }],
    ],
    [
      "EM rating down two notches at the same level: deteriorating",
      [year("2023-12-31", "green", { emRating: "BBB" }), year("2024-12-31", "green", { emRating: "BB+" })],
      [{}, { isDeteriorating: true, isFirstAlert: false }],
    ],
    [
      "unordered input: ordered by period end, the last one latest",
      [year("2024-12-31", "grey"), year("2022-12-31", "green")],
      [
        { periodEndOn: "2022-12-31", isLatest: false },
        { periodEndOn: "2024-12-31", isLatest: true, isDeteriorating: false },
      ],
    ],
  ])("%s", (_title, years, expected) => {
    const { rows } = project(years);
    expect(rows).toHaveLength(expected.length);
    expected.forEach((fields, index) => {
      expect(rows[index]).toMatchObject(fields);
    });
    expect(rows.filter((row) => row.isLatest)).toHaveLength(1);
  });

  it("reports every year as a change when nothing was stored, with last year's level as previous", () => {
    const { changes } = project([year("2023-12-31", "green"), year("2024-12-31", "red")]);
    expect(changes.map((change) => [change.fiscalYear, change.previousLevel, change.level])).toEqual([
      [2023, null, "green"],
      [2024, "green", "red"],
    ]);
    expect(changes[1]).toMatchObject({ isLatest: true, isFirstAlert: true, isDeteriorating: true });
  });

  it("reports only the years whose stored level moved, with the stored level as previous", () => {
    const { changes } = project(
      [year("2023-12-31", "green"), year("2024-12-31", "orange")],
      [
        ["2023-12-31", "green"],
        ["2024-12-31", "red"],
      ],
    );
    expect(changes).toEqual([
      {
        companyId: "company-1",
        fiscalYear: 2024,
        periodEndOn: "2024-12-31",
        previousLevel: "red",
        level: "orange",
        isDeteriorating: true,
        isFirstAlert: true,
        isLatest: true,
      },
    ]);
  });

  it("reports nothing when the stored levels are the same", () => {
    const { changes } = project(
      [year("2023-12-31", "green"), year("2024-12-31", "orange")],
      [
        ["2023-12-31", "green"],
        ["2024-12-31", "orange"],
      ],
    );
    expect(changes).toEqual([]);
  });

  it("projects nothing for a company without years", () => {
    expect(project([])).toEqual({ rows: [], changes: [] });
  });
});
