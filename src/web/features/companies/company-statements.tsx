import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { OutOfScopeAccessSchema, type Statement, StatementListSchema } from "../../../contracts/companies.ts";
import { lineItems } from "../../../domain/statements/line-items.ts";
import { ApiError, apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ModalDialog } from "../../components/modal-dialog.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";

/** The multi-year statement table; outside the user's scope, the reason dialog opens the access. */
export function StatementsSection({
  companyId,
  companyName,
  onAccessOpened,
}: {
  companyId: string;
  companyName: string;
  /** Other confidential sections reload once an out-of-scope access is open. */
  onAccessOpened?: () => void;
}) {
  const { t } = useTranslation();
  const statements = useApi(() => apiRequest(`/api/companies/${companyId}/statements`, StatementListSchema));
  const isReasonRequired = statements.status === "error" && statements.error.code === "reason_required";
  return (
    <section className="panel" aria-labelledby="statements-title">
      <h2 id="statements-title">{t("companies.statements")}</h2>
      {statements.status === "loading" && <p role="status">{t("common.loading")}</p>}
      {statements.status === "error" && !isReasonRequired && <ErrorAlert error={statements.error} />}
      {isReasonRequired && (
        <ReasonRequired
          companyName={companyName}
          companyId={companyId}
          onOpened={() => {
            statements.reload();
            onAccessOpened?.();
          }}
        />
      )}
      {statements.status === "ready" &&
        (statements.data.items.length === 0 ? (
          <p className="empty-state">{t("companies.noStatements")}</p>
        ) : (
          <StatementTable statements={statements.data.items} />
        ))}
    </section>
  );
}

function ReasonRequired({
  companyId,
  companyName,
  onOpened,
}: {
  companyId: string;
  companyName: string;
  onOpened(): void;
}) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>();
  const tooShort = reason.trim().length < 15;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await apiRequest(`/api/companies/${companyId}/out-of-scope-access`, OutOfScopeAccessSchema, {
        method: "POST",
        body: { reason },
      });
      setIsOpen(false);
      onOpened();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div className="notice">
      <p>{t("companies.outOfScope.explanation")}</p>
      <button type="button" className="button" onClick={() => setIsOpen(true)}>
        {t("companies.outOfScope.ask")}
      </button>
      <ModalDialog
        isOpen={isOpen}
        title={t("companies.outOfScope.title", { name: companyName })}
        onClose={() => setIsOpen(false)}
      >
        <form className="form" onSubmit={submit}>
          <p>{t("companies.outOfScope.dialogLead")}</p>
          <ErrorAlert error={error} />
          <div className="field">
            <label htmlFor="out-of-scope-reason">{t("companies.outOfScope.reason")}</label>
            <p id="out-of-scope-reason-hint" className="field__hint">
              {t("companies.outOfScope.hint")}
            </p>
            <textarea
              id="out-of-scope-reason"
              aria-describedby="out-of-scope-reason-hint"
              rows={4}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={error instanceof ApiError && error.fieldMessage("body.reason") ? true : undefined}
            />
          </div>
          <div className="form__actions">
            <button type="button" className="button button--secondary" onClick={() => setIsOpen(false)}>
              {t("common.cancel")}
            </button>
            <button type="submit" className="button" disabled={tooShort}>
              {t("companies.outOfScope.submit")}
            </button>
          </div>
        </form>
      </ModalDialog>
    </div>
  );
}

function StatementTable({ statements }: { statements: Statement[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language === "en" ? "en" : "it";
  const present = lineItems.filter((item) =>
    statements.some((statement) => statement.items[item.id] !== undefined),
  );
  return (
    <div className="table-scroll">
      <table className="table table--numbers">
        <caption className="visually-hidden">{t("companies.statements")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("companies.lineItem")}</th>
            {statements.map((statement) => (
              <th scope="col" key={statement.id}>
                {statement.periodEndOn.slice(0, 4)}
                <span className="table__sub">{t(`statementFormats.${statement.format}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {present.map((item) => (
            <tr key={item.id}>
              <th scope="row">{item.labels[language]}</th>
              {statements.map((statement) => {
                const value = statement.items[item.id];
                return (
                  <td key={statement.id}>
                    {value === undefined
                      ? "—"
                      : item.unit === "persons"
                        ? format.number(value)
                        : format.number(Math.round(value / 100))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table__note">
        {t("companies.amountsNote", { currency: statements[0]?.currency ?? "EUR" })}
      </p>
    </div>
  );
}
