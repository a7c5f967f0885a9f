import { useTranslation } from "react-i18next";
import type { SizeClass } from "./company-filters.ts";
import { sizeClassBadge } from "./company-labels.ts";

/** The EU size class (2003/361/EC) as a badge. */
export function SizeClassBadge({ sizeClass }: { sizeClass: SizeClass }) {
  const { t } = useTranslation("companies");
  return <span className={sizeClassBadge[sizeClass]}>{t(`sizeClasses.${sizeClass}`)}</span>;
}

/** A company that belongs to no district yet, for an administrator to place. */
export function NotPlacedBadge() {
  const { t } = useTranslation("companies");
  return <span className="badge badge--warning">{t("notPlaced")}</span>;
}
