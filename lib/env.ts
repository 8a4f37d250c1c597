import "server-only";
import { z } from "zod";

// Every environment variable the app reads, documented and validated here and nowhere else:
// nothing in app/, components/, db/, lib/ or server.ts reads process.env (ESLint's
// n/no-process-env fails `npm test` otherwise; docs/decisions/0008-fences.md). The README's
// Environment table lists the same variables.
//
// Read at every call, never cached: server.ts fills in NEXTAUTH_SECRET and NEXTAUTH_URL after its
// first read, and tests change the mail settings between cases.
//
// Read outside the app, so not here: NEXT_DIST_DIR (next.config.js: the build's folder, for
// benchmarks and tests; it also reads ALLOWED_ORIGINS, documented below, and NODE_ENV),
// E2E_PORT, E2E_DATABASE_URL, E2E_PGLITE_DIR and CHROMIUM_PATH
// (playwright.config.ts), TEST_DB and TEST_ADMIN_DATABASE_URL (tests/, scripts/test-db.ts),
// TEST_REDIS_URL (tests/integration/nodes.test.ts),
// BENCH_* (bench/), CI (scripts/test.sh, playwright.config.ts).

const schema = z.object({
  /** "production" serves the build in .next/; anything else runs Next's dev server. Default development. */
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** TCP port for the app and its live connection. Default 3000. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to listen on. Default 0.0.0.0. Not HOSTNAME: Docker and many shells set that to the machine's name. */
  HOST: z.string().default("0.0.0.0"),
  /** A Postgres server (postgres.js), e.g. postgres://user@host:5432/chapterhouse. Unset: PGlite. */
  DATABASE_URL: z.url().optional(),
  /** Most postgres.js connections this process opens (a count). Default 10. Ignored on PGlite. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  /** PGlite's data folder, relative to the working directory. Default .data/pglite. Ignored when DATABASE_URL is set. */
  PGLITE_DIR: z.string().default(".data/pglite"),
  /** "false" never seeds the demo club at start. Default "true" (seeds an empty database only). */
  SEED_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** Signs sign-in sessions and (through a key derived from it) unsubscribe links in emails; 16 characters at least. Unset: server.ts keeps a random one in .data/auth-secret. */
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** The public URL, for sign-in redirects and links in emails. Unset: server.ts sets http://localhost:$PORT. */
  NEXTAUTH_URL: z.url().optional(),
  /**
   * Further origins (scheme://host[:port]) allowed to call the API, open the live connection and
   * run server actions, comma-separated, e.g. "https://club.example.org,https://www.club.example.org".
   * The app's own origin (NEXTAUTH_URL's, and the Host a request came to) is always allowed. Default none.
   */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value, context) => {
      const origins: string[] = [];
      for (const entry of (value ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
        const parsed = URL.parse(entry);
        if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
          context.addIssue({ code: "custom", message: `"${entry}" is not an origin like https://club.example.org` });
          continue;
        }
        origins.push(parsed.origin);
      }
      return origins;
    }),
  /** GitHub OAuth app's client id; with GITHUB_SECRET, offers "Continue with GitHub". Default unset. */
  GITHUB_ID: z.string().optional(),
  /** GitHub OAuth app's client secret. Default unset. */
  GITHUB_SECRET: z.string().optional(),
  /** Google OAuth client id; with GOOGLE_CLIENT_SECRET, offers "Continue with Google". Default unset. */
  GOOGLE_CLIENT_ID: z.string().optional(),
  /** Google OAuth client secret. Default unset. */
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  /**
   * How app nodes share live traffic (docs/decisions/0021-many-nodes.md): "auto" uses Redis when
   * REDIS_URL is set, else Postgres LISTEN/NOTIFY when DATABASE_URL is set, else memory (one node).
   * "memory" keeps one node's traffic to itself (one node on Postgres, no NOTIFY per event). Default "auto".
   */
  REALTIME_ADAPTER: z.enum(["auto", "memory", "postgres", "redis"]).default("auto"),
  /** A Redis server for live traffic between nodes (@socket.io/redis-streams-adapter), redis:// or rediss://, e.g. redis://127.0.0.1:6379. Default unset. */
  REDIS_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^rediss?:\/\//.test(value), "REDIS_URL must start with redis:// or rediss://"),
  /** Prefix of the Redis stream and channels, so deployments sharing one Redis stay apart. Default "chapterhouse". */
  REDIS_KEY_PREFIX: z.string().min(1).default("chapterhouse"),
  /** Connections (pg) the Postgres live adapter opens: one listens, the rest notify (a count). Default 4. */
  REALTIME_POOL_SIZE: z.coerce.number().int().min(2).default(4),
  /** "off" does not start the reminder queue in this process (the next start catches up). Default "on". */
  REMINDERS: z.enum(["on", "off"]).default("on"),
  // Rate limits (lib/doors/limits.ts). Each is a count per window; over it a request gets 429
  // with Retry-After. Defaults are far above any real conversation.
  /** Proxies in front of the app whose X-Forwarded-For is trusted (a count); 0 uses the TCP peer's address. Default 0. */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).default(0),
  /** Replies one member may post per minute (all at once is fine). Default 30. */
  LIMIT_REPLIES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Edits of replies one member may save per minute. Default 30. */
  LIMIT_EDITS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Invite links one member may create per hour. Default 30. */
  LIMIT_INVITES_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /** Accounts one address may create per hour. Default 10. */
  LIMIT_SIGN_UPS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins one address may make per hour, whatever the accounts. Default 30. */
  LIMIT_SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  /** Failed sign-ins on one account from one address before a pause (1 minute, doubling each time, at most an hour). Default 5. */
  LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins on one account per hour from addresses it has never signed in from. Default 100. */
  LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(100),
  /** Events one live connection may send per 10 seconds. Default 100. */
  LIMIT_SOCKET_EVENTS_PER_10_SECONDS: z.coerce.number().int().min(1).default(100),
  /** Live connections one member may hold open at once (tabs and devices). Default 20. */
  LIMIT_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(20),
});

