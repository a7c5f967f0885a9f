import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

export function NotFoundPage() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1 id="not-found-title">{t("notFound.title")}</h1>
      <p>{t("notFound.text", { path: location.pathname })}</p>
      <Link to="/" className="button">
        {t("notFound.home")}
      </Link>
    </section>
  );
}
