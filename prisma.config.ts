// Prisma CLI configuration. The app never runs the CLI's migration engine
// (see lib/db/migrate.ts); this file tells `prisma generate` where things are
// and lets `prisma migrate deploy` work on machines that have the engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/foresight" },
});
