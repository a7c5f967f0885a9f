/** A rule-set parameter and the citation it comes from. */
export type SourcedParameter<Value = number> = { value: Value; source: string };

/** How often a district series is observed. */
export type SeriesFrequency = "monthly" | "quarterly" | "annual";

/** The three LOESS spans of STL for one seasonal period (Cleveland et al. 1990: n_s, n_l, n_t). */
export type StlSpans = { seasonal: number; lowPass: number; trend: number };

/** The versioned data of early-warning.md §5 (district signals); every number carries its source. */
export type DistrictSignalsRuleSet = {
  version: string;
  /** Observations per year: the YoY lag s and the STL period n_p. */
  seasonalPeriodByFrequency: Record<SeriesFrequency, SourcedParameter>;
  stl: {
    /** Spans per frequency; annual series have no seasonal cycle, so no STL. */
    spansByFrequency: Record<SeriesFrequency, SourcedParameter<StlSpans | null>>;
    isRobust: SourcedParameter<boolean>;
    /** n_i: passes of the inner loop per outer (robustness) pass. */
    innerIterations: SourcedParameter;
    /** n_o: robustness passes. */
    outerIterations: SourcedParameter;
    /** Local polynomial degree of the seasonal, trend and low-pass LOESS fits (0 or 1). */
    loessDegree: SourcedParameter<0 | 1>;
    minimumFullPeriods: SourcedParameter;
  };
  modifiedZ: {
    /** 0.6745 in M = 0.6745·(x − median)/MAD. */
    consistencyConstant: SourcedParameter;
    /** When MAD = 0 the scale is this factor × mean absolute deviation from the median. */
    meanAbsoluteDeviationFactor: SourcedParameter;
    /** Alarm when |M| is strictly greater. */
    alarmThreshold: SourcedParameter;
  };
  /** Preceding observations forming the baseline; null: the document gives no window. */
  baselineLengthByFrequency: Record<SeriesFrequency, SourcedParameter<number | null>>;
  cusum: {
    /** k, in standard deviations. */
    referenceValue: SourcedParameter;
    /** h, in standard deviations: alarm when a cumulative sum is strictly greater. */
    decisionInterval: SourcedParameter;
    allowedDecisionInterval: SourcedParameter<{ minimum: number; maximum: number }>;
    /** σ = this factor × MAD of the baseline window. */
    medianAbsoluteDeviationFactor: SourcedParameter;
  };
  changePoints: {
    /** Penalty = multiplier · σ² · ln n. */
    penaltyMultiplier: SourcedParameter;
    minimumSegmentLength: SourcedParameter;
    /** σ = factor × MAD(first differences) / √2. */
    medianAbsoluteDeviationFactor: SourcedParameter;
  };
};

const section = "early-warning.md §5 (district signals)";
const stlPaper =
  "Cleveland, Cleveland, McRae, Terpenning (1990), STL: A Seasonal-Trend Decomposition Procedure Based on Loess, J. Official Statistics 6(1)";
const iglewiczHoaglin =
  "Iglewicz and Hoaglin (1993), How to Detect and Handle Outliers, ASQC Basic References in Quality Control vol. 16";

export const districtSignalsRuleSet2026: DistrictSignalsRuleSet = {
  version: "district-signals-2026.1",
  seasonalPeriodByFrequency: {
    monthly: { value: 12, source: `${section}: s = 12 for monthly series` },
    quarterly: { value: 4, source: `${section}: s = 4 for quarterly series` },
    annual: { value: 1, source: `${section}: an annual series compares with the previous year (s = 1)` },
  },
  stl: {
    spansByFrequency: {
      monthly: {
        value: { seasonal: 7, lowPass: 13, trend: 23 },
        source: `${section}: seasonal smoother 7; ${stlPaper}, recommended defaults: n_l = least odd ≥ n_p, n_t = least odd ≥ 1.5·n_p/(1 − 1.5/n_s), with n_p = 12`,
      },
      quarterly: {
        value: { seasonal: 7, lowPass: 5, trend: 9 },
        source: `${section}: seasonal smoother 7; ${stlPaper}, recommended defaults with n_p = 4`,
      },
      annual: { value: null, source: `${section}: a period of 1 has no seasonal component to decompose` },
    },
    isRobust: { value: true, source: `${section}: STL is run in its robust form` },
    innerIterations: {
      value: 1,
      source: `${stlPaper} (n_i = 1 when robustness iterations are used); R stats::stl robust = TRUE sets inner = 1`,
    },
    outerIterations: {
      value: 15,
      source: `${stlPaper} (n_o large enough for the robustness weights to settle); R stats::stl robust = TRUE sets outer = 15`,
    },
    loessDegree: {
      value: 1,
      source: `${stlPaper} (locally linear fits, d = 1, for the cycle-subseries, low-pass and trend smoothings)`,
    },
    minimumFullPeriods: {
      value: 2,
      source: `${section}: STL needs at least two full periods, else skip it and work on YoY`,
    },
  },
  modifiedZ: {
    consistencyConstant: { value: 0.6745, source: `${iglewiczHoaglin}; ${section}` },
    meanAbsoluteDeviationFactor: {
      value: 1.253314,
      source: `${section}: when MAD = 0 use 1.253314·mean absolute deviation (√(π/2), the normal-consistency factor)`,
    },
    alarmThreshold: { value: 3.5, source: `${iglewiczHoaglin}; ${section}: alarm when |M| > 3.5` },
  },
  baselineLengthByFrequency: {
    monthly: { value: 24, source: `${section}: the preceding 24 months` },
    quarterly: { value: 8, source: `${section}: the preceding 8 quarters` },
    annual: { value: null, source: `${section} sets no baseline window for annual series` },
  },
  cusum: {
    referenceValue: {
      value: 0.5,
      source: `Page (1954), Continuous Inspection Schemes, Biometrika 41; ${section}: k = 0.5`,
    },
    decisionInterval: { value: 5, source: `Page (1954); ${section}: h = 5` },
    allowedDecisionInterval: {
      value: { minimum: 4, maximum: 5 },
      source: `${section}: h configurable 4–5`,
    },
    medianAbsoluteDeviationFactor: {
      value: 1.4826,
      source: `${section}: σ = 1.4826·MAD of the baseline window (normal consistency, 1/Φ⁻¹(3/4))`,
    },
  },
  changePoints: {
    penaltyMultiplier: {
      value: 2,
      source: `Killick, Fearnhead, Eckley (2012), Optimal Detection of Changepoints With a Linear Computational Cost, JASA 107; ${section}: penalty 2·σ²·ln n`,
    },
    minimumSegmentLength: { value: 4, source: `${section}: minimum segment length 4 observations` },
    medianAbsoluteDeviationFactor: {
      value: 1.4826,
      source:
        "Internal choice recorded in detect-change-points.ts: σ = 1.4826·MAD(first differences)/√2 (differencing removes level shifts; a difference of two independent errors has variance 2σ²)",
    },
  },
};
