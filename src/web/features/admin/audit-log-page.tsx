import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type AuditEvent, AuditEventPageSchema } from "../../../contracts/audit.ts";
import { ApiError, apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { type AuditFilterForm, readAuditFilter, toAuditQuery } from "./audit-filter.ts";
import { AuditFilterFormView } from "./audit-filter-form.tsx";
import { buildQueryString } from "./query-string.ts";
import { usePagedList } from "./use-paged-list.ts";

const pageSize = 50;

export function AuditLogPage() {
  const { t } = useTranslation("admin");
  const [parameters, setParameters] = useSearchParams();
  const filter = readAuditFilter(parameters);
  const apiFilter = toAuditQuery(filter);
  const filterQuery = buildQueryString(apiFilter);
  const events = usePagedList<AuditEvent, number>(filterQuery, async (before) => {
    const page = await apiRequest(
      `/api/admin/audit-events${buildQueryString({ ...apiFilter, before, limit: pageSize })}`,
      AuditEventPageSchema,
    );
    return { items: page.items, next: page.nextBefore };
  });

  function apply(next: AuditFilterForm) {
    setParameters(
      buildQueryString({
        actor: next.actor.trim(),
        action: next.action,
        companyId: next.companyId.trim(),
        from: next.fromDate,
        to: next.toDate,
      }),
    );
  }

  const loadError = events.status === "error" && events.error instanceof ApiError ? events.error : undefined;
  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">
          <Link to="/admin">{t("kicker")}</Link>
        </p>
        <h1>{t("audit.title")}</h1>
      </header>
      <p className="admin-lead">{t("audit.lead")}</p>
      <AuditFilterFormView
        key={filterQuery}
        initial={filter}
        onApply={apply}
        serverFieldMessage={(path) => loadError?.fieldMessage(path)}
      />
      <section className="panel" aria-labelledby="audit-events-title" aria-busy={events.status === "loading"}>
        <div className="admin-section-header">
          <h2 id="audit-events-title">{t("audit.events")}</h2>
          <a
            className="button button--secondary"
            href={`/api/admin/audit-events/export${filterQuery}`}
            download
          >
            {t("audit.export")}
          </a>
        </div>
        <p className="field__hint">{t("audit.exportNote")}</p>
        {events.status === "loading" && <p role="status">{t("translation:common.loading")}</p>}
        {events.status === "error" && <ErrorAlert error={events.error} />}
        {events.status === "ready" &&
          (events.items.length === 0 ? (
            <p className="empty-state">{t("audit.empty")}</p>
          ) : (
            <>
              <AuditTable events={events.items} />
              <ErrorAlert error={events.error} />
              <div className="admin-load-more">
                <p className="admin-muted" role="status">
                  {t("audit.shown", { count: events.items.length })}
                </p>
                {events.next !== null && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={events.loadMore}
                    disabled={events.isLoadingMore}
                  >
                    {events.isLoadingMore
                      ? t("translation:common.loading")
                      : t("translation:common.loadMore")}
                  </button>
                )}
              </div>
            </>
          ))}
      </section>
    </>
  );
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="table admin-audit-table">
        <caption className="visually-hidden">{t("audit.events")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.company")}</th>
            <th scope="col">{t("audit.subject")}</th>
            <th scope="col">{t("audit.reason")}</th>
            <th scope="col">{t("audit.ipAddress")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="admin-nowrap">
                <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
              </td>
              <td>{event.actorEmail ?? <span className="admin-muted">{t("audit.system")}</span>}</td>
              <td>
                {t(`auditActions.${event.action}`)}
                <span className="table__sub admin-monospace">{event.action}</span>
                <EventDetails details={event.details} />
              </td>
              <td>
                {event.companyId ? (
                  <Link to={`/companies/${event.companyId}`}>{event.companyName ?? event.companyId}</Link>
                ) : (
                  "—"
                )}
              </td>
              <td>
                {event.subjectUserId ? (
                  <Link to={`/admin/users/${event.subjectUserId}`}>
                    {event.subjectEmail ?? event.subjectUserId}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="admin-reason">{event.reason ?? "—"}</td>
              <td className="admin-monospace">{event.ipAddress ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The event's recorded facts as stored (the same keys as the CSV export's details column). */
function EventDetails({ details }: { details: AuditEvent["details"] }) {
  const { t } = useTranslation("admin");
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <details className="admin-event-details">
      <summary>{t("audit.details")}</summary>
      <dl>
        {entries.map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>
              {typeof value === "string" ? value : JSON.stringify(value, null, 1).replace(/\s*\n\s*/g, " ")}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
