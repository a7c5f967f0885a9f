import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type CapturedEmail = {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  /** The plain-text body (of a multipart/alternative message, its text/plain part). */
  text: string;
  /** The text/html part of a multipart/alternative message. */
  html?: string;
};

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function decodeBody(head: string, body: string): string {
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return decodeQuotedPrintable(body);
  return body;
}

/** The decoded text/plain and text/html parts of a multipart body. */
function readParts(boundary: string, body: string): { text?: string; html?: string } {
  const found: { text?: string; html?: string } = {};
  for (const part of body.split(`--${boundary}`)) {
    const [partHead = "", ...partBody] = part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
    const content = decodeBody(partHead, partBody.join("\n\n").replace(/\r?\n$/, ""));
    if (/content-type:\s*text\/plain/i.test(partHead)) found.text = content;
    if (/content-type:\s*text\/html/i.test(partHead)) found.html = content;
  }
  return found;
}

/** A real SMTP server on a free local port that keeps every message it receives. */
export async function startSmtpSink(options: { saveTo?: string } = {}) {
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
        // Long subjects are folded into several encoded words: join them (a character may span two).
        const unfoldedHead = head.replace(/\r?\n[ \t]+/g, " ");
        const subjectLine = (/^subject:\s*(.*)$/im.exec(unfoldedHead)?.[1] ?? "").replace(
          /\?=\s*=\?utf-8\?Q\?/gi,
          "",
        );
        const subject = subjectLine.replace(/=\?utf-8\?Q\?(.*?)\?=/gi, (_match, encoded: string) =>
          decodeQuotedPrintable(encoded.replaceAll("_", " ")),
        );
        const boundary = /content-type:\s*multipart\/[^;]+;[\s\S]*?boundary="?([^";\r\n]+)"?/i.exec(
          head,
        )?.[1];
        const parts = boundary ? readParts(boundary, body) : {};
        const text = boundary
          ? (parts.text ?? "")
          : isBase64
            ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
            : isQuotedPrintable
              ? decodeQuotedPrintable(body)
              : body;
        const email: CapturedEmail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
          subject,
          text,
          ...(parts.html === undefined ? {} : { html: parts.html }),
        };
        messages.push(email);
        // Browser tests read what the server sent from another process: one JSON file per email.
        if (options.saveTo)
          fs.writeFileSync(
            path.join(options.saveTo, `${String(messages.length).padStart(4, "0")}.json`),
            JSON.stringify(email),
          );
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

/** The emails a sink started with `saveTo` has written to that folder, oldest first. */
export function readSavedEmails(folder: string): CapturedEmail[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) as CapturedEmail);
}
