/**
 * A generated feedback corpus with planted themes, and the measures of how well discovered themes
 * recover them (purity and recall).
 *
 * Twelve product topics, each written many ways: paraphrase templates with synonym slots
 * (`{a|b|c}`, and shared slots such as `{@device}`), so that no theme is one keyword and two
 * sentences of the same theme often share no word at all. Items mix theme sentences with
 * sentiment phrases and filler, carry typos and odd casing, some mention two themes, and some
 * are noise with no theme (sentiment only, filler, chatter, gibberish).
 *
 * The discovery code never imports this file: it does not know these vocabularies.
 */
import type { ThemeDoc } from "../index.ts";

export interface PlantedTheme {
  name: string;
  /** Relative share of the themed items. */
  weight: number;
  templates: string[];
}

const SLOTS: Record<string, string[]> = {
  device: ["iPhone", "Android phone", "Pixel", "Samsung", "Galaxy S23", "iPad", "tablet", "phone", "OnePlus", "Xiaomi"],
  os: ["iOS 17", "iOS 18", "Android 14", "Android 13", "the latest iOS"],
  when: ["every time", "whenever", "each time", "as soon as", "almost every time"],
  dur: ["two weeks", "10 days", "a week", "three days", "over a month", "5 days", "ages"],
  amount: ["$9.99", "$15", "$20", "$49", "€12", "£8"],
  freq: ["every day", "constantly", "all the time", "several times a day", "over and over"],
};

