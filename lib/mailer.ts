import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";

export type MailMessage = { to: string; subject: string; text: string };

export type Mailer = { send: (message: MailMessage) => Promise<void> };

// Read here rather than in lib/env.ts: only the process that sends mail needs these, and a bad
// SMTP_URL should fail the first send with a clear message, not every page of the app.
const mailEnv = z.object({
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^smtps?:\/\//.test(value), "SMTP_URL must start with smtp:// or smtps://"),
  MAIL_FROM: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
});

// One pooled transport per process, shared by server.ts and Next's bundles like the database.
const globalKey = Symbol.for("chapterhouse.mailer");
type Cached = { url: string; transporter: Transporter };
type GlobalWithMailer = typeof globalThis & { [globalKey]?: Cached };

function readMailEnv() {
  const result = mailEnv.safeParse(process.env);
  if (!result.success) throw new Error(`Invalid mail settings: ${result.error.issues.map((issue) => issue.message).join("; ")}`);
  return result.data;
}

function defaultFrom(): string {
  const base = process.env.NEXTAUTH_URL;
  const host = base && URL.canParse(base) ? new URL(base).hostname : "localhost";
  return `Chapterhouse <no-reply@${host}>`;
}

/** The configured mailer, or null when SMTP_URL is unset (callers then log instead of sending). */
export function getMailer(): Mailer | null {
  const { SMTP_URL, MAIL_FROM } = readMailEnv();
  if (!SMTP_URL) return null;
  const holder = globalThis as GlobalWithMailer;
  if (holder[globalKey]?.url !== SMTP_URL) {
    holder[globalKey]?.transporter.close();
    holder[globalKey] = { url: SMTP_URL, transporter: nodemailer.createTransport(SMTP_URL) };
  }
  const { transporter } = holder[globalKey];
  const from = MAIL_FROM ?? defaultFrom();
  return {
    send: async (message) => {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** Closes the pooled SMTP connection, if one was opened; for shutdown and tests. */
export function closeMailer(): void {
  const holder = globalThis as GlobalWithMailer;
  holder[globalKey]?.transporter.close();
  delete holder[globalKey];
}
