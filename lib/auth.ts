import "server-only";
import type { AuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { redirect } from "next/navigation";
import { cache } from "react";
import { createUser, findUserByEmail, findUserById } from "@/db/queries/users";
import { getEnv } from "@/lib/env";
import { decoyHash, verifyPassword } from "@/lib/accounts/passwords";
import { safeAuthRedirect } from "@/lib/accounts/safe-redirect";
import { clientAddress } from "@/lib/doors/client-address";
import { limitSignIn } from "@/lib/doors/sign-in-limit";
import { signInInput } from "@/lib/validation/auth";
import { sanitizeDisplayName } from "@/lib/validation/display-name";

export type SessionUser = { id: string; name: string; email: string };

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

export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Limited per address, per (account, address) with a doubling pause, and per account from
      // unfamiliar addresses (lib/doors/sign-in-limit.ts). Over a limit it throws the
      // rate_limited AppError; next-auth answers 401 with its sentence as the `error`.
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
          return { id: user.id, name: user.name, email: user.email };
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
        if (account.type === "credentials") {
          token.sub = user.id;
        } else if (user.email) {
          const stored = await findUserByEmail(user.email);
          if (stored) {
            token.sub = stored.id;
            token.name = stored.name;
          }
        }
      }
      return token;
    },
    async session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
};

/**
 * The signed-in user as the database has them now: a rename shows at once, and a session whose
 * account no longer exists counts as signed out. Cached per request: the layout and the page both ask.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return findUserById(id);
});

/** The signed-in user, or a redirect to sign in that brings them back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
