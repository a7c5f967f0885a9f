import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CompanyListItem, CompanyPageSchema } from "../../../contracts/registry.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { buildQueryString } from "./query-string.ts";

const resultLimit = 8;
const searchDelayMilliseconds = 250;
const shortestSearch = 2;

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
  const [results, setResults] = useState<CompanyListItem[]>();
  const [error, setError] = useState<unknown>();
  const [lastPicked, setLastPicked] = useState<string>();
  const query = text.trim();

  useEffect(() => {
    if (query.length < shortestSearch) {
      setResults(undefined);
      return;
    }
    let isCurrent = true;
    const timer = setTimeout(async () => {
      try {
        const page = await apiRequest(
          `/api/companies${buildQueryString({ q: query, limit: resultLimit })}`,
          CompanyPageSchema,
        );
        if (isCurrent) {
          setResults(page.items);
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
    <div className="field company-picker">
      <label htmlFor="grant-company-search">{t("addGrant.findCompany")}</label>
      <p id="grant-company-search-hint" className="field__hint">
        {t("addGrant.findCompanyHint")}
      </p>
      <input
        id="grant-company-search"
        type="search"
        value={text}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        aria-describedby="grant-company-search-hint"
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
