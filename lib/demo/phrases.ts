/**
 * Words of the demo feedback: what customers of a B2B SaaS product say about
 * each theme, in positive, negative and neutral clauses. Clauses start in lower
 * case and have no closing full stop (questions keep their "?"); `{slots}` are
 * filled in text.ts. A clause with `from`/`until` (months since the window
 * start, see timeline.ts) is only said after or before a storyline event.
 *
 * Each theme keeps its own vocabulary and each polarity its own sentiment
 * words, so theme and sentiment models trained on the demo find real signal.
 */
import { EVENTS } from "./timeline.ts";

export const THEMES = [
  "billing",
  "onboarding",
  "mobile",
  "performance",
  "integrations",
  "pricing",
  "support",
  "reporting",
  "search",
  "notifications",
  "export",
  "permissions",
] as const;

export type ThemeKey = (typeof THEMES)[number];

export interface Clause {
  text: string;
  /** Said only from this month on. */
  from?: number;
  /** Said only before this month. */
  until?: number;
}

type Bank = readonly (string | Clause)[];

export interface ThemeWords {
  productArea: string;
  /** Noun phrases for "Love X, but …". */
  topic: readonly string[];
  positive: Bank;
  negative: Bank;
  neutral: Bank;
}

export const THEME_WORDS: Record<ThemeKey, ThemeWords> = {
  billing: {
    productArea: "Billing",
    topic: ["the billing page", "annual billing", "the invoices"],
    positive: [
      "invoices arrive on time and are easy to read",
      "switching to annual billing was quick and painless",
      "{colleague} loves that invoices are emailed automatically",
      "updating our card on the billing page took less than a minute",
      "the billing page is clear about what we pay for",
      "receipts have everything our accountant needs, great job",
    ],
    negative: [
      "I was charged twice for the same month",
      "the invoice still shows our old company address after {times} asking",
      "our card was charged again after we downgraded",
      "the VAT number is missing from every invoice",
      "nobody could explain why our bill went up",
      "the payment failed and locked the whole team out",
      "downloading a PDF invoice is broken",
      "refunds take weeks and billing keeps closing the ticket",
      { text: "the invoices are wrong since the billing migration", from: EVENTS.billingMigration },
      { text: "the new billing system charged us in the wrong currency", from: EVENTS.billingMigration },
      { text: "since the billing change we get duplicate invoices every month", from: EVENTS.billingMigration },
      { text: "our invoice total does not match the seats we have, billing is a mess", from: EVENTS.billingMigration },
    ],
    neutral: [
      "how do I send invoices to {colleague} instead of me?",
      "we moved from monthly to annual billing this quarter",
      "can invoices include a purchase order number?",
      "is there a way to pay by bank transfer?",
      "we need invoices in euros for our German entity",
      { text: "where do I find invoices in the new billing portal?", from: EVENTS.billingMigration },
    ],
  },
  onboarding: {
    productArea: "Onboarding",
    topic: ["how easy setup was", "the setup wizard", "the welcome tour"],
    positive: [
      "setting up our workspace took ten minutes",
      "the welcome tour explained everything clearly",
      "importing our first data set was smooth",
      "the getting started videos are really helpful",
      { text: "the new onboarding checklist made the first week easy", from: EVENTS.onboardingRedesign },
      { text: "the new setup wizard is great, we were live in an afternoon", from: EVENTS.onboardingRedesign },
      { text: "the redesigned onboarding is so much clearer than before", from: EVENTS.onboardingRedesign },
    ],
    negative: [
      "it took us two weeks to get the team set up",
      "inviting colleagues is confusing and the invite emails never arrived",
      "the sample project is useless for understanding the real product",
      { text: "onboarding was confusing and nobody told us where to start", until: EVENTS.onboardingRedesign },
      { text: "the setup wizard failed halfway and we had to start again", until: EVENTS.onboardingRedesign },
      { text: "too many steps before you see any value, we almost gave up", until: EVENTS.onboardingRedesign },
    ],
    neutral: [
      "we are still setting up our first project",
      "is there a guide for migrating from spreadsheets?",
      "the team signed up last week and is exploring the product",
      "can someone walk us through the setup on a call?",
    ],
  },
  mobile: {
    productArea: "Mobile app",
    topic: ["the mobile app", "the iOS app", "the app"],
    positive: [
      "the mobile app is fast and works offline",
      "the iOS app is great for checking dashboards on the go",
      "the app runs smooth on {device}",
      "love the new widget on the home screen",
      { text: "the fix for the crashes works, the app is stable again", from: EVENTS.mobileCrashEnd },
    ],
    negative: [
      "the app crashes every time I open a report",
      "the app crashes on launch {since}",
      "the app keeps crashing on {device} after the update",
      "the app freezes and then crashes when I scroll",
      "login on mobile is broken, it logs me out constantly",
      "charts are unreadable on a phone screen, terrible layout",
      {
        text: "version 5.2 crashes constantly, please roll it back",
        from: EVENTS.mobileCrashStart,
        until: EVENTS.mobileCrashEnd,
      },
      {
        text: "since 5.2 the app crashes before I can even log in",
        from: EVENTS.mobileCrashStart,
        until: EVENTS.mobileCrashEnd,
      },
    ],
    neutral: [
      "is there a dark mode for the mobile app?",
      "I mostly use the app on {device}",
      "would like to edit reports from the phone, not just view them",
      "does the app support tablets in landscape?",
    ],
  },
  performance: {
    productArea: "Platform",
    topic: ["how fast it is", "the speed", "the new faster pages"],
    positive: [
      "pages load instantly even with big data sets",
      "the app feels much faster than last year",
      "dashboards are quick and never time out",
      "filters respond immediately, great performance",
    ],
    negative: [
      "everything is painfully slow in the morning",
      "dashboards take {minutes} to load",
      "the app times out when we open large reports",
      "it is so slow that the team went back to spreadsheets",
      "the page freezes whenever I filter by date, really frustrating",
    ],
    neutral: [
      "we have about two million rows, is that a problem for speed?",
      "loading times vary during the day",
      "is there a status page for outages?",
    ],
  },
  integrations: {
    productArea: "Integrations",
    topic: ["the {integration} integration", "the integrations", "the {integration} sync"],
    positive: [
      "the {integration} integration just works",
      "setting up {integration} took five minutes, super easy",
      "love getting alerts straight in {integration}",
      "the {integration} sync saves us hours every week",
    ],
    negative: [
      "the {integration} sync keeps failing {since}",
      "the {integration} integration duplicates every record",
      "we lost data when the {integration} connection dropped",
      "reconnecting {integration} every week is really annoying",
      "no proper {integration} integration is a deal breaker for us",
    ],
    neutral: [
      "do you have an API for {integration}?",
      "we connected {integration} last month",
      "is a native {integration} integration on the roadmap?",
    ],
  },
  pricing: {
    productArea: "Pricing & plans",
    topic: ["the price", "the free plan", "per-seat pricing"],
    positive: [
      "the price is fair for what we get",
      "great value compared to the alternatives we tried",
      "the free plan is generous enough for a small team",
      "per-seat pricing is simple and predictable",
    ],
    negative: [
      "it is too expensive once you add more seats",
      "charging extra for SSO is ridiculous",
      "pricing is confusing, we cannot tell which plan we need",
      { text: "the new price is too expensive for a small team", from: EVENTS.priceIncrease },
      { text: "the price increase came with no new features, disappointed", from: EVENTS.priceIncrease },
      { text: "paying 35 dollars a seat now is hard to justify", from: EVENTS.priceIncrease },
      { text: "{competitor} is now much cheaper for the same features", from: EVENTS.competitorCut },
      { text: "we are paying way more than we would with {competitor}, too expensive", from: EVENTS.competitorCut },
    ],
    neutral: [
      "do you offer discounts for nonprofits?",
      "we are comparing plans before renewal",
      "what is the price for fifty seats on the Pro plan?",
      "we are evaluating {competitor} as well",
    ],
  },
  support: {
    productArea: "Customer support",
    topic: ["the support team", "your support", "customer service"],
    positive: [
      "support answered within minutes and fixed it",
      "the support team is friendly and really helpful",
      "{agent} from support went above and beyond",
      "great customer service, thanks for the quick reply",
    ],
    negative: [
      "support took {days} to answer a simple question",
      "the support bot is useless and I cannot reach a human",
      "my ticket was closed without a fix",
      "support keeps sending links to the same help article, so frustrating",
    ],
    neutral: [
      "I opened a ticket yesterday and am waiting for a reply",
      "what are your support hours for Europe?",
      "please add phone support for Enterprise customers",
    ],
  },
  reporting: {
    productArea: "Dashboards & reports",
    topic: ["the dashboards", "the reports", "the report builder"],
    positive: [
      "the dashboards give our board exactly what it needs",
      "building a report is easy and looks great",
      "scheduled reports save me an hour every Monday",
      { text: "the new dashboards are excellent", from: EVENTS.dashboardsLaunch },
      { text: "love the new report builder, so much easier", from: EVENTS.dashboardsLaunch },
    ],
    negative: [
      "the charts are confusing and hard to customise",
      "reports show different numbers than the export, which is wrong",
      "you cannot filter dashboards by team, which is frustrating",
      { text: "the reports are clunky and slow to build", until: EVENTS.dashboardsLaunch },
      { text: "the dashboards look outdated and are useless for our board", until: EVENTS.dashboardsLaunch },
    ],
    neutral: [
      "can dashboards be shared with people outside the company?",
      "we send a weekly report to leadership",
      "is there a way to add our logo to reports?",
    ],
  },
  search: {
    productArea: "Search",
    topic: ["the search", "the search filters"],
    positive: ["search finds what I need instantly", "the new filters in search are handy and easy to use"],
    negative: [
      "search never finds anything unless you type the exact title",
      "search results are useless and full of duplicates",
      "search ignores typos, so half the time it finds nothing",
      "I cannot search inside attachments, which is annoying",
    ],
    neutral: ["is there a way to search by date range?", "we mostly use search to find old reports"],
  },
  notifications: {
    productArea: "Notifications",
    topic: ["the daily digest", "the notifications"],
    positive: ["the daily digest email is genuinely useful", "notifications are easy to tune per project"],
    negative: [
      "way too many notification emails, I muted them all",
      "push notifications arrive hours late",
      "I get alerts for things that have nothing to do with me, annoying",
      "there is no way to turn off the weekly summary",
    ],
    neutral: [
      "can we get notifications in {integration} instead of email?",
      "I changed my notification settings to weekly",
    ],
  },
  export: {
    productArea: "Data export",
    topic: ["the CSV export", "the exports"],
    positive: ["exporting to CSV is quick and the format is clean", "the Excel export keeps all our formatting, great"],
    negative: [
      "the CSV export breaks special characters",
      "exports over ten thousand rows just fail",
      "the PDF export cuts off half the chart",
      "there is no way to export all our data at once, frustrating",
    ],
    neutral: [
      "is there an API to export everything nightly?",
      "we export data to our warehouse every week",
      "can the export include custom fields?",
    ],
  },
  permissions: {
    productArea: "Admin & security",
    topic: ["the role settings", "the admin console"],
    positive: [
      "the role settings are clear and flexible",
      { text: "SSO with Okta took five minutes to set up", from: EVENTS.ssoLaunch },
      { text: "the new SSO support got us through our security review, great", from: EVENTS.ssoLaunch },
    ],
    negative: [
      "permissions are all or nothing, we need view-only roles",
      "removing a user does not revoke their access right away, which is worrying",
      { text: "no SSO means our security team will not approve it", until: EVENTS.ssoLaunch },
      { text: "SAML login fails for half our team", from: EVENTS.ssoLaunch },
    ],
    neutral: [
      "do you support SCIM provisioning?",
      "we need audit logs for our compliance review",
      "can admins restrict who creates projects?",
    ],
  },
};

