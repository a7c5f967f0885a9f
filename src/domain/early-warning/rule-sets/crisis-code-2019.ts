import type { LegalFormCode } from "../../companies/normalise-legal-form.ts";
import type { SourcedValue } from "../model-result.ts";
import {
  type LegalSignalRuleVersion,
  legalSignalRules2022,
  supersededLegalSignals2019,
} from "./legal-signal-rules-2022.ts";

export type { LegalSignalRuleVersion, TaxCollectionCompanyKind } from "./legal-signal-rules-2022.ts";

export const cndcecIndexIds = ["I1", "I2", "I3", "I4", "I5"] as const;

export type CndcecIndexId = (typeof cndcecIndexIds)[number];

/** "above": the alert fires when the index is strictly above the threshold; "below": strictly below. */
export type ThresholdDirection = "above" | "below";

/** The CNDCEC thresholds of one sector group, in percent (7.6 means 7.6 %). */
export type CndcecSectorThresholds = Record<CndcecIndexId, SourcedValue>;

/** The versioned data of early-warning.md sections 1–3; every number carries its source and tag. */
export type RuleSet = {
  version: string;
  cndcec: {
    directions: Record<CndcecIndexId, SourcedValue<ThresholdDirection>>;
    /** Sector groups 1–10 (mapCndcecGroup) → thresholds in percent. */
    thresholdsPercentByGroup: Readonly<Record<number, CndcecSectorThresholds>>;
    /** Step 1: equity strictly below this many cents presumes a crisis (0 = negative equity only). */
    equityMinimumCentsByLegalForm: Record<LegalFormCode, SourcedValue>;
    /** Step 1, S.r.l.: the reduced minimum when subscribed capital is strictly below `subscribedCapitalBelowCents`. */
    reducedLimitedCompanyMinimum: { subscribedCapitalBelowCents: SourcedValue; minimumCents: SourcedValue };
    /** Step 2: DSCR strictly below this presumes a crisis; at or above it, no crisis is presumed. */
    debtServiceCoverageCutOff: SourcedValue;
  };
  legalSignals: {
    /** Dated versions, oldest first: a period is judged by the latest version in force on its end date. */
    versions: readonly LegalSignalRuleVersion[];
    /** The 2019 text's day counts: never in force, shown to explain why periods before the first version have no signals. */
    supersededText2019: { wagesOverdueDays: SourcedValue; supplierDebtsOverdueDays: SourcedValue };
  };
  recoveryTest: {
    decreeVersion: SourcedValue<string>;
    /** Upper bounds of the bands (a ratio equal to a cut-off belongs to the lower band). */
    containedUpTo: SourcedValue;
    stillContainedUpTo: SourcedValue;
    dependsOnInitiativesUpTo: SourcedValue;
  };
};

const cndcecSource =
  "CNDCEC, «Crisi d'impresa – Gli indici dell'allerta», October 2019, sector threshold table (early-warning.md §1; one public transcription: re-key from the CNDCEC PDF)";

// Arguments in index order I1…I5. The CNDCEC table prints liquidity (I4) before cash flow (I3): this
// helper takes them in index order, and crisis-code-2019.test.ts checks cells against the document.
function sectorThresholds(
  group: number,
  percents: readonly [number, number, number, number, number],
): CndcecSectorThresholds {
  const [i1, i2, i3, i4, i5] = percents;
  const cell = (index: CndcecIndexId, value: number): SourcedValue => ({
    value,
    source: `${cndcecSource}, group ${group}, ${index}`,
    tag: "S",
  });
  return {
    I1: cell("I1", i1),
    I2: cell("I2", i2),
    I3: cell("I3", i3),
    I4: cell("I4", i4),
    I5: cell("I5", i5),
  };
}

const direction = (value: ThresholdDirection, index: CndcecIndexId): SourcedValue<ThresholdDirection> => ({
  value,
  source: `${cndcecSource}: ${index} alerts when ${value} the sector threshold`,
  tag: "S",
});

const negativeEquityOnly: SourcedValue = {
  value: 0,
  source:
    "No legal minimum in the CNDCEC screen for this form: negative equity only (early-warning.md §1 step 1)",
  tag: "S",
};

