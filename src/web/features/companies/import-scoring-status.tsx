import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ImportScoringBody } from "../../../contracts/imports.ts";
import { JobRunSchema, type JobRunState } from "../../../contracts/jobs.ts";
import { apiRequest } from "../../api-client.ts";
import { useAuth } from "../../auth/auth-context.tsx";

const pollingIntervalMs = 1500;
const isFinished = (state: JobRunState) => state === "succeeded" || state === "failed";

/** The scoring an import queued: follows its job run until the scores are stored (or it failed). */
export function ImportScoringStatus({ scoring }: { scoring: ImportScoringBody }) {
  const { t } = useTranslation("companies");
  const auth = useAuth();
  const [state, setState] = useState<JobRunState>(scoring.state);

  useEffect(() => {
    if (isFinished(state)) return;
    let isCancelled = false;
    const timer = setInterval(() => {
      apiRequest(`/api/jobs/${scoring.jobRunId}`, JobRunSchema).then(
        (run) => !isCancelled && setState(run.state),
        // A failed poll keeps the last state shown; the next one tries again.
        () => {},
      );
    }, pollingIntervalMs);
    return () => {
      isCancelled = true;
      clearInterval(timer);
    };
  }, [scoring.jobRunId, state]);

  return (
    <span className="import-scoring">
      {t(`statementImport.scoring.${state}`)}
      {auth.hasRole("administrator") && !isFinished(state) && (
        <>
          {" "}
          <Link to="/admin/jobs">{t("statementImport.scoring.follow")}</Link>
        </>
      )}
    </span>
  );
}
