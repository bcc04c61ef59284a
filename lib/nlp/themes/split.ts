/**
 * Helpers for the user's split and merge actions.
 *
 * Split: the sentences that mention the theme are clustered in two (spherical 2-means on TF-IDF
 * over their terms, best of three seeds), and the theme's keywords are shared out: each goes to
 * the half whose items use it more. A half left with none of the theme's keywords takes the
 * terms most distinctive of it. Each half then has its own members (by keywords, on the items
 * given), label and quotes; together they cover what the theme covered.
 */
import type { DiscoveredTheme, ThemeDefinition, ThemeDoc } from "./index.ts";
import { KeywordMatcher } from "./assign.ts";
import { sphericalKMeans, type SparseVec } from "./kmeans.ts";
import { representativeQuotes } from "./quotes.ts";
import { analyze, keywordKey, sentenceTerms } from "./text.ts";

export function splitTheme(
  theme: ThemeDefinition,
  docs: ThemeDoc[],
  opts: { seed?: number } = {},
): [DiscoveredTheme, DiscoveredTheme] {
  const live: ThemeDefinition = { ...theme, key: "t", deleted: false, mergedInto: undefined };
  const matcher = new KeywordMatcher([live]);
  // The theme's sentences in each member item, as terms.
  const members: { doc: ThemeDoc; terms: Map<string, number> }[] = [];
  const surfaces = new Map<string, Map<string, number>>();
  for (const doc of docs) {
    const terms = new Map<string, number>();
    for (const s of analyze(doc.text)) {
      if (!matcher.sentenceThemes(s).size) continue;
      for (const hit of sentenceTerms(s.tokens, doc.text)) {
        terms.set(hit.key, (terms.get(hit.key) ?? 0) + 1);
        const sf = surfaces.get(hit.key) ?? new Map<string, number>();
        sf.set(hit.surface, (sf.get(hit.surface) ?? 0) + 1);
        surfaces.set(hit.key, sf);
      }
    }
    if (terms.size) members.push({ doc, terms });
  }
  const df = new Map<string, number>();
  for (const m of members) for (const t of m.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const feats = [...df.keys()].filter((t) => df.get(t)! >= 2 && df.get(t)! < members.length).sort();
  const featId = new Map(feats.map((t, i) => [t, i]));
  const vecs: SparseVec[] = [];
  const vecDoc: number[] = [];
  members.forEach((m, i) => {
    const entries = [...m.terms].filter(([t]) => featId.has(t)).sort((a, b) => featId.get(a[0])! - featId.get(b[0])!);
    if (!entries.length) return;
    const val = Float32Array.from(entries, ([t, c]) => (1 + Math.log(c)) * Math.log(members.length / df.get(t)!));
    const norm = Math.hypot(...val) || 1;
    vecs.push({ idx: Int32Array.from(entries, ([t]) => featId.get(t)!), val: val.map((v) => v / norm) });
    vecDoc.push(i);
  });

  // Two halves: best of three seeds by total similarity to the centroids.
  const half = new Int8Array(members.length);
  if (vecs.length >= 2) {
    let best: { assign: Int32Array; score: number } | null = null;
    for (let s = 0; s < 3; s++) {
      const km = sphericalKMeans(vecs, feats.length, 2, (opts.seed ?? 1) * 7919 + s);
      const score = km.sim.reduce((a, b) => a + b, 0);
      if (!best || score > best.score + 1e-9) best = { assign: km.assign, score };
    }
    best!.assign.forEach((c, i) => (half[vecDoc[i]!] = c));
  }

  // Share out the theme's keywords.
  const parts: string[][] = [[], []];
  for (const kw of theme.keywords) {
    const key = keywordKey(kw);
    const uses = [0, 0];
    members.forEach((m, i) => {
      if (hasKeyword(m.terms, key)) uses[half[i]!]!++;
    });
    parts[uses[1]! > uses[0]! ? 1 : 0]!.push(kw);
  }
  for (const h of [0, 1]) {
    if (parts[h]!.length) continue;
    // No theme keyword fits this half: its most distinctive terms.
    const inside = new Map<string, number>();
    const size = members.filter((_, i) => half[i] === h).length;
    members.forEach((m, i) => half[i] === h && m.terms.forEach((_, t) => inside.set(t, (inside.get(t) ?? 0) + 1)));
    parts[h] = [...inside]
      .filter(([t, c]) => featId.has(t) && c / df.get(t)! >= 0.6 && c >= Math.min(2, size))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 10)
      .map(([t]) => mostCommon(surfaces.get(t)!));
  }

  const memberDocs = members.map((m) => m.doc);
  const make = (keywords: string[]): DiscoveredTheme => {
    const m = new KeywordMatcher([{ key: "h", label: "", keywords, origin: "discovered" }]);
    const docIds: string[] = [];
    const uses = new Map<string, number>(keywords.map((k) => [k, 0]));
    for (const doc of memberDocs) {
      let hit = false;
      for (const s of analyze(doc.text)) if (m.sentenceThemes(s).size) hit = true;
      if (hit) docIds.push(doc.id);
    }
    for (const k of keywords) {
      const key = keywordKey(k);
      uses.set(k, members.filter((mm) => hasKeyword(mm.terms, key)).length);
    }
    const ranked = [...keywords].sort((a, b) => uses.get(b)! - uses.get(a)!);
    const label = ranked.slice(0, 2).join(", ");
    return {
      label: label.charAt(0).toUpperCase() + label.slice(1),
      keywords: ranked,
      docIds,
      ...representativeQuotes(memberDocs, m, "h"),
    };
  };
  return [make(parts[0]!), make(parts[1]!)];
}

/** True when the item's terms contain the keyword (a unigram or bigram key; longer ones by their words). */
function hasKeyword(terms: Map<string, number>, key: string): boolean {
  if (terms.has(key)) return true;
  const words = key.split(" ");
  return words.length > 2 && words.every((w) => terms.has(w));
}

function mostCommon(counts: Map<string, number>): string {
  let best = "";
  let bc = -1;
  for (const [s, c] of counts) if (c > bc || (c === bc && s < best)) [best, bc] = [s, c];
  return best;
}

/**
 * The user merges `source` into `target`: the source is marked merged (re-runs will not bring
 * it back, and its keywords keep feeding the target), and the target takes the source's
 * keywords it does not have yet.
 */
export function mergeThemes(
  source: ThemeDefinition,
  target: ThemeDefinition,
): { source: ThemeDefinition; target: ThemeDefinition } {
  const have = new Set(target.keywords.map(keywordKey));
  const added = source.keywords.filter((k) => !have.has(keywordKey(k)));
  return {
    source: { ...source, mergedInto: target.key },
    target: { ...target, keywords: [...target.keywords, ...added] },
  };
}
