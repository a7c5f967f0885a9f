import type { RiskModelResult, SourcedThreshold } from "../../../contracts/company-risk.ts";
import type { Formatters } from "../../i18n/format.ts";
import type { Tone } from "./risk-chart-options.ts";

/** The `t` of the risk namespace, as the helpers need it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The tone of a zone, band or level: what colour its badge gets (the badge also says it in words). */
export function toneOfZone(zone: string | null | undefined): Tone | undefined {
  switch (zone) {
    case "red":
    case "distress":
    case "failing":
    case "crisis_presumed":
    case "signal":
    case "economic_imbalance":
    case "margin_cannot_carry_debt":
      return "danger";
    case "orange":
    case "grey":
    case "partial_signals":
    case "incomplete":
    case "depends_on_industrial_initiatives":
      return "warning";
    case "green":
    case "safe":
    case "not_failing":
    case "no_distress":
    case "no_signal":
    case "no_crisis_presumed":
    case "contained_difficulties":
    case "still_contained":
      return "success";
    default:
      return undefined;
  }
}

/** Scores and probabilities with two decimals, in the user's locale. */
export const formatScore = (format: Formatters, value: number) => format.number(value, 2);

/** A model's cut-off in words, e.g. "distress below 1.10". */
export function describeThreshold(t: Translate, format: Formatters, threshold: SourcedThreshold): string {
  return t(`models.thresholdNames.${threshold.name}`, {
    value: format.number(threshold.value, 2),
    defaultValue: `${threshold.name} ${threshold.value}`,
  });
}

/** What a model's cell says: value and zone, or why it is not computable. */
export function describeModelCell(t: Translate, format: Formatters, result: RiskModelResult): string {
  if (result.status !== "computed") return t("models.notComputable");
  const zone = result.zone ? t(`zones.${result.zone}`, { defaultValue: result.zone }) : "";
  if (result.model === "alert_level") return zone;
  if (result.model === "cndcec_screen") {
    return result.value === null ? zone : `${zone} · ${t("models.breachedCount", { count: result.value })}`;
  }
  return result.value === null ? zone : `${formatScore(format, result.value)} · ${zone}`;
}
