/**
 * Synthetic feedback: who says what, where, when, and how they rate it.
 *
 * Each item is drawn in this order: a date (volume grows over the window, is
 * lower at weekends and rises around bad releases), an author (a fixed profile
 * of plan, company size and country), a channel (depends on the plan: free users
 * write app reviews, enterprises open tickets and take sales calls), a theme
 * (depends on the channel and the storyline), a latent sentiment (the theme's
 * mood that month plus the channel's bias plus noise), sometimes a second theme,
 * then the text and a rating on the channel's scale that follows the sentiment.
 */
import type { RatingScale } from "../db/generated/enums.ts";
import { THEMES, THEME_WORDS, type Polarity, type ThemeKey } from "./phrases.ts";
import type { Random } from "./random.ts";
import { composeText, isMixed, type ChannelStyle } from "./text.ts";
import { addDays, daysBetween, during, EVENTS, ramp, WINDOW_MONTHS, type Timeline } from "./timeline.ts";

export const CHANNELS = ["App Store", "Google Play", "NPS survey", "Zendesk", "Intercom", "Sales call"] as const;
export type Channel = (typeof CHANNELS)[number];

export const PLANS = ["Free", "Starter", "Pro", "Enterprise"] as const;
export type Plan = (typeof PLANS)[number];

export const COMPANY_SIZES = ["1-10", "11-50", "51-200", "201-1000", "1000+"] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

/** ISO 3166-1 alpha-2 codes, weighted roughly like a US-led SaaS customer base. */
const COUNTRIES: readonly (readonly [string, number])[] = [
  ["US", 34],
  ["GB", 12],
  ["DE", 10],
  ["CA", 6],
  ["FR", 6],
  ["IN", 6],
  ["AU", 5],
  ["NL", 4],
  ["BR", 4],
  ["ES", 3],
  ["SE", 3],
  ["JP", 3],
  ["SG", 2],
  ["IE", 2],
];

export type Label = Polarity | "mixed";

export interface DemoFeedbackItem {
  externalId: string;
  text: string;
  occurredAt: Date;
  /** On the channel's scale: 1–5 stars, 0–10 NPS, 0/1 thumbs; null when the channel has no rating. */
  rating: number | null;
  ratingScale: RatingScale | null;
  /** The rating mapped to [0, 1]. */
  ratingNorm: number | null;
  channel: Channel;
  /** SMB, Mid-market or Enterprise, from the company size. */
  segment: string;
  plan: Plan;
  country: string;
  companySize: CompanySize;
  productArea: string;
  /** Synthetic author id; seeding stores only its salted hash. */
  authorId: string;
  attributes: Record<string, string | number | string[]>;
  /** What the generator meant (never stored): for tests and for judging models on the demo. */
  truth: { themes: ThemeKey[]; label: Label; score: number };
}

interface ChannelSpec {
  style: ChannelStyle;
  scale: RatingScale | null;
  /** Share of items that carry a rating. */
  rated: number;
  /** Added to the latent sentiment: people write to support when something is wrong. */
  bias: number;
  idPrefix: string;
  firstId: number;
  /** How reviewers of this store name their device. */
  devices?: readonly string[];
  /** Multiplies theme weights: app reviews are about the app, sales calls about price and SSO. */
  affinity: Partial<Record<ThemeKey, number>>;
}

const CHANNEL_SPEC: Record<Channel, ChannelSpec> = {
  "App Store": {
    style: "review",
    scale: "STARS_5",
    rated: 1,
    bias: -0.05,
    idPrefix: "as",
    firstId: 710_000,
    devices: ["my iPhone", "the iPad", "my iPhone 15", "my old iPhone"],
    affinity: {
      mobile: 4,
      performance: 1.5,
      notifications: 1.5,
      search: 1.2,
      billing: 0.5,
      permissions: 0.2,
      export: 0.3,
    },
  },
  "Google Play": {
    style: "review",
    scale: "STARS_5",
    rated: 1,
    bias: -0.1,
    idPrefix: "gp",
    firstId: 320_000,
    devices: ["my Pixel", "my Galaxy", "my OnePlus", "my Android tablet"],
    affinity: {
      mobile: 4,
      performance: 1.5,
      notifications: 1.5,
      search: 1.2,
      billing: 0.5,
      permissions: 0.2,
      export: 0.3,
    },
  },
  "NPS survey": {
    style: "survey",
    scale: "NPS_10",
    rated: 1,
    bias: 0.1,
    idPrefix: "nps",
    firstId: 10_000,
    affinity: { support: 1.3, pricing: 1.2, mobile: 0.7 },
  },
  Zendesk: {
    style: "ticket",
    scale: null,
    rated: 0,
    bias: -0.35,
    idPrefix: "zd",
    firstId: 48_000,
    affinity: { billing: 2, permissions: 1.6, export: 1.6, integrations: 1.5, pricing: 0.6, support: 0.7 },
  },
  Intercom: {
    style: "chat",
    scale: "THUMBS",
    rated: 0.6,
    bias: -0.15,
    idPrefix: "ic",
    firstId: 5_000,
    affinity: { onboarding: 1.8, billing: 1.3, support: 1.2 },
  },
  "Sales call": {
    style: "call",
    scale: null,
    rated: 0,
    bias: 0,
    idPrefix: "call",
    firstId: 100,
    affinity: { pricing: 3, integrations: 2, permissions: 2.5, reporting: 1.5, mobile: 0.3, support: 0.5, search: 0.5 },
  },
};