export const PLANTED_THEMES: PlantedTheme[] = [
  {
    name: "billing",
    weight: 1.0,
    templates: [
      "I was {charged|billed} twice this month",
      "{My card|My credit card|My account} got {charged|billed} {twice|two times|double} for the same subscription",
      "The invoice shows the wrong amount",
      "{Still waiting|Waiting} for my refund after {cancelling|canceling} my subscription",
      "Payment {failed|keeps failing|was declined} even though my card is fine",
      "You took money from my {bank account|card} after I cancelled",
      "I can't update my payment method",
      "Got {billed|charged} for the annual plan when I chose monthly",
      "Where can I download my receipts and invoices",
      "There is an unexpected charge of {@amount} on my bank statement",
      "The checkout page {rejects|declines} my {card|Visa|Mastercard}",
      "I want a refund for the {duplicate|double} charge",
      "Auto-renewal {charged|billed} me without any warning",
      "My {invoice|receipt} has the wrong VAT number",
      "Cancelled the trial but was still charged {@amount}",
      "The billing page keeps showing an error when I pay",
      "PayPal payment does not go through",
      "I was charged after my refund was approved",
    ],
  },
  {
    name: "login",
    weight: 0.95,
    templates: [
      "I can't log in {anymore|since yesterday|at all}",
      "The password reset email never arrives",
      "It keeps logging me out {@freq}",
      "The two-factor code {doesn't work|is always rejected|never comes}",
      "The forgot password link is broken",
      "Sign in with {Google|Apple|Facebook} fails",
      "My account got locked after one wrong password",
      "The login screen just spins forever",
      "The verification code never comes by SMS",
      "It says invalid credentials but my password is correct",
      "I have to enter my password {@freq}",
      "Face ID login stopped working",
      "Can't sign in on my {@device}",
      "Reset password page says the token expired",
      "Logging in takes three attempts",
      "The 2FA text message takes forever to arrive",
    ],
  },
  {
    name: "crashes",
    weight: 0.9,
    templates: [
      "It crashes {@when} I open it on my {@device}",
      "The app {closes by itself|shuts down by itself|quits randomly}",
      "Keeps crashing after the latest update",
      "Force closes when I tap the camera button",
      "Crashed three times today on {@os}",
      "Instant crash on startup on my {@device}",
      "It goes to a black screen and then quits",
      "Crashes {@when} I try to upload a photo",
      "Constant crashes on {@os}, unusable",
      "It {crashed|crashes} in the middle of {recording|editing|saving}",
      "The app dies {@when} I switch to another app and come back",
      "Closes without any error message on my {@device}",
      "Since {@os} it won't even open, just crashes",
      "Every crash loses my unsaved work",
    ],
  },
  {
    name: "dark mode",
    weight: 0.85,
    templates: [
      "Please add a dark mode",
      "Need a {night theme|dark theme|night mode}, the white screen hurts my eyes at night",
      "Dark theme please",
      "Would {love|like} a black background option",
      "The bright white interface is blinding in bed",
      "Any plans for dark mode",
      "Dark mode should follow the system setting",
      "A {dim|low-light} option for reading at night would be nice",
      "Why is there still no dark mode in {2024|2025}",
      "The night mode colors are too bright",
      "My eyes hurt from the {bright|white} background at night",
      "Give us a darker color scheme",
      "Dark mode is missing on {@device}",
      "The {white|bright} screen is way too bright in a dark room",
    ],
  },
  {
    name: "performance",
    weight: 0.8,
    templates: [
      "It's {so|really|painfully} slow to load",
      "Takes forever to open",
      "Very laggy when scrolling",
      "Pages take {10|15|30} seconds to load",
      "Sluggish since the update",
      "The dashboard loads {slowly|very slowly|at a snail's pace}",
      "Performance is awful with large projects",
      "The loading spinner goes on for ages",
      "Response time is painfully long",
      "Scrolling stutters and lags {@freq}",
      "Everything takes ages to load on my {@device}",
      "So much lag when typing",
      "Loading times got much longer after the redesign",
      "Startup takes almost a minute",
      "The whole interface feels slow and heavy",
    ],
  },
  {
    name: "onboarding",
    weight: 0.75,
    templates: [
      "The setup was confusing",
      "Hard to figure out how to get started",
      "The tutorial skips important steps",
      "Needs a better walkthrough for new users",
      "Onboarding took me {an hour|forever|way too long}",
      "I didn't understand the first screens at all",
      "A getting started guide would help",
      "The intro tour goes too fast",
      "No explanation of anything when you first sign up",
      "The initial setup wizard is confusing",
      "As a beginner I was lost {at first|in the first week}",
      "The welcome tutorial {should be skippable|can't be skipped|is too long}",
      "New users need clearer instructions",
      "It took me a while to learn the basics, a tutorial video would help",
      "The first-time setup asks too many questions",
    ],
  },
  {
    name: "support",
    weight: 0.7,
    templates: [
      "Support never answered my email",
      "Waited {@dur} for a reply from customer service",
      "The support team is slow to respond",
      "No one replies to my tickets",
      "Chat support is a bot that can't help",
      "Contacted the help desk three times, no response",
      "Customer care took {@dur} to get back to me",
      "The support agent was rude",
      "Opened a ticket {@dur} ago and still no answer",
      "Customer support just sends canned replies",
      "There's no phone number to reach a human",
      "Your support staff closed my ticket without solving anything",
      "I emailed support and got an automated response only",
      "Live chat is always offline",
    ],
  },
  {
    name: "pricing",
    weight: 0.65,
    templates: [
      "Too expensive for what it does",
      "The price went up again",
      "I can't afford the premium plan",
      "Not worth the money",
      "The {subscription|membership} cost is way too high",
      "Cheaper alternatives exist",
      "Please offer a student discount",
      "{@amount} a month is a lot",
      "The free tier is too limited and the paid plan is overpriced",
      "This price hike is unjustified",
      "Charging {@amount} for basic features is greedy",
      "Pricing should be lower for small teams",
      "Way overpriced compared to competitors",
      "A lifetime license would be better than a pricey subscription",
      "Costs too much for a hobby user",
    ],
  },
  {
    name: "export",
    weight: 0.6,
    templates: [
      "I can't export my data to CSV",
      "Need an export to Excel",
      "The export button does nothing",
      "The CSV file has broken columns",
      "Let me download my reports as a spreadsheet",
      "Export to PDF is missing",
      "The exported file is empty",
      "Data export takes hours",
      "Exporting {loses|drops|mangles} the dates",
      "Please support exporting to Google Sheets",
      "The exported spreadsheet has encoding errors",
      "Bulk export of all records would be great",
      "Export only gives me the first 100 rows",
      "I want a backup download of everything in CSV format",
    ],
  },
  {
    name: "notifications",
    weight: 0.55,
    templates: [
      "Too many notifications",
      "Push notifications don't arrive",
      "I get alerts in the middle of the night",
      "I can't turn off the reminder emails",
      "The notification sound is {annoying|way too loud}",
      "Notifications come hours late",
      "I stopped getting push alerts after the update",
      "Let me mute notifications for a channel",
      "The badge count is always wrong",
      "Reminders fire twice",
      "I get spammed with {alerts|notifications} {@freq}",
      "Notification settings keep resetting",
      "No way to snooze reminders",
      "Alerts don't show on my lock screen",
    ],
  },
  {
    name: "sync",
    weight: 0.5,
    templates: [
      "My data doesn't sync between my phone and laptop",
      "Changes are lost when I go offline",
      "Sync conflicts duplicate my notes",
      "Offline mode doesn't save anything",
      "My devices are out of sync",
      "The cloud backup fails {@freq}",
      "Edits on desktop don't show up on my {@device}",
      "Syncing takes forever and sometimes never finishes",
      "I lost a week of notes because sync overwrote them",
      "Sync stopped working between {@device} and Mac",
      "Working offline is impossible, nothing is stored locally",
      "Items I deleted come back after syncing",
    ],
  },
  {
    name: "ads",
    weight: 0.45,
    templates: [
      "Too many ads",
      "Ads pop up {@freq}",
      "Video ads interrupt me in the middle of a task",
      "I paid to remove ads and still see them",
      "The banner ad covers the buttons",
      "A full-screen advert after every click is too much",
      "The advertising is so intrusive",
      "Ads with sound that autoplay are the worst",
      "Remove the ads or give a cheap ad-free option",
      "Every few seconds another advertisement",
      "Popup ads make it impossible to read",
      "The ads are inappropriate for kids",
    ],
  },
];

