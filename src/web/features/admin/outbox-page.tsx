import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Outbox, OutboxSchema as OutboxPageSchema } from "../../../contracts/mail.ts";
import { ApiError, apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";

type OutboxEmail = Outbox["items"][number];

import { buildQueryString } from "./query-string.ts";
import { usePagedList } from "./use-paged-list.ts";

const pageSize = 25;

const statusClass: Record<OutboxEmail["status"], string> = {
  outbox: "badge",
  sent: "badge badge--success",
  failed: "badge badge--danger",
};

export function OutboxPage() {
  const { t } = useTranslation("admin");
  const emails = usePagedList<OutboxEmail, string>("outbox", async (before) => {
    const page = await apiRequest(
      `/api/admin/outbox${buildQueryString({ before, limit: pageSize })}`,
      OutboxPageSchema,
    );
    return { items: page.items, next: page.nextBefore };
  });
  // The server answers 404 when a real SMTP server delivers the emails: there is nothing kept to show.
  const isSmtp = emails.status === "error" && emails.error instanceof ApiError && emails.error.status === 404;
  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">
          <Link to="/admin">{t("kicker")}</Link>
        </p>
        <h1>{t("outbox.title")}</h1>
      </header>
      {isSmtp ? (
        <div className="notice">
          <p>{t("outbox.smtp")}</p>
        </div>
      ) : (
        <p className="admin-lead">{t("outbox.lead")}</p>
      )}
      <section
        className="panel"
        aria-labelledby="outbox-list-title"
        aria-busy={emails.status === "loading"}
        hidden={isSmtp}
      >
        <h2 id="outbox-list-title">{t("outbox.listTitle")}</h2>
        {emails.status === "loading" && <p role="status">{t("translation:common.loading")}</p>}
        {emails.status === "error" && !isSmtp && <ErrorAlert error={emails.error} />}
        {emails.status === "ready" &&
          (emails.items.length === 0 ? (
            <p className="empty-state">{t("outbox.empty")}</p>
          ) : (
            <>
              <OutboxTable emails={emails.items} />
              <ErrorAlert error={emails.error} />
              {emails.next !== null && (
                <div className="admin-load-more">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={emails.loadMore}
                    disabled={emails.isLoadingMore}
                  >
                    {emails.isLoadingMore
                      ? t("translation:common.loading")
                      : t("translation:common.loadMore")}
                  </button>
                </div>
              )}
            </>
          ))}
      </section>
    </>
  );
}

function OutboxTable({ emails }: { emails: OutboxEmail[] }) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{t("outbox.listTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("outbox.date")}</th>
            <th scope="col">{t("outbox.to")}</th>
            <th scope="col">{t("outbox.subject")}</th>
            <th scope="col">{t("outbox.purpose")}</th>
            <th scope="col">{t("outbox.status")}</th>
          </tr>
        </thead>
        <tbody>
          {emails.map((email) => (
            <tr key={email.id}>
              <td className="admin-nowrap">
                <time dateTime={email.createdAt}>{format.dateTime(email.createdAt)}</time>
              </td>
              <td>{email.toAddress}</td>
              <td>
                <details className="admin-email">
                  <summary>{email.subject}</summary>
                  <pre className="admin-email__body">{email.bodyText}</pre>
                </details>
              </td>
              <td>{t(`outbox.purposes.${email.purpose}`, { defaultValue: email.purpose })}</td>
              <td>
                <span className={statusClass[email.status]}>{t(`outbox.statuses.${email.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
