import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CompanyRisk,
  feedbackReasonCodes,
  type ScoreFeedbackInput,
} from "../../../contracts/company-risk.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { giveFeedback } from "./risk-api.ts";

/** "Useful / not useful" on a year's result, with a reason code, an optional model and comment. */
export function FeedbackSection({ risk }: { risk: CompanyRisk }) {
  const { t } = useTranslation("risk");
  const latest = risk.years.at(-1);
  const [isUseful, setIsUseful] = useState<boolean>();
  const [period, setPeriod] = useState(latest?.periodEndOn ?? "");
  const [model, setModel] = useState("");
  const [reasonCode, setReasonCode] = useState<ScoreFeedbackInput["reasonCode"]>("matches_knowledge");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<unknown>();
  const [isSent, setIsSent] = useState(false);
  if (!latest) return null;

  function choose(useful: boolean) {
    setIsUseful(useful);
    setIsSent(false);
    setReasonCode(useful ? "matches_knowledge" : "false_alarm");
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isUseful === undefined) return;
    setError(undefined);
    try {
      await giveFeedback(risk.company.id, {
        periodEndOn: period,
        isUseful,
        reasonCode,
        ...(model ? { model: model as ScoreFeedbackInput["model"] } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setIsSent(true);
      setIsUseful(undefined);
      setComment("");
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="panel" id="risk-feedback" aria-labelledby="risk-feedback-title">
      <h2 id="risk-feedback-title">{t("feedback.title")}</h2>
      <p className="table__note">{t("feedback.lead")}</p>
      <div className="risk-actions">
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={isUseful === true}
          onClick={() => choose(true)}
        >
          {t("feedback.useful")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={isUseful === false}
          onClick={() => choose(false)}
        >
          {t("feedback.notUseful")}
        </button>
      </div>
      {isSent && (
        <p role="status" className="alert alert--success">
          {t("feedback.sent")}
        </p>
      )}
      {isUseful !== undefined && (
        <form className="form risk-form" onSubmit={submit}>
          <div className="risk-form-grid">
            <div className="field">
              <label htmlFor="feedback-period">{t("feedback.period")}</label>
              <select id="feedback-period" value={period} onChange={(event) => setPeriod(event.target.value)}>
                {[...risk.years].reverse().map((year) => (
                  <option key={year.statementId} value={year.periodEndOn}>
                    {year.fiscalYear}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="feedback-model">{t("feedback.model")}</label>
              <select id="feedback-model" value={model} onChange={(event) => setModel(event.target.value)}>
                <option value="">{t("feedback.anyModel")}</option>
                {latest.models.map((result) => (
                  <option key={result.model} value={result.model}>
                    {t(`models.names.${result.model}`, { defaultValue: result.model })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="feedback-reason">{t("feedback.reason")}</label>
              <select
                id="feedback-reason"
                value={reasonCode}
                onChange={(event) => setReasonCode(event.target.value as ScoreFeedbackInput["reasonCode"])}
              >
                {feedbackReasonCodes.map((code) => (
                  <option key={code} value={code}>
                    {t(`feedback.reasons.${code}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="feedback-comment">{t("feedback.comment")}</label>
            <textarea
              id="feedback-comment"
              maxLength={2000}
              rows={3}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </div>
          {error !== undefined && <ErrorAlert error={error} />}
          <div className="form__actions">
            <button type="submit" className="button">
              {t("feedback.send")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setIsUseful(undefined)}>
              {t("feedback.cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
