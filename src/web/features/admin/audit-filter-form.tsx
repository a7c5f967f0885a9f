import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditFilterForm, auditActions } from "./audit-filter.ts";
import { FilterField } from "./filter-field.tsx";
import { isUuid } from "./grant-scope.ts";

export const emptyAuditFilter: AuditFilterForm = {
  actor: "",
  action: "",
  companyId: "",
  fromDate: "",
  toDate: "",
};

export function AuditFilterFormView({
  initial,
  onApply,
  serverFieldMessage,
}: {
  initial: AuditFilterForm;
  onApply(filter: AuditFilterForm): void;
  serverFieldMessage(path: string): string | undefined;
}) {
  const { t } = useTranslation("admin");
  const [filter, setFilter] = useState(initial);
  const [companyIdError, setCompanyIdError] = useState<string>();
  const set = (name: keyof AuditFilterForm) => (event: { target: { value: string } }) =>
    setFilter({ ...filter, [name]: event.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (filter.companyId.trim() && !isUuid(filter.companyId.trim())) {
      setCompanyIdError(t("audit.companyIdInvalid"));
      return;
    }
    setCompanyIdError(undefined);
    onApply(filter);
  }

  return (
    <search className="panel admin-filter-form" aria-labelledby="audit-filter-title">
      <form onSubmit={submit}>
        <h2 id="audit-filter-title">{t("audit.filters")}</h2>
        <div className="admin-filter-grid">
          <FilterField
            label={t("audit.actor")}
            hint={t("audit.actorHint")}
            value={filter.actor}
            onChange={set("actor")}
            error={serverFieldMessage("query.actor")}
          />
          <div className="field">
            <label htmlFor="audit-action">{t("audit.action")}</label>
            <select id="audit-action" value={filter.action} onChange={set("action")}>
              <option value="">{t("audit.anyAction")}</option>
              {auditActions.map((action) => (
                <option key={action} value={action}>
                  {t(`auditActions.${action}`)}
                </option>
              ))}
            </select>
          </div>
          <FilterField
            label={t("audit.companyId")}
            hint={t("audit.companyIdHint")}
            className="admin-monospace"
            spellCheck={false}
            value={filter.companyId}
            onChange={set("companyId")}
            error={companyIdError ?? serverFieldMessage("query.companyId")}
          />
          <FilterField
            label={t("audit.from")}
            type="date"
            value={filter.fromDate}
            max={filter.toDate || undefined}
            onChange={set("fromDate")}
            error={serverFieldMessage("query.from")}
          />
          <FilterField
            label={t("audit.to")}
            type="date"
            value={filter.toDate}
            min={filter.fromDate || undefined}
            onChange={set("toDate")}
            error={serverFieldMessage("query.to")}
          />
        </div>
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setFilter(emptyAuditFilter);
              setCompanyIdError(undefined);
              onApply(emptyAuditFilter);
            }}
          >
            {t("audit.clear")}
          </button>
          <button type="submit" className="button">
            {t("audit.apply")}
          </button>
        </div>
      </form>
    </search>
  );
}
