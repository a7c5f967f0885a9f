import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { Notification } from "../../../contracts/notifications.ts";
import { createFormatters } from "../../i18n/format.ts";
import notificationsEn from "../../i18n/locales/notifications.en.json";
import notificationsIt from "../../i18n/locales/notifications.it.json";
import { describeNotification } from "./describe-notification.ts";

const translator = i18next.createInstance();
beforeAll(async () => {
  await translator.init({
    resources: { it: { notifications: notificationsIt }, en: { notifications: notificationsEn } },
    lng: "it",
    ns: ["notifications"],
    defaultNS: "notifications",
    interpolation: { escapeValue: false },
  });
});

const translate = (locale: "it" | "en") => translator.getFixedT(locale, "notifications") as never;

const companyNotification: Notification = {
  id: "6f1b7f9e-8d2a-4c55-9a0e-2b7e4c1d9f01",
  kind: "company_alert_level",
  companyId: "3f1b7f9e-8d2a-4c55-9a0e-2b7e4c1d9f00",
  createdAt: "2026-03-02T09:30:00.000Z",
  readAt: null,
  payload: {
    companyName: "Lanificio Rossi S.p.A.",
    fiscalYear: 2025,
    periodEndOn: "2025-12-31",
    previousLevel: "green",
    level: "red",
    isDeteriorating: true,
    isFirstAlert: true,
  },
};

const districtNotification: Notification = {
  id: "6f1b7f9e-8d2a-4c55-9a0e-2b7e4c1d9f02",
  kind: "district_alarm",
  districtCode: "IT-PRATO",
  createdAt: "2026-03-02T09:30:00.000Z",
  readAt: null,
  payload: {
    districtNameIt: "Prato tessile",
    districtNameEn: "Prato textiles",
    seriesId: "6f1b7f9e-8d2a-4c55-9a0e-2b7e4c1d9f03",
    seriesTitleIt: "Ore di cassa integrazione",
    seriesTitleEn: "Wage-support hours",
    period: "2026-01",
    reasons: [{ method: "modified_z", value: 4.25, baseline: 1200.5, threshold: 3.5 }],
  },
};

describe(describeNotification, () => {
  it("words a company's new alert level in Italian, with the level words and the risk page link", () => {
    const view = describeNotification(companyNotification, translate("it"), createFormatters("it"), "it");
    expect(view).toEqual({
      title: "Lanificio Rossi S.p.A.: livello di allerta rosso (rischio alto)",
      details: ["Esercizio 2025; prima il livello era verde."],
      badges: ["In peggioramento", "Prima allerta"],
      href: "/companies/3f1b7f9e-8d2a-4c55-9a0e-2b7e4c1d9f00/risk",
      linkLabel: "Apri la pagina del rischio",
    });
  });

  it("words a first level on record in English without badges", () => {
    const view = describeNotification(
      {
        ...companyNotification,
        payload: {
          ...companyNotification.payload,
          previousLevel: null,
          level: "grey",
          isDeteriorating: false,
          isFirstAlert: false,
        },
      },
      translate("en"),
      createFormatters("en"),
      "en",
    );
    expect(view.title).toBe("Lanificio Rossi S.p.A.: alert level grey (not assessable)");
    expect(view.details).toEqual(["Financial year 2025; the first level on record."]);
    expect(view.badges).toEqual([]);
  });

  it.each([
    [
      "it" as const,
      "Prato tessile: un segnale è in allarme",
      "z-score modificato: valore 4,25, riferimento 1200,5, soglia 3,5",
    ],
    [
      "en" as const,
      "Prato textiles: a signal is in alarm",
      "modified z-score: value 4.25, baseline 1,200.5, threshold 3.5",
    ],
  ])("words a district alarm in %s with its reasons and the dashboard link", (locale, title, reason) => {
    const view = describeNotification(
      districtNotification,
      translate(locale),
      createFormatters(locale),
      locale,
    );
    expect(view.title).toBe(title);
    expect(view.details[1]).toBe(reason);
    expect(view.href).toBe("/districts/IT-PRATO");
  });

  it.each(["it", "en"] as const)("names every alert level and detection method in %s", (locale) => {
    const messages = locale === "it" ? notificationsIt : notificationsEn;
    for (const level of ["red", "orange", "green", "grey"]) expect(messages.levels).toHaveProperty(level);
    for (const method of ["modified_z", "cusum_upper", "cusum_lower"])
      expect(messages.methods).toHaveProperty(method);
  });

  it("says the unread count in words for the bell", () => {
    expect(translator.getFixedT("it", "notifications")("bell.label", { count: 3 })).toBe(
      "3 notifiche non lette",
    );
    expect(translator.getFixedT("it", "notifications")("bell.label", { count: 1 })).toBe(
      "1 notifica non letta",
    );
    expect(translator.getFixedT("en", "notifications")("bell.label", { count: 0 })).toBe(
      "No unread notifications",
    );
  });
});
