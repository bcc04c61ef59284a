import { describe, expect, it } from "vitest";
import {
  assignThemes,
  discoverThemes,
  mergeThemes,
  reconcileThemes,
  splitTheme,
  type DiscoveredTheme,
  type ThemeDefinition,
  type ThemeDoc,
} from "./index.ts";
import { plantedCorpus, scoreRecovery, type PlantedCorpus } from "./testing/planted.ts";
import { splitSentences } from "./text.ts";

const asDefs = (themes: DiscoveredTheme[], prefix = "t"): ThemeDefinition[] =>
  themes.map((t, i) => ({ key: `${prefix}${i}`, label: t.label, keywords: t.keywords, origin: "discovered" }));

function membership(docs: ThemeDoc[], defs: ThemeDefinition[]): Map<string, string[]> {
  const m = new Map<string, string[]>(defs.filter((d) => !d.deleted && !d.mergedInto).map((d) => [d.key, []]));
  for (const a of assignThemes(docs, defs)) m.get(a.themeKey)!.push(a.docId);
  return m;
}

/** The discovered theme that best covers a planted theme's items. */
function themeFor(corpus: PlantedCorpus, themes: DiscoveredTheme[], name: string): DiscoveredTheme {
  const index = corpus.themes.findIndex((t) => t.name === name);
  const ids = new Set(corpus.docs.filter((d) => d.themes.includes(index)).map((d) => d.id));
  let best = themes[0]!;
  let bestCount = -1;
  for (const t of themes) {
    const c = t.docIds.filter((id) => ids.has(id)).length;
    if (c > bestCount) [best, bestCount] = [t, c];
  }
  return best;
}