/** What fills each `{slot}` in a clause. */
export const SLOTS: Record<string, readonly string[]> = {
  integration: ["Slack", "Salesforce", "HubSpot", "Jira", "Zapier", "Microsoft Teams", "Google Sheets"],
  since: ["since the last update", "for two weeks now", "since Monday", "again this week", "since the new release"],
  times: ["twice", "three times", "four times"],
  minutes: ["30 seconds", "a full minute", "several minutes"],
  colleague: ["our finance team", "my manager", "our ops lead", "the whole team"],
  device: ["my phone", "my tablet", "my new phone"],
  plan: ["Starter", "Pro", "Enterprise"],
  seats: ["25", "40", "60", "120", "300"],
  competitor: ["Acme Insights", "Northwind Analytics"],
  agent: ["Maria", "Sam", "Priya", "Tom", "Lena"],
  days: ["three days", "a whole week", "four days"],
};

export type Polarity = "positive" | "negative" | "neutral";

/** How a channel talks: app reviews, survey comments, support tickets, chat, sales-call notes. */
export type ChannelStyle = "review" | "survey" | "ticket" | "chat" | "call";

/** Openings per polarity; neutral ones differ for questions and statements. */
export const OPENINGS: Record<Polarity | "question", readonly string[]> = {
  positive: ["", "", "", "Honestly, ", "Overall ", "Really happy: ", "Big fan. ", "So far so good. "],
  negative: ["", "", "", "Honestly, ", "Ugh. ", "Really disappointed. ", "Not impressed. ", "Sigh. "],
  neutral: ["", "", "", "FYI ", "For context, ", "Note: "],
  question: ["", "", "", "Quick question: ", "Just wondering, ", "Question: "],
};

