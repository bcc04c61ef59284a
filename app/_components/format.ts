/**
 * Display formatters for numbers and dates. Locale is fixed to en-US so server and
 * client renders match (avoids hydration mismatches); pass `locale` to override.
 */
const DEFAULT_LOCALE = "en-US";

type Num = number | null | undefined;
const DASH = "—";

function isMissing(value: Num): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

export function formatNumber(value: Num, maximumFractionDigits = 0, locale = DEFAULT_LOCALE): string {
  if (isMissing(value)) return DASH;
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** `value` is a ratio: 0.123 → "12.3%". */
export function formatPercent(value: Num, maximumFractionDigits = 1, locale = DEFAULT_LOCALE): string {
  if (isMissing(value)) return DASH;
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits }).format(value);
}

/** Signed percentage change, e.g. "+4.2%" / "−1.0%". */
export function formatDelta(value: Num, maximumFractionDigits = 1, locale = DEFAULT_LOCALE): string {
  if (isMissing(value)) return DASH;
  return new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits,
    signDisplay: "exceptZero",
  }).format(value);
}

export function formatCurrency(
  value: Num,
  currency = "USD",
  maximumFractionDigits = 0,
  locale = DEFAULT_LOCALE,
): string {
  if (isMissing(value)) return DASH;
  return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits }).format(value);
}

/** 1234567 → "1.2M". */
export function formatCompact(value: Num, locale = DEFAULT_LOCALE): string {
  if (isMissing(value)) return DASH;
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** 12_400_000 → "$12.4M". */
export function formatCompactCurrency(value: Num, currency = "USD", locale = DEFAULT_LOCALE): string {
  if (isMissing(value)) return DASH;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(value);
}

type DateInput = Date | string | number | null | undefined;
export type DateStyle = "short" | "medium" | "long" | "month" | "datetime";

const dateOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  short: { month: "short", day: "numeric" },
  medium: { month: "short", day: "numeric", year: "numeric" },
  long: { month: "long", day: "numeric", year: "numeric" },
  month: { month: "short", year: "numeric" },
  datetime: {
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  },
};

/** Dates are formatted in UTC so that date-only values ("2025-03-01") never shift a day. */
export function formatDate(value: DateInput, style: DateStyle = "medium", locale = DEFAULT_LOCALE): string {
  if (value === null || value === undefined || value === "") return DASH;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return DASH;
  return new Intl.DateTimeFormat(locale, { ...dateOptions[style], timeZone: "UTC" }).format(date);
}