describe("theme discovery on a planted corpus", () => {
  const corpus = plantedCorpus({ items: 3000, seed: 1 });
  const themes = discoverThemes(corpus.docs, { seed: 1 });

  it("recovers the planted themes: purity and recall at least 0.8", () => {
    const score = scoreRecovery(corpus, membership(corpus.docs, asDefs(themes)));
    expect(score.purity).toBeGreaterThanOrEqual(0.8);
    expect(score.recall).toBeGreaterThanOrEqual(0.8);
    expect(themes.length).toBeGreaterThanOrEqual(10);
    expect(themes.length).toBeLessThanOrEqual(15);
  });

  it("gives each theme a readable topical label, keywords, members and short quotes", () => {
    const generic = /\b(great|love|terrible|awful|app|good|bad|amazing|hate|please|thanks)\b/i;
    for (const t of themes) {
      expect(t.label.length).toBeGreaterThan(0);
      expect(t.label).not.toMatch(generic);
      for (const k of t.keywords) expect(k).not.toMatch(/^(great|love|terrible|app|good|bad)$/i);
      expect(t.docIds.length).toBeGreaterThan(0);
      expect(t.quotes.length).toBe(3);
      t.quoteRefs.forEach((q, i) => {
        const doc = corpus.docs.find((d) => d.id === q.docId)!;
        expect(doc.text.slice(q.start, q.end)).toBe(t.quotes[i]);
      });
    }
    const labels = themes.map((t) => t.label.toLowerCase()).join(" | ");
    expect(labels).toMatch(/dark mode/);
    expect(labels).toMatch(/export|csv/);
  });

  it("members of a discovered theme are what assignThemes finds for its keywords", () => {
    const defs = asDefs(themes);
    const m = membership(corpus.docs, defs);
    defs.forEach((d, i) => expect(m.get(d.key)!.sort()).toEqual([...themes[i]!.docIds].sort()));
  });

  it("is deterministic for a seed, and discovers on a sample above sampleSize", () => {
    const small = corpus.docs.slice(0, 1500);
    const a = discoverThemes(small, { seed: 7 });
    const b = discoverThemes(small, { seed: 7 });
    expect(b).toEqual(a);
    const sampled = discoverThemes(corpus.docs, { seed: 7, sampleSize: 1500 });
    const c = discoverThemes(corpus.docs, { seed: 7, sampleSize: 1500 });
    expect(c).toEqual(sampled);
    // Members are found among all the items, not only the sample.
    const members = new Set(sampled.flatMap((t) => t.docIds));
    expect([...members].some((id) => Number(id.slice(1)) >= 1500)).toBe(true);
  });

  it("reports progress from 0 to 100", () => {
    const seen: number[] = [];
    discoverThemes(corpus.docs.slice(0, 500), { onProgress: (p) => seen.push(p) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(100);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });

  it("returns nothing for empty or themeless input", () => {
    expect(discoverThemes([])).toEqual([]);
    expect(
      discoverThemes([
        { id: "a", text: "Great app, love it!" },
        { id: "b", text: "Terrible." },
      ]),
    ).toEqual([]);
  });
});

describe("assignThemes", () => {
  const docs: ThemeDoc[] = [
    { id: "1", text: "Love it. The dark mode is missing! Also I was charged twice." },
    { id: "2", text: "Please add a night theme.\nThe DARK MODES are ugly" },
    { id: "3", text: "Signed in with Google and it failed. Reset my passwords twice." },
    { id: "4", text: "Great app" },
  ];
  const themes: ThemeDefinition[] = [
    { key: "dark", label: "Dark mode", keywords: ["dark mode", "night theme"], origin: "user" },
    { key: "billing", label: "Billing", keywords: ["charged twice", "refund"], origin: "user" },
    { key: "login", label: "Login", keywords: ["sign in with google", "reset password"], origin: "user" },
  ];

  it("gives the sentences that mention each theme, as offsets, and a weight", () => {
    const out = assignThemes(docs, themes);
    const of = (docId: string, key: string) => out.find((a) => a.docId === docId && a.themeKey === key);
    const d1 = of("1", "dark")!;
    expect(d1.sentences.map((s) => docs[0]!.text.slice(s.start, s.end))).toEqual(["The dark mode is missing!"]);
    const total = splitSentences(docs[0]!.text).reduce((n, s) => n + s.end - s.start, 0);
    expect(d1.weight).toBeCloseTo("The dark mode is missing!".length / total, 2);
    expect(of("1", "billing")!.sentences.map((s) => docs[0]!.text.slice(s.start, s.end))).toEqual([
      "Also I was charged twice.",
    ]);
    // Both sentences of item 2, across a line break, plural and upper case.
    expect(of("2", "dark")!.sentences.map((s) => docs[1]!.text.slice(s.start, s.end))).toEqual([
      "Please add a night theme.",
      "The DARK MODES are ugly",
    ]);
    expect(of("2", "dark")!.weight).toBe(1);
    // Stop words between keyword words, and stems.
    expect(of("3", "login")!.sentences).toHaveLength(2);
    expect(out.filter((a) => a.docId === "4")).toEqual([]);
  });

  it("user keyword themes match items of a planted corpus", () => {
    const corpus = plantedCorpus({ items: 600, seed: 3 });
    const out = assignThemes(corpus.docs, [
      { key: "u", label: "Exports", keywords: ["export", "csv", "spreadsheet"], origin: "user" },
    ]);
    const exportIndex = corpus.themes.findIndex((t) => t.name === "export");
    const planted = new Set(corpus.docs.filter((d) => d.themes.includes(exportIndex)).map((d) => d.id));
    const found = out.map((a) => a.docId);
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((id) => planted.has(id)).length / found.length).toBeGreaterThan(0.9);
  });

  it("skips deleted themes and counts merged ones for their target", () => {
    const out = assignThemes(docs, [
      { ...themes[0]!, deleted: true },
      { ...themes[1]!, mergedInto: "login" },
      themes[2]!,
    ]);
    expect(out.some((a) => a.themeKey === "dark")).toBe(false);
    expect(out.some((a) => a.themeKey === "billing")).toBe(false);
    expect(out.filter((a) => a.themeKey === "login").map((a) => a.docId)).toEqual(["1", "3"]);
  });
});

describe("reconcileThemes", () => {
  // Run 1 on some data, run 2 on new data from the same product.
  const first = plantedCorpus({ items: 2000, seed: 11 });
  const second = plantedCorpus({ items: 2000, seed: 12 });
  const run1 = discoverThemes(first.docs, { seed: 1 });
  const run2 = discoverThemes(second.docs, { seed: 1 });
  const stored = asDefs(run1, "s");
  const keyOf = (name: string) => stored[run1.indexOf(themeFor(first, run1, name))]!.key;
  const run2Of = (name: string) => themeFor(second, run2, name);

  it("matches a re-run's themes to the stored ones", () => {
    const r = reconcileThemes(stored, run2);
    expect(r.update.length).toBeGreaterThanOrEqual(run1.length - 2);
    expect(r.create.length).toBeLessThanOrEqual(2);
    const dark = r.update.find((u) => u.key === keyOf("dark mode"))!;
    expect(dark.discovered[0]).toBe(run2Of("dark mode"));
    expect(dark.keywords).toEqual(run2Of("dark mode").keywords);
    // With the items, matching by members agrees.
    const byDocs = reconcileThemes(stored, run2, { docs: second.docs });
    expect(byDocs.update.find((u) => u.key === keyOf("dark mode"))!.discovered[0]).toBe(run2Of("dark mode"));
  });

  it("keeps a user's rename", () => {
    const edited = stored.map((t) => (t.key === keyOf("dark mode") ? { ...t, label: "Night-time UI" } : t));
    const r = reconcileThemes(edited, run2);
    const u = r.update.find((x) => x.key === keyOf("dark mode"))!;
    expect(u.label).toBe("Night-time UI");
    expect(r.create).not.toContain(run2Of("dark mode"));
  });

  it("keeps keywords the user edited", () => {
    const edited = stored.map((t) =>
      t.key === keyOf("export") ? { ...t, keywords: [...t.keywords.slice(0, 5), "xlsx"], keywordsEdited: true } : t,
    );
    const r = reconcileThemes(edited, run2);
    expect(r.update.some((u) => u.key === keyOf("export"))).toBe(false);
    expect(r.keep).toContain(keyOf("export"));
    expect(r.suppressed.find((s) => s.key === keyOf("export"))?.reason).toBe("edited");
  });

  it("does not bring back a deleted theme", () => {
    const edited = stored.map((t) => (t.key === keyOf("ads") ? { ...t, deleted: true } : t));
    for (const r of [reconcileThemes(edited, run2), reconcileThemes(edited, run2, { docs: second.docs })]) {
      expect(r.create).not.toContain(run2Of("ads"));
      expect(r.update.some((u) => u.key === keyOf("ads"))).toBe(false);
      expect(r.suppressed).toContainEqual({ discovered: run2Of("ads"), key: keyOf("ads"), reason: "deleted" });
      expect(r.keep).toContain(keyOf("ads"));
    }
  });

  it("routes a merged theme's rediscovery and keywords to the target", () => {
    const { source, target } = mergeThemes(
      stored.find((t) => t.key === keyOf("sync"))!,
      stored.find((t) => t.key === keyOf("export"))!,
    );
    expect(source.mergedInto).toBe(target.key);
    expect(target.keywords).toEqual(expect.arrayContaining(source.keywords.filter((k) => !k.includes(" "))));
    const edited = stored.map((t) => (t.key === source.key ? source : t.key === target.key ? target : t));
    const r = reconcileThemes(edited, run2);
    expect(r.create).not.toContain(run2Of("sync"));
    expect(r.suppressed).toContainEqual({
      discovered: run2Of("sync"),
      key: source.key,
      reason: "merged",
      target: target.key,
    });
    const u = r.update.find((x) => x.key === target.key)!;
    expect(u.discovered).toContain(run2Of("sync"));
    expect(u.keywords).toEqual(expect.arrayContaining(run2Of("sync").keywords.slice(0, 3)));
    // Assignment counts the merged theme's items under the target.
    const keys = new Set(assignThemes(second.docs.slice(0, 300), edited).map((a) => a.themeKey));
    expect(keys.has(source.key)).toBe(false);
  });

  it("never replaces a user theme", () => {
    const user: ThemeDefinition = {
      key: "u1",
      label: "Night mode please",
      keywords: ["dark mode", "night mode"],
      origin: "user",
    };
    const withUser = [...stored.filter((t) => t.key !== keyOf("dark mode")), user];
    const r = reconcileThemes(withUser, run2);
    expect(r.keep).toContain("u1");
    expect(r.update.some((u) => u.key === "u1")).toBe(false);
    expect(r.create).not.toContain(run2Of("dark mode"));
    expect(r.suppressed).toContainEqual({ discovered: run2Of("dark mode"), key: "u1", reason: "user" });
    // A one-word user theme does not swallow a broad discovered theme it merely overlaps.
    const narrow: ThemeDefinition = { key: "u2", label: "Refunds", keywords: ["vat"], origin: "user" };
    const r2 = reconcileThemes([narrow], run2);
    expect(r2.create.length).toBe(run2.length);
  });
});

describe("splitTheme", () => {
  it("splits a theme made of two topics back into them", () => {
    const corpus = plantedCorpus({ items: 2000, seed: 5 });
    const themes = discoverThemes(corpus.docs, { seed: 1 });
    const dark = themeFor(corpus, themes, "dark mode");
    const exp = themeFor(corpus, themes, "export");
    const both: ThemeDefinition = {
      key: "x",
      label: "Mixed",
      keywords: [...dark.keywords, ...exp.keywords],
      origin: "discovered",
    };
    const [a, b] = splitTheme(both, corpus.docs);
    const darkKeys = new Set(dark.keywords);
    const [d, e] = a.keywords.filter((k) => darkKeys.has(k)).length > a.keywords.length / 2 ? [a, b] : [b, a];
    expect(new Set([...d.keywords, ...e.keywords])).toEqual(new Set(both.keywords));
    const overlapWith = (x: DiscoveredTheme, y: DiscoveredTheme) =>
      x.docIds.filter((id) => y.docIds.includes(id)).length / x.docIds.length;
    expect(overlapWith(d, dark)).toBeGreaterThan(0.8);
    expect(overlapWith(e, exp)).toBeGreaterThan(0.8);
    expect(d.quotes.length).toBeGreaterThan(0);
    expect(splitTheme(both, corpus.docs)).toEqual([a, b]);
  });
});
