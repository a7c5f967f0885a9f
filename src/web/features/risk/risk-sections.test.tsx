import { createInstance } from "i18next";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import type { CompanyRisk, RiskModelResult } from "../../../contracts/company-risk.ts";
import en from "../../i18n/locales/en.json";
import it_ from "../../i18n/locales/it.json";
import riskEn from "../../i18n/locales/risk.en.json";
import riskIt from "../../i18n/locales/risk.it.json";
import { ChangesSection } from "./risk-changes.tsx";
import { BreachMatrixSection, StatementsTableSection } from "./risk-matrix.tsx";
import { HistorySection, ModelsSection } from "./risk-models.tsx";
import { RecoveryTestForm } from "./risk-recovery-form.tsx";
import { ManagementSignalsForm } from "./risk-signals-form.tsx";
import { WithInputs } from "./risk-with-inputs.tsx";

const threshold = (name: string, value: number) => ({
  name,
  value,
  source: `Source of ${name}`,
  tag: "V" as const,
});
const model = (overrides: Partial<RiskModelResult> & { model: string }): RiskModelResult => ({
  ruleSetVersion: "distress-models-2025.1",
  status: "computed",
  value: null,
  zone: null,
  missing: [],
  reason: null,
  details: {},
  thresholds: [],
  ...overrides,
});
const zDoublePrime = (value: number, zone: string) =>
  model({
    model: "altman_z_double_prime",
    value,
    zone,
    thresholds: [threshold("distressBelow", 1.1), threshold("safeAbove", 2.6)],
  });
const year = (fiscalYear: number, level: "green" | "red", models: RiskModelResult[]) => ({
  statementId: `00000000-0000-4000-8000-00000000${fiscalYear}`,
  periodEndOn: `${fiscalYear}-12-31`,
  fiscalYear,
  alert: {
    level,
    previousLevel: null,
    isDeteriorating: false,
    isFirstAlert: false,
    emRating: null,
    reasons: [],
    ruleSetVersion: "v",
    isStored: true,
  },
  models: [model({ model: "alert_level", zone: level }), ...models],
  withInputs: null as CompanyRisk["years"][number]["withInputs"],
});

const risk: CompanyRisk = {
  company: {
    id: "00000000-0000-4000-8000-000000000001",
    countryCode: "IT",
    taxCode: "01234567890",
    name: "Lanificio Test S.p.A.",
    legalForm: "spa",
    atecoCode: "13.20.00",
    address: null,
    municipalityCode: null,
    nuts3Code: "ITI15",
    districtCode: null,
    districtSource: null,
    districtNameIt: null,
    districtNameEn: null,
    municipalityName: "Prato",
    sectorTitleIt: null,
    sectorTitleEn: null,
    headcount: null,
    sizeClass: "small",
    access: "territorial_scope",
  },
  ruleSets: { crisisCode: "crisis-code-2019.1", distress: "distress-models-2025.1" },
  isFollowed: false,
  statements: [2023, 2024].map((fiscalYear) => ({
    id: `00000000-0000-4000-8000-00000000${fiscalYear}`,
    periodStartOn: `${fiscalYear}-01-01`,
    periodEndOn: `${fiscalYear}-12-31`,
    fiscalYear,
    format: "ordinary" as const,
    currency: "EUR",
    items: { revenue: 150_000_000, equity: 40_000_000 },
    sourceKind: "xbrl",
    sourceFileName: `filing-${fiscalYear}.xbrl`,
    filedOn: null,
  })),
  years: [
    year(2023, "green", [zDoublePrime(3.2, "safe")]),
    year(2024, "red", [
      zDoublePrime(0.7, "distress"),
      model({ model: "altman_z", status: "not_computable", missing: ["marketValueOfEquity"] }),
    ]),
  ],
  breachMatrix: {
    sectorGroup: 2,
    benchmark: "mapped",
    indices: [
      {
        index: "I5",
        direction: "above",
        threshold: threshold("I5", 4.9),
        cells: [
          { periodEndOn: "2023-12-31", status: "computed", percent: 1, isBreached: false, reason: null },
          { periodEndOn: "2024-12-31", status: "computed", percent: 12, isBreached: true, reason: null },
        ],
      },
    ],
  },
  changes: {
    fromPeriodEndOn: "2023-12-31",
    toPeriodEndOn: "2024-12-31",
    isPreviousFiscalYear: true,
    scores: [
      {
        model: "altman_z_double_prime",
        status: "explained",
        reason: null,
        previousScore: 3.2,
        currentScore: 0.7,
        scoreChange: -2.5,
        terms: [
          {
            numerator: "workingCapital",
            denominator: "totalAssets",
            coefficient: 6.56,
            previousRatio: 0.1,
            currentRatio: -0.28,
            change: -2.5,
          },
        ],
      },
    ],
    indices: [
      {
        index: "I5",
        status: "explained",
        reason: null,
        previousPercent: 1,
        currentPercent: 12,
        changePoints: 11,
        items: [
          { item: "taxDebts", side: "numerator", previousCents: 0, currentCents: 11, contributionPoints: 11 },
        ],
      },
    ],
  },
  ebitdaProxy: { periodEndOn: "2024-12-31", status: "computed", valueCents: 20_000_000, missing: [] },
  recoveryTestCutOffs: [
    threshold("containedUpTo", 1),
    threshold("stillContainedUpTo", 2),
    threshold("dependsOnInitiativesUpTo", 5),
  ],
  inputs: { managementSignals: null, recoveryTest: null, marketData: null },
  legalSignals: null,
  recoveryTest: null,
};

