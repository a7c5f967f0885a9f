import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { CompanyRisk } from "../../../contracts/company-risk.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { NotFoundPage } from "../../routes/not-found.tsx";
import { useApi } from "../../use-api.ts";
import { getCompanyRisk, reportUrl, setFollowing } from "./risk-api.ts";
import { RiskBadge } from "./risk-badge.tsx";
import { ChangesSection } from "./risk-changes.tsx";
import { FeedbackSection } from "./risk-feedback.tsx";
import { MarketDataForm } from "./risk-market-form.tsx";
import { BreachMatrixSection, StatementsTableSection } from "./risk-matrix.tsx";
import { HistorySection, ModelsSection } from "./risk-models.tsx";
import { RecoveryTestForm } from "./risk-recovery-form.tsx";
import { ManagementSignalsForm } from "./risk-signals-form.tsx";
import "./risk.css";

function FollowToggle({ risk }: { risk: CompanyRisk }) {
  const { t } = useTranslation("risk");
  const [isFollowing, setIsFollowing] = useState(risk.isFollowed);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function toggle() {
    setIsBusy(true);
    setError(undefined);
    try {
      await setFollowing(risk.company.id, !isFollowing);
      setIsFollowing(!isFollowing);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  }
  return (
    <div className="risk-follow">
      <button
        type="button"
        className="button button--secondary"
        aria-pressed={isFollowing}
        disabled={isBusy}
        onClick={toggle}
      >
        {isFollowing ? t("follow.unfollow") : t("follow.follow")}
      </button>
      <p className="table__note" role="status">
        {isFollowing ? t("follow.following") : t("follow.notFollowing")}
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
    </div>
  );
}

function IdentityAndAlert({ risk }: { risk: CompanyRisk }) {
  const { t, i18n } = useTranslation("risk");
  const { company } = risk;
  const isEnglish = i18n.language === "en";
  const sector = isEnglish ? (company.sectorTitleEn ?? company.sectorTitleIt) : company.sectorTitleIt;
  const district = isEnglish ? (company.districtNameEn ?? company.districtNameIt) : company.districtNameIt;
  const latest = risk.years.at(-1);
  return (
    <div className="two-columns risk-overview">
      <section className="panel" aria-labelledby="risk-identity-title">
        <h2 id="risk-identity-title">{t("identity.title")}</h2>
        <dl className="facts">
          <dt>{t("identity.taxCode")}</dt>
          <dd>{company.taxCode}</dd>
          <dt>{t("identity.legalForm")}</dt>
          <dd>{company.legalForm}</dd>
          <dt>{t("identity.sector")}</dt>
          <dd>{[company.atecoCode, sector].filter(Boolean).join(" · ") || t("identity.none")}</dd>
          <dt>{t("identity.district")}</dt>
          <dd>{district ?? t("identity.none")}</dd>
          <dt>{t("identity.municipality")}</dt>
          <dd>{company.municipalityName ?? t("identity.none")}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="risk-alert-title">
        <h2 id="risk-alert-title">{t("alert.title")}</h2>
        {!latest ? (
          <p className="empty-state">{t("page.empty")}</p>
        ) : (
          <>
            <p className="risk-alert-level">
              <span>{t("alert.latestYear", { year: latest.fiscalYear })}</span>{" "}
              <RiskBadge zone={latest.alert.level}>{t(`levels.${latest.alert.level}`)}</RiskBadge>
            </p>
            <p className="risk-actions">
              {latest.alert.isDeteriorating && <RiskBadge zone="red">{t("alert.deteriorating")}</RiskBadge>}
              {latest.alert.isFirstAlert && <RiskBadge zone="orange">{t("alert.firstAlert")}</RiskBadge>}
            </p>
            {latest.alert.previousLevel && (
              <p>{t("alert.previousLevel", { level: t(`levels.${latest.alert.previousLevel}`) })}</p>
            )}
            {latest.alert.reasons.length > 0 && (
              <>
                <h3>{t("alert.reasons")}</h3>
                <ul>
                  {latest.alert.reasons.map((reason) => (
                    <li key={reason}>{t(`reasons.${reason}`, { defaultValue: reason })}</li>
                  ))}
                </ul>
              </>
            )}
            {!latest.alert.isStored && <p className="table__note">{t("alert.notStored")}</p>}
            {latest.withInputs && (
              <p className="table__note">
                {t("alert.withInputs")}{" "}
                <RiskBadge zone={latest.withInputs.level}>{t(`levels.${latest.withInputs.level}`)}</RiskBadge>{" "}
                <a href="#risk-models">{t("alert.withInputsDetails")}</a>
              </p>
            )}
            <p className="table__note">
              {t("page.ruleSets", { crisisCode: risk.ruleSets.crisisCode, distress: risk.ruleSets.distress })}
            </p>
          </>
        )}
      </section>
    </div>
  );
}

const sections = [
  ["risk-models", "models.title"],
  ["risk-history", "history.title"],
  ["risk-matrix", "matrix.title"],
  ["risk-changes", "changes.title"],
  ["risk-statements", "statements.title"],
  ["risk-signals", "signals.title"],
  ["risk-recovery", "recovery.title"],
  ["risk-market", "market.title"],
  ["risk-feedback", "feedback.title"],
] as const;

/** The company risk page: everything the early warning knows of one company, with its sources. */
export function CompanyRiskPage() {
  const { companyId = "" } = useParams();
  const { t, i18n } = useTranslation("risk");
  const risk = useApi(() => getCompanyRisk(companyId));
  if (risk.status === "loading") return <p role="status">{t("translation:common.loading")}</p>;
  if (risk.status === "error") {
    if (risk.error.status === 404 || risk.error.status === 400) return <NotFoundPage />;
    if (risk.error.code === "reason_required") {
      return (
        <section className="panel">
          <h1>{t("title")}</h1>
          <p>{t("page.reasonRequired")}</p>
          <Link to={`/companies/${companyId}`}>{t("page.back")}</Link>
        </section>
      );
    }
    return <ErrorAlert error={risk.error} />;
  }
  const data = risk.data;
  const hasYears = data.years.length > 0;
  return (
    <>
      <header className="page-header risk-header">
        <div>
          <p className="page-header__kicker">
            <Link to={`/companies/${data.company.id}`}>
              <span aria-hidden="true">← </span>
              {t("page.back")}
            </Link>
          </p>
          <h1>{data.company.name}</h1>
          <p className="table__note">
            {t("title")} · {t("page.lead")}
          </p>
        </div>
        <div className="risk-header__actions">
          <FollowToggle risk={data} />
          <a
            className="button"
            href={reportUrl(data.company.id, i18n.language === "en" ? "en" : "it")}
            download
          >
            {t("page.downloadPdf")}
          </a>
        </div>
      </header>
      <nav aria-label={t("page.sections")} className="risk-toc">
        <ul>
          {sections
            .filter(([id]) => hasYears || ["risk-signals", "risk-recovery", "risk-market"].includes(id))
            .map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
        </ul>
      </nav>
      <IdentityAndAlert risk={data} />
      {hasYears && (
        <>
          <ModelsSection risk={data} />
          <HistorySection risk={data} />
          <BreachMatrixSection risk={data} />
          <ChangesSection risk={data} />
          <StatementsTableSection risk={data} />
        </>
      )}
      <ManagementSignalsForm risk={data} />
      <RecoveryTestForm risk={data} />
      <MarketDataForm risk={data} onSaved={risk.reload} />
      {hasYears && <FeedbackSection risk={data} />}
    </>
  );
}
