import { describe, expect, it } from "vitest";
import { type AlertLevelInput, computeEquityChangeRatio, decideAlertLevel } from "./alert-level.ts";
import type { NotComputable } from "./model-result.ts";
import { distressModels2025 as ruleSet } from "./rule-sets/distress-models-2025.ts";
import type { AltmanZDoublePrimeResult } from "./scoring-altman.ts";
import type { SpringateResult } from "./scoring-springate.ts";
import type { ZmijewskiResult } from "./scoring-zmijewski.ts";

const version = ruleSet.version;
const notComputable = (model: NotComputable["model"]): NotComputable => ({
  status: "not_computable",
  model,
  ruleSetVersion: version,
  missing: ["totalAssets"],
  reason: "missing_inputs",
});

// Model results reduced to what the alert level reads: computed or not, and the zone.
const zDoublePrime = (zone: "distress" | "grey" | "safe" | "none"): AltmanZDoublePrimeResult =>
  zone === "none"
    ? notComputable("altman_z_double_prime")
    : {
        status: "computed",
        model: "altman_z_double_prime",
        ruleSetVersion: version,
        value: 0,
        zone,
        inputs: {},
        emScore: 3,
        emRating: "CCC",
      };
const zmijewski = (zone: "distress" | "no_distress" | "none"): ZmijewskiResult =>
  zone === "none"
    ? notComputable("zmijewski")
    : {
        status: "computed",
        model: "zmijewski",
        ruleSetVersion: version,
        value: 0.5,
        zone,
        inputs: {},
        score: 0,
      };
const springate = (zone: "failing" | "not_failing" | "none"): SpringateResult =>
  zone === "none"
    ? notComputable("springate")
    : { status: "computed", model: "springate", ruleSetVersion: version, value: 0.862, zone, inputs: {} };

type Scenario = {
  crisis?: boolean;
  breached?: number;
  computable?: number;
  z?: "distress" | "grey" | "safe" | "none";
  zm?: "distress" | "no_distress" | "none";
  sp?: "failing" | "not_failing" | "none";
  equity?: number | undefined;
};

/** A company-year with nothing wrong and enough data for green, unless the scenario says otherwise. */
const makeInput = (scenario: Scenario): AlertLevelInput => ({
  cndcec: {
    isCrisisPresumed: scenario.crisis ?? false,
    breachedIndexCount: scenario.breached ?? 0,
    computableIndexCount: scenario.computable ?? 5,
  },
  zDoublePrime: zDoublePrime(scenario.z ?? "safe"),
  zmijewski: zmijewski(scenario.zm ?? "no_distress"),
  springate: springate(scenario.sp ?? "not_failing"),
  equityChangeRatio: "equity" in scenario ? scenario.equity : 0.05,
});

