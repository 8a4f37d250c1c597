import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { configuredPublicUrl, getMailEnv } from "@/lib/env";

type MailMessage = {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to `text` (multipart/alternative). */
  html?: string;
  /**
   * The one-click unsubscribe address (RFC 8058): sent as `List-Unsubscribe: <url>` with
   * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, so mail programs offer their own button.
   */
  unsubscribeUrl?: string;
};

export type Mailer = { send: (message: MailMessage) => Promise<void> };

// One pooled transport per process, shared by server.ts and Next's bundles like the database.
const globalKey = Symbol.for("chapterhouse.mailer");
type Cached = { url: string; transporter: Transporter };
type GlobalWithMailer = typeof globalThis & { [globalKey]?: Cached };

function defaultFrom(): string {
  return `Chapterhouse <no-reply@${configuredPublicUrl()?.hostname ?? "localhost"}>`;
}

/**
 * A digest round sends hundreds of emails: over a pool of up to 5 open connections (nodemailer's
 * `pool`), each email skips the connection and greeting. SMTP_URL may say `?pool=false`.
 */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  return url.toString();
}

/** The configured mailer, or null when SMTP_URL is unset (callers then log instead of sending). */
export function getMailer(): Mailer | null {
  const { SMTP_URL, MAIL_FROM } = getMailEnv();
  if (!SMTP_URL) return null;
  const holder = globalThis as GlobalWithMailer;
  if (holder[globalKey]?.url !== SMTP_URL) {
    holder[globalKey]?.transporter.close();
    holder[globalKey] = { url: SMTP_URL, transporter: nodemailer.createTransport(pooled(SMTP_URL)) };
  }
  const { transporter } = holder[globalKey];
  const from = MAIL_FROM ?? defaultFrom();
  return {
    send: async (message) => {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.unsubscribeUrl
          ? { list: { unsubscribe: message.unsubscribeUrl }, headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } }
          : {}),
      });
    },
  };
}

/** Closes the pooled SMTP connection, if one was opened; for shutdown and tests. */
export function closeMailer(): void {
  const holder = globalThis as GlobalWithMailer;
  holder[globalKey]?.transporter.close();
  delete holder[globalKey];
}
