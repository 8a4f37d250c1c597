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
};

export const warmups = 3;
export const samples = 30;

/** Sequential GETs of one URL: a few to warm caches and JIT, then the measured ones. */
export async function measureEndpoint(input: { baseUrl: string; cookie: string; name: string; path: string; check?: (body: Buffer) => void }): Promise<EndpointResult> {
  const get = () => httpRequest(`${input.baseUrl}${input.path}`, { headers: { cookie: input.cookie }, timeoutMs: 60_000 });
  for (let index = 0; index < warmups; index++) await get();
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let last: HttpResponse | undefined;
  for (let index = 0; index < samples; index++) {
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
  };
}

/** Fails loudly if the replies API did not return the room we filled: the numbers would mean nothing. */
export function expectReplyCount(expected: number): (body: Buffer) => void {
  return (body) => {
    const parsed = JSON.parse(body.toString("utf8")) as { replies?: unknown[] };
    const count = parsed.replies?.length ?? 0;
    if (count !== expected) throw new Error(`GET replies returned ${count} replies, expected ${expected}.`);
  };
}

/** The page must contain the room's replies, not a sign-in redirect or an error page. */
export function expectPageWithReply(replyId: string): (body: Buffer) => void {
  return (body) => {
    if (!body.toString("utf8").includes(replyId)) throw new Error(`The room page does not contain reply ${replyId}.`);
  };
}
