import type { CompanyAlertLevelPayload, DistrictAlarmPayload } from "../../../contracts/notifications.ts";
import type { Locale } from "../../../contracts/system.ts";
import type { MailMessage } from "../../mail/mailer.ts";

/** A notification as the emails word it. */
export type NotificationContent =
  | { kind: "company_alert_level"; companyId: string; payload: CompanyAlertLevelPayload }
  | { kind: "district_alarm"; districtCode: string; payload: DistrictAlarmPayload };

type AlertLevel = CompanyAlertLevelPayload["level"];

const words = {
  it: {
    levels: {
      red: "rosso (rischio alto)",
      orange: "arancione (da osservare)",
      green: "verde",
      grey: "grigio (non valutabile)",
    } satisfies Record<AlertLevel, string>,
    methods: {
      modified_z: "z-score modificato",
      cusum_upper: "CUSUM (aumento)",
      cusum_lower: "CUSUM (calo)",
    } as Record<string, string>,
    greeting: (name: string) => `Buongiorno ${name},`,
    companyLine: (payload: CompanyAlertLevelPayload, level: string, previous: string | null) =>
      `${payload.companyName}: livello di allerta ${level} per l'esercizio ${payload.fiscalYear}${previous ? ` (prima: ${previous})` : ""}`,
    companyLead: (payload: CompanyAlertLevelPayload, level: string, previous: string | null) =>
      `il livello di allerta di ${payload.companyName} per l'esercizio ${payload.fiscalYear} è ora ${level}${previous ? `; prima era ${previous}` : ""}.`,
    deteriorating: "Il livello è peggiorato.",
    firstAlert: "È la prima allerta registrata per questa impresa.",
    companySubject: (payload: CompanyAlertLevelPayload, level: string) =>
      `SECTOR — ${payload.companyName}: livello di allerta ${level} (${payload.fiscalYear})`,
    openCompany: "Apri la pagina del rischio dell'impresa",
    districtLine: (payload: DistrictAlarmPayload) =>
      `${payload.districtNameIt}: il segnale «${payload.seriesTitleIt}» è in allarme (${payload.period})`,
    districtLead: (payload: DistrictAlarmPayload) =>
      `il segnale «${payload.seriesTitleIt}» del distretto ${payload.districtNameIt} è entrato in allarme con il dato del periodo ${payload.period}.`,
    reason: (method: string, value: string, baseline: string, threshold: string) =>
      `${method}: valore ${value}, riferimento ${baseline}, soglia ${threshold}`,
    districtSubject: (payload: DistrictAlarmPayload) =>
      `SECTOR — ${payload.districtNameIt}: segnale in allarme (${payload.seriesTitleIt})`,
    openDistrict: "Apri il cruscotto del distretto",
    why: "Ricevi questa email perché segui questa impresa o questo distretto in SECTOR.",
    settings: "Scegli come ricevere le notifiche",
    digestSubject: (count: number) =>
      count === 1 ? "SECTOR — riepilogo: 1 notifica" : `SECTOR — riepilogo: ${count} notifiche`,
    digestLead: (count: number) =>
      count === 1
        ? "ecco la notifica arrivata dall'ultimo riepilogo:"
        : `ecco le ${count} notifiche arrivate dall'ultimo riepilogo:`,
    numberTag: "it-IT",
  },
  en: {
    levels: {
      red: "red (high risk)",
      orange: "orange (watch)",
      green: "green",
      grey: "grey (not assessable)",
    } satisfies Record<AlertLevel, string>,
    methods: {
      modified_z: "modified z-score",
      cusum_upper: "CUSUM (upward)",
      cusum_lower: "CUSUM (downward)",
    } as Record<string, string>,
    greeting: (name: string) => `Hello ${name},`,
    companyLine: (payload: CompanyAlertLevelPayload, level: string, previous: string | null) =>
      `${payload.companyName}: alert level ${level} for ${payload.fiscalYear}${previous ? ` (was ${previous})` : ""}`,
    companyLead: (payload: CompanyAlertLevelPayload, level: string, previous: string | null) =>
      `the alert level of ${payload.companyName} for ${payload.fiscalYear} is now ${level}${previous ? `; it was ${previous}` : ""}.`,
    deteriorating: "The level has worsened.",
    firstAlert: "This is the first alert on record for this company.",
    companySubject: (payload: CompanyAlertLevelPayload, level: string) =>
      `SECTOR — ${payload.companyName}: alert level ${level} (${payload.fiscalYear})`,
    openCompany: "Open the company's risk page",
    districtLine: (payload: DistrictAlarmPayload) =>
      `${payload.districtNameEn}: the signal “${payload.seriesTitleEn}” is in alarm (${payload.period})`,
    districtLead: (payload: DistrictAlarmPayload) =>
      `the signal “${payload.seriesTitleEn}” of the ${payload.districtNameEn} district entered alarm with the figure for ${payload.period}.`,
    reason: (method: string, value: string, baseline: string, threshold: string) =>
      `${method}: value ${value}, baseline ${baseline}, threshold ${threshold}`,
    districtSubject: (payload: DistrictAlarmPayload) =>
      `SECTOR — ${payload.districtNameEn}: signal in alarm (${payload.seriesTitleEn})`,
    openDistrict: "Open the district dashboard",
    why: "You receive this email because you follow this company or district in SECTOR.",
    settings: "Choose how you receive notifications",
    digestSubject: (count: number) =>
      count === 1 ? "SECTOR — digest: 1 notification" : `SECTOR — digest: ${count} notifications`,
    digestLead: (count: number) =>
      count === 1
        ? "here is the notification since the last digest:"
        : `here are the ${count} notifications since the last digest:`,
    numberTag: "en-GB",
  },
} as const;

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Where a notification leads in the web app. */
export function notificationLink(baseUrl: string, notification: NotificationContent): string {
  return notification.kind === "company_alert_level"
    ? `${baseUrl}/companies/${encodeURIComponent(notification.companyId)}/risk`
    : `${baseUrl}/districts/${encodeURIComponent(notification.districtCode)}`;
}

