import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useNavigate } from "react-router";
import { useAuth } from "../auth/auth-context.tsx";
import { NotificationBell } from "../features/notifications/notification-bell.tsx";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { usePageTitle } from "./use-page-title.ts";

export function Layout() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [main, setMain] = useState<HTMLElement | null>(null);
  usePageTitle(main, t("app.name"));
  async function signOut() {
    await auth.signOut();
    navigate("/login");
  }
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
            {auth.status === "signed-in" && <NavLink to="/companies">{t("nav.companies")}</NavLink>}
            {auth.status === "signed-in" && <NavLink to="/early-warning">{t("detection:nav")}</NavLink>}
            {auth.status === "signed-in" ? (
              <NavLink to="/districts">{t("districts:nav")}</NavLink>
            ) : (
              <NavLink to="/public/districts">{t("districts:navPublic")}</NavLink>
            )}
            {auth.status === "signed-in" && <NavLink to="/series">{t("series:nav")}</NavLink>}
            {auth.hasRole("administrator") && <NavLink to="/admin">{t("nav.administration")}</NavLink>}
            <a href="/api/docs">{t("nav.apiReference")}</a>
          </nav>
          <div className="header-tools">
            <LanguageSwitcher />
            {auth.status === "signed-in" && auth.user ? (
              <>
                <NotificationBell />
                <NavLink
                  to="/account"
                  className="header-link"
                  title={t("nav.signedInAs", { name: auth.user.displayName })}
                >
                  {auth.user.displayName}
                </NavLink>
                <button type="button" className="button button--on-dark" onClick={signOut}>
                  {t("nav.signOut")}
                </button>
              </>
            ) : (
              auth.status === "signed-out" && (
                <NavLink to="/login" className="button button--on-dark">
                  {t("nav.signIn")}
                </NavLink>
              )
            )}
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1} ref={setMain}>
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