/** How often each plan's users reach each channel. */
const PLAN_CHANNELS: Record<Plan, Record<Channel, number>> = {
  Free: { "App Store": 28, "Google Play": 26, "NPS survey": 18, Zendesk: 6, Intercom: 20, "Sales call": 1 },
  Starter: { "App Store": 18, "Google Play": 16, "NPS survey": 26, Zendesk: 14, Intercom: 22, "Sales call": 4 },
  Pro: { "App Store": 10, "Google Play": 8, "NPS survey": 30, Zendesk: 26, Intercom: 16, "Sales call": 10 },
  Enterprise: { "App Store": 4, "Google Play": 3, "NPS survey": 28, Zendesk: 35, Intercom: 8, "Sales call": 22 },
};

const PLAN_SIZES: Record<Plan, readonly (readonly [CompanySize, number])[]> = {
  Free: [
    ["1-10", 60],
    ["11-50", 30],
    ["51-200", 10],
  ],
  Starter: [
    ["1-10", 30],
    ["11-50", 45],
    ["51-200", 20],
    ["201-1000", 5],
  ],
  Pro: [
    ["11-50", 25],
    ["51-200", 40],
    ["201-1000", 28],
    ["1000+", 7],
  ],
  Enterprise: [
    ["51-200", 10],
    ["201-1000", 40],
    ["1000+", 50],
  ],
};

const SEGMENT: Record<CompanySize, string> = {
  "1-10": "SMB",
  "11-50": "SMB",
  "51-200": "Mid-market",
  "201-1000": "Mid-market",
  "1000+": "Enterprise",
};

const THEME_WEIGHT: Record<ThemeKey, number> = {
  billing: 10,
  onboarding: 9,
  mobile: 8,
  performance: 10,
  integrations: 9,
  pricing: 8,
  support: 8,
  reporting: 10,
  search: 6,
  notifications: 6,
  export: 5,
  permissions: 5,
};

/** Mean sentiment of a theme in a month (−1 very negative … +1 very positive): the storyline. */
export function themeMood(theme: ThemeKey, month: number): number {
  switch (theme) {
    case "billing":
      return 0.15 - 0.95 * ramp(month, EVENTS.billingMigration, 0.5);
    case "onboarding":
      return -0.45 + 0.95 * ramp(month, EVENTS.onboardingRedesign);
    case "mobile":
      return 0.15 - 1.05 * during(month, EVENTS.mobileCrashStart, EVENTS.mobileCrashEnd, 0.25);
    case "performance":
      return -0.35 + (0.7 * Math.min(Math.max(month, 0), WINDOW_MONTHS)) / WINDOW_MONTHS;
    case "integrations":
      return 0.3;
    case "pricing":
      return 0.1 - 0.55 * ramp(month, EVENTS.priceIncrease) - 0.2 * ramp(month, EVENTS.competitorCut);
    case "support":
      return 0.55;
    case "reporting":
      return -0.25 + 0.7 * ramp(month, EVENTS.dashboardsLaunch);
    case "search":
      return -0.3;
    case "notifications":
      return -0.15;
    case "export":
      return -0.2;
    case "permissions":
      return -0.4 + 0.7 * ramp(month, EVENTS.ssoLaunch);
  }
}

/** How much more a theme is talked about in a month (bad news gets written about). */
function themeBuzz(theme: ThemeKey, month: number): number {
  switch (theme) {
    case "billing":
      return 1 + 1.2 * ramp(month, EVENTS.billingMigration, 0.5);
    case "mobile":
      return 1 + 2 * during(month, EVENTS.mobileCrashStart, EVENTS.mobileCrashEnd, 0.25);
    case "pricing":
      return (
        1 + during(month, EVENTS.priceIncrease, EVENTS.priceIncrease + 2) + 0.5 * ramp(month, EVENTS.competitorCut)
      );
    case "onboarding":
      return 1 + 0.3 * ramp(month, EVENTS.onboardingRedesign);
    case "permissions":
      return 1 + 0.5 * ramp(month, EVENTS.ssoLaunch);
    default:
      return 1;
  }
}

