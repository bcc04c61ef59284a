"use client";

import { signOut } from "next-auth/react";
import { useEffect } from "react";

export function SignOut() {
  useEffect(() => {
    void signOut({ callbackUrl: "/login" });
  }, []);
  return (
    <p role="status" className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">
      Signing you out…
    </p>
  );
}
