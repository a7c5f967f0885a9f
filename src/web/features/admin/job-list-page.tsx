import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";

const JobRunListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      state: z.enum(["queued", "running", "succeeded", "failed"]),
      reason: z.string(),
      done: z.number(),
      total: z.number(),
      error: z.string().nullable(),
      queuedAt: z.string(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
    }),
  ),
});

const stateTone = {
  queued: "",
  running: "badge--warning",
  succeeded: "badge--success",
  failed: "badge--danger",
} as const;

/** Background work (scoring runs) with its progress; refreshes itself while something is running. */
export function JobListPage() {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const runs = useApi(() => apiRequest("/api/admin/jobs", JobRunListSchema));
  const [error, setError] = useState<unknown>();
  const [isQueued, setIsQueued] = useState(false);
  const isActive =
    runs.status === "ready" &&
    runs.data.items.some((run) => run.state === "queued" || run.state === "running");

  useEffect(() => {
    if (!isActive) return;
    const timer = setInterval(runs.reload, 2000);
    return () => clearInterval(timer);
  }, [isActive, runs.reload]);

  async function rescore() {
    setError(undefined);
    setIsQueued(false);
    try {
      await apiRequest("/api/admin/jobs/scoring", z.object({ jobRunId: z.string() }), {
        method: "POST",
        body: { scope: "all" },
      });
      setIsQueued(true);
      runs.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">{t("home.title")}</p>
        <h1>{t("jobs.title")}</h1>
      </header>
      <p className="admin-lead">{t("jobs.lead")}</p>
      <section className="panel" aria-labelledby="jobs-title">
        <div className="form__actions">
          <button type="button" className="button" onClick={rescore}>
            {t("jobs.rescore")}
          </button>
        </div>
        {isQueued && <p role="status">{t("jobs.queued")}</p>}
        <ErrorAlert error={error} />
        <h2 id="jobs-title">{t("jobs.listTitle")}</h2>
        {runs.status === "loading" && <p role="status">{t("translation:common.loading")}</p>}
        {runs.status === "error" && <ErrorAlert error={runs.error} />}
        {runs.status === "ready" &&
          (runs.data.items.length === 0 ? (
            <p className="empty-state">{t("jobs.empty")}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("jobs.queuedAt")}</th>
                  <th scope="col">{t("jobs.reason")}</th>
                  <th scope="col">{t("jobs.state")}</th>
                  <th scope="col">{t("jobs.progress")}</th>
                  <th scope="col">{t("jobs.finishedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {runs.data.items.map((run) => (
                  <tr key={run.id}>
                    <td>{format.dateTime(run.queuedAt)}</td>
                    <td>{run.reason}</td>
                    <td>
                      <span className={`badge ${stateTone[run.state]}`}>{t(`jobs.states.${run.state}`)}</span>
                      {run.error && <p className="field__error">{run.error}</p>}
                    </td>
                    <td>
                      {t("jobs.companiesProgress", {
                        done: format.number(run.done),
                        total: format.number(run.total),
                      })}
                    </td>
                    <td>{run.finishedAt ? format.dateTime(run.finishedAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </section>
    </>
  );
}
