import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CompanyListItem, CompanyPageSchema } from "../../../contracts/registry.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { buildCompanyListPath, readCompanyFilters } from "../companies/company-filters.ts";

const resultLimit = 8;
const searchDelayMilliseconds = 250;
const shortestSearch = 2;
// The register without filters: the picker only searches.
const noFilters = readCompanyFilters(new URLSearchParams());

/**
 * Finds companies in the register by name or tax code (accents and small typos forgiven) and hands the
 * chosen one to `onPick`; the grant form adds its identifier to the list it sends.
 */
export function CompanyPicker({
  pickedIds,
  onPick,
}: {
  pickedIds: ReadonlySet<string>;
  onPick(company: CompanyListItem): void;
}) {
  const { t } = useTranslation("admin");
  const [text, setText] = useState("");
  // The companies found for a query; what is shown is derived from the query typed now.
  const [found, setFound] = useState<{ query: string; items: CompanyListItem[] }>();
  const [error, setError] = useState<unknown>();
  const [lastPicked, setLastPicked] = useState<string>();
  const query = text.trim();
  const results = query.length >= shortestSearch && found?.query === query ? found.items : undefined;

  useEffect(() => {
    if (query.length < shortestSearch) return;
    let isCurrent = true;
    const timer = setTimeout(async () => {
      try {
        const path = buildCompanyListPath({ ...noFilters, search: query }, { limit: resultLimit });
        const page = await apiRequest(path, CompanyPageSchema);
        if (isCurrent) {
          setFound({ query, items: page.items });
          setError(undefined);
        }
      } catch (caught) {
        if (isCurrent) setError(caught);
      }
    }, searchDelayMilliseconds);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div className="company-picker">
      <FormField
        id="grant-company-search"
        type="search"
        label={t("addGrant.findCompany")}
        hint={t("addGrant.findCompanyHint")}
        value={text}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
      <ErrorAlert error={error} />
      <p className="visually-hidden" aria-live="polite">
        {results === undefined ? "" : t("addGrant.companiesFound", { count: results.length })}
        {lastPicked ? ` ${t("addGrant.companyAdded", { name: lastPicked })}` : ""}
      </p>
      {results !== undefined &&
        (results.length === 0 ? (
          <p className="field__hint">{t("addGrant.noCompanyFound")}</p>
        ) : (
          <ul className="company-picker__results">
            {results.map((company) => {
              const isPicked = pickedIds.has(company.id);
              return (
                <li key={company.id}>
                  <span>
                    {company.name}
                    <span className="table__sub">
                      {company.taxCode}
                      {company.municipalityName ? ` · ${company.municipalityName}` : ""}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={isPicked}
                    onClick={() => {
                      onPick(company);
                      setLastPicked(company.name);
                    }}
                    aria-label={t("addGrant.addCompanyLabel", {
                      name: company.name,
                      taxCode: company.taxCode,
                    })}
                  >
                    {isPicked ? t("addGrant.companyListed") : t("addGrant.addCompany")}
                  </button>
                </li>
              );
            })}
          </ul>
        ))}
    </div>
  );
}
