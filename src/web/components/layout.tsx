import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import { LanguageSwitcher } from "./language-switcher.tsx";

export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <NavLink to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              S
            </span>
            <span className="brand__text">
              <span className="brand__name">{t("app.name")}</span>
              <span className="brand__tagline">{t("app.tagline")}</span>
            </span>
          </NavLink>
          <nav aria-label={t("nav.label")} className="main-nav">
            <NavLink to="/" end>
              {t("nav.home")}
            </NavLink>
            <a href="/api/docs">{t("nav.apiReference")}</a>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>
          {t("app.name")} — {t("footer.licence")}
        </p>
      </footer>
    </>
  );
}
