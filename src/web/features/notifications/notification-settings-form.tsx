import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type NotificationDelivery, NotificationDeliverySchema } from "../../../contracts/notifications.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useApi } from "../../use-api.ts";
import { getNotificationSettings, updateNotificationSettings } from "./notification-api.ts";

/** The user's choice of notification emails: each at once, a daily digest, or none. */
export function NotificationSettingsForm() {
  const { t } = useTranslation("notifications");
  const settings = useApi(getNotificationSettings);
  const [delivery, setDelivery] = useState<NotificationDelivery | undefined>();
  const [error, setError] = useState<unknown>();
  const [isSaved, setIsSaved] = useState(false);
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    if (settings.status === "ready") setDelivery(settings.data.delivery);
  }, [settings]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!delivery) return;
    setError(undefined);
    setIsSaved(false);
    setIsSaving(true);
    try {
      const saved = await updateNotificationSettings(delivery);
      setDelivery(saved.delivery);
      setIsSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="notification-settings-title">
      <h2 id="notification-settings-title">{t("settings.title")}</h2>
      {settings.status === "loading" && <p role="status">{t("translation:common.loading")}</p>}
      {settings.status === "error" && <ErrorAlert error={settings.error} />}
      <ErrorAlert error={error} />
      {delivery && (
        <>
          <fieldset className="notification-settings__choices">
            <legend>{t("settings.legend")}</legend>
            {NotificationDeliverySchema.options.map((option) => (
              <label key={option} className="notification-settings__choice">
                <input
                  type="radio"
                  name="notification-delivery"
                  value={option}
                  checked={delivery === option}
                  onChange={() => {
                    setDelivery(option);
                    setIsSaved(false);
                  }}
                />
                {t(`settings.${option}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={isSaving}>
            {t("translation:common.save")}
          </button>
        </>
      )}
      {isSaved && <p role="status">{t("settings.saved")}</p>}
    </form>
  );
}
