import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

export type HttpResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as received on the wire (possibly compressed). */
  wireBytes: number;
  /** The body after undoing any content-encoding. */
  body: Buffer;
  /** From just before the request was written to the last body byte. */
  elapsedMs: number;
};

export type HttpRequest = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
};

// One keep-alive pool for the whole run, like a browser's: the numbers measure the server,
// not TCP handshakes. No socket cap, so scheduled posts never queue behind each other here.
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  switch (encoding) {
    case "gzip":
      return gunzipSync(raw);
    case "br":
      return brotliDecompressSync(raw);
    case "deflate":
      return inflateSync(raw);
    default:
      return raw;
  }
}

/** One HTTP request, timed to the full body, that never hangs past its timeout. */
export function httpRequest(url: string, options: HttpRequest = {}): Promise<HttpResponse> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      url,
      {
        method: options.method ?? "GET",
        agent,
        headers: { "accept-encoding": "gzip, deflate, br", ...options.headers },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const elapsedMs = performance.now() - started;
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          try {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, wireBytes: raw.length, body: decode(raw, encoding), elapsedMs });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

export function closeHttpPool(): void {
  agent.destroy();
}

/** The name=value pairs a response sets, ignoring cookie attributes. */
export function setCookies(response: HttpResponse): Map<string, string> {
  const header = response.headers["set-cookie"];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  const cookies = new Map<string, string>();
  for (const line of lines) {
    const pair = line.split(";", 1)[0] ?? "";
    const index = pair.indexOf("=");
    if (index > 0) cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
  }
  return cookies;
}

export function cookieHeader(cookies: Map<string, string>): string {
  return Array.from(cookies, ([name, value]) => `${name}=${value}`).join("; ");
}
