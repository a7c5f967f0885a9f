import {
  type CndcecIndexId,
  cndcecIndexIds,
  type RuleSet,
} from "../../src/domain/early-warning/rule-sets/crisis-code-2019.ts";
import {
  incomeStatementCashFlowTerms,
  indexFormulas,
} from "../../src/domain/early-warning/score-index-columns.ts";
import {
  type AggregateId,
  aggregateDefinitions,
} from "../../src/domain/early-warning/scoring-financial-aggregates.ts";
import type { AltmanRule, DistressModelsRuleSet } from "../../src/domain/early-warning/scoring-rule-set.ts";
import { getLineItem, type LineItemId, statementFormats } from "../../src/domain/statements/line-items.ts";

// The SQL DuckDB runs, generated from the engine's own definitions (aggregates, coefficients, cut-offs,
// CNDCEC formulas and thresholds) so both sides compute the same formulas. Amounts are DOUBLE, NULL where
// the filing omits an item; the §0 reading (omitted but in the format → 0) is a CASE on the format.

/** snake_case column name of a line item or aggregate. */
export const toColumnName = (id: string): string =>
  id.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

const literal = (value: number): string => `${String(value)}::DOUBLE`;

function readItem(item: LineItemId): string {
  const column = toColumnName(item);
  const formats = getLineItem(item).formats;
  if (formats.length === statementFormats.length) return `coalesce(${column}, 0::DOUBLE)`;
  const list = formats.map((format) => `'${format}'`).join(", ");
  return `coalesce(${column}, case when format in (${list}) then 0::DOUBLE end)`;
}

const signedSum = (
  terms: readonly { item: LineItemId; sign: 1 | -1 }[],
  read: (item: LineItemId) => string,
) =>
  `(${terms.map(({ item, sign }, index) => `${index === 0 && sign === 1 ? "" : sign === 1 ? "+ " : "- "}${read(item)}`).join(" ")})`;

/** intercept + Σ coefficient × (numerator ÷ denominator), in the rule's order; NULL on a zero denominator. */
function linearScore(rule: AltmanRule): string {
  const terms = rule.terms.map(
    (term) =>
      `${literal(term.coefficient.value)} * (a_${toColumnName(term.numerator)} / nullif(a_${toColumnName(term.denominator)}, 0))`,
  );
  return `(${literal(rule.intercept?.value ?? 0)} + ${terms.join(" + ")})`;
}

const altmanZone = (score: string, rule: AltmanRule) =>
  `case when ${score} is null then 0 when ${score} < ${literal(rule.distressBelow.value)} then 1 ` +
  `when ${score} > ${literal(rule.safeAbove.value)} then 3 else 2 end::UTINYINT`;

/** The items the SQL reads: every term of the aggregates and of the indices. */
export function findSqlItems(): LineItemId[] {
  const items = new Set<LineItemId>();
  for (const terms of Object.values(aggregateDefinitions)) for (const { item } of terms) items.add(item);
  for (const formula of Object.values(indexFormulas)) {
    for (const { item } of [...formula.numerator, ...formula.denominator]) items.add(item);
  }
  for (const { item } of incomeStatementCashFlowTerms) items.add(item);
  return [...items];
}

/** `insert` of the CNDCEC thresholds (percent) by sector group. */
export function buildThresholdsSql(ruleSet: RuleSet): string {
  const rows = Object.entries(ruleSet.cndcec.thresholdsPercentByGroup).map(
    ([group, cells]) =>
      `(${group}, ${cndcecIndexIds.map((index) => literal(cells[index].value)).join(", ")})`,
  );
  return [
    `create or replace table sector_thresholds (sector_group UTINYINT, ${cndcecIndexIds.map((index) => `${index.toLowerCase()} DOUBLE`).join(", ")})`,
    `insert into sector_thresholds values ${rows.join(", ")}`,
  ].join(";\n");
}

/**
 * One statement materialising, per company-year, the five CNDCEC indices (percent) with their breach
 * flags against the sector threshold, Z′ and Z″ with their zones (0 not computable, 1 distress, 2 grey, 3 safe).
 */
export function buildScoringSql(distress: DistressModelsRuleSet, crisisCode: RuleSet): string {
  const aggregateIds = Object.keys(aggregateDefinitions) as AggregateId[];
  const aggregates = aggregateIds.map(
    (id) => `${signedSum(aggregateDefinitions[id], readItem)} as a_${toColumnName(id)}`,
  );
  const indexSql = (index: CndcecIndexId) => {
    const formula = indexFormulas[index];
    const numerator =
      index === "I3"
        ? `case when non_monetary_adjustments is not null then ${signedSum(formula.numerator, readItem)} ` +
          `else ${signedSum(incomeStatementCashFlowTerms, readItem)} end`
        : signedSum(formula.numerator, readItem);
    return `(${numerator}) * 100 / nullif(${signedSum(formula.denominator, readItem)}, 0) as ${index.toLowerCase()}_percent`;
  };
  const breach = (index: CndcecIndexId) => {
    const column = index.toLowerCase();
    const operator = crisisCode.cndcec.directions[index].value === "above" ? ">" : "<";
    return `coalesce(s.${column}_percent ${operator} t.${column}, false) as ${column}_breached`;
  };
  const { altmanZPrime, altmanZDoublePrime } = distress;
  return `create table results as
with aggregated as (
  select row_id, sector_group, ${aggregates.join(",\n    ")},
    ${cndcecIndexIds.map(indexSql).join(",\n    ")}
  from company_years
), scored as (
  select *, ${linearScore(altmanZPrime)} as z_prime, ${linearScore(altmanZDoublePrime)} as z_double_prime
  from aggregated
)
select s.row_id,
  s.z_prime, ${altmanZone("s.z_prime", altmanZPrime)} as z_prime_zone,
  s.z_double_prime, ${altmanZone("s.z_double_prime", altmanZDoublePrime)} as z_double_prime_zone,
  ${cndcecIndexIds.map((index) => `s.${index.toLowerCase()}_percent`).join(", ")},
  ${cndcecIndexIds.map(breach).join(",\n  ")}
from scored s left join sector_thresholds t on t.sector_group = s.sector_group`;
}
