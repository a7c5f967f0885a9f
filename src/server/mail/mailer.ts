import nodemailer from "nodemailer";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative of `text`, when the message has one. */
  html?: string;
};

/**
 * Sends mail over SMTP with nodemailer; without SMTP_URL the mailer is an "outbox" one: messages
 * are only recorded (outbound_emails) for administrators to read in the app.
 */
export type Mailer = {
  readonly kind: "smtp" | "outbox";
  send(message: MailMessage): Promise<void>;
  close(): void;
};

export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!options.smtpUrl) {
    return { kind: "outbox", send: async () => {}, close: () => {} };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    kind: "smtp",
    async send(message) {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
    },
    close: () => transport.close(),
  };
}
