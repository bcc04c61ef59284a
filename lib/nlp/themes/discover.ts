/**
 * Theme discovery: from raw feedback items to themes defined by keywords.
 *
 * 1. Terms. Each item is split into sentences and words; stop words and topic-free opinion words
 *    ("great", "love", "terrible", "app") are dropped; the rest are Porter-stemmed. Candidate
 *    terms are single content words and pairs of consecutive content words ("dark mode",
 *    "charged me twice": at most one stop word between). Terms in fewer than 0.2% of the items
 *    (at least 3: typos, rarities) or in more than 20% of them are dropped.
 * 2. Seeds. Items become TF-IDF vectors over single words (sublinear tf, L2-normalised) and
 *    spherical k-means (k-means++ seeded, deterministic) over-clusters them into 3 × `maxThemes`
 *    groups.
 * 3. Keywords. A group's keywords are the terms whose items fall mostly inside it (at least half
 *    of the items with the term, with some support); a term goes to the one group where it scores
 *    best. Members are then re-derived from keywords (an item is a member when the theme's
 *    keywords in it cover two different words, so one ambiguous word does not pull it in),
 *    keywords from members, and groups that keep company (the smaller one's members are ≥ 12% in
 *    the other and ≥ 3× what chance gives) are merged, until nothing merges. This joins pieces
 *    k-means split (one topic written many ways) and picks up paraphrases that keep company with
 *    a theme's words. Groups smaller than `minSize` drop out. Then k-means runs again on the
 *    items no theme took (a small theme can hide in a mixed group at first), and all are refined
 *    together (twice at most).
 * 4. Output. The `maxThemes` largest themes are kept; their keywords are those at least 75% of
 *    whose items are members (precise words decide membership in the end; looser ones helped only
 *    to hold the theme together), most distinctive first, in their most common written form.
 *    The label is the 1–3 most distinctive keywords, a two-word phrase preferred over its single
 *    word ("dark mode" rather than "dark"). Members are found on every item with the same
 *    keyword matcher as `assignThemes` (so `docIds` are exactly what `assignThemes` gives for
 *    these keywords); quotes are short sentences closest to the theme's centre that mention no
 *    other theme (quotes.ts).
 *
 * Above `sampleSize` items (default 25,000) steps 1–3 and the quotes run on a seeded random
 * sample; members are always found among all the items.
 */
import type { DiscoveredTheme, DiscoverOptions, ThemeDoc } from "./index.ts";
import { KeywordMatcher } from "./assign.ts";
import { rng } from "../../ml/random.ts";
import { sphericalKMeans, type SparseVec } from "./kmeans.ts";
import { representativeQuotes } from "./quotes.ts";
import { analyze, sentenceTerms } from "./text.ts";

/** Share of a term's items that must be in a theme for the term to be one of its keywords. */
const PRECISION = 0.5;
/** Share of a term's items that must be in a theme for the term to define its members in the end. */
const FINAL_PRECISION = 0.75;
/** Terms in more than this share of items are too common to define a theme. */
const MAX_DF = 0.2;
/** Most keywords a theme keeps. */
const MAX_KEYWORDS = 40;
/**
 * Two themes are merged when the share of the smaller one's items also in the other is at least
 * MERGE_SHARE and that is at least MERGE_LIFT times what chance would give.
 */
const MERGE_SHARE = 0.12;
const MERGE_LIFT = 3;

interface Doc {
  id: string;
  text: string;
  sentences: { start: number; end: number; feats: number[] }[];
  /** Unique features of the whole item. */
  feats: Int32Array;
  /** Count of each of `feats`. */
  counts: Int32Array;
}

interface Theme {
  keywords: Set<number>;
  members: number[];
}

