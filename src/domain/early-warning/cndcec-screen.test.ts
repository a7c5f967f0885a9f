import { describe, expect, it } from "vitest";
import type { LineItemValues, StatementFormat } from "../statements/line-items.ts";
import { type CrisisCodeContext, type CrisisCodeScreen, screenCrisisCode } from "./cndcec-screen.ts";
import { healthyManufacturingItems, makeCrisisCodeStatement } from "./make-crisis-code-statement.ts";
import type { NotComputable, StatementInput } from "./model-result.ts";
import { crisisCodeRuleSet2019 } from "./rule-sets/crisis-code-2019.ts";

const manufacturing: CrisisCodeContext = { atecoCode: "13.20", sectorGroup: { status: "mapped", group: 2 } };

function screen(statement: StatementInput, context: Partial<CrisisCodeContext> = {}): CrisisCodeScreen {
  const result: CrisisCodeScreen | NotComputable = screenCrisisCode(
    statement,
    { ...manufacturing, ...context },
    crisisCodeRuleSet2019,
  );
  if (result.status !== "computed") throw new Error(result.reason);
  return result;
}

// Items in thousands of euro, on top of the healthy manufacturing company (no index breached).
const withItems = (items: LineItemValues, format?: StatementFormat) =>
  makeCrisisCodeStatement({ ...healthyManufacturingItems, ...items }, { format });

// Equity and share capital in cents, to reach the €1 minimum exactly.
function withEquityCents(
  legalForm: string,
  equityCents: number,
  shareCapitalCents = 10_000_000,
): StatementInput {
  const statement = makeCrisisCodeStatement(healthyManufacturingItems, { legalForm });
  return {
    ...statement,
    items: { ...statement.items, equity: equityCents, shareCapital: shareCapitalCents },
  };
}

// Every index breached in group 2: I1 = 400/10000 = 4 % > 3.0; I2 = 500/9100 = 5.49 % < 7.6;
// I3 = (−100 + 100)/10000 = 0 % < 0.5; I4 = (3000+2000+0+0+100)/7100 = 71.83 % < 93.7;
// I5 = (400+100)/10000 = 5 % > 4.9.
const allBreached: LineItemValues = {
  interestAndOtherFinancialCharges: 400,
  equity: 500,
  netResult: -100,
  receivablesDueWithinOneYear: 2_000,
  cashAndEquivalents: 0,
  taxDebts: 400,
};

