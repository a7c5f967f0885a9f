import { createColumnReader, createItemList, readBlockCells, rowsPerBlock } from "./batch-programs.ts";
import { openBlockScratch } from "./block-kernels.ts";
import {
  type AlertLevelColumns,
  clearAlertLevelDecisions,
  createAlertLevelDecider,
  decideAlertLevelBlock,
} from "./decide-alert-level-columns.ts";
import type { RuleSet } from "./rule-sets/crisis-code-2019.ts";
import type { BatchScores } from "./score-batch.ts";
import type { IndexColumns } from "./score-index-columns.ts";
import { createModelColumns, planModels, scoreModelBlock } from "./score-model-blocks.ts";
import { createIndexColumns, planScreen, screenBlock } from "./score-screen-blocks.ts";
import {
  type ItemColumns,
  noStatementFormatCode,
  type StatementColumns,
} from "./scoring-financial-aggregates.ts";
import type { DistressModelsRuleSet } from "./scoring-rule-set.ts";

// The batch path of the early-warning engine. Rows are taken a block at a time: each item column of the
// block is read once, by the §0 convention, into the block's cells; the models, the CNDCEC screen and the
// alert level of the block are computed from those cells, which stay in the processor's cache. Rows are
// independent, so a call may score any range of rows into columns shared with other calls (other threads).

/** The rows as the batch path takes them: columns, their format codes (encodeFormatCodes) and, for the screen, sectors and legal forms. */
export type RowsInput = {
  rowCount: number;
  /** The current year's item columns and period-end years (the formats are given as codes). */
  current: Omit<StatementColumns, "format">;
  formatCodes: Uint8Array;
  previous: { columns: ItemColumns; formatCodes: Uint8Array } | undefined;
  /** Without a screen only the models are scored (scoreBatch). */
  screen:
    | {
        sectorGroup: Uint8Array;
        /** Each row's legal form as its index in `legalForms` (encodeLegalForms). */
        legalFormCodes: Uint8Array;
        legalForms: readonly string[];
        ruleSet: RuleSet;
      }
    | undefined;
};

/** The result columns: the models, and with a screen the indices and alert levels. */
export type RowsOutput = { models: BatchScores; indices?: IndexColumns; alertLevel?: AlertLevelColumns };

/** Output columns for `rowCount` rows; scoreRows writes every cell of the rows it scores. */
export function createRowsOutput(
  ruleSet: DistressModelsRuleSet,
  rowCount: number,
  parts: { hasOhlson: boolean; hasScreen: boolean },
): RowsOutput {
  const models = createModelColumns(ruleSet, rowCount, parts.hasOhlson);
  if (!parts.hasScreen) return { models };
  return {
    models,
    indices: createIndexColumns(rowCount),
    alertLevel: { level: new Uint8Array(rowCount), decision: new Uint16Array(rowCount), decisions: [] },
  };
}

/**
 * Scores rows start … end − 1 of the input into the output columns (the alert level's decisions are
 * appended to output.alertLevel.decisions, or replace them with `replaceDecisions`, once the rule sets
 * are compiled). See scoreCompanyYearColumns (every part) and scoreBatch (the models only) for what the
 * parts are.
 */
export function scoreRows(
  input: RowsInput,
  ruleSet: DistressModelsRuleSet,
  output: RowsOutput,
  start = 0,
  end = input.rowCount,
  replaceDecisions = false,
): void {
  const { current, formatCodes, previous, screen } = input;
  const itemList = createItemList();
  // The block's scratch arrays, in this thread's kernel memory (block-kernels.ts).
  const scratch = openBlockScratch();
  const models = planModels(ruleSet, itemList, previous?.columns, scratch);
  const screenPlan = screen && planScreen(screen.ruleSet, screen.legalForms, itemList, scratch);
  const reader = createColumnReader(itemList.items, current, scratch);
  const cells = scratch.takeDoubles(itemList.items.length * rowsPerBlock);
  const { indices, alertLevel } = output;
  if (alertLevel && replaceDecisions) clearAlertLevelDecisions(alertLevel);
  const decide = alertLevel && createAlertLevelDecider(ruleSet, alertLevel);
  for (let blockStart = start; blockStart < end; blockStart += rowsPerBlock) {
    const length = Math.min(rowsPerBlock, end - blockStart);
    readBlockCells(reader, formatCodes, blockStart, length, cells);
    scoreModelBlock(
      models,
      cells,
      formatCodes,
      previous,
      current.periodEndYear,
      output.models,
      blockStart,
      length,
    );
    if (!screen || !screenPlan || !indices) continue;
    screenBlock(
      screenPlan,
      cells,
      current,
      screen.sectorGroup,
      screen.legalFormCodes,
      indices,
      blockStart,
      length,
    );
    if (!decide) continue;
    decideAlertLevelBlock(
      decide,
      { models: output.models, indices },
      {
        current: current.equity,
        previous: previous?.columns.equity,
        previousFormatCodes: previous?.formatCodes,
        noPreviousCode: noStatementFormatCode,
      },
      blockStart,
      length,
    );
  }
}
