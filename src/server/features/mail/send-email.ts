import type { Database } from "../../db/client.ts";
import type { Logger } from "../../logging/logger.ts";
import type { Mailer, MailMessage } from "../../mail/mailer.ts";
import { insertOutboundEmail, type OutboundEmail } from "./mail.repo.ts";

/**
 * Sends one email and records it with its delivery state. A failed delivery is recorded and
 * logged, never thrown: the action that caused the email has already happened. Returns the state.
 */
export async function sendEmail(
  deps: { db: Database; mailer: Mailer; clock: () => Date; logger: Logger },
  message: MailMessage & { purpose: string },
): Promise<OutboundEmail["status"]> {
  const createdAt = deps.clock();
  const record = {
    toAddress: message.to,
    subject: message.subject,
    bodyText: message.text,
    purpose: message.purpose,
  };
  if (deps.mailer.kind === "outbox") {
    await insertOutboundEmail(deps.db, { ...record, status: "outbox", error: null, createdAt, sentAt: null });
    return "outbox";
  }
  try {
    await deps.mailer.send(message);
    await insertOutboundEmail(deps.db, {
      ...record,
      status: "sent",
      error: null,
      createdAt,
      sentAt: deps.clock(),
    });
    return "sent";
  } catch (error) {
    deps.logger.error("email delivery failed", { err: error, purpose: message.purpose });
    await insertOutboundEmail(deps.db, {
      ...record,
      status: "failed",
      error: (error as Error).message,
      createdAt,
      sentAt: null,
    });
    return "failed";
  }
}