export function discoverThemes(docs: ThemeDoc[], opts: DiscoverOptions = {}): DiscoveredTheme[] {
  const progress = opts.onProgress ?? (() => {});
  const seed = opts.seed ?? 1;
  const maxThemes = opts.maxThemes ?? 15;
  progress(0);

  // 1. Terms, on a sample.
  const sample = sampleDocs(docs, opts.sampleSize ?? 25_000, seed);
  const n = sample.length;
  const minSize = opts.minSize ?? Math.max(5, Math.ceil(docs.length * 0.005));
  const minDf = Math.max(3, Math.ceil(n * 0.002));
  const keyId = new Map<string, number>();
  const keys: string[] = [];
  const surfaces: Map<string, number>[] = [];
  const dfAll: number[] = [];
  const raw: { id: string; text: string; sentences: { start: number; end: number; terms: number[] }[] }[] = [];
  for (const d of sample) {
    const seen = new Set<number>();
    const sentences = analyze(d.text).map((s) => {
      const terms: number[] = [];
      for (const hit of sentenceTerms(s.tokens, d.text)) {
        let id = keyId.get(hit.key);
        if (id === undefined) {
          id = keys.length;
          keyId.set(hit.key, id);
          keys.push(hit.key);
          surfaces.push(new Map());
          dfAll.push(0);
        }
        const sf = surfaces[id]!;
        sf.set(hit.surface, (sf.get(hit.surface) ?? 0) + 1);
        terms.push(id);
        if (!seen.has(id)) {
          seen.add(id);
          dfAll[id]!++;
        }
      }
      return { start: s.start, end: s.end, terms };
    });
    raw.push({ id: d.id, text: d.text, sentences });
  }
  progress(20);

  // Features: terms within the document-frequency bounds.
  const featOf = new Int32Array(keys.length).fill(-1);
  const featTerm: number[] = [];
  for (let t = 0; t < keys.length; t++) {
    if (dfAll[t]! >= minDf && dfAll[t]! <= MAX_DF * n) {
      featOf[t] = featTerm.length;
      featTerm.push(t);
    }
  }
  const F = featTerm.length;
  const df = new Int32Array(F);
  const all: Doc[] = raw.map((r) => {
    const counts = new Map<number, number>();
    const sentences = r.sentences.map((s) => {
      const feats = [...new Set(s.terms.map((t) => featOf[t]!).filter((f) => f >= 0))];
      for (const f of s.terms) {
        const ff = featOf[f]!;
        if (ff >= 0) counts.set(ff, (counts.get(ff) ?? 0) + 1);
      }
      return { start: s.start, end: s.end, feats };
    });
    const feats = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    for (const f of feats) df[f]!++;
    return { id: r.id, text: r.text, sentences, feats, counts: Int32Array.from(feats, (f) => counts.get(f)!) };
  });
  const idf = Float64Array.from(df, (x) => Math.log(n / Math.max(1, x)));
  const unigram = featTerm.map((t) => !keys[t]!.includes(" "));

  const docsWith: number[][] = Array.from({ length: F }, () => []);
  all.forEach((d, i) => d.feats.forEach((f) => docsWith[f]!.push(i)));
  const keywordsOf = (members: number[]) => {
    const inside = new Map<number, number>();
    for (const i of members) for (const f of all[i]!.feats) inside.set(f, (inside.get(f) ?? 0) + 1);
    const support = Math.max(3, Math.ceil(members.length * 0.01));
    const scored: { f: number; score: number; precision: number }[] = [];
    for (const [f, c] of inside) {
      const precision = c / df[f]!;
      if (precision >= PRECISION && c >= support) scored.push({ f, score: c * precision * precision, precision });
    }
    scored.sort((a, b) => b.score - a.score || a.f - b.f);
    return scored;
  };
  const featWords = featTerm.map((t) => keys[t]!.split(" "));
  /**
   * Items with any keyword (`strong`: with keywords covering at least two different words, so
   * that one ambiguous word does not make an item a member while its theme takes shape).
   */
  const membersOf = (keywords: Set<number>, strong = true) => {
    const words = new Map<number, Set<string>>();
    for (const f of keywords) {
      for (const i of docsWith[f]!) {
        let w = words.get(i);
        if (!w) words.set(i, (w = new Set()));
        for (const x of featWords[f]!) w.add(x);
      }
    }
    return [...words]
      .filter(([, w]) => !strong || w.size >= 2)
      .map(([i]) => i)
      .sort((a, b) => a - b);
  };

  // 2. Seeds: spherical k-means on TF-IDF vectors of single words (phrases would tie items to
  // an exact wording rather than a topic).
  const vecOf = (d: Doc): SparseVec | null => {
    const js = [...d.feats.keys()].filter((j) => unigram[d.feats[j]!]);
    if (!js.length) return null;
    const val = Float32Array.from(js, (j) => (1 + Math.log(d.counts[j]!)) * idf[d.feats[j]!]!);
    const norm = Math.hypot(...val) || 1;
    for (let j = 0; j < val.length; j++) val[j]! /= norm;
    return { idx: Int32Array.from(js, (j) => d.feats[j]!), val };
  };
  const vectors = all.map(vecOf);
  const minSizeHere = Math.max(3, Math.ceil((minSize * n) / docs.length));
  const seedGroups = (items: number[], k: number, salt: number): Theme[] => {
    const withVec = items.filter((i) => vectors[i]);
    if (withVec.length < 2 * minSizeHere || F === 0) return [];
    k = Math.max(2, Math.min(k, Math.floor(withVec.length / minSizeHere)));
    const km = sphericalKMeans(
      withVec.map((i) => vectors[i]!),
      F,
      k,
      seed + salt,
    );
    const groups: number[][] = Array.from({ length: km.k }, () => []);
    km.assign.forEach((c, j) => groups[c]!.push(withVec[j]!));
    return groups.map((members) => ({ keywords: new Set<number>(), members }));
  };

  // 3. Keywords from membership, membership from keywords, merging themes that keep company.
  const refine = (start: Theme[]): Theme[] => {
    let themes = start;
    for (let round = 0; round < 8; round++) {
      // Keywords; each term goes to the theme where it scores best.
      const owner = new Map<number, { t: number; c: number }>();
      const scoredPer = themes.map((th) => keywordsOf(th.members));
      scoredPer.forEach((scored, t) => {
        for (const { f, score } of scored) {
          const o = owner.get(f);
          if (!o || score > o.c) owner.set(f, { t, c: score });
        }
      });
      themes = themes
        .map((_, t) => ({
          keywords: new Set(
            scoredPer[t]!.filter(({ f }) => owner.get(f)!.t === t)
              .slice(0, MAX_KEYWORDS)
              .map(({ f }) => f),
          ),
          members: [] as number[],
        }))
        .filter((th) => th.keywords.size > 0);
      for (const th of themes) th.members = membersOf(th.keywords);
      // Merge themes that keep company: items of one are far more often than chance in the other.
      let merged = false;
      for (let a = 0; a < themes.length; a++) {
        for (let b = a + 1; b < themes.length; b++) {
          const A = themes[a]!;
          const B = themes[b]!;
          const co = overlap(A.members, B.members);
          const share = co / Math.max(1, Math.min(A.members.length, B.members.length));
          const lift = (co * n) / Math.max(1, A.members.length * B.members.length);
          if (share >= MERGE_SHARE && lift >= MERGE_LIFT) {
            A.keywords = new Set([...A.keywords, ...B.keywords]);
            A.members = membersOf(A.keywords);
            themes.splice(b, 1);
            merged = true;
            b = a;
          }
        }
      }
      themes = themes.filter((th) => th.members.length >= minSizeHere);
      if (round >= 1 && !merged) break;
    }
    return themes;
  };

  // Seed on all items, refine; then seed again on the items no theme took (small themes hide
  // in mixed groups at first), and refine all together.
  let themes = refine(seedGroups([...all.keys()], 3 * maxThemes, 0));
  progress(55);
  for (let pass = 1; pass <= 2; pass++) {
    const taken = new Set<number>();
    for (const th of themes) for (const i of membersOf(th.keywords)) taken.add(i);
    const residual = [...all.keys()].filter((i) => !taken.has(i));
    const extra = seedGroups(residual, maxThemes, pass);
    if (!extra.length) break;
    themes = refine([...themes, ...extra]);
    progress(55 + pass * 10);
  }
  themes.sort((a, b) => b.members.length - a.members.length || Math.min(...a.keywords) - Math.min(...b.keywords));
  themes = themes.slice(0, maxThemes);

  // 4. Output: readable keywords, labels, members on all items, quotes.
  const surfaceOf = (f: number) => {
    let best = "";
    let bc = -1;
    for (const [s, c] of surfaces[featTerm[f]!]!) if (c > bc || (c === bc && s < best)) [best, bc] = [s, c];
    return best;
  };
  const out: DiscoveredTheme[] = [];
  const defs = themes.map((th, i) => {
    const ranked = keywordsOf(th.members).filter(
      ({ f, precision }) => th.keywords.has(f) && precision >= FINAL_PRECISION,
    );
    const keywords = dedupe(ranked.map(({ f }) => surfaceOf(f)));
    return { key: String(i), ranked, keywords };
  });
  const matcher = new KeywordMatcher(
    defs.map((d) => ({ key: d.key, label: d.key, keywords: d.keywords, origin: "discovered" })),
  );
  const members = new Map<string, string[]>(defs.map((d) => [d.key, []]));
  // Membership on every item, with the same matcher `assignThemes` uses.
  for (const d of docs) {
    const seen = new Set<string>();
    for (const s of analyze(d.text)) for (const k of matcher.sentenceThemes(s)) seen.add(k);
    for (const k of seen) members.get(k)!.push(d.id);
  }
  progress(90);
  defs.forEach((d, i) => {
    // Quotes from (at most 2,000 of) the theme's members in the sample.
    const memberDocs = themes[i]!.members.slice(0, 2000).map((m) => all[m]!);
    out.push({
      label: labelOf(d.ranked, keys, featTerm, surfaceOf),
      keywords: d.keywords,
      docIds: members.get(d.key)!,
      ...representativeQuotes(memberDocs, matcher, d.key),
    });
  });
  progress(100);
  return out;
}

