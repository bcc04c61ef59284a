/**
 * The demo's calendar and its storyline. Feedback and market series are told
 * from the same events (a price increase, an onboarding redesign, a bad mobile
 * release…) so that the dashboards agree with each other: when the price goes
 * up, pricing complaints rise and market share dips.
 *
 * Times are in months since the start of the feedback window (18 months
 * before "today"); market series that reach further back see negative months.
 */

const DAY_MS = 86_400_000;

/** Length of the feedback window and of the short market series, in months. */
export const WINDOW_MONTHS = 18;
/** Length of the long monthly and weekly market series, in months. */
export const LONG_MONTHS = 36;

/** Storyline events, in months since the window start. */
export const EVENTS = {
  /** New report builder and dashboards: reporting sentiment improves. */
  dashboardsLaunch: 6,
  /** Onboarding redesign (checklist, setup wizard): onboarding sentiment improves. */
  onboardingRedesign: 8,
  /** Own price of the Pro plan goes from $29 to $35 per seat: pricing complaints rise. */
  priceIncrease: 10,
  /** Mobile release 5.2 crashes on launch for many users until a fix ships. */
  mobileCrashStart: 11,
  mobileCrashEnd: 13,
  /** SSO and SCIM ship: permission complaints turn into praise. */
  ssoLaunch: 12,
  /** Competitor Acme Insights cuts its price. */
  competitorCut: 13,
  /** Billing system migration: invoices go wrong for the last 4 months. */
  billingMigration: 14,
} as const;

export const COMPETITORS = ["Acme Insights", "Northwind Analytics"] as const;

/** Midnight UTC of the day `d` falls on. */
export function startOfDayUtc(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY_MS);

/** The same day of the month `months` later (clamped to the month's last day). */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

export const startOfMonthUtc = (d: Date): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));

/** The Monday on or before `d` (midnight UTC). */
export function startOfWeekUtc(d: Date): Date {
  const day = startOfDayUtc(d);
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

export const daysBetween = (a: Date, b: Date): number => Math.round((b.getTime() - a.getTime()) / DAY_MS);

/** The demo's frame of reference: "today" and where the feedback window starts. */
export interface Timeline {
  /** Midnight UTC of the anchor day; nothing is dated on or after it. */
  today: Date;
  /** WINDOW_MONTHS before today. */
  start: Date;
  /** Months since `start` (fractional; negative before it). */
  monthOf(d: Date): number;
}

export function makeTimeline(now: Date): Timeline {
  const today = startOfDayUtc(now);
  const start = addMonths(today, -WINDOW_MONTHS);
  const span = today.getTime() - start.getTime();
  return {
    today,
    start,
    monthOf: (d) => ((d.getTime() - start.getTime()) / span) * WINDOW_MONTHS,
  };
}

/** 0 before `at`, 1 after `at + width` months, smooth in between: events take a few weeks to show. */
export function ramp(month: number, at: number, width = 0.75): number {
  const x = Math.min(1, Math.max(0, (month - at) / width));
  return x * x * (3 - 2 * x);
}

/** 1 inside [from, to), ramping in and out over `width` months. */
export const during = (month: number, from: number, to: number, width = 0.5): number =>
  ramp(month, from, width) * (1 - ramp(month, to, width));
