import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type CapturedEmail = { from: string; to: string[]; raw: string; subject: string; text: string };

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** A real SMTP server on a free local port that keeps every message it receives. */
export async function startSmtpSink() {
  const messages: CapturedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const [head = "", ...bodyParts] = raw.split(/\r?\n\r?\n/);
        const body = bodyParts.join("\n\n");
        const isQuotedPrintable = /content-transfer-encoding:\s*quoted-printable/i.test(head);
        const isBase64 = /content-transfer-encoding:\s*base64/i.test(head);
        const subjectLine = /^subject:\s*(.*)$/im.exec(head)?.[1] ?? "";
        const subject = subjectLine.replace(/=\?utf-8\?Q\?(.*?)\?=/gi, (_match, encoded: string) =>
          decodeQuotedPrintable(encoded.replaceAll("_", " ")),
        );
        const text = isBase64
          ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
          : isQuotedPrintable
            ? decodeQuotedPrintable(body)
            : body;
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
          subject,
          text,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(predicate: (email: CapturedEmail) => boolean, timeoutMs = 5000): Promise<CapturedEmail> {
      const startedAt = Date.now();
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() - startedAt > timeoutMs) throw new Error("no matching email arrived at the SMTP sink");
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
