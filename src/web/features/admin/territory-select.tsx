import { useTranslation } from "react-i18next";
import { TerritoryListSchema } from "../../../contracts/territories.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useApi } from "../../use-api.ts";
import { groupTerritoriesByKind, territoryLabel } from "./territory-labels.ts";

/**
 * A select of every territory (countries, NUTS regions, districts), grouped by kind and labelled
 * "code — name" in the interface language. There are a few hundred rows, so one request is enough.
 */
export function TerritorySelect({
  id,
  value,
  onChange,
  isRequired,
  describedBy,
  isInvalid,
}: {
  id: string;
  value: string;
  onChange(code: string): void;
  isRequired: boolean;
  describedBy?: string | undefined;
  isInvalid?: boolean;
}) {
  const { t, i18n } = useTranslation("admin");
  const territories = useApi(() => apiRequest("/api/territories", TerritoryListSchema));
  if (territories.status === "error") return <ErrorAlert error={territories.error} />;
  const groups = territories.status === "ready" ? groupTerritoriesByKind(territories.data.items) : [];
  return (
    <select
      id={id}
      value={value}
      required={isRequired}
      onChange={(event) => onChange(event.target.value)}
      aria-describedby={describedBy}
      aria-invalid={isInvalid ? true : undefined}
      aria-busy={territories.status === "loading"}
    >
      <option value="">
        {territories.status === "loading"
          ? t("translation:common.loading")
          : isRequired
            ? t("addGrant.chooseTerritory")
            : t("addGrant.noTerritory")}
      </option>
      {groups.map((group) => (
        <optgroup key={group.kind} label={t(`territoryKindsPlural.${group.kind}`)}>
          {group.territories.map((territory) => (
            <option key={territory.code} value={territory.code}>
              {territoryLabel(territory, i18n.language)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
