import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { NotFoundPage } from "../../routes/not-found.tsx";
import { useApi } from "../../use-api.ts";
import { getCompany } from "./company-api.ts";
import { CompanyForm } from "./company-form.tsx";
import { companyFormValuesFrom, emptyCompanyFormValues } from "./company-form-values.ts";

/** /companies/new: registers a company. */
export function CompanyCreatePage() {
  const { t } = useTranslation("companies");
  return (
    <div className="companies-form-page">
      <header className="page-header">
        <p className="page-header__kicker">
          <Link to="/companies">{t("list.title")}</Link>
        </p>
        <h1>{t("form.createTitle")}</h1>
        <p className="companies-lead">{t("form.createLead")}</p>
      </header>
      <section className="panel" aria-label={t("form.createTitle")}>
        <CompanyForm initial={emptyCompanyFormValues()} />
      </section>
    </div>
  );
}

/** /companies/:companyId/edit: replaces a company's register data. */
export function CompanyEditPage() {
  const { companyId = "" } = useParams();
  const { t } = useTranslation("companies");
  const company = useApi(() => getCompany(companyId));
  if (company.status === "loading") return <p role="status">{t("translation:common.loading")}</p>;
  if (company.status === "error") {
    if (company.error.status === 404 || company.error.status === 400) return <NotFoundPage />;
    return <ErrorAlert error={company.error} />;
  }
  return (
    <div className="companies-form-page">
      <header className="page-header">
        <p className="page-header__kicker">
          <Link to={`/companies/${company.data.id}`}>{company.data.name}</Link>
        </p>
        <h1>{t("form.editTitle", { name: company.data.name })}</h1>
        <p className="companies-lead">{t("form.editLead")}</p>
      </header>
      <section className="panel" aria-label={t("form.editTitle", { name: company.data.name })}>
        <CompanyForm companyId={company.data.id} initial={companyFormValuesFrom(company.data)} />
      </section>
    </div>
  );
}