describe(screenCrisisCode, () => {
  it.each([
    // S.p.A. / S.a.p.A.: minimum €50,000 = 5,000,000 cents; equal is not below
    { legalForm: "spa", equityCents: 5_000_000, result: "adequate" },
    { legalForm: "spa", equityCents: 4_999_999, result: "below_legal_minimum" },
    { legalForm: "spa", equityCents: -1, result: "negative_equity" },
    { legalForm: "sapa", equityCents: 5_000_000, result: "adequate" },
    { legalForm: "sapa", equityCents: 4_999_999, result: "below_legal_minimum" },
    // S.r.l. with capital €10,000 (not below €10,000): minimum €10,000 = 1,000,000 cents
    { legalForm: "srl", equityCents: 1_000_000, capitalCents: 1_000_000, result: "adequate" },
    { legalForm: "srl", equityCents: 999_999, capitalCents: 1_000_000, result: "below_legal_minimum" },
    // S.r.l. with capital €9,999.99 < €10,000: minimum €1 = 100 cents
    { legalForm: "srl", equityCents: 100, capitalCents: 999_999, result: "adequate" },
    { legalForm: "srl", equityCents: 99, capitalCents: 999_999, result: "below_legal_minimum" },
    { legalForm: "srl", equityCents: 0, capitalCents: 999_999, result: "below_legal_minimum" },
    // S.r.l.s.: always €1
    { legalForm: "srls", equityCents: 100, result: "adequate" },
    { legalForm: "srls", equityCents: 99, result: "below_legal_minimum" },
    // Other forms: negative equity only (0 is not negative)
    { legalForm: "cooperative", equityCents: 0, result: "adequate" },
    { legalForm: "cooperative", equityCents: -1, result: "negative_equity" },
    { legalForm: "partnership", equityCents: 0, result: "adequate" },
    { legalForm: "partnership", equityCents: -1, result: "negative_equity" },
    { legalForm: "sole_trader", equityCents: -1, result: "negative_equity" },
    { legalForm: "other", equityCents: 0, result: "adequate" },
    // A raw legal-form text is normalised first: an S.r.l. with capital €10,000
    {
      legalForm: "Società a responsabilit&amp;#224; limitata",
      equityCents: 999_999,
      capitalCents: 1_000_000,
      result: "below_legal_minimum",
    },
  ])(
    "judges equity $equityCents cents of a $legalForm as $result",
    ({ legalForm, equityCents, capitalCents, result }) => {
      const outcome = screen(withEquityCents(legalForm, equityCents, capitalCents));
      expect(outcome.equityStep.result).toBe(result);
      expect(outcome.zone === "crisis_presumed" && outcome.value).toEqual(
        result === "adequate" ? false : { kind: "crisis_presumed", trigger: "equity" },
      );
    },
  );

  it("prefers the subscribed capital the user entered over the statement's share capital", () => {
    // Statement capital €100,000 but entered €5,000 < €10,000 → minimum €1; equity 100 cents is not below it
    const outcome = screen(withEquityCents("srl", 100), { subscribedShareCapitalCents: 500_000 });
    expect(outcome.equityStep).toMatchObject({
      result: "adequate",
      minimumCents: { value: 100 },
      subscribedShareCapital: { cents: 500_000, from: "context" },
    });
  });

  it.each([
    { dscr: 0.99, outcome: { kind: "crisis_presumed", trigger: "dscr" } },
    { dscr: 1, outcome: { kind: "no_crisis_presumed", trigger: "dscr" } },
    { dscr: 1.5, outcome: { kind: "no_crisis_presumed", trigger: "dscr" } },
  ])("decides on a supplied DSCR of $dscr, indices still shown", ({ dscr, outcome }) => {
    const result = screen(withItems(allBreached), { dscr });
    expect(result.value).toEqual(outcome);
    expect(result.inputs.dscr).toBe(dscr);
    // I1 = 400/10000 = 4 % > 3.0, computed as information
    expect(result.indices.I1).toMatchObject({ status: "computed", percent: 4, isBreached: true });
  });

  it("lets negative equity decide before a DSCR at or above 1", () => {
    const result = screen(withEquityCents("spa", -1), { dscr: 2 });
    expect(result.value).toEqual({ kind: "crisis_presumed", trigger: "equity" });
  });

  it("rejects a DSCR that is not a finite number", () => {
    expect(() => screen(withItems({}), { dscr: Number.NaN })).toThrow(RangeError);
  });

  it.each<{
    case: string;
    items: LineItemValues;
    format?: StatementFormat;
    outcome: CrisisCodeScreen["value"];
  }>([
    { case: "no signal: all five computable, none breached", items: {}, outcome: { kind: "no_signal" } },
    {
      case: "partial signals: I1 = 400/10000 = 4 % > 3.0 only, 1 of 5",
      items: { interestAndOtherFinancialCharges: 400 },
      outcome: { kind: "partial_signals", breached: ["I1"], computableCount: 5, notComputable: [] },
    },
    {
      case: "crisis presumed: all five computable and breached",
      items: allBreached,
      outcome: { kind: "crisis_presumed", trigger: "all_indices" },
    },
    {
      case: "partial signals, not crisis: I1–I4 breached and I5 missing in an abridged filing, 4 of 4",
      items: { ...allBreached, taxDebts: undefined, socialSecurityDebts: undefined },
      format: "abridged",
      outcome: {
        kind: "partial_signals",
        breached: ["I1", "I2", "I3", "I4"],
        computableCount: 4,
        notComputable: ["I5"],
      },
    },
    {
      case: "incomplete: an abridged filing without D.12/D.13, none breached",
      items: { taxDebts: undefined, socialSecurityDebts: undefined },
      format: "abridged",
      outcome: { kind: "incomplete", notComputable: ["I5"] },
    },
    {
      case: "incomplete: a micro filing without cash-flow statement misses I3 (B.9.c) and I5",
      items: { taxDebts: undefined, socialSecurityDebts: undefined, nonMonetaryAdjustments: undefined },
      format: "micro",
      outcome: { kind: "incomplete", notComputable: ["I3", "I5"] },
    },
    {
      case: "incomplete: a zero revenue makes I1 not computable",
      items: { revenue: 0 },
      outcome: { kind: "incomplete", notComputable: ["I1"] },
    },
  ])("ends in $case", ({ items, format, outcome }) => {
    // An item set to undefined is removed: the filing does not carry it.
    const merged = Object.entries({ ...healthyManufacturingItems, ...items });
    const present = Object.fromEntries(merged.filter(([, value]) => value !== undefined));
    const statement = makeCrisisCodeStatement(present, { format });
    expect(screen(statement).value).toEqual(outcome);
  });

  it.each<{ case: string; sectorGroup: CrisisCodeContext["sectorGroup"]; reason: string }>([
    {
      case: "a sector without thresholds",
      sectorGroup: { status: "no_benchmark" },
      reason: "without CNDCEC thresholds",
    },
    {
      case: "a sector not mapped",
      sectorGroup: { status: "not_mapped", reason: "ATECO 2025 code" },
      reason: "sector not mapped: ATECO 2025 code",
    },
    { case: "no ATECO code", sectorGroup: undefined, reason: "no ATECO code" },
    { case: "a group the rule set lacks", sectorGroup: { status: "mapped", group: 11 }, reason: "group 11" },
  ])("ends in no benchmark for $case, values shown without thresholds", ({ sectorGroup, reason }) => {
    const result = screen(withItems(allBreached), { sectorGroup });
    expect(result.value).toMatchObject({ kind: "no_benchmark" });
    expect(result.value.kind === "no_benchmark" && result.value.reason).toContain(reason);
    expect(result.sectorGroup).toBeUndefined();
    expect(result.indices.I1).toMatchObject({ status: "computed", percent: 4, isBreached: undefined });
  });

  it("records the rule-set version and the amounts the steps used", () => {
    const result = screen(withEquityCents("spa", 6_000_000), { dscr: 1.2, declaredDividendsCents: 300 });
    expect(result).toMatchObject({
      model: "cndcec_screen",
      ruleSetVersion: "crisis-code-2019.1",
      inputs: { equity: 6_000_000, equityMinimum: 5_000_000, declaredDividends: 300, dscr: 1.2 },
    });
  });
});
