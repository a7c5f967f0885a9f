import { useTranslation } from "react-i18next";
import type { CompanyIdentity } from "../../../contracts/companies.ts";
import { TerritoryListSchema } from "../../../contracts/territories.ts";
import { apiRequest } from "../../api-client.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";
import { NotPlacedBadge, SizeClassBadge } from "./company-badges.tsx";
import { districtName, sectorTitle } from "./company-labels.ts";
import { territoryName } from "./reference-data.ts";

/** The company's public-register identity: tax code, legal form, sector, size, place and district. */
export function CompanyIdentitySection({ company }: { company: CompanyIdentity }) {
  const { t, i18n } = useTranslation("companies");
  const format = useFormat();
  const regions = useApi(() =>
    apiRequest(
      `/api/territories?kind=nuts3&countryCode=${encodeURIComponent(company.countryCode)}`,
      TerritoryListSchema,
    ),
  );
  const region =
    regions.status === "ready"
      ? regions.data.items.find((item) => item.code === company.nuts3Code)
      : undefined;
  const title = sectorTitle(company, i18n.language);
  const district = districtName(company, i18n.language);
  return (
    <section className="panel" aria-labelledby="identity-title">
      <h2 id="identity-title">{t("translation:companies.identity")}</h2>
      <dl className="facts companies-facts">
        <div>
          <dt>{t("translation:companies.taxCode")}</dt>
          <dd className="companies-table__tax-code">
            <span className="companies-muted">{company.countryCode}</span> {company.taxCode}
          </dd>
        </div>
        <div>
          <dt>{t("translation:companies.legalForm")}</dt>
          <dd>{t(`translation:legalForms.${company.legalForm}`, { defaultValue: company.legalForm })}</dd>
        </div>
        <div className="companies-facts__wide">
          <dt>{t("translation:companies.sector")}</dt>
          <dd>
            {company.atecoCode ? (
              <>
                <span className="companies-code">{company.atecoCode}</span>
                {title && (
                  <span
                    className="companies-facts__detail"
                    lang={title.lang === i18n.language ? undefined : title.lang}
                  >
                    {title.text}
                  </span>
                )}
              </>
            ) : (
              t("list.noSector")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("page.headcount")}</dt>
          <dd>{company.headcount === null ? t("page.unknown") : format.number(company.headcount)}</dd>
        </div>
        <div>
          <dt>{t("page.sizeClass")}</dt>
          <dd>
            <SizeClassBadge sizeClass={company.sizeClass} />
          </dd>
        </div>
        <div className="companies-facts__wide">
          <dt>{t("translation:companies.address")}</dt>
          <dd>{company.address ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("page.municipality")}</dt>
          <dd>{company.municipalityName ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("translation:companies.region")}</dt>
          <dd>
            {company.nuts3Code ? (
              <>
                {region ? territoryName(region, i18n.language) : company.nuts3Code}
                {region && <span className="companies-facts__detail">{company.nuts3Code}</span>}
              </>
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div className="companies-facts__wide">
          <dt>{t("translation:companies.district")}</dt>
          <dd>
            {district ? (
              <>
                {district}
                {company.districtSource && (
                  <span className="companies-facts__detail">
                    {t(`page.districtSource.${company.districtSource}`)}
                  </span>
                )}
              </>
            ) : (
              <NotPlacedBadge />
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
