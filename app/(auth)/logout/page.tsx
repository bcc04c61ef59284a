import type { Metadata } from "next";
import { SignOut } from "./sign-out";

export const metadata: Metadata = { title: "Signing out" };

export default function LogoutPage() {
  return <SignOut />;
}
