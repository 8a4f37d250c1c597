import "server-only";
import { randomUUID } from "node:crypto";
import type { AuthOptions } from "next-auth";
import { encode, getToken, type JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findSessionUser, readSessionStanding } from "@/db/queries/sessions";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { configuredPublicUrl, getEnv } from "@/lib/env";
import { acceptLanguageOf, rememberBrowserLocaleOf } from "@/lib/accounts/language";
import { decoyHash, verifyPassword } from "@/lib/accounts/passwords";
import { safeAuthRedirect } from "@/lib/accounts/safe-redirect";
import { clientAddress } from "@/lib/doors/client-address";
import { limitSignIn } from "@/lib/doors/sign-in-limit";
import { endThisSession } from "@/lib/accounts/profile";
import { sessionClaimsOf, standsAgainst } from "@/lib/accounts/session-standing";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { signInInput } from "@/lib/validation/auth";
import { sanitizeDisplayName } from "@/lib/validation/display-name";

/** The signed-in member as every door sees them; `locale` is their profile's language choice, null to follow the browser. */
export type SessionUser = { id: string; name: string; email: string; locale?: Locale | null };

function oauthProviders(): AuthOptions["providers"] {
  const env = getEnv();
  const providers: AuthOptions["providers"] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  return providers;
}

export function configuredOAuthProviders(): { id: string; name: string }[] {
  return oauthProviders().map((provider) => ({ id: provider.id, name: provider.name }));
}

/** How long a session lasts without being used, in seconds; each use extends it. */
const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Limited per address, per (account, address) with a doubling pause, and per account from
      // unfamiliar addresses (lib/doors/sign-in-limit.ts). Over a limit it throws the
      // rate_limited AppError; next-auth passes its sentence on as the `error`, and the route
      // (answerSignInRefusals) answers 429 with Retry-After instead of next-auth's 401.
      async authorize(credentials, request) {
        const parsed = signInInput.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        return limitSignIn({ email, address: clientAddress(request.headers ?? {}) }, async () => {
          const user = await findUserByEmail(email);
          // Compare against a decoy when the email is unknown: both failures cost the same time
          // and get the same message, so sign-in does not reveal who has an account.
          const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
          if (!user || !user.passwordHash || !valid) return null;
          // For emails sent while nobody is asking (lib/i18n/locales.ts recipientLocale).
          await rememberBrowserLocaleOf({ userId: user.id, acceptLanguage: acceptLanguageOf(request.headers ?? {}) });
          // The version read with the hash: a password change after this read ends this session too.
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
        });
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    // The same same-origin rule as the sign-in page's callbackUrl (lib/accounts/safe-redirect.ts).
    redirect({ url, baseUrl }) {
      return safeAuthRedirect(url, baseUrl);
    },
    async signIn({ user, account, profile }) {
      if (!account || account.type === "credentials") return true;
      // OAuth: only a verified email links to (or creates) a Chapterhouse account.
      const email = user.email?.toLowerCase();
      const verified = (profile as { email_verified?: boolean } | undefined)?.email_verified ?? account.provider === "github";
      if (!email || !verified) return false;
      const existing = await findUserByEmail(email);
      // The provider's name is not ours to refuse: it is cleaned to the display-name rules instead.
      const fallback = sanitizeDisplayName(email.split("@")[0], "Reader");
      if (!existing) await createUser({ email, name: sanitizeDisplayName(user.name, fallback), passwordHash: null });
      return true;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        // Signing in: a new session, with its own id, under the user's current session version.
        token.sessionId = randomUUID();
        if (account.type === "credentials") {
          token.sub = user.id;
          token.sessionVersion = user.sessionVersion;
        } else if (user.email) {
          const stored = await findUserByEmail(user.email);
          if (stored) {
            token.sub = stored.id;
            token.name = stored.name;
            token.sessionVersion = stored.sessionVersion;
          }
        }
        return token;
      }
      // Refreshing (the session route re-signs the token with a later expiry): an ended session
      // must not be extended. Throwing makes next-auth clear the cookie.
      if (!(await tokenStillCounts(token))) throw new Error("This session has ended.");
      return token;
    },
    async session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    // Plain "Sign out" ends this session only; the member's other devices stay signed in.
    async signOut({ token }) {
      const claims = sessionClaimsOf(token);
      if (!claims) return;
      await endThisSession({ userId: claims.userId, body: { sessionId: claims.sessionId, expiresAt: latestExpiry() } });
    },
  },
};

/**
 * When the last token of a session signed out now can expire: a refresh could have extended it
 * to a full lifetime from now, and none is extended after this (the jwt callback refuses), plus
 * a minute for a refresh already under way.
 */
function latestExpiry(): Date {
  return new Date(Date.now() + (SESSION_MAX_AGE_S + 60) * 1000);
}

async function tokenStillCounts(token: JWT): Promise<boolean> {
  const claims = sessionClaimsOf(token);
  if (!claims) return false;
  const standing = await readSessionStanding({ userId: claims.userId });
  return standsAgainst(claims, standing && { sessionVersion: standing.sessionVersion, sessionRevoked: standing.revokedSessionIds.includes(claims.sessionId) });
}

/** next-auth's own rule: secure (`__Secure-` prefixed) cookies when the app is served over https. */
function usesSecureCookies(): boolean {
  return configuredPublicUrl()?.protocol === "https:";
}

/** The session token this request carries, decoded; null when there is none or it does not verify. */
async function requestToken(): Promise<JWT | null> {
  const jar = await cookies();
  const secret = getEnv().NEXTAUTH_SECRET;
  // getToken reads `req.cookies` (a record will do) and, for a bearer token, `req.headers`: none is given.
  const req = { cookies: Object.fromEntries(jar.getAll().map((cookie) => [cookie.name, cookie.value])), headers: {} };
  return getToken({ req: req as unknown as Parameters<typeof getToken>[0]["req"], secret, secureCookie: usesSecureCookies() }).catch(() => null);
}

/**
 * The signed-in user as the database has them now: a rename shows at once, and a session that
 * ended (signed out, password changed, "sign out everywhere", account gone) counts as signed
 * out. Read fresh on every request, in the same query as the user, so pages, server actions and
 * API routes see an ended session at once. Cached per request: the layout and the page both ask.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = sessionClaimsOf(await requestToken());
  if (!claims) return null;
  const user = await findSessionUser({ userId: claims.userId, sessionId: claims.sessionId });
  if (!user || !standsAgainst(claims, user)) return null;
  return { id: user.id, name: user.name, email: user.email, locale: isLocale(user.locale) ? user.locale : null };
});

/**
 * Keeps this request's session going under the user's new session version, by setting its
 * cookie anew: a password change ends every other session but not the one that made it. Call
 * from a server action, right after the version was raised for the signed-in user.
 */
export async function renewThisSession(sessionVersion: number): Promise<void> {
  const token = await requestToken();
  if (!token) return;
  const secure = usesSecureCookies();
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) return;
  const value = await encode({ token: { ...token, sessionVersion }, secret, maxAge: SESSION_MAX_AGE_S });
  (await cookies()).set(secure ? "__Secure-next-auth.session-token" : "next-auth.session-token", value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
  });
}

/** The signed-in user, or a redirect to sign in that brings them back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