/** Relative volume of feedback on a day: a growing user base, quiet weekends, louder crises. */
function dayVolume(tl: Timeline, day: Date): number {
  const m = tl.monthOf(day);
  const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
  return (
    (1 + (1.1 * m) / WINDOW_MONTHS) *
    (weekend ? 0.55 : 1) *
    (1 + 0.5 * during(m, EVENTS.mobileCrashStart, EVENTS.mobileCrashEnd, 0.25)) *
    (1 + 0.25 * ramp(m, EVENTS.billingMigration, 0.5))
  );
}

/** Hours of the day (UTC) weighted to office hours in Europe and the Americas. */
const HOURS: readonly (readonly [number, number])[] = Array.from({ length: 24 }, (_, h) => [
  h,
  h >= 8 && h <= 21 ? 3 : h >= 6 && h <= 23 ? 1.5 : 0.4,
]);

function drawDates(r: Random, tl: Timeline, count: number): Date[] {
  const days = daysBetween(tl.start, tl.today);
  const cumulative: number[] = [];
  let total = 0;
  for (let d = 0; d < days; d++) cumulative.push((total += dayVolume(tl, addDays(tl.start, d))));
  const dates: Date[] = [];
  for (let i = 0; i < count; i++) {
    const x = r.next() * total;
    let lo = 0;
    let hi = days - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    const seconds = r.weighted(HOURS) * 3600 + r.int(0, 3599);
    dates.push(new Date(addDays(tl.start, lo).getTime() + seconds * 1000));
  }
  return dates.sort((a, b) => a.getTime() - b.getTime());
}

interface Author {
  id: string;
  plan: Plan;
  companySize: CompanySize;
  country: string;
}

function makeAuthors(r: Random, count: number): Author[] {
  return Array.from({ length: count }, (_, i) => {
    const plan = r.weighted<Plan>([
      ["Free", 35],
      ["Starter", 30],
      ["Pro", 25],
      ["Enterprise", 10],
    ]);
    return {
      id: `demo-author-${String(i + 1).padStart(5, "0")}`,
      plan,
      companySize: r.weighted(PLAN_SIZES[plan]),
      country: r.weighted(COUNTRIES),
    };
  });
}

/** NPS surveys go out in the first two weeks of each quarter; nobody takes sales calls at weekends. */
function channelWeight(channel: Channel, plan: Plan, day: Date): number {
  const base = PLAN_CHANNELS[plan][channel];
  const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
  switch (channel) {
    case "NPS survey": {
      const quarterStart = Date.UTC(day.getUTCFullYear(), Math.floor(day.getUTCMonth() / 3) * 3, 1);
      return base * ((day.getTime() - quarterStart) / 86_400_000 < 14 ? 4 : 0.35);
    }
    case "Sales call":
      return weekend ? 0 : base;
    case "Zendesk":
    case "Intercom":
      return weekend ? base * 0.5 : base;
    default:
      return base;
  }
}

function pickTheme(r: Random, channel: Channel, month: number, not?: ThemeKey): ThemeKey {
  const affinity = CHANNEL_SPEC[channel].affinity;
  return r.weighted(
    THEMES.filter((t) => t !== not).map(
      (t) => [t, THEME_WEIGHT[t] * themeBuzz(t, month) * (affinity[t] ?? 1)] as const,
    ),
  );
}

const polarityOf = (x: number): Polarity => (x > 0.3 ? "positive" : x < -0.3 ? "negative" : "neutral");

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A rating on the channel's scale that follows the latent sentiment `s`, with noise. */
function rate(r: Random, scale: RatingScale, s: number): { rating: number; ratingNorm: number } {
  switch (scale) {
    case "STARS_5": {
      // Wide spread: store ratings pile up at 1 and 5 stars.
      const rating = clamp(Math.round(3.1 + 2.2 * s + r.normal(0, 0.7)), 1, 5);
      return { rating, ratingNorm: (rating - 1) / 4 };
    }
    case "NPS_10": {
      const rating = clamp(Math.round(7.6 + 2.5 * s + r.normal(0, 0.9)), 0, 10);
      return { rating, ratingNorm: rating / 10 };
    }
    case "THUMBS": {
      const rating = s + r.normal(0, 0.3) > -0.05 ? 1 : 0;
      return { rating, ratingNorm: rating };
    }
  }
}

function appVersion(r: Random, month: number): string {
  if (month < 9) return `4.${Math.floor(month / 1.5)}.${r.int(0, 3)}`;
  if (month < EVENTS.mobileCrashStart) return `5.${Math.floor(month - 9)}.${r.int(0, 2)}`;
  if (month < EVENTS.mobileCrashEnd) return `5.2.${r.int(0, 1)}`;
  return `5.${3 + Math.floor((month - EVENTS.mobileCrashEnd) / 1.5)}.${r.int(0, 2)}`;
}

