/** What a call to the app's API came back with, ready for a form to show. */
export type RequestResult<Data> = { ok: true; data: Data } | { ok: false; status: number; error: string };

/**
 * Calls one of the app's JSON routes from the browser. The server's message is shown as it is
 * (it is written for people); a dropped connection gets its own calm message.
 */
export async function requestJson<Data>(url: string, init: { method: string; body?: unknown } = { method: "GET" }): Promise<RequestResult<Data>> {
  try {
    const response = await fetch(url, {
      method: init.method,
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const payload = (await response.json().catch(() => null)) as (Data & { error?: { message?: string } }) | null;
    if (response.ok && payload) return { ok: true, data: payload };
    return {
      ok: false,
      status: response.status,
      error: payload?.error?.message ?? "Something went wrong on our side. Please try again.",
    };
  } catch {
    return { ok: false, status: 0, error: "You seem to be offline. Try again when you're back." };
  }
}
