import { BODY_LIMIT } from "./lib/http/body-limits.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon and pg has optional native parts: load them from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: BODY_LIMIT },
    // proxy.ts makes Next copy each request body it sees; past this many bytes the copy is cut.
    // Twice the limit, so a cut body (chunks of at most 64 kB) is still over it and refused, never read short.
    proxyClientMaxBodySize: 2 * BODY_LIMIT,
  },
  // Headers that never vary; the Content-Security-Policy (a nonce per request),
  // Permissions-Policy and HSTS come from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
