// A worker of createScoreBatchPool: scores its range of rows with the pure scoreBatch.
import { scoreBatch } from "../../../domain/early-warning/score-batch.ts";
import type { DistressModelsRuleSet } from "../../../domain/early-warning/scoring-rule-set.ts";
import { flattenBatchScores, readScoreBatchRange } from "./score-batch-in-workers.ts";
import { serveColumnTasks } from "./serve-column-tasks.ts";

serveColumnTasks({
  scoreBatch(range, parameters) {
    const { ruleSet } = parameters as { ruleSet: DistressModelsRuleSet };
    const { columns, previousYear } = readScoreBatchRange(range);
    return flattenBatchScores(scoreBatch(columns, ruleSet, previousYear));
  },
});
