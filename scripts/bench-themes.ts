/**
 * `npm run bench:themes [-- --items 100000 --seed 1 --verbose]`
 *
 * Times theme discovery on a generated feedback corpus with planted themes
 * (lib/nlp/themes/testing/planted.ts): `discoverThemes` (which discovers on a sample of at most
 * 25,000 items and finds members among all of them) then `assignThemes` on all items (the
 * sentence offsets the job stores). Scores the discovered themes' members against the planted
 * labels (purity and recall, defined in planted.ts). Generating the corpus is not timed.
 * The last line printed is JSON: {"items","themes","purity","recall","seconds","peakRssMb"}.
 *
 * With --job, the THEMES job itself runs on a database instead (scripts/bench-themes-job.ts).
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { assignThemes, discoverThemes, type ThemeDefinition } from "../lib/nlp/themes/index.ts";
import { plantedCorpus, scoreRecovery } from "../lib/nlp/themes/testing/planted.ts";

const { values: args } = parseArgs({
  options: {
    items: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    verbose: { type: "boolean", default: false },
    job: { type: "boolean", default: false },
    embedded: { type: "boolean", default: false },
  },
});
if (args.job) {
  const { benchThemesJob } = await import("./bench-themes-job.ts");
  console.log(
    JSON.stringify(
      await benchThemesJob({ items: Number(args.items), seed: Number(args.seed), embedded: args.embedded }),
    ),
  );
  process.exit(0);
}
const items = Number(args.items);
const seed = Number(args.seed);
const log = (line: string) => console.log(`[bench] ${line}`);

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);

const corpus = plantedCorpus({ items, seed });
log(`generated ${items} items with ${corpus.themes.length} planted themes`);

const t0 = performance.now();
const themes = discoverThemes(corpus.docs, { seed });
const t1 = performance.now();
const defs: ThemeDefinition[] = themes.map((t, i) => ({
  key: `d${i}`,
  label: t.label,
  keywords: t.keywords,
  origin: "discovered",
}));
const assignments = assignThemes(corpus.docs, defs);
const t2 = performance.now();
peakRss = Math.max(peakRss, process.memoryUsage.rss());
clearInterval(sampler);

const membership = new Map<string, string[]>(defs.map((d) => [d.key, []]));
for (const a of assignments) membership.get(a.themeKey)!.push(a.docId);
const score = scoreRecovery(corpus, membership);

log(`discover ${((t1 - t0) / 1000).toFixed(2)} s, assign ${((t2 - t1) / 1000).toFixed(2)} s`);
themes.forEach((t, i) =>
  log(
    `d${i} ${t.docIds.length} items — ${t.label} — ${t.keywords.slice(0, args.verbose ? 40 : 8).join(", ")}` +
      (args.verbose ? `\n        quotes: ${t.quotes.map((q) => JSON.stringify(q)).join(" | ")}` : ""),
  ),
);
for (const [name, s] of Object.entries(score.perTheme)) {
  log(`planted ${name} (${s.size}): recall ${s.recall.toFixed(3)} via ${s.matched ?? "-"}`);
}
const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(
  JSON.stringify({
    items,
    themes: themes.length,
    purity: round(score.purity),
    recall: round(score.recall),
    seconds: round((t2 - t0) / 1000),
    peakRssMb: Math.round(peakRss / 1048576),
  }),
);
