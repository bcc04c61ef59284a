import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/web/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect((await getSessionUser()) ? "/overview" : "/login");
}
