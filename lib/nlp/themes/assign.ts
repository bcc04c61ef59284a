/**
 * Keyword matching: which sentences of which items mention which themes.
 *
 * A theme is defined by its keywords (discovered or typed by a user). A keyword matches a
 * sentence when its content words, stemmed, occur in the sentence in the same order, with at
 * most one stop word more between two of them than the keyword has there ("reset password"
 * matches "I reset my password", "Reset passwords"; "sign in with Google" matches "signed in
 * with google"), so plural, tense and small words do not matter. A keyword made only of stop
 * words ("not working") matches those words as written.
 *
 * Deleted themes match nothing; a theme merged into another reports its matches under the
 * target's key (its keywords feed the target), following chains of merges.
 */
import type { ThemeDefinition, ThemeDoc, ThemeAssignment } from "./index.ts";
import { analyze, tokenize, type Sentence, type Span } from "./text.ts";

interface CompiledKeyword {
  /** Stems, or words as written for a stop-word-only keyword. */
  parts: string[];
  /** Most stop words allowed before each part (one more than the keyword itself has there). */
  gaps: number[];
  theme: string;
}

/** Final key of each theme after following `mergedInto`; null when deleted or merged into nothing live. */
export function resolveThemeKeys(themes: ThemeDefinition[]): Map<string, string | null> {
  const byKey = new Map(themes.map((t) => [t.key, t]));
  const out = new Map<string, string | null>();
  for (const t of themes) {
    let cur: ThemeDefinition | undefined = t;
    const seen = new Set<string>();
    while (cur && cur.mergedInto && !cur.deleted && !seen.has(cur.key)) {
      seen.add(cur.key);
      cur = byKey.get(cur.mergedInto);
    }
    out.set(t.key, !cur || cur.deleted || cur.mergedInto ? null : cur.key);
  }
  return out;
}

/** A compiled set of theme keywords, reusable across many items. */
export class KeywordMatcher {
  private byFirst = new Map<string, CompiledKeyword[]>();
  private rawByFirst = new Map<string, CompiledKeyword[]>();
  readonly themeKeys: string[];

  constructor(themes: ThemeDefinition[]) {
    const resolved = resolveThemeKeys(themes);
    const keys = new Set<string>();
    for (const t of themes) {
      const target = resolved.get(t.key);
      if (!target) continue;
      keys.add(target);
      for (const kw of t.keywords) this.add(kw, target);
    }
    this.themeKeys = [...keys];
  }

  private add(keyword: string, theme: string) {
    const tokens = tokenize(keyword);
    const content = tokens.map((t, i) => ({ t, i })).filter(({ t }) => !t.stop && t.stem.length >= 2);
    const raw = content.length === 0;
    const use = raw ? tokens.map((t, i) => ({ t, i })) : content;
    if (!use.length) return;
    const parts = use.map(({ t }) => (raw ? norm(t.word) : t.stem));
    const gaps = use.map(({ i }, j) => (j === 0 ? 0 : i - use[j - 1]!.i - 1 + 1));
    const index = raw ? this.rawByFirst : this.byFirst;
    const list = index.get(parts[0]!) ?? [];
    const id = parts.join(" ");
    if (!list.some((k) => k.theme === theme && k.parts.join(" ") === id)) list.push({ parts, gaps, theme });
    index.set(parts[0]!, list);
  }

  /** Theme keys mentioned by one analysed sentence. */
  sentenceThemes(sentence: Sentence): Set<string> {
    const found = new Set<string>();
    const toks = sentence.tokens;
    const content: { key: string; pos: number }[] = [];
    toks.forEach((t, pos) => !t.stop && t.stem.length >= 2 && content.push({ key: t.stem, pos }));
    scan(content, this.byFirst, found);
    if (this.rawByFirst.size)
      scan(
        toks.map((t, pos) => ({ key: norm(t.word), pos })),
        this.rawByFirst,
        found,
      );
    return found;
  }
}

const norm = (w: string) => w.replace(/’/g, "'");

function scan(seq: { key: string; pos: number }[], index: Map<string, CompiledKeyword[]>, found: Set<string>) {
  for (let i = 0; i < seq.length; i++) {
    const list = index.get(seq[i]!.key);
    if (!list) continue;
    for (const k of list) {
      if (found.has(k.theme)) continue;
      let ok = i + k.parts.length <= seq.length;
      for (let j = 1; ok && j < k.parts.length; j++) {
        const cur = seq[i + j]!;
        ok = cur.key === k.parts[j] && cur.pos - seq[i + j - 1]!.pos - 1 <= k.gaps[j]!;
      }
      if (ok) found.add(k.theme);
    }
  }
}

/**
 * For every item and every theme it mentions: the sentences that mention it (offsets into the
 * item's text) and a weight, the share of the item's sentence text (in characters) that is in
 * those sentences (1 = the whole item is about the theme). Ordered by item, then theme key as
 * first matched.
 */
export function assignWithMatcher(docs: ThemeDoc[], matcher: KeywordMatcher): ThemeAssignment[] {
  const out: ThemeAssignment[] = [];
  for (const doc of docs) {
    const sentences = analyze(doc.text);
    let total = 0;
    const perTheme = new Map<string, Span[]>();
    for (const s of sentences) {
      total += s.end - s.start;
      for (const theme of matcher.sentenceThemes(s)) {
        const list = perTheme.get(theme) ?? [];
        list.push({ start: s.start, end: s.end });
        perTheme.set(theme, list);
      }
    }
    for (const [themeKey, spans] of perTheme) {
      const covered = spans.reduce((n, s) => n + s.end - s.start, 0);
      out.push({
        docId: doc.id,
        themeKey,
        sentences: spans,
        weight: total ? Math.round((covered / total) * 1000) / 1000 : 0,
      });
    }
  }
  return out;
}
