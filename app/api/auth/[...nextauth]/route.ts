import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/web/auth-options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built on first request: the secret may come from the data folder.
const handler = (req: Request, ctx: Ctx) => NextAuth(req as never, ctx as never, getAuthOptions());

export { handler as GET, handler as POST };