const IOS_DEVICES = ["iPhone 15", "iPhone 14", "iPhone 13", "iPhone SE", "iPad Pro", "iPad Air"];
const ANDROID_DEVICES = ["Pixel 8", "Pixel 7a", "Galaxy S23", "Galaxy A54", "OnePlus 11", "Xiaomi 13"];

function attributesFor(
  r: Random,
  channel: Channel,
  day: Date,
  month: number,
  themes: ThemeKey[],
  label: Label,
): DemoFeedbackItem["attributes"] {
  switch (channel) {
    case "App Store":
      return { appVersion: appVersion(r, month), device: r.pick(IOS_DEVICES) };
    case "Google Play":
      return { appVersion: appVersion(r, month), device: r.pick(ANDROID_DEVICES) };
    case "NPS survey":
      return { surveyWave: `${day.getUTCFullYear()}-Q${Math.floor(day.getUTCMonth() / 3) + 1}` };
    case "Zendesk":
      return {
        priority: label === "negative" ? r.pick(["high", "urgent", "normal"]) : r.pick(["normal", "low"]),
        status: r.weighted([
          ["solved", 70],
          ["closed", 20],
          ["open", 10],
        ]),
        tags: themes.map((t) => THEME_WORDS[t].productArea.toLowerCase().replace(/[^a-z]+/g, "_")),
      };
    case "Intercom":
      return { firstResponseMinutes: Math.round(Math.exp(r.normal(2.3, 0.8))) };
    case "Sales call":
      return {
        callType: r.pick(["Discovery", "Renewal", "Expansion", "Churn interview"]),
        durationMinutes: r.int(20, 60),
      };
  }
}

/** `count` feedback items over the timeline's 18 months, oldest first. */
export function generateFeedback(r: Random, tl: Timeline, count: number): DemoFeedbackItem[] {
  const dates = drawDates(r.fork("dates"), tl, count);
  const authors = makeAuthors(r.fork("authors"), Math.max(20, Math.round(count * 0.55)));
  // A tenth of the authors write most often (power users), the rest now and then.
  const regulars = authors.slice(0, Math.max(1, Math.round(authors.length / 10)));
  const sequence = new Map<Channel, number>();
  return dates.map((occurredAt) => {
    const month = tl.monthOf(occurredAt);
    const author = r.chance(0.3) ? r.pick(regulars) : r.pick(authors);
    const channel = r.weighted(CHANNELS.map((c) => [c, channelWeight(c, author.plan, occurredAt)] as const));
    const spec = CHANNEL_SPEC[channel];

    const theme = pickTheme(r, channel, month);
    const x1 = clamp(themeMood(theme, month) + spec.bias + r.normal(0, 0.55), -1.6, 1.6);
    const primary = { theme, polarity: polarityOf(x1) };
    let secondary: { theme: ThemeKey; polarity: Polarity } | undefined;
    let score = x1;
    let label: Label = primary.polarity;
    if (r.chance(0.32)) {
      const theme2 = pickTheme(r, channel, month, theme);
      const x2 = clamp(themeMood(theme2, month) + spec.bias + r.normal(0, 0.55), -1.6, 1.6);
      secondary = { theme: theme2, polarity: polarityOf(x2) };
      if (isMixed(primary.polarity, secondary.polarity)) {
        // The complaint weighs more than the praise in a "love X, but Y".
        score = 0.4 * Math.max(x1, x2) + 0.6 * Math.min(x1, x2);
        label = "mixed";
      } else {
        score = 0.6 * x1 + 0.4 * x2;
      }
    }
    const overall = polarityOf(score);
    const text = composeText(r, {
      style: spec.style,
      month,
      primary,
      secondary,
      overall,
      strength: Math.abs(score),
      slots: { plan: [author.plan], ...(spec.devices ? { device: spec.devices } : {}) },
    });

    const n = (sequence.get(channel) ?? 0) + 1;
    sequence.set(channel, n);
    const rated = spec.scale && r.chance(spec.rated) ? rate(r, spec.scale, score) : null;
    const themes = secondary ? [theme, secondary.theme] : [theme];
    return {
      externalId: `${spec.idPrefix}-${spec.firstId + n}`,
      text,
      occurredAt,
      rating: rated?.rating ?? null,
      ratingScale: rated ? spec.scale : null,
      ratingNorm: rated?.ratingNorm ?? null,
      channel,
      segment: SEGMENT[author.companySize],
      plan: author.plan,
      country: author.country,
      companySize: author.companySize,
      productArea: THEME_WORDS[theme].productArea,
      authorId: author.id,
      attributes: attributesFor(r, channel, occurredAt, month, themes, label),
      truth: { themes, label, score },
    };
  });
}
