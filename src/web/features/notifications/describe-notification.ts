import type { Notification } from "../../../contracts/notifications.ts";
import type { Formatters } from "../../i18n/format.ts";
import type { SupportedLocale } from "../../i18n/locales.ts";

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** How one notification reads in the list: in the user's language, with where it leads. */
export type NotificationView = {
  title: string;
  details: string[];
  badges: string[];
  href: string;
  linkLabel: string;
};

/** Words a notification from its payload; `t` is bound to the `notifications` namespace. */
export function describeNotification(
  notification: Notification,
  t: Translate,
  format: Pick<Formatters, "number">,
  locale: SupportedLocale,
): NotificationView {
  if (notification.kind === "company_alert_level") {
    const { payload } = notification;
    const level = t(`levels.${payload.level}`);
    return {
      title: t("company.title", { company: payload.companyName, level }),
      details: [
        payload.previousLevel
          ? t("company.detail", { year: payload.fiscalYear, previous: t(`levels.${payload.previousLevel}`) })
          : t("company.detailFirst", { year: payload.fiscalYear }),
      ],
      badges: [
        ...(payload.isDeteriorating ? [t("company.deteriorating")] : []),
        ...(payload.isFirstAlert ? [t("company.firstAlert")] : []),
      ],
      href: `/companies/${encodeURIComponent(notification.companyId)}/risk`,
      linkLabel: t("company.open"),
    };
  }
  const { payload } = notification;
  const isItalian = locale === "it";
  return {
    title: t("district.title", { district: isItalian ? payload.districtNameIt : payload.districtNameEn }),
    details: [
      t("district.detail", {
        series: isItalian ? payload.seriesTitleIt : payload.seriesTitleEn,
        period: payload.period,
      }),
      ...payload.reasons.map((reason) =>
        t("district.reason", {
          method: t(`methods.${reason.method}`, { defaultValue: reason.method }),
          value: format.number(reason.value),
          baseline: format.number(reason.baseline),
          threshold: format.number(reason.threshold),
        }),
      ),
    ],
    badges: [],
    href: `/districts/${encodeURIComponent(notification.districtCode)}`,
    linkLabel: t("district.open"),
  };
}
