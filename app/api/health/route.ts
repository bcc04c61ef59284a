import { databaseHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Public liveness/readiness check: says only whether the database answers. */
export async function GET() {
  const health = await databaseHealth();
  return Response.json(health, { status: health.ok ? 200 : 503 });
}
