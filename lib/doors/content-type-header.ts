import type { ServerResponse } from "node:http";

/**
 * Keeps a response's Content-Type a single string, so Next's gzip applies to route handlers' JSON.
 *
 * Next copies a route handler's headers onto the Node response through its `appendHeader`
 * (next/dist/server/base-http/node.js), which calls `setHeader(name, [value])`: Content-Type
 * becomes an array. The `compression` middleware Next runs in front of every response
 * (next/dist/server/lib/router-server.js) asks `compressible()` about that value, which answers
 * false for anything but a string, so JSON went out uncompressed while pages were gzipped
 * (issue 11: "HTML and JSON are compressed"). A response has one Content-Type (RFC 9110 §8.3):
 * of an array, the last value is kept. Call once per response, before Next sees it.
 */
export function keepContentTypeSingle(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => {
    if (name.toLowerCase() === "content-type" && Array.isArray(value) && value.length > 0) return setHeader(name, String(value[value.length - 1]));
    return setHeader(name, value);
  };
}