describe(decideAlertLevel, () => {
  it.each<[string, Scenario, string, string[]]>([
    ["nothing wrong, all data", {}, "green", []],
    ["Z″ grey only (grey zone is not distress)", { z: "grey" }, "green", []],
    ["one index breached only", { breached: 1 }, "green", []],
    // red
    ["CNDCEC crisis presumed alone", { crisis: true }, "red", ["cndcec_crisis_presumed"]],
    [
      "Z″ and Zmijewski in distress, one index breached",
      { z: "distress", zm: "distress", breached: 1 },
      "red",
      ["distress_models_with_breached_index", "z_double_prime_distress", "zmijewski_distress"],
    ],
    [
      "Zmijewski and Springate in distress, one index breached",
      { zm: "distress", sp: "failing", breached: 1 },
      "red",
      ["distress_models_with_breached_index", "zmijewski_distress", "springate_failing"],
    ],
    [
      "all three in distress, two indices breached",
      { z: "distress", zm: "distress", sp: "failing", breached: 2 },
      "red",
      [
        "distress_models_with_breached_index",
        "z_double_prime_distress",
        "zmijewski_distress",
        "springate_failing",
        "cndcec_indices_breached",
      ],
    ],
    [
      "everything at once",
      { crisis: true, z: "distress", sp: "failing", breached: 5, equity: -0.9 },
      "red",
      [
        "cndcec_crisis_presumed",
        "distress_models_with_breached_index",
        "z_double_prime_distress",
        "springate_failing",
        "cndcec_indices_breached",
        "equity_fell",
      ],
    ],
    // orange
    ["Z″ in distress alone", { z: "distress" }, "orange", ["z_double_prime_distress"]],
    ["Zmijewski in distress alone", { zm: "distress" }, "orange", ["zmijewski_distress"]],
    ["Springate failing alone", { sp: "failing" }, "orange", ["springate_failing"]],
    [
      "two models in distress, no index breached",
      { z: "distress", sp: "failing" },
      "orange",
      ["z_double_prime_distress", "springate_failing"],
    ],
    [
      "one model in distress, one index breached",
      { zm: "distress", breached: 1 },
      "orange",
      ["zmijewski_distress"],
    ],
    ["two indices breached alone", { breached: 2 }, "orange", ["cndcec_indices_breached"]],
    ["equity down 34 %", { equity: -0.34 }, "orange", ["equity_fell"]],
    ["equity down exactly a third (300 → 200: (200 − 300)/300)", { equity: (200 - 300) / 300 }, "green", []],
    ["equity down 30 %", { equity: -0.3 }, "green", []],
    ["no previous equity", { equity: undefined }, "green", []],
    // data enough for orange even where green would need more
    [
      "Z″ not computable, Zmijewski in distress",
      { z: "none", zm: "distress" },
      "orange",
      ["zmijewski_distress"],
    ],
    [
      "no index computable, two models in distress",
      { computable: 0, z: "distress", zm: "distress" },
      "orange",
      ["z_double_prime_distress", "zmijewski_distress"],
    ],
    // grey
    ["Z″ not computable", { z: "none" }, "grey", ["z_double_prime_not_computable"]],
    ["two indices computable", { computable: 2 }, "grey", ["too_few_cndcec_indices_computable"]],
    ["three indices computable", { computable: 3 }, "green", []],
    [
      "nothing computable",
      { computable: 0, z: "none", zm: "none", sp: "none" },
      "grey",
      ["z_double_prime_not_computable", "too_few_cndcec_indices_computable"],
    ],
    [
      "Zmijewski and Springate not computable (not needed for green)",
      { zm: "none", sp: "none" },
      "green",
      [],
    ],
  ])("decides %s → %s", (_case, scenario, level, reasons) => {
    const decision = decideAlertLevel(makeInput(scenario), ruleSet);
    expect(decision).toMatchObject({ model: "alert_level", ruleSetVersion: version, level, reasons });
  });

  it("lists which models signal distress", () => {
    expect(decideAlertLevel(makeInput({ z: "distress", sp: "failing" }), ruleSet).distressModels).toEqual([
      "altman_z_double_prime",
      "springate",
    ]);
  });

  it("reads its thresholds from the rule set", () => {
    const strict = {
      ...ruleSet,
      alertLevel: {
        ...ruleSet.alertLevel,
        minimumBreachedIndicesForOrange: { ...ruleSet.alertLevel.minimumBreachedIndicesForOrange, value: 1 },
      },
    };
    expect(decideAlertLevel(makeInput({ breached: 1 }), strict).level).toBe("orange");
  });
});

describe(computeEquityChangeRatio, () => {
  it.each([
    // (current − previous) ÷ previous
    [200, 300, (200 - 300) / 300],
    [450, 300, 0.5],
    [-100, 300, -400 / 300],
    [100, 0, undefined],
    [100, -50, undefined],
    [undefined, 300, undefined],
    [100, undefined, undefined],
    [Number.NaN, 300, undefined],
  ])("turns equity %s after %s into %s", (current, previous, expected) => {
    expect(computeEquityChangeRatio(current, previous)).toBe(expected);
  });
});
