import { cookieHeader, httpRequest, setCookies } from "./http";

const sessionCookie = "next-auth.session-token";

/**
 * Signs in through next-auth's real credentials flow and returns the Cookie header to send
 * (the session token, possibly split into chunks by next-auth when it is large).
 */
export async function signIn(baseUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const csrf = await httpRequest(`${baseUrl}/api/auth/csrf`, { timeoutMs: 15_000 });
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.body.toString("utf8")) as { csrfToken?: unknown };
  if (typeof csrfToken !== "string") throw new Error("GET /api/auth/csrf returned no csrfToken");

  const form = new URLSearchParams({ csrfToken, email: credentials.email, password: credentials.password, json: "true" });
  const callback = await httpRequest(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(setCookies(csrf)) },
    body: form.toString(),
    timeoutMs: 15_000,
  });
  const session = new Map([...setCookies(callback)].filter(([name, value]) => name.startsWith(sessionCookie) && value !== ""));
  if (session.size === 0) {
    throw new Error(`Sign-in as ${credentials.email} set no session cookie (status ${callback.status}): ${callback.body.toString("utf8").slice(0, 300)}`);
  }
  const cookie = cookieHeader(session);
  await expectSignedIn(baseUrl, cookie, credentials.email);
  return cookie;
}

async function expectSignedIn(baseUrl: string, cookie: string, email: string): Promise<void> {
  const response = await httpRequest(`${baseUrl}/api/auth/session`, { headers: { cookie }, timeoutMs: 15_000 });
  const session = JSON.parse(response.body.toString("utf8")) as { user?: { email?: unknown } };
  if (session.user?.email !== email) throw new Error(`The session cookie does not sign in ${email}.`);
}
