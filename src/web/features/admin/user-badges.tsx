import { useTranslation } from "react-i18next";
import type { GrantDetail, UserSummary } from "../../../contracts/users.ts";
import { territoryName } from "./territory-labels.ts";

const statusClass: Record<UserSummary["status"], string> = {
  invited: "badge badge--warning",
  active: "badge badge--success",
  locked: "badge badge--danger",
};

export function UserStatusBadge({ status }: { status: UserSummary["status"] }) {
  const { t } = useTranslation("admin");
  return <span className={statusClass[status]}>{t(`userStatus.${status}`)}</span>;
}

/** What a grant covers, in words: a territory, a list of companies, or everywhere-for-trainers. */
export function useGrantScopeText() {
  const { t, i18n } = useTranslation("admin");
  return (grant: GrantDetail) => {
    if (grant.territory) return territoryName(grant.territory, i18n.language);
    if (grant.companies.length > 0) return grant.companies.map((company) => company.name).join(", ");
    return t("grants.noScope");
  };
}

/** One badge per grant: "Analyst · Prato textile district". */
export function GrantBadges({ grants }: { grants: GrantDetail[] }) {
  const { t } = useTranslation("admin");
  const scopeText = useGrantScopeText();
  if (grants.length === 0) return <span className="admin-muted">{t("users.noRoles")}</span>;
  return (
    <ul className="admin-badge-list">
      {grants.map((grant) => (
        <li key={grant.id}>
          <span className={grant.isReviewDue ? "badge badge--warning" : "badge"}>
            {t(`translation:roles.${grant.role}`)} · {scopeText(grant)}
            {grant.isReviewDue && <span className="visually-hidden"> ({t("grants.reviewDue")})</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
