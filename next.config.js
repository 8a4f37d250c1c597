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
        ],
      },
    ];
  },
};

export default nextConfig;
