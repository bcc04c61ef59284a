/**
 * Only same-site paths are followed after sign-in; anything else (another
 * host, "//evil.example", "javascript:") falls back to the Overview. Prevents
 * open redirects through ?callbackUrl=.
 */
export function safeCallbackUrl(value: unknown, fallback = "/overview"): string {
  if (typeof value !== "string") return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