const SENTIMENT = [
  "Love this app",
  "Great app overall",
  "Terrible experience",
  "Really disappointed",
  "Five stars",
  "One star",
  "Awesome",
  "This is awful",
  "I hate it",
  "Pretty good otherwise",
  "Very frustrating",
  "Honestly the best app I have",
  "Worst app ever",
  "Not bad",
  "Amazing work, thank you",
  "Please fix this",
  "So annoying",
  "Thanks for the great work",
  "Fantastic!",
  "Meh",
  "Super useful",
  "Really happy with it",
  "Not happy at all",
  "Unacceptable",
  "Highly recommend",
  "Would not recommend",
  "Good job guys",
  "Nice",
  "Very bad",
  "Excellent",
];

const FILLER = [
  "I use it {@freq} for work",
  "I have been a user for {two|three|five} years",
  "My {wife|husband|friend|colleague|boss} recommended it",
  "I mostly use it on my {@device}",
  "I switched from a competitor last {month|year}",
  "We use it in our small team",
  "I'm a {teacher|student|freelancer|nurse|developer|designer}",
  "Just my two cents",
  "Otherwise it does what I need",
  "Been using it since the beginning",
  "I downloaded it a while ago",
  "Hope the developers read this",
  "Other than that it's fine",
  "Writing this from my {@device}",
  "Everything else works as expected",
];

/** Off-topic chatter is built from these at random, so that no chatter line recurs as a theme would. */
const CHATTER_WORDS = `weather rain sunny dinner lunch pizza coffee tea cat dog kitten puppy football soccer match game
movie film music song guitar piano holiday vacation beach mountain train bus car bike traffic garden flowers tree
birthday party wedding school homework exam teacher grandma uncle cousin neighbour kitchen recipe cake cookies
breakfast sandwich banana apple orange weekend monday friday morning evening midnight moon stars ocean river lake
forest camping fishing hiking running gym yoga dance painting drawing book novel poem story history science math
chemistry physics planet rocket robot dinosaur dragon castle king queen prince pirate ship island treasure map
snow winter summer spring autumn leaves pumpkin candle lamp chair table sofa window door roof garage basement`
  .split(/\s+/)
  .filter(Boolean);

