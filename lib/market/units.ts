/**
 * How a series' free-text unit reads: money in a currency, a percentage, or a plain count with
 * an optional suffix ("visits", "index"). Pure; the app formats values from this.
 */
export type UnitFormat =
  | { kind: "currency"; currency: string }
  /** Values are percentage points: 23.5 means 23.5%. */
  | { kind: "percent" }
  | { kind: "number"; suffix: string | null };

const SYMBOLS: Record<string, string> = { $: "USD", US$: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" };

const currencyCodes: Set<string> = (() => {
  try {
    return new Set(Intl.supportedValuesOf("currency"));
  } catch {
    return new Set(["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "CNY", "INR", "SEK", "NOK", "DKK"]);
  }
})();

export function unitFormat(unit: string | null | undefined): UnitFormat {
  const u = (unit ?? "").trim();
  if (!u) return { kind: "number", suffix: null };
  if (u === "%" || /^(percent|pct|percentage|% share|share %)$/i.test(u)) return { kind: "percent" };
  if (SYMBOLS[u]) return { kind: "currency", currency: SYMBOLS[u]! };
  if (/^[A-Za-z]{3}$/.test(u) && currencyCodes.has(u.toUpperCase())) {
    return { kind: "currency", currency: u.toUpperCase() };
  }
  return { kind: "number", suffix: u };
}
