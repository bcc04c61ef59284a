/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/WASM database drivers must be loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/client",
    "pg",
    "@node-rs/argon2",
    "pg-boss",
    "csv-parse",
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-backend-wasm",
    // lib/ml/thread-entry.mjs loads TypeScript task modules through tsx (and so esbuild's binary).
    "tsx",
  ],
  // Feedback files are uploaded through a server action.
  experimental: { serverActions: { bodySizeLimit: "55mb" } },
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