type Worded = { subject: string; line: string; paragraphs: string[]; reasons: string[]; action: string };

function word(locale: Locale, notification: NotificationContent): Worded {
  const dictionary = words[locale];
  if (notification.kind === "company_alert_level") {
    const { payload } = notification;
    const level = dictionary.levels[payload.level];
    const previous = payload.previousLevel ? dictionary.levels[payload.previousLevel] : null;
    return {
      subject: dictionary.companySubject(payload, level),
      line: dictionary.companyLine(payload, level, previous),
      paragraphs: [
        dictionary.companyLead(payload, level, previous),
        ...(payload.isDeteriorating ? [dictionary.deteriorating] : []),
        ...(payload.isFirstAlert ? [dictionary.firstAlert] : []),
      ],
      reasons: [],
      action: dictionary.openCompany,
    };
  }
  const { payload } = notification;
  const number = new Intl.NumberFormat(dictionary.numberTag, { maximumFractionDigits: 2 });
  return {
    subject: dictionary.districtSubject(payload),
    line: dictionary.districtLine(payload),
    paragraphs: [dictionary.districtLead(payload)],
    reasons: payload.reasons.map((reason) =>
      dictionary.reason(
        dictionary.methods[reason.method] ?? reason.method,
        number.format(reason.value),
        number.format(reason.baseline),
        number.format(reason.threshold),
      ),
    ),
    action: dictionary.openDistrict,
  };
}

function htmlDocument(locale: Locale, body: string): string {
  return `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">${body}</body></html>`;
}

/** One notification as an email in the recipient's language: subject, text and a simple HTML copy. */
export function renderNotificationEmail(
  locale: Locale,
  recipient: { email: string; displayName: string },
  notification: NotificationContent,
  baseUrl: string,
): MailMessage {
  const dictionary = words[locale];
  const worded = word(locale, notification);
  const link = notificationLink(baseUrl, notification);
  const settingsLink = `${baseUrl}/notifications`;
  const reasons = worded.reasons.map((reason) => `- ${reason}`);
  const text = [
    dictionary.greeting(recipient.displayName),
    "",
    ...worded.paragraphs,
    ...(reasons.length > 0 ? ["", ...reasons] : []),
    "",
    `${worded.action}: ${link}`,
    "",
    `${dictionary.why} ${dictionary.settings}: ${settingsLink}`,
    "",
  ].join("\n");
  const html = htmlDocument(
    locale,
    [
      `<p>${escapeHtml(dictionary.greeting(recipient.displayName))}</p>`,
      ...worded.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
      worded.reasons.length > 0
        ? `<ul>${worded.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join("")}</ul>`
        : "",
      `<p><a href="${escapeHtml(link)}">${escapeHtml(worded.action)}</a></p>`,
      `<p style="color:#555;font-size:0.9em">${escapeHtml(dictionary.why)} <a href="${escapeHtml(settingsLink)}">${escapeHtml(dictionary.settings)}</a></p>`,
    ].join(""),
  );
  return { to: recipient.email, subject: worded.subject, text, html };
}

/** Several notifications in one daily email, oldest first, each with its link. */
export function renderDigestEmail(
  locale: Locale,
  recipient: { email: string; displayName: string },
  notifications: NotificationContent[],
  baseUrl: string,
): MailMessage {
  const dictionary = words[locale];
  const settingsLink = `${baseUrl}/notifications`;
  const entries = notifications.map((notification) => ({
    line: word(locale, notification).line,
    link: notificationLink(baseUrl, notification),
  }));
  const text = [
    dictionary.greeting(recipient.displayName),
    "",
    dictionary.digestLead(entries.length),
    "",
    ...entries.flatMap((entry) => [`- ${entry.line}`, `  ${entry.link}`]),
    "",
    `${dictionary.why} ${dictionary.settings}: ${settingsLink}`,
    "",
  ].join("\n");
  const html = htmlDocument(
    locale,
    [
      `<p>${escapeHtml(dictionary.greeting(recipient.displayName))}</p>`,
      `<p>${escapeHtml(dictionary.digestLead(entries.length))}</p>`,
      `<ul>${entries.map((entry) => `<li><a href="${escapeHtml(entry.link)}">${escapeHtml(entry.line)}</a></li>`).join("")}</ul>`,
      `<p style="color:#555;font-size:0.9em">${escapeHtml(dictionary.why)} <a href="${escapeHtml(settingsLink)}">${escapeHtml(dictionary.settings)}</a></p>`,
    ].join(""),
  );
  return { to: recipient.email, subject: dictionary.digestSubject(entries.length), text, html };
}