/** Sentiment-free detail that makes a text longer and more lifelike, per channel style. */
export const DETAILS: Record<ChannelStyle, readonly string[]> = {
  review: ["Been using it for two years.", "We use it for our weekly planning.", "Our whole team is on it."],
  survey: [
    "We use it for our weekly planning.",
    "Our team of six uses it daily.",
    "We have been customers since 2022.",
  ],
  ticket: [
    "We are on the {plan} plan with about {seats} seats.",
    "It has been like this {since}.",
    "I have attached a screenshot.",
    "We tried another browser and cleared the cache, same result.",
    "Several people on the team see the same thing.",
    "Our account ID is in the signature below.",
  ],
  chat: ["I am on the {plan} plan.", "This is for {colleague}.", "Using the web app in Chrome."],
  call: [
    "They have {seats} seats and renew in the spring.",
    "They are also talking to {competitor}.",
    "Budget is approved for next quarter.",
    "Their analysts use it every day.",
    "Decision expected within a month.",
  ],
};

const GENERIC_CLOSINGS: Record<Polarity, readonly string[]> = {
  positive: [
    "Keep it up!",
    "Thanks for a great product.",
    "Highly recommend.",
    "Would recommend to any team.",
    "Happy customer here.",
  ],
  negative: [
    "Please fix this.",
    "Considering switching to {competitor}.",
    "Really frustrating.",
    "Not happy at all.",
    "Fix it please!!",
    "We pay for this, it should work.",
  ],
  neutral: ["Thanks.", "Let me know.", "Just curious.", "Thanks in advance."],
};

