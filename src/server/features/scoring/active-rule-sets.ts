import { crisisCodeRuleSet2019 } from "../../../domain/early-warning/rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "../../../domain/early-warning/rule-sets/distress-models-2025.ts";

/** The rule sets in force; a new version is published by adding a file and naming it here. */
export const activeRuleSets = { crisisCode: crisisCodeRuleSet2019, distress: distressModels2025 };

/** The version tag the alert level is stored under with the active rule sets. */
export const activeAlertRuleSetVersion = `${activeRuleSets.crisisCode.version}+${activeRuleSets.distress.version}`;
