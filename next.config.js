import createNextIntlPlugin from "next-intl/plugin";

// Read here, outside lib/env.ts (which documents it): Next reads this file before the app runs.
// Server actions compare an Origin's host with the request's Host; these hosts pass as well.
// proxy.ts refuses other origins first, with a 403 rather than Next's 500.
const allowedOriginHosts = (process.env.ALLOWED_ORIGINS ?? "")
  .split(",")
  .map((entry) => URL.parse(entry.trim())?.host)
  .filter((host) => !!host);

// HSTS only from a production build: a developer's http://localhost must stay plain HTTP, and
// browsers ignore the header on a plain-HTTP answer anyway (RFC 6797, section 8.1).
const production = process.env.NODE_ENV === "production";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly from its own package folder, and postgres.js keeps sockets:
  // both run as plain Node modules, shared with server.ts, rather than bundled. The rate
  // limiter's Drizzle store imports drizzle-orm by a computed name, which a bundle can't follow.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "rate-limiter-flexible"],
  poweredByHeader: false,
  devIndicators: false,
  // Lets a benchmark or test build into its own folder without disturbing the dev server's.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Meetings were called sessions until migration 0003. Links already in calendars, emails and
  // notifications keep working: permanent (308) redirects to the new paths.
  experimental: {
    serverActions: {
      // The largest legitimate action is a reviewed guide: 100 questions of up to 1,000
      // characters plus a 200-character section each (lib/validation/questions.ts), at most
      // 360 KB as UTF-8. proxy.ts refuses a body declaring more with 413.
      bodySizeLimit: "512kb",
      allowedOrigins: allowedOriginHosts,
    },
    // Next keeps a copy of a proxied request's body so proxy.ts can read it, up to this size.
    // Past it, Next drops the whole chunk that crossed it (a socket read, up to 64 KiB) and ends
    // the copy, so proxy.ts may see up to 64 KiB less than this: 128 KiB over the action limit
    // makes any body (even a chunked one, which declares no length) that is too large look too
    // large. At 520 KB a chunked 700 KB body reached proxy.ts as exactly 512 KiB and got a 400.
    proxyClientMaxBodySize: "640kb",
  },
  async redirects() {
    return [
      { source: "/clubs/:clubId/sessions", destination: "/clubs/:clubId/meetings", permanent: true },
      { source: "/clubs/:clubId/sessions/:path*", destination: "/clubs/:clubId/meetings/:path*", permanent: true },
      { source: "/api/sessions/:path*", destination: "/api/meetings/:path*", permanent: true },
    ];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
        ],
      },
    ];
  },
};

// next-intl reads each request's locale and messages from this module (no locale in the URL).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
