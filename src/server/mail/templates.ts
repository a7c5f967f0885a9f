import type { Locale } from "../../contracts/system.ts";
import type { MailMessage } from "./mailer.ts";

type Template = (values: Record<string, string>) => { subject: string; text: string };

const templates = {
  passwordReset: {
    it: (values) => ({
      subject: "SECTOR — reimposta la password",
      text: `Buongiorno ${values.name},\n\nabbiamo ricevuto una richiesta di reimpostare la password del tuo account SECTOR.\nApri questo collegamento entro ${values.hours} ore per sceglierne una nuova (vale una sola volta):\n\n${values.link}\n\nSe non l'hai chiesto tu, ignora questo messaggio: la password resta quella di prima.\n`,
    }),
    en: (values) => ({
      subject: "SECTOR — reset your password",
      text: `Hello ${values.name},\n\nwe received a request to reset the password of your SECTOR account.\nOpen this link within ${values.hours} hours to choose a new one (it works once):\n\n${values.link}\n\nIf you did not ask for this, ignore this message: your password stays as it was.\n`,
    }),
  },
  invitation: {
    it: (values) => ({
      subject: "Invito a SECTOR",
      text: `Buongiorno ${values.name},\n\n${values.inviter} ti ha invitato a usare SECTOR.\nApri questo collegamento entro ${values.days} giorni per scegliere la password e attivare l'account:\n\n${values.link}\n`,
    }),
    en: (values) => ({
      subject: "Invitation to SECTOR",
      text: `Hello ${values.name},\n\n${values.inviter} has invited you to use SECTOR.\nOpen this link within ${values.days} days to choose your password and activate your account:\n\n${values.link}\n`,
    }),
  },
  grantReviewReminder: {
    it: (values) => ({
      subject: "SECTOR — autorizzazioni da riesaminare",
      text: `Buongiorno ${values.name},\n\n${values.count} autorizzazioni non sono state riesaminate negli ultimi sei mesi:\n\n${values.list}\n\nRiesaminale in Amministrazione › Utenti: ${values.link}\n`,
    }),
    en: (values) => ({
      subject: "SECTOR — grants to review",
      text: `Hello ${values.name},\n\n${values.count} grants have not been reviewed in the last six months:\n\n${values.list}\n\nReview them in Administration › Users: ${values.link}\n`,
    }),
  },
} satisfies Record<string, Record<Locale, Template>>;

export type TemplateName = keyof typeof templates;

/** Builds an email in the recipient's language. */
export function renderEmail(
  name: TemplateName,
  locale: Locale,
  to: string,
  values: Record<string, string>,
): MailMessage {
  return { to, ...templates[name][locale](values) };
}
