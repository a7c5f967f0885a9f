import type { ModelId, SourcedValue } from "./model-result.ts";
import type { RuleSet } from "./rule-sets/crisis-code-2019.ts";
import type { DistressModelsRuleSet } from "./scoring-rule-set.ts";

/** A named cut-off of a model, with its rule-set source: what the UI draws as a threshold line. */
export type ModelThreshold = { name: string; value: number; source: string; tag: SourcedValue["tag"] };

const named = (name: string, sourced: SourcedValue): ModelThreshold => ({
  name,
  value: sourced.value,
  source: sourced.source,
  tag: sourced.tag,
});

/**
 * The zone cut-offs of a model, read from the rule sets (never literals): Altman distress/safe, Zmijewski
 * and Ohlson probability cut-offs, Springate failing cut-off, the CNDCEC DSCR cut-off. Empty for models
 * whose zones are not a cut-off on one value (alert level, legal signals).
 */
export function findModelThresholds(
  model: ModelId,
  ruleSets: { crisisCode: RuleSet; distress: DistressModelsRuleSet },
): ModelThreshold[] {
  const { distress } = ruleSets;
  switch (model) {
    case "altman_z":
      return [
        named("distressBelow", distress.altmanZ.distressBelow),
        named("safeAbove", distress.altmanZ.safeAbove),
      ];
    case "altman_z_prime":
      return [
        named("distressBelow", distress.altmanZPrime.distressBelow),
        named("safeAbove", distress.altmanZPrime.safeAbove),
      ];
    case "altman_z_double_prime":
      return [
        named("distressBelow", distress.altmanZDoublePrime.distressBelow),
        named("safeAbove", distress.altmanZDoublePrime.safeAbove),
      ];
    case "zmijewski":
      return [named("distressProbabilityAtLeast", distress.zmijewski.distressProbabilityAtLeast)];
    case "springate":
      return [named("failingBelow", distress.springate.failingBelow)];
    case "ohlson":
      return [named("distressProbabilityAbove", distress.ohlson.distressProbabilityAbove)];
    case "cndcec_screen":
      return [named("debtServiceCoverageCutOff", ruleSets.crisisCode.cndcec.debtServiceCoverageCutOff)];
    case "recovery_test":
      return [
        named("containedUpTo", ruleSets.crisisCode.recoveryTest.containedUpTo),
        named("stillContainedUpTo", ruleSets.crisisCode.recoveryTest.stillContainedUpTo),
        named("dependsOnInitiativesUpTo", ruleSets.crisisCode.recoveryTest.dependsOnInitiativesUpTo),
      ];
    default:
      return [];
  }
}