async function render(language: "it" | "en", node: ReactNode) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng: language,
    resources: { it: { translation: it_, risk: riskIt }, en: { translation: en, risk: riskEn } },
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
}

describe("risk page sections", () => {
  it.each(["it", "en"] as const)(
    "render every section with its words in %s, no raw keys",
    async (language) => {
      const html = await render(
        language,
        <>
          <ModelsSection risk={risk} />
          <HistorySection risk={risk} />
          <BreachMatrixSection risk={risk} />
          <ChangesSection risk={risk} />
          <StatementsTableSection risk={risk} />
          <ManagementSignalsForm risk={risk} />
          <RecoveryTestForm risk={risk} />
        </>,
      );
      expect(html).toContain("Altman Z″");
      expect(html).toContain("filing-2024.xbrl");
      expect(html).not.toMatch(/>(models|matrix|changes|history|signals|recovery|inputs)\.[a-zA-Z.]+</);
      // The recovery test's EBITDA is pre-filled from the proxy (200,000 euros).
      expect(html).toContain('value="200000"');
    },
  );

  it("shows the breach and the distress zone in words, not colour alone", async () => {
    const html = await render("en", <BreachMatrixSection risk={risk} />);
    expect(html).toContain("12.00 %");
    expect(html).toContain("breached");
    const models = await render("en", <ModelsSection risk={risk} />);
    expect(models).toContain("0.70 · distress");
    expect(models).toContain("Missing: marketValueOfEquity");
  });

  it.each([
    ["en", "2024 with your inputs", "This is not the official level", "(official level: Green)"],
    ["it", "2024 con i vostri dati", "Non è il livello ufficiale", "(livello ufficiale: Verde)"],
  ] as const)(
    "labels the results with user inputs apart from the official level in %s",
    async (language, title, lead, official) => {
      const latest = year(2024, "green", []);
      latest.withInputs = {
        dscr: 0.8,
        marketValueOfEquityCents: 90_000_000,
        level: "red",
        reasons: ["cndcec_crisis_presumed"],
        models: [
          model({ model: "alert_level", zone: "red" }),
          model({ model: "altman_z", value: 1.5, zone: "grey" }),
        ],
      };
      const withInputs = { ...risk, years: [risk.years[0] as typeof latest, latest] };
      const html = await render(language, <ModelsSection risk={withInputs} />);
      expect(html).toContain(title);
      expect(html).toContain(lead);
      expect(html).toContain(official);
      expect(html).toContain("Altman Z: 1");
      // The official column keeps the official level.
      expect(await render(language, <WithInputs year={year(2023, "green", [])} />)).toBe("");
    },
  );

  it("says when what moved the score compares with a year that is not the previous fiscal year", async () => {
    const changes = risk.changes && {
      ...risk.changes,
      fromPeriodEndOn: "2021-12-31",
      isPreviousFiscalYear: false,
    };
    const html = await render("en", <ChangesSection risk={{ ...risk, changes }} />);
    expect(html).toContain("is the previous year on record, not the previous fiscal year");
    expect(await render("en", <ChangesSection risk={risk} />)).not.toContain("not the previous fiscal year");
  });
});