// Apart from the rest: only the process that sends mail needs these, and a bad SMTP_URL should
// fail the first send with a clear message, not every page of the app.
const mailSchema = z.object({
  /**
   * Where mail goes (reminders and notification emails), smtp:// or smtps:// (user and password in
   * the URL). Connections are pooled (5) unless the URL says ?pool=false. Unset or blank: emails are logged instead.
   */
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^smtps?:\/\//.test(value), "SMTP_URL must start with smtp:// or smtps://"),
  /** The sender of reminder and notification emails, e.g. "Book club <club@example.org>". Unset: Chapterhouse <no-reply@the host of NEXTAUTH_URL>. */
  MAIL_FROM: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
});

export type Env = z.infer<typeof schema>;
export type MailEnv = z.infer<typeof mailSchema>;

function parse<Shape extends z.ZodType>(shape: Shape, what: string): z.output<Shape> {
  // The one read of process.env in the app (eslint.config.js exempts this file alone).
  const result = shape.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid ${what}: ${problems}`);
  }
  return result.data;
}

/**
 * The validated environment. Read lazily, at first use, because `next build` imports route
 * modules and must not fail for a variable only the running server needs. Throws an Error
 * naming every invalid variable.
 */
export function getEnv(): Env {
  return parse(schema, "environment");
}

/** The mail settings (SMTP_URL, MAIL_FROM); throws "Invalid mail settings: ..." when SMTP_URL is malformed. */
export function getMailEnv(): MailEnv {
  return parse(mailSchema, "mail settings");
}

/** NEXTAUTH_URL as a URL, or null when unset: the configured public address of the app. */
export function configuredPublicUrl(): URL | null {
  const { NEXTAUTH_URL } = getEnv();
  return NEXTAUTH_URL ? new URL(NEXTAUTH_URL) : null;
}

/**
 * The origins the app trusts besides the Host a request came to: NEXTAUTH_URL's origin and
 * ALLOWED_ORIGINS, each as URL.origin ("https://club.example.org", no trailing slash).
 */
export function trustedOrigins(): string[] {
  const env = getEnv();
  return [...(env.NEXTAUTH_URL ? [new URL(env.NEXTAUTH_URL).origin] : []), ...env.ALLOWED_ORIGINS];
}

/** The base of links in emails: NEXTAUTH_URL as written, else http://localhost:$PORT. */
export function publicBaseUrl(): string {
  const env = getEnv();
  return env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
}
