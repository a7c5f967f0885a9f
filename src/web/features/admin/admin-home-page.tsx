import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { UserPageSchema } from "../../../contracts/users.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useApi } from "../../use-api.ts";
import { buildQueryString } from "./query-string.ts";

const sections = [
  { key: "users", path: "/admin/users" },
  { key: "territories", path: "/admin/territories" },
  { key: "partners", path: "/admin/partners" },
  { key: "audit", path: "/admin/audit" },
  { key: "outbox", path: "/admin/outbox" },
  { key: "jobs", path: "/admin/jobs" },
] as const;

/** The API pages users; the count walks the pages (there are few users with grants due at once). */
async function countUsersWithReviewDue(): Promise<number> {
  let count = 0;
  let after: string | null = null;
  do {
    const query = buildQueryString({ reviewDue: true, limit: 100, after });
    const page = await apiRequest(`/api/admin/users${query}`, UserPageSchema);
    count += page.items.length;
    after = page.nextAfter;
  } while (after);
  return count;
}

export function AdminHomePage() {
  const { t } = useTranslation("admin");
  return (
    <>
      <header className="page-header">
        <h1>{t("home.title")}</h1>
      </header>
      <p className="admin-lead">{t("home.lead")}</p>
      <ReviewDuePanel />
      <ul className="card-grid admin-cards">
        {sections.map((section) => (
          <li key={section.key} className="card admin-card">
            <h2>
              <Link to={section.path}>{t(`home.sections.${section.key}.title`)}</Link>
            </h2>
            <p>{t(`home.sections.${section.key}.text`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function ReviewDuePanel() {
  const { t } = useTranslation("admin");
  const count = useApi(countUsersWithReviewDue);
  return (
    <section className="panel admin-review-panel" aria-labelledby="review-due-title">
      <h2 id="review-due-title">{t("home.reviewTitle")}</h2>
      {count.status === "loading" && <p role="status">{t("translation:common.loading")}</p>}
      {count.status === "error" && <ErrorAlert error={count.error} />}
      {count.status === "ready" &&
        (count.data === 0 ? (
          <p>{t("home.reviewNone")}</p>
        ) : (
          <p>
            <Link
              to="/admin/users?reviewDue=true"
              className="admin-review-link"
              data-testid="review-due-link"
            >
              {t("home.reviewDue", { count: count.data })}
            </Link>
          </p>
        ))}
      <p className="field__hint">{t("home.reviewExplanation")}</p>
    </section>
  );
}