const jointStockMinimum: SourcedValue = {
  value: 5_000_000,
  source:
    "€50,000: c.c. art. 2327 minimum capital, crisis presumed below it per c.c. art. 2447; S.a.p.A. by c.c. art. 2454 (early-warning.md §1 step 1)",
  tag: "S",
};

const oneEuroMinimum: SourcedValue = {
  value: 100,
  source:
    "€1: S.r.l. with subscribed capital below €10,000, allowed since 2013 (c.c. art. 2463; S.r.l.s. art. 2463-bis); early-warning.md §1 step 1",
  tag: "S",
};

/** CNDCEC 2019 screen, art. 3 c.4 and art. 25-novies CCII signals, and the 2023 recovery test: rule-set data. */
export const crisisCodeRuleSet2019: RuleSet = {
  version: "crisis-code-2019.1",
  cndcec: {
    directions: {
      I1: direction("above", "I1"),
      I2: direction("below", "I2"),
      I3: direction("below", "I3"),
      I4: direction("below", "I4"),
      I5: direction("above", "I5"),
    },
    thresholdsPercentByGroup: {
      1: sectorThresholds(1, [2.8, 9.4, 0.3, 92.1, 5.6]),
      2: sectorThresholds(2, [3.0, 7.6, 0.5, 93.7, 4.9]),
      3: sectorThresholds(3, [2.6, 6.7, 1.9, 84.2, 6.5]),
      4: sectorThresholds(4, [3.8, 4.9, 0.4, 108.0, 3.8]),
      5: sectorThresholds(5, [2.8, 5.3, 1.4, 101.1, 5.3]),
      6: sectorThresholds(6, [2.1, 6.3, 0.6, 101.4, 2.9]),
      7: sectorThresholds(7, [1.5, 4.2, 1.0, 89.8, 7.8]),
      8: sectorThresholds(8, [1.5, 4.1, 1.4, 86.0, 10.2]),
      9: sectorThresholds(9, [1.8, 5.2, 1.7, 95.4, 11.9]),
      10: sectorThresholds(10, [2.7, 2.3, 0.5, 69.8, 14.6]),
    },
    equityMinimumCentsByLegalForm: {
      spa: jointStockMinimum,
      sapa: jointStockMinimum,
      srl: {
        value: 1_000_000,
        source: "€10,000: c.c. art. 2463 and art. 2482-ter (early-warning.md §1 step 1)",
        tag: "S",
      },
      srls: oneEuroMinimum,
      cooperative: negativeEquityOnly,
      partnership: negativeEquityOnly,
      sole_trader: negativeEquityOnly,
      other: negativeEquityOnly,
    },
    reducedLimitedCompanyMinimum: {
      subscribedCapitalBelowCents: {
        value: 1_000_000,
        source:
          "S.r.l. whose subscribed capital is below €10,000 (c.c. art. 2463 as amended in 2013); early-warning.md §1 step 1",
        tag: "S",
      },
      minimumCents: oneEuroMinimum,
    },
    debtServiceCoverageCutOff: {
      value: 1,
      source: "CNDCEC October 2019, DSCR at 6 months: below 1 crisis presumed (early-warning.md §1 step 2)",
      tag: "S",
    },
  },
  legalSignals: {
    versions: legalSignalRules2022,
    supersededText2019: supersededLegalSignals2019,
  },
  recoveryTest: {
    decreeVersion: {
      value: "D.M. Giustizia 21-03-2023",
      source: "Ministry of Justice decree 21-03-2023, «test pratico» for the negotiated crisis settlement",
      tag: "S",
    },
    containedUpTo: {
      value: 1,
      source: "D.M. 21-03-2023: ratio up to 1, contained difficulties (early-warning.md §3, default cut-off)",
      tag: "S",
    },
    stillContainedUpTo: {
      value: 2,
      source:
        "D.M. 21-03-2023: up to about 2, still contained, current performance may be enough (early-warning.md §3, default cut-off)",
      tag: "S",
    },
    dependsOnInitiativesUpTo: {
      value: 5,
      source:
        "D.M. 21-03-2023: up to a level «that may lie below 5», recovery depends on industrial initiatives (early-warning.md §3, default cut-off)",
      tag: "S",
    },
  },
};