function sampleDocs(docs: ThemeDoc[], size: number, seed: number): ThemeDoc[] {
  if (docs.length <= size) return docs;
  const rand = rng(seed ^ 0x5eed);
  const idx = Array.from(docs.keys());
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rand() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((i) => docs[i]!);
}

function overlap(a: number[], b: number[]): number {
  let i = 0;
  let j = 0;
  let c = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      c++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return c;
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * The 1–3 most distinctive keywords, in their usual written form: a two-word phrase replaces
 * its single word when it carries most of that word's uses ("dark mode" rather than "dark"),
 * and words already in the label are not repeated.
 */
function labelOf(
  ranked: { f: number; score: number }[],
  keys: string[],
  featTerm: number[],
  surfaceOf: (f: number) => string,
): string {
  if (!ranked.length) return "";
  const stems = (f: number) => keys[featTerm[f]!]!.split(" ");
  const picked: number[] = [];
  const used = new Set<string>();
  const top = ranked[0]!.score;
  for (const r of ranked) {
    if (picked.length >= 3 || r.score < top * 0.35) break;
    let f = r.f;
    // Only a phrase written as two adjacent words reads as a name ("dark mode", not "afford the premium").
    const phraseLike = (g: number) => stems(g).length === 2 && surfaceOf(g).split(" ").length === 2;
    if (stems(f).length === 2 && !phraseLike(f)) continue;
    if (stems(f).length === 1) {
      const phrase = ranked.find(
        (o) => phraseLike(o.f) && stems(o.f).includes(stems(f)[0]!) && o.score >= r.score * 0.5,
      );
      if (phrase) f = phrase.f;
    }
    if (stems(f).some((s) => used.has(s))) continue;
    stems(f).forEach((s) => used.add(s));
    picked.push(f);
    if (picked.length >= 2 && r.score < top * 0.6) break;
  }
  const label = picked.map(surfaceOf).join(", ");
  return label.charAt(0).toUpperCase() + label.slice(1);
}
