// The part of `compression` (expressjs/compression) server.ts uses, typed for node:http: its
// DefinitelyTyped types are written for Express's request and response.
declare module "compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  export default function compression(options?: { threshold?: number | string; level?: number }): Middleware;
}
