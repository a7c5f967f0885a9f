import { useTranslation } from "react-i18next";
import type { ShownFigure } from "./district-figures.ts";

/** A numeric table cell; a withheld figure reads "—" with its reason for screen readers and on hover. */
export function FigureCell({ shown }: { shown: ShownFigure }) {
  const { t } = useTranslation("districts");
  if (!shown.isSuppressed) return <td className="districts-number">{shown.text}</td>;
  return (
    <td className="districts-number districts-suppressed" title={t("disclosure.cellTitle")}>
      <span aria-hidden="true">{shown.text}</span>
      <span className="visually-hidden">{t("disclosure.cellTitle")}</span>
    </td>
  );
}

/** The explanation shown under every table with disclosure control. */
export function DisclosureNote() {
  const { t } = useTranslation("districts");
  return (
    <p className="table__note districts-disclosure-note">
      <span aria-hidden="true">— </span>
      {t("disclosure.note")}
    </p>
  );
}
