import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";

// What next/headers reads inside Next: the cookies of the request being answered. Outside Next
// there is no request scope, so tests that call route handlers run them inside this one, with
// `vi.mock("next/headers", () => import("./request-scope"))`. Everything past the cookie jar
// (token decoding, the session check, the handler) is the app's own code.

type Scope = { cookies: Map<string, string>; headers: Headers };
const scope = new AsyncLocalStorage<Scope>();

function current(): Scope {
  const found = scope.getStore();
  if (!found) throw new Error("called outside withCookie()");
  return found;
}

/** Runs `work` as if for a request carrying `cookie` ("name=value; ..."); returns its result and the cookies it set. */
export async function withCookie<Result>(
  cookie: string,
  work: () => Promise<Result>,
  requestHeaders: Headers = new Headers(),
): Promise<{ result: Result; cookies: Map<string, string> }> {
  const jar = new Map<string, string>();
  for (const part of cookie.split(";")) {
    const index = part.indexOf("=");
    // Values as Next hands them over: percent-decoded (next-auth's callback-url cookie is encoded).
    if (index > 0) jar.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  const set = new Map<string, string>();
  const result = await scope.run({ cookies: jar, headers: requestHeaders }, async () => {
    const value = await work();
    for (const [name, stored] of jar) set.set(name, stored);
    return value;
  });
  return { result, cookies: set };
}

export async function cookies() {
  const { cookies: jar } = current();
  return {
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => {
      jar.set(name, value);
    },
    delete: (name: string) => {
      jar.delete(name);
    },
  };
}

export async function headers() {
  return scope.getStore()?.headers ?? new Headers();
}

/**
 * next-auth's route handler reads next/headers with a CommonJS `require`, which vi.mock does not
 * reach: point that module's `cookies` and `headers` at this scope too (for this test process only).
 */
export function scopeNextAuth(): void {
  const fromNextAuth = createRequire(createRequire(import.meta.url).resolve("next-auth"));
  const required = fromNextAuth("next/headers") as { cookies: unknown; headers: unknown };
  required.cookies = cookies;
  required.headers = headers;
}