const CHATTER = ["test", "hello?", "asdfgh", "first!", "ok", "no comment", "n/a", "xyz", "...", "hmm", "?"];
/** Mulberry32: small, fast, seeded. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlantedItem extends ThemeDoc {
  /** Indices into the planted themes this item talks about (none for noise). */
  themes: number[];
}

export interface PlantedCorpusOptions {
  items: number;
  seed?: number;
  /** Share of items with no theme (default 0.15). */
  noise?: number;
  /** Share of themed items that also mention a second theme (default 0.15). */
  second?: number;
  /** Chance that a word of 4+ letters carries a typo (default 0.02). */
  typo?: number;
}

export interface PlantedCorpus {
  themes: PlantedTheme[];
  docs: PlantedItem[];
}

/** The planted corpus: deterministic for a seed. */
export function plantedCorpus(opts: PlantedCorpusOptions): PlantedCorpus {
  const rand = mulberry32(opts.seed ?? 1);
  const noise = opts.noise ?? 0.15;
  const second = opts.second ?? 0.15;
  const typo = opts.typo ?? 0.02;
  const themes = PLANTED_THEMES;
  const totalWeight = themes.reduce((s, t) => s + t.weight, 0);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const pickTheme = (not = -1) => {
    for (;;) {
      let r = rand() * totalWeight;
      let i = 0;
      while (i < themes.length - 1 && r >= themes[i]!.weight) r -= themes[i++]!.weight;
      if (i !== not) return i;
    }
  };
  const fill = (template: string) =>
    template.replace(/\{(@?)([^}]*)\}/g, (_, at: string, body: string) =>
      at ? pick(SLOTS[body] ?? [body]) : pick(body.split("|")),
    );
  const misspell = (word: string) => {
    if (word.length < 4 || rand() >= typo) return word;
    const i = 1 + Math.floor(rand() * (word.length - 2));
    const r = rand();
    if (r < 0.33) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap
    if (r < 0.66) return word.slice(0, i) + word.slice(i + 1); // drop
    return word.slice(0, i) + word[i] + word.slice(i); // double
  };
  const sentence = (template: string) => {
    let s = fill(template).replace(/[A-Za-z]+/g, misspell);
    const r = rand();
    if (r < 0.05) s = s.toUpperCase();
    else if (r < 0.2) s = s.toLowerCase();
    const end = rand();
    if (/[.!?]$/.test(s)) return s;
    return s + (end < 0.6 ? "." : end < 0.8 ? "!" : end < 0.9 ? "!!" : end < 0.95 ? "..." : "");
  };
  const docs: PlantedItem[] = [];
  for (let n = 0; n < opts.items; n++) {
    const id = `p${n}`;
    if (rand() < noise) {
      const r = rand();
      const parts =
        r < 0.4
          ? [pick(SENTIMENT), ...(rand() < 0.4 ? [pick(SENTIMENT)] : [])]
          : r < 0.7
            ? [pick(FILLER), ...(rand() < 0.5 ? [pick(SENTIMENT)] : [])]
            : rand() < 0.3
              ? [pick(CHATTER)]
              : [Array.from({ length: 2 + Math.floor(rand() * 5) }, () => pick(CHATTER_WORDS)).join(" ")];
      docs.push({ id, text: parts.map(sentence).join(" "), themes: [] });
      continue;
    }
    const a = pickTheme();
    const count = rand() < 0.5 ? 1 : rand() < 0.7 ? 2 : 3;
    const used = new Set<string>();
    const parts: string[] = [];
    const take = (t: number) => {
      for (let tries = 0; tries < 5; tries++) {
        const tpl = pick(themes[t]!.templates);
        if (used.has(tpl)) continue;
        used.add(tpl);
        parts.push(sentence(tpl));
        return;
      }
    };
    for (let i = 0; i < count; i++) take(a);
    const labels = [a];
    if (rand() < second) {
      const b = pickTheme(a);
      take(b);
      labels.push(b);
    }
    if (rand() < 0.6) {
      const s = sentence(pick(SENTIMENT));
      if (rand() < 0.5) parts.unshift(s);
      else parts.push(s);
    }
    if (rand() < 0.3) parts.splice(Math.floor(rand() * (parts.length + 1)), 0, sentence(pick(FILLER)));
    // Sometimes one run-on line without sentence ends.
    const text = rand() < 0.05 ? parts.map((p) => p.replace(/[.!]+$/, "")).join(" and ") : parts.join(" ");
    docs.push({ id, text, themes: labels });
  }
  return { themes, docs };
}

