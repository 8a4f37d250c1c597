import "server-only";
import type { IncomingMessage } from "node:http";
import { getEnv } from "@/lib/env";

// Which address a request came from, for the limits keyed by address (sign-in, sign-up). A
// client can write any X-Forwarded-For it likes, and Next passes one through untouched, so
// server.ts replaces it on every request with the one address this module trusts.

const header = "x-forwarded-for";

/**
 * Sets X-Forwarded-For to exactly the client's address before Next sees the request: the TCP
 * peer's, or with TRUSTED_PROXIES = n, the hop the outermost of our n proxies saw (the entry n
 * places from the right once the peer is appended). Anything a client put further left is ignored.
 */
export function stampClientAddress(request: IncomingMessage): void {
  const peer = request.socket.remoteAddress ?? "unknown";
  const trusted = getEnv().TRUSTED_PROXIES;
  let address = peer;
  if (trusted > 0) {
    const raw = request.headers[header];
    const written = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((hop) => hop.trim());
    const hops = [...written.filter((hop) => hop !== ""), peer];
    address = hops[Math.max(0, hops.length - 1 - trusted)] ?? peer;
  }
  request.headers[header] = address;
}

/**
 * The client's address as server.ts stamped it, as a limit key: an IPv6 address is cut to its
 * /64 network (one home or phone gets a whole /64, so counting single addresses would let one
 * client rotate through billions). "unknown" when nothing stamped it (a handler called directly).
 */
export function clientAddress(headers: Headers | Record<string, unknown>): string {
  const raw = headers instanceof Headers ? headers.get(header) : headers[header];
  const value = typeof raw === "string" ? (raw.split(",")[0]?.trim() ?? "") : "";
  if (value === "") return "unknown";
  return addressNetwork(value);
}

/** An IPv4 address as it is ("::ffff:" mapping removed); an IPv6 address as its first four groups. */
function addressNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.split("%")[0]!.toLowerCase().split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === "" ? [] : tail.split(":");
  const groups = address.includes("::") ? [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill("0"), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
