import { useTranslation } from "react-i18next";
import type { DetectionAlertLevel } from "../../../contracts/detection.ts";

/** An alert level as a coloured badge that also says the level in words (never colour alone). */
export function AlertLevelBadge({ level }: { level: DetectionAlertLevel }) {
  const { t } = useTranslation("detection");
  return (
    <span className={`detection-level detection-level--${level}`}>
      <span className="detection-level__mark" aria-hidden="true" />
      {t(`levels.${level}`)}
    </span>
  );
}
