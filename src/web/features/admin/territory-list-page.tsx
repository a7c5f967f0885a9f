import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TerritoryKindSchema } from "../../../contracts/auth.ts";
import { type Territory, TerritoryListSchema } from "../../../contracts/territories.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";
import { AddDistrictDialog } from "./add-district-dialog.tsx";
import { EditDistrictDialog } from "./edit-district-dialog.tsx";
import { buildQueryString } from "./query-string.ts";
import { territoryKinds, territoryName } from "./territory-labels.ts";
import { useCountries } from "./use-countries.ts";
import { useUrlFilters } from "./use-url-filters.ts";

export function TerritoryListPage() {
  const { t, i18n } = useTranslation("admin");
  const { parameters, query, searchText, setSearchText, applyFilter } = useUrlFilters();
  const kind = TerritoryKindSchema.safeParse(parameters.get("kind")).data;
  const countryCode = parameters.get("country") ?? "";
  const [isAddOpen, setIsAddOpen] = useState(false);
  const [districtToEdit, setDistrictToEdit] = useState<Territory>();
  const [message, setMessage] = useState<string>();
  const countries = useCountries();
  const [version, setVersion] = useState(0);
  const filterKey = buildQueryString({ kind, countryCode, q: query });
  const reload = () => setVersion((value) => value + 1);

  return (
    <>
      <header className="page-header admin-page-header">
        <div>
          <p className="page-header__kicker">
            <Link to="/admin">{t("kicker")}</Link>
          </p>
          <h1>{t("territories.title")}</h1>
        </div>
        <button type="button" className="button" onClick={() => setIsAddOpen(true)}>
          {t("district.add")}
        </button>
      </header>
      <p className="admin-lead">{t("territories.lead")}</p>
      <div className="admin-live" role="status">
        {message && <p className="alert alert--success">{message}</p>}
      </div>
      <search className="toolbar" aria-label={t("territories.filters")}>
        <div className="field">
          <label htmlFor="territory-kind">{t("territories.kind")}</label>
          <select
            id="territory-kind"
            value={kind ?? ""}
            onChange={(event) => applyFilter("kind", event.target.value)}
          >
            <option value="">{t("territories.anyKind")}</option>
            {territoryKinds.map((option) => (
              <option key={option} value={option}>
                {t(`territoryKinds.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="territory-country">{t("territories.country")}</label>
          <select
            id="territory-country"
            value={countryCode}
            onChange={(event) => applyFilter("country", event.target.value)}
          >
            <option value="">{t("territories.anyCountry")}</option>
            {countries.status === "ready" &&
              countries.data.items.map((country) => (
                <option key={country.code} value={country.code}>
                  {territoryName(country, i18n.language)}
                </option>
              ))}
          </select>
        </div>
        <div className="field admin-field--wide">
          <label htmlFor="territory-search">{t("territories.search")}</label>
          <input
            id="territory-search"
            type="search"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </div>
      </search>
      <TerritoryResults
        key={`${filterKey}#${version}`}
        filterKey={filterKey}
        onEdit={(territory) => {
          setMessage(undefined);
          setDistrictToEdit(territory);
        }}
      />
      <AddDistrictDialog
        isOpen={isAddOpen}
        onClose={() => setIsAddOpen(false)}
        onCreated={(district) => {
          setIsAddOpen(false);
          setMessage(t("district.created", { code: district.code }));
          reload();
        }}
      />
      <EditDistrictDialog
        district={districtToEdit}
        onClose={() => setDistrictToEdit(undefined)}
        onSaved={(district) => {
          setDistrictToEdit(undefined);
          setMessage(t("district.updated", { code: district.code }));
          reload();
        }}
      />
    </>
  );
}

/** Remounted (and so reloaded) whenever the filters change or a district is saved. */
function TerritoryResults({ filterKey, onEdit }: { filterKey: string; onEdit(territory: Territory): void }) {
  const { t } = useTranslation("admin");
  const territories = useApi(() => apiRequest(`/api/territories${filterKey}`, TerritoryListSchema));
  return (
    <section
      className="panel"
      aria-labelledby="territory-list-title"
      aria-busy={territories.status === "loading"}
    >
      <h2 id="territory-list-title" className="visually-hidden">
        {t("territories.listTitle")}
      </h2>
      {territories.status === "loading" && <p role="status">{t("translation:common.loading")}</p>}
      {territories.status === "error" && <ErrorAlert error={territories.error} />}
      {territories.status === "ready" &&
        (territories.data.items.length === 0 ? (
          <p className="empty-state">{t("territories.empty")}</p>
        ) : (
          <TerritoryTable territories={territories.data.items} onEdit={onEdit} />
        ))}
    </section>
  );
}

function TerritoryTable({
  territories,
  onEdit,
}: {
  territories: Territory[];
  onEdit(territory: Territory): void;
}) {
  const { t, i18n } = useTranslation("admin");
  const format = useFormat();
  return (
    <div className="table-scroll">
      <p className="admin-muted">{t("territories.count", { count: territories.length })}</p>
      <table className="table">
        <caption className="visually-hidden">{t("territories.listTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("territories.code")}</th>
            <th scope="col">{t("territories.kind")}</th>
            <th scope="col">{t("territories.name")}</th>
            <th scope="col">{t("territories.localName")}</th>
            <th scope="col">{t("territories.parent")}</th>
            <th scope="col">{t("territories.centroid")}</th>
            <th scope="col">{t("translation:common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {territories.map((territory) => (
            <tr key={territory.code}>
              <th scope="row" className="admin-monospace">
                {territory.code}
              </th>
              <td>{t(`territoryKinds.${territory.kind}`)}</td>
              <td>{territoryName(territory, i18n.language)}</td>
              <td lang={territory.countryCode.toLowerCase()}>{territory.nameLocal}</td>
              <td className="admin-monospace">{territory.parentCode ?? "—"}</td>
              <td className="admin-nowrap">
                {territory.centroidLatitude !== null && territory.centroidLongitude !== null
                  ? `${format.number(territory.centroidLatitude, 4)}; ${format.number(territory.centroidLongitude, 4)}`
                  : "—"}
              </td>
              <td>
                {territory.kind === "district" ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => onEdit(territory)}
                    aria-label={t("district.editLabel", { name: territoryName(territory, i18n.language) })}
                  >
                    {t("district.edit")}
                  </button>
                ) : (
                  <span className="visually-hidden">{t("territories.referenceOnly")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
