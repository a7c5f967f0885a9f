import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useAuth } from "../../auth/auth-context.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { NotFoundPage } from "../../routes/not-found.tsx";
import { useApi } from "../../use-api.ts";
import { getCompany } from "./company-api.ts";
import { EarlyWarningSection } from "./company-early-warning.tsx";
import { CompanyIdentitySection } from "./company-identity.tsx";
import { editorRoles } from "./company-labels.ts";
import { StatementsSection } from "./company-statements.tsx";
import { readNavigationState } from "./navigation-state.ts";

export function CompanyPage() {
  const { companyId = "" } = useParams();
  const { t } = useTranslation("companies");
  const auth = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = readNavigationState(location.state);
  // "Saved" is said once: the history entry forgets it, so that a reload does not say it again.
  const [saved] = useState(navigation.saved);
  const [accessVersion, setAccessVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival.
  useEffect(() => {
    if (navigation.saved)
      navigate(location.pathname, { replace: true, state: { listSearch: navigation.listSearch } });
  }, []);
  const identity = useApi(() => getCompany(companyId));
  if (identity.status === "loading") return <p role="status">{t("translation:common.loading")}</p>;
  if (identity.status === "error") {
    // A company outside what the user may see does not exist for them.
    if (identity.error.status === 404 || identity.error.status === 400) return <NotFoundPage />;
    return <ErrorAlert error={identity.error} />;
  }
  const company = identity.data;
  return (
    <>
      <header className="page-header companies-page-header">
        <div>
          <p className="page-header__kicker">
            <Link to={`/companies${navigation.listSearch}`} className="companies-back">
              <span aria-hidden="true">← </span>
              {t("page.back")}
            </Link>
          </p>
          <h1>{company.name}</h1>
          <p className="companies-subtitle">
            <span>{t("translation:companies.kicker")}</span>
            <span aria-hidden="true"> · </span>
            <span>{t(`page.access.${company.access}`)}</span>
          </p>
        </div>
        {auth.hasRole(...editorRoles) && (
          <div className="companies-header-actions">
            <Link
              to={`/companies/${company.id}/edit`}
              state={{ listSearch: navigation.listSearch }}
              className="button"
            >
              {t("page.edit")}
            </Link>
          </div>
        )}
      </header>
      {saved && (
        <div role="status" className="alert alert--success companies-saved">
          {t(`page.saved.${saved}`)}
        </div>
      )}
      <CompanyIdentitySection company={company} />
      <StatementsSection
        companyId={company.id}
        companyName={company.name}
        onAccessOpened={() => setAccessVersion((version) => version + 1)}
      />
      <EarlyWarningSection key={accessVersion} companyId={company.id} />
    </>
  );
}
