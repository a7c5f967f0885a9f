import type { LineItemId, LineItemValues, StatementFormat } from "../statements/line-items.ts";

/** A value taken from a rule set, with where it comes from (shown in the UI next to the result). */
export type SourcedValue<Value = number> = { value: Value; source: string; tag: "V" | "S" | "R" };

/** The identifiers of every early-warning model. */
export type ModelId =
  | "cndcec_screen"
  | "legal_signals"
  | "recovery_test"
  | "altman_z"
  | "altman_z_prime"
  | "altman_z_double_prime"
  | "zmijewski"
  | "springate"
  | "ohlson"
  | "alert_level";

/** Why a model could not be computed: the items (or user inputs) it lacked, or a zero denominator. */
export type NotComputable = {
  status: "not_computable";
  model: ModelId;
  ruleSetVersion: string;
  /** Line-item ids or named inputs (e.g. "marketValueOfEquity", "previousYear") that were missing. */
  missing: string[];
  reason: string;
};

/** A computed model: its value, its zone or band, and the inputs it used (amounts in euro cents). */
export type Computed<Value, Zone extends string> = {
  status: "computed";
  model: ModelId;
  ruleSetVersion: string;
  value: Value;
  zone: Zone;
  inputs: Record<string, number>;
};

export type ModelResult<Value, Zone extends string> = Computed<Value, Zone> | NotComputable;

/** One company-year as the engine sees it. Absent item: 0 if the format has it, missing if not (§0). */
export type StatementInput = {
  format: StatementFormat;
  legalForm: string;
  periodStartOn: string;
  periodEndOn: string;
  items: LineItemValues;
};

/** Reads an item by the §0 convention: absent but in the format → 0; not in the format → undefined. */
export type ItemReader = (id: LineItemId) => number | undefined;
