import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompanyRisk, SavedUserInput, UserInputKind } from "../../../contracts/company-risk.ts";
import type { ApiError } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { getInputHistory } from "./risk-api.ts";

/** The period a save refers to: one of the company's statement periods, or a date when it has none. */
export function PeriodField({
  risk,
  value,
  onChange,
  id,
  error,
}: {
  risk: CompanyRisk;
  value: string;
  onChange(value: string): void;
  id: string;
  error?: string | undefined;
}) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  if (risk.statements.length === 0) {
    return (
      <FormField
        id={id}
        label={t("inputs.period")}
        hint={t("inputs.periodHint")}
        type="date"
        required
        value={value}
        error={error}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{t("inputs.period")}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {t("inputs.periodHint")}
      </p>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      >
        {[...risk.statements].reverse().map((statement) => (
          <option key={statement.id} value={statement.periodEndOn}>
            {format.date(statement.periodEndOn)}
          </option>
        ))}
      </select>
      {error && <p className="field__error">{error}</p>}
    </div>
  );
}

/** An amount in euros (a number input), with the server's or the form's message for it. */
export function AmountField({
  name,
  label,
  value,
  onChange,
  error,
  allowNegative = false,
  hint,
}: {
  name: string;
  label: string;
  value: string;
  onChange(name: string, value: string): void;
  error?: string | undefined;
  allowNegative?: boolean;
  hint?: string | undefined;
}) {
  return (
    <FormField
      label={label}
      name={name}
      type="number"
      inputMode="decimal"
      step="0.01"
      min={allowNegative ? undefined : 0}
      value={value}
      error={error}
      hint={hint}
      onChange={(event) => onChange(name, event.target.value)}
    />
  );
}

/** The field message for `body.values.<name>` from a failed save, or the form's own check. */
export function fieldError(error: unknown, name: string, invalid: readonly string[], message: string) {
  if (invalid.includes(name)) return message;
  const apiError = error as ApiError | undefined;
  return typeof apiError?.fieldMessage === "function"
    ? apiError.fieldMessage(`body.values.${name}`)
    : undefined;
}

/** Who saved the inputs in force, and when. */
export function LastSaved({ input }: { input: SavedUserInput | null }) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  if (!input) return null;
  return (
    <p className="table__note">
      {t("inputs.lastSaved", {
        when: format.dateTime(input.enteredAt),
        who: input.enteredByName ?? t("inputs.unknownUser"),
      })}
    </p>
  );
}

/** Earlier saves of one kind of input, loaded when opened. */
export function InputHistory({
  companyId,
  kind,
  version,
  labelOf,
}: {
  companyId: string;
  kind: UserInputKind;
  /** Changes after each save, so that the list is loaded again. */
  version: number;
  labelOf(name: string): string;
}) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  const [state, setState] = useState<{ items?: SavedUserInput[]; error?: unknown; version?: number }>({});
  const load = () => {
    if (state.version === version && state.items) return;
    getInputHistory(companyId, kind).then(
      (history) => setState({ items: history.items, version }),
      (error: unknown) => setState({ error }),
    );
  };
  return (
    <details className="risk-history" onToggle={(event) => (event.currentTarget.open ? load() : undefined)}>
      <summary>{t("inputs.history")}</summary>
      {state.error !== undefined && <ErrorAlert error={state.error} />}
      {state.items?.length === 0 && <p className="empty-state">{t("inputs.noHistory")}</p>}
      {state.items && state.items.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t("inputs.history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("inputs.savedAt")}</th>
                <th scope="col">{t("inputs.savedBy")}</th>
                <th scope="col">{t("inputs.period")}</th>
                <th scope="col">{t("inputs.values")}</th>
              </tr>
            </thead>
            <tbody>
              {state.items.map((item) => (
                <tr key={item.id}>
                  <td>{format.dateTime(item.enteredAt)}</td>
                  <td>{item.enteredByName ?? t("inputs.unknownUser")}</td>
                  <td>{format.date(item.periodEndOn)}</td>
                  <td>
                    {Object.entries(item.values)
                      .map(([name, value]) =>
                        typeof value === "number" && name.endsWith("Cents")
                          ? `${labelOf(name)}: ${format.money(value, "EUR")}`
                          : `${labelOf(name)}: ${String(value)}`,
                      )
                      .join("; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