/** How each channel style signs off, per overall polarity. */
export const CLOSINGS: Record<ChannelStyle, Record<Polarity, readonly string[]>> = {
  review: GENERIC_CLOSINGS,
  survey: GENERIC_CLOSINGS,
  ticket: {
    positive: ["Thanks again!", "Just wanted to say thanks."],
    negative: ["Can you help?", "Please advise.", "This is blocking our team.", "Please escalate."],
    neutral: ["Thanks in advance.", "Can you help?", "Please advise."],
  },
  chat: {
    positive: ["Thanks so much!", "Cheers!"],
    negative: ["Any ideas?", "Can someone look at this?", "Thanks."],
    neutral: ["Thanks!", "Cheers", "Any ideas?"],
  },
  call: {
    positive: ["Happy to be a reference.", "Expansion likely next quarter.", "Shared with product."],
    negative: ["Deal at risk.", "Escalated to product.", "Renewal at risk if not fixed."],
    neutral: ["Follow-up scheduled.", "Wants a roadmap call.", "Shared with product."],
  },
};

export const TICKET_OPENINGS = ["Hi team, ", "Hello, ", "Hi support, ", "Hi, ", "Hello team. "];
export const CHAT_OPENINGS = ["Hey! ", "Hi there, ", "Quick one: ", "", "Hey, "];
/** Call notes quote the customer: `Discovery call (CFO): "…"`. */
export const CALL_FRAMES = ["Call notes", "Interview notes", "Discovery call", "Renewal call", "Customer interview"];
export const CALL_ROLES = ["ops lead", "head of product", "CFO", "IT admin", "founder", "customer success lead"];

/** Sentiment-free remarks that lengthen a text that came out too short. */
export const FILLERS = ["We use it every day at work.", "Been a customer for a while now."];

/**
 * "Love X, but Y": `{pos}` is a positive clause, `{neg}` a negative one, `{topic}` the positive
 * theme's topic. Lower case: the first letter is capitalised where the sentence starts.
 */
export const MIXED_TEMPLATES: readonly string[] = [
  "love {topic} but {neg}.",
  "{pos}, but {neg}.",
  "{pos}. Unfortunately {neg}.",
  "{neg}, although {pos}.",
  "really like {topic}, shame that {neg}.",
  "{topic} is great, however {neg}.",
  "{pos}. On the other hand {neg}.",
];

/** Common misspellings customers make. */
export const TYPOS: Record<string, string> = {
  receive: "recieve",
  definitely: "definately",
  separate: "seperate",
  really: "realy",
  because: "becuase",
  which: "wich",
  until: "untill",
  notification: "notifcation",
  integration: "intergration",
  invoice: "invioce",
  every: "evry",
  frustrating: "frustating",
  annoying: "anoying",
};

export const EMOJI: Record<Polarity, readonly string[]> = {
  positive: ["😍", "🙌", "👍", "🔥", "🚀", "😊", "⭐⭐⭐⭐⭐"],
  negative: ["😡", "😤", "🙄", "👎", "😞", "💸"],
  neutral: ["🤔", "🙂"],
};
