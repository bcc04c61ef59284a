/**
 * Representative quotes of a theme: among the sentences that mention it (and no other theme),
 * those closest (cosine, TF-IDF over stems) to the centre of all its sentences, preferring
 * sentences of 20–160 characters with at least two content words; no repeats.
 */
import type { KeywordMatcher } from "./assign.ts";
import type { QuoteRef, ThemeDoc } from "./index.ts";
import { analyze, contentTokens } from "./text.ts";

export function representativeQuotes(
  docs: ThemeDoc[],
  matcher: KeywordMatcher,
  key: string,
  limit = 3,
): { quotes: string[]; quoteRefs: QuoteRef[] } {
  const cands: { doc: ThemeDoc; start: number; end: number; stems: string[]; only: boolean }[] = [];
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const s of analyze(doc.text)) {
      const found = matcher.sentenceThemes(s);
      if (!found.has(key)) continue;
      const stems = [...new Set(contentTokens(s.tokens).map((t) => t.stem))];
      for (const t of stems) df.set(t, (df.get(t) ?? 0) + 1);
      cands.push({ doc, start: s.start, end: s.end, stems, only: found.size === 1 });
    }
  }
  const n = cands.length;
  const idf = (t: string) => Math.log((n + 1) / (df.get(t) ?? 1));
  // Centre: the sum of the sentences' normalised vectors.
  const centre = new Map<string, number>();
  const norms = cands.map((c) => Math.sqrt(c.stems.reduce((s, t) => s + idf(t) ** 2, 0)) || 1);
  cands.forEach((c, i) => c.stems.forEach((t) => centre.set(t, (centre.get(t) ?? 0) + idf(t) / norms[i]!)));
  const scored = cands
    .map((c, i) => {
      let sim = 0;
      for (const t of c.stems) sim += (idf(t) / norms[i]!) * (centre.get(t) ?? 0);
      const len = c.end - c.start;
      const fit = (len < 20 ? 0.5 : len > 160 ? 0.3 : 1) * (c.only ? 1 : 0.2) * (c.stems.length < 2 ? 0.3 : 1);
      return { c, score: sim * fit };
    })
    .sort(
      (a, b) =>
        b.score - a.score || (a.c.doc.id < b.c.doc.id ? -1 : a.c.doc.id > b.c.doc.id ? 1 : 0) || a.c.start - b.c.start,
    );
  const quotes: string[] = [];
  const quoteRefs: QuoteRef[] = [];
  const seen = new Set<string>();
  for (const { c } of scored) {
    if (quotes.length >= limit) break;
    const text = c.doc.text.slice(c.start, c.end);
    const norm = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    if (seen.has(norm)) continue;
    seen.add(norm);
    quotes.push(text);
    quoteRefs.push({ docId: c.doc.id, start: c.start, end: c.end });
  }
  return { quotes, quoteRefs };
}
