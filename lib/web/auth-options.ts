/**
 * next-auth configuration: e-mail + password (credentials provider), JWT
 * sessions signed with the secret from lib/auth/secret.ts.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "../auth/login.ts";
import { getAuthSecret } from "../auth/secret.ts";
import { getDb } from "../db/client.ts";
import { isAppError } from "../errors.ts";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

function clientIp(headers: Record<string, unknown> | undefined): string {
  const get = (k: string) => {
    const v = headers?.[k];
    return typeof v === "string" ? v : Array.isArray(v) ? String(v[0]) : undefined;
  };
  // The first X-Forwarded-For entry is the client as the nearest proxy saw it.
  return get("x-forwarded-for")?.split(",")[0]?.trim() || get("x-real-ip") || "local";
}

let options: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            const user = await authenticate(await getDb(), {
              email: String(credentials?.email ?? ""),
              password: String(credentials?.password ?? ""),
              ip: clientIp(req?.headers),
            });
            return { id: user.id, email: user.email, name: user.name };
          } catch (e) {
            // next-auth passes the thrown message to the sign-in form.
            if (isAppError(e)) throw new Error(e.message);
            console.error("sign-in failed unexpectedly", e);
            throw new Error("Sign-in is unavailable right now. Try again in a moment.");
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
  return options;
}
