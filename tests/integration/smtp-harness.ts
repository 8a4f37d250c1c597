import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { closeMailer } from "@/lib/mailer";

type ReceivedMail = ParsedMail & { envelopeTo: string[] };

export type TestSmtp = {
  port: number;
  mails: ReceivedMail[];
  /** The mails received for this address, in order of arrival. */
  to: (address: string) => ReceivedMail[];
  /** While true, the server refuses every message (a 451 after DATA), as a server in trouble does. */
  refusing: { on: boolean };
  /** The raw value of a header line as sent, e.g. "List-Unsubscribe". */
  header: (mail: ReceivedMail, name: string) => string | undefined;
  close: () => Promise<void>;
};

/**
 * A real SMTP server (the smtp-server package) on a free port, with the app's mailer pointed at
 * it through SMTP_URL; every message is parsed back with mailparser, as a mail program would.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const refusing = { on: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // A reverse DNS lookup of 127.0.0.1 per connection only slows the measurement down.
    disableReverseLookup: true,
    onData(stream, session, callback) {
      if (refusing.on) {
        stream.on("data", () => {});
        stream.on("end", () => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (parsed) => {
          mails.push(Object.assign(parsed, { envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) }));
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "Chapterhouse <club@example.test>";
  process.env.NEXTAUTH_URL = "https://club.example.test";
  return {
    port,
    mails,
    refusing,
    to: (address) => mails.filter((mail) => mail.envelopeTo.includes(address)),
    header: (mail, name) => {
      const line = mail.headerLines.find((entry) => entry.key === name.toLowerCase())?.line;
      return line?.slice(line.indexOf(":") + 1).replace(/\r?\n\s+/g, " ").trim();
    },
    close: async () => {
      delete process.env.SMTP_URL;
      delete process.env.MAIL_FROM;
      delete process.env.NEXTAUTH_URL;
      closeMailer();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