export interface RecoveryScore {
  /** Items per discovered theme belonging to its dominant planted theme, over all memberships. */
  purity: number;
  /** Planted (item, theme) memberships found in the discovered theme matched to that planted theme. */
  recall: number;
  /** Recall of each planted theme, by name. */
  perTheme: Record<string, { recall: number; matched: string | null; size: number }>;
  /** Discovered themes matched to no planted theme. */
  unmatched: string[];
}

/**
 * Purity and recall of discovered memberships against the planted labels.
 *
 * - `membership` maps a discovered theme (its key) to the ids of the items in it; an item may be
 *   in several themes, and noise items may be in none or (wrongly) in some.
 * - Purity: for each discovered theme, its dominant planted theme is the one most of its items
 *   talk about; purity = Σ (items of the theme that talk about its dominant planted theme) /
 *   Σ (items of the theme), over all discovered themes, i.e. the size-weighted average. A noise
 *   item in a theme counts against it.
 * - Recall: each planted theme is matched one-to-one (greedily, largest overlap first) to a
 *   discovered theme; recall = Σ (items of a planted theme found in its matched discovered
 *   theme) / Σ (items of the planted theme), over all planted (item, theme) pairs. A planted
 *   theme with no match contributes zero. Splitting a planted theme in two or merging two
 *   planted themes into one both cost recall.
 */
export function scoreRecovery(corpus: PlantedCorpus, membership: Map<string, string[]>): RecoveryScore {
  const labels = new Map(corpus.docs.map((d) => [d.id, d.themes]));
  const plantedSize = corpus.themes.map(() => 0);
  for (const d of corpus.docs) for (const t of d.themes) plantedSize[t]!++;
  const overlaps: { key: string; planted: number; count: number }[] = [];
  let pure = 0;
  let total = 0;
  for (const [key, ids] of membership) {
    const counts = corpus.themes.map(() => 0);
    for (const id of ids) for (const t of labels.get(id) ?? []) counts[t]!++;
    pure += Math.max(0, ...counts);
    total += ids.length;
    counts.forEach((count, planted) => count > 0 && overlaps.push({ key, planted, count }));
  }
  overlaps.sort((a, b) => b.count - a.count || a.planted - b.planted || (a.key < b.key ? -1 : 1));
  const matchOf = new Map<number, { key: string; count: number }>();
  const usedKeys = new Set<string>();
  for (const o of overlaps) {
    if (matchOf.has(o.planted) || usedKeys.has(o.key)) continue;
    matchOf.set(o.planted, o);
    usedKeys.add(o.key);
  }
  let found = 0;
  const perTheme: RecoveryScore["perTheme"] = {};
  corpus.themes.forEach((t, i) => {
    const m = matchOf.get(i);
    found += m?.count ?? 0;
    perTheme[t.name] = {
      recall: plantedSize[i] ? (m?.count ?? 0) / plantedSize[i]! : 0,
      matched: m?.key ?? null,
      size: plantedSize[i]!,
    };
  });
  const planted = plantedSize.reduce((s, n) => s + n, 0);
  return {
    purity: total ? pure / total : 0,
    recall: planted ? found / planted : 0,
    perTheme,
    unmatched: [...membership.keys()].filter((k) => !usedKeys.has(k)),
  };
}
