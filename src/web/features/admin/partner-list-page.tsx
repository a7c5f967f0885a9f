import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CreatePartnerInputSchema,
  PartnerKindSchema,
  PartnerListSchema,
  PartnerSchema,
} from "../../../contracts/partners.ts";
import { ApiError, apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { useApi } from "../../use-api.ts";

const kinds = PartnerKindSchema.options;

/** The organisations of the partnership, and a form to add one. */
export function PartnerListPage() {
  const { t } = useTranslation("admin");
  const partners = useApi(() => apiRequest("/api/partners", PartnerListSchema));
  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">{t("home.title")}</p>
        <h1>{t("partners.title")}</h1>
      </header>
      <p className="admin-lead">{t("partners.lead")}</p>
      <div className="two-columns">
        <section className="panel" aria-labelledby="partner-list-title">
          <h2 id="partner-list-title">{t("partners.listTitle")}</h2>
          {partners.status === "loading" && <p role="status">{t("translation:common.loading")}</p>}
          {partners.status === "error" && <ErrorAlert error={partners.error} />}
          {partners.status === "ready" &&
            (partners.data.items.length === 0 ? (
              <p className="empty-state">{t("partners.empty")}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("partners.name")}</th>
                    <th scope="col">{t("partners.kind")}</th>
                    <th scope="col">{t("partners.country")}</th>
                  </tr>
                </thead>
                <tbody>
                  {partners.data.items.map((partner) => (
                    <tr key={partner.id}>
                      <td>{partner.name}</td>
                      <td>{t(`partners.kinds.${partner.kind}`)}</td>
                      <td>{partner.countryCode}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
        </section>
        <AddPartnerForm onAdded={partners.reload} />
      </div>
    </>
  );
}

function AddPartnerForm({ onAdded }: { onAdded(): void }) {
  const { t } = useTranslation("admin");
  const [name, setName] = useState("");
  const [kind, setKind] = useState<(typeof kinds)[number]>("regional_agency");
  const [countryCode, setCountryCode] = useState("IT");
  const [error, setError] = useState<unknown>();
  const [isAdded, setIsAdded] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setIsAdded(false);
    const input = CreatePartnerInputSchema.safeParse({ name, kind, countryCode });
    if (!input.success)
      return setError(
        new ApiError("http", t("partners.nameTooShort"), 400, "validation_failed", [
          { path: "body.name", message: t("partners.nameTooShort") },
        ]),
      );
    try {
      await apiRequest("/api/admin/partners", PartnerSchema, { method: "POST", body: input.data });
      setName("");
      setIsAdded(true);
      onAdded();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="add-partner-title">
      <h2 id="add-partner-title">{t("partners.addTitle")}</h2>
      <FormField
        label={t("partners.name")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={error instanceof ApiError ? error.fieldMessage("body.name") : undefined}
      />
      <div className="field">
        <label htmlFor="partner-kind">{t("partners.kind")}</label>
        <select
          id="partner-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as (typeof kinds)[number])}
        >
          {kinds.map((option) => (
            <option key={option} value={option}>
              {t(`partners.kinds.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="partner-country">{t("partners.country")}</label>
        <select
          id="partner-country"
          value={countryCode}
          onChange={(event) => setCountryCode(event.target.value)}
        >
          {["IT", "PT", "ES"].map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      {error && !(error instanceof ApiError && error.fieldMessage("body.name")) ? (
        <ErrorAlert error={error} />
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button">
          {t("partners.add")}
        </button>
      </div>
      {isAdded && <p role="status">{t("partners.added")}</p>}
    </form>
  );
}
