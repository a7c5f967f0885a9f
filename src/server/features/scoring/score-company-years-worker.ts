// A worker of createCompanyYearScoringPool: scores its range of rows with the pure scoreRows, straight
// into the shared result columns.
import { scoreRows } from "../../../domain/early-warning/score-company-year-rows.ts";
import {
  assembleScoreColumns,
  readNamedColumns,
  type ScoringTaskParameters,
} from "./score-company-years-in-workers.ts";
import { serveColumnTasks } from "./serve-column-tasks.ts";

serveColumnTasks({
  scoreCompanyYears(range, parameters) {
    const { ruleSets, legalForms, hasPrevious } = parameters as ScoringTaskParameters;
    const { numbers } = range;
    const output = assembleScoreColumns(range.outputs, ruleSets.distress.version, range.rowCount);
    scoreRows(
      {
        rowCount: range.rowCount,
        current: readNamedColumns(numbers, "current."),
        formatCodes: numbers.formatCodes as Uint8Array,
        previous: hasPrevious
          ? {
              columns: readNamedColumns(numbers, "previous."),
              formatCodes: numbers.previousFormatCodes as Uint8Array,
            }
          : undefined,
        screen: {
          sectorGroup: numbers.sectorGroup as Uint8Array,
          legalFormCodes: numbers.legalFormCodes as Uint8Array,
          legalForms,
          ruleSet: ruleSets.crisisCode,
        },
      },
      ruleSets.distress,
      output,
      range.start,
      range.end,
    );
    return output.alertLevel.decisions;
  },
});
