import { performance } from "node:perf_hooks";
import { httpRequest, type HttpResponse } from "./http";
import { roundSummary, summarize, type Summary } from "./stats";

export type EndpointResult = {
  name: string;
  path: string;
  statuses: Record<string, number>;
  responseMs: Summary;
  /** Body size as sent (after compression, if the server compressed it). */
  wireBytes: number;
  /** Body size after decompression: what the client parses. */
  bodyBytes: number;
  contentEncoding: string | null;
  /** How many timed requests were made (fewer than `samples` when the time budget ran out). */
  samples: number;
};

const warmups = 3;
const samples = 30;

/**
 * Sequential GETs of one URL: a few to warm caches and JIT, then the measured ones. With
 * `budgetMs`, sampling stops once that much time went by (after at least 5 samples), so a
 * multi-second page does not take minutes. `headers` add to the request's (e.g. Accept-Encoding).
 */
export async function measureEndpoint(input: { baseUrl: string; cookie: string; name: string; path: string; check?: (body: Buffer) => void; headers?: Record<string, string>; budgetMs?: number }): Promise<EndpointResult> {
  const headers = { ...(input.cookie ? { cookie: input.cookie } : {}), ...input.headers };
  const get = () => httpRequest(`${input.baseUrl}${input.path}`, { headers, timeoutMs: 120_000 });
  const started = performance.now();
  for (let index = 0; index < warmups; index++) {
    await get();
    if (input.budgetMs !== undefined && performance.now() - started > input.budgetMs / 3) break;
  }
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let last: HttpResponse | undefined;
  const measuring = performance.now();
  for (let index = 0; index < samples; index++) {
    if (input.budgetMs !== undefined && index >= 5 && performance.now() - measuring > input.budgetMs) break;
    last = await get();
    times.push(last.elapsedMs);
    statuses[last.status] = (statuses[last.status] ?? 0) + 1;
  }
  if (!last) throw new Error("No samples taken.");
  input.check?.(last.body);
  const encoding = last.headers["content-encoding"];
  return {
    name: input.name,
    path: input.path,
    statuses,
    responseMs: roundSummary(summarize(times)),
    wireBytes: last.wireBytes,
    bodyBytes: last.body.length,
    contentEncoding: typeof encoding === "string" ? encoding : null,
    samples: times.length,
  };
}
