import { browserText } from "@/components/ui/browser-text";
import type { WireError } from "@/lib/doors/outcome";

/** What a call to the app's API came back with: its data, or the wire error and the HTTP status (0 when offline). */
export type RequestResult<Data> = { ok: true; data: Data } | { ok: false; status: number; error: WireError };

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
    const payload = (await response.json().catch(() => null)) as (Data & { error?: WireError }) | null;
    if (response.ok && payload) return { ok: true, data: payload };
    return { ok: false, status: response.status, error: payload?.error ?? { code: "internal", message: browserText("internal") } };
  } catch {
    return { ok: false, status: 0, error: { code: "offline", message: browserText("offline") } };
  }
}
