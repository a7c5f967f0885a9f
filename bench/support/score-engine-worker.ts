// A worker of the bench's engine pool: the engine path (score-engine-batch.ts) over its range of rows.
import type { LegalFormCode } from "../../src/domain/companies/normalise-legal-form.ts";
import { readScoreBatchRange } from "../../src/server/features/scoring/score-batch-in-workers.ts";
import { serveColumnTasks } from "../../src/server/features/scoring/serve-column-tasks.ts";
import { scoreEngineBatch } from "./score-engine-batch.ts";
import { flattenEngineResult } from "./score-engine-in-workers.ts";

serveColumnTasks({
  scoreEngine(range) {
    const { columns, previousYear } = readScoreBatchRange(range);
    if (!previousYear) throw new Error("The engine path needs previous-year columns");
    return flattenEngineResult(
      scoreEngineBatch({
        rowCount: range.rowCount,
        current: columns,
        previous: previousYear,
        sectorGroup: range.numbers.sectorGroup as Uint8Array,
        legalForm: range.texts.legalForm as LegalFormCode[],
      }),
    );
  },
});
