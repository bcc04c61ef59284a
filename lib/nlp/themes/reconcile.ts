/**
 * Re-run reconciliation: match a new run's discovered themes to the stored themes, so that what
 * users did to themes survives re-runs on new data.
 *
 * Matching. A discovered theme D and a stored theme X are the same theme when
 * - (with `docs`) their members mostly coincide: Jaccard(members of D, items matched by X's own
 *   keywords) ≥ 0.3; or
 * - (without) their keywords do: Jaccard(D's keywords, X's keywords) ≥ 0.2 (compared by stems),
 *   or at least half of X's keywords are D's and one of them is among D's three top keywords
 *   (a user theme "dark mode" is the discovered theme led by "dark mode", not every theme that
 *   mentions it).
 * Pairs are taken best first. A live discovered stored theme takes at most one new theme; a
 * deleted, merged or user theme absorbs every new theme that matches it.
 *
 * Outcomes.
 * - A new theme matching a live discovered theme updates it: its keywords become the new ones
 *   (unless the user edited them: `keywordsEdited`), the stored label stays (renames persist).
 * - A new theme matching a deleted theme is suppressed: deleted themes do not come back.
 * - A new theme matching a theme merged into T is suppressed and feeds T: its keywords are added
 *   to T's when T is a discovered theme whose keywords the user has not edited. (The merged
 *   theme's stored keywords keep feeding T in `assignThemes` in any case.)
 * - A new theme matching a user theme is suppressed: user themes are never replaced or changed.
 * - A new theme matching nothing is created.
 * - Every stored theme not updated is kept as it is (including discovered themes not found
 *   again: their keywords still match what they matched).
 */
import type { DiscoveredTheme, ThemeDefinition, ThemeDoc } from "./index.ts";
import { assignWithMatcher, KeywordMatcher, resolveThemeKeys } from "./assign.ts";
import { keywordKey } from "./text.ts";

export interface ThemeUpdate {
  key: string;
  /** The stored label: never changed by a re-run. */
  label: string;
  keywords: string[];
  /** The new themes behind this update (its own match first, then those of themes merged into it). */
  discovered: DiscoveredTheme[];
}

export interface SuppressedTheme {
  discovered: DiscoveredTheme;
  /** The stored theme it matched. */
  key: string;
  reason: "deleted" | "merged" | "user" | "edited";
  /** For "merged": the theme it now counts for. */
  target?: string;
}

export interface ReconcileResult {
  /** Stored themes left exactly as stored. */
  keep: string[];
  /** Stored discovered themes found again, with their new keywords. */
  update: ThemeUpdate[];
  /** New themes to store (origin "discovered"). */
  create: DiscoveredTheme[];
  /** New themes not created because they match a deleted, merged, user or user-edited theme. */
  suppressed: SuppressedTheme[];
}

export function reconcileThemes(
  stored: ThemeDefinition[],
  discovered: DiscoveredTheme[],
  opts: { docs?: ThemeDoc[] } = {},
): ReconcileResult {
  const sim = opts.docs ? memberSimilarity(stored, discovered, opts.docs) : keywordSimilarity(stored, discovered);
  const pairs: { d: number; x: number; s: number }[] = [];
  sim.forEach((row, d) => row.forEach((s, x) => s > 0 && pairs.push({ d, x, s })));
  pairs.sort((a, b) => b.s - a.s || a.d - b.d || a.x - b.x);

  const liveDiscovered = (x: ThemeDefinition) => x.origin === "discovered" && !x.deleted && !x.mergedInto;
  const matchOf = new Map<number, number>();
  const taken = new Set<number>();
  for (const { d, x } of pairs) {
    if (matchOf.has(d)) continue;
    const X = stored[x]!;
    if (liveDiscovered(X)) {
      if (taken.has(x)) continue;
      taken.add(x);
    }
    matchOf.set(d, x);
  }

  const resolved = resolveThemeKeys(stored);
  const byKey = new Map(stored.map((t) => [t.key, t]));
  const updates = new Map<string, ThemeUpdate>();
  const updateFor = (X: ThemeDefinition) => {
    let u = updates.get(X.key);
    if (!u) {
      u = { key: X.key, label: X.label, keywords: [], discovered: [] };
      updates.set(X.key, u);
    }
    return u;
  };
  const result: ReconcileResult = { keep: [], update: [], create: [], suppressed: [] };
  // Own matches first, so that a theme's own keywords lead its list.
  const order = [...matchOf.entries()].sort(
    (a, b) => Number(!liveDiscovered(stored[a[1]]!)) - Number(!liveDiscovered(stored[b[1]]!)) || a[0] - b[0],
  );
  for (const [d, x] of order) {
    const D = discovered[d]!;
    const X = stored[x]!;
    if (X.deleted) {
      result.suppressed.push({ discovered: D, key: X.key, reason: "deleted" });
    } else if (X.mergedInto) {
      const target = resolved.get(X.key) ?? undefined;
      result.suppressed.push({ discovered: D, key: X.key, reason: "merged", target });
      const T = target ? byKey.get(target) : undefined;
      if (T && T.origin === "discovered" && !T.keywordsEdited) {
        const u = updateFor(T);
        if (!u.keywords.length) u.keywords = [...T.keywords];
        u.keywords = union(u.keywords, D.keywords);
        u.discovered.push(D);
      }
    } else if (X.origin === "user") {
      result.suppressed.push({ discovered: D, key: X.key, reason: "user" });
    } else if (X.keywordsEdited) {
      result.suppressed.push({ discovered: D, key: X.key, reason: "edited" });
    } else {
      const u = updateFor(X);
      u.keywords = union(D.keywords, u.keywords);
      u.discovered.unshift(D);
    }
  }
  for (const [d, D] of discovered.entries()) if (!matchOf.has(d)) result.create.push(D);
  result.update = stored.filter((x) => updates.has(x.key)).map((x) => updates.get(x.key)!);
  result.keep = stored.filter((x) => !updates.has(x.key)).map((x) => x.key);
  return result;
}

/** Keywords of `a` then those of `b` not already there (compared by stems). */
function union(a: string[], b: string[]): string[] {
  const seen = new Set(a.map(keywordKey));
  const out = [...a];
  for (const k of b) {
    const key = keywordKey(k);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(k);
    }
  }
  return out;
}

function keywordSimilarity(stored: ThemeDefinition[], discovered: DiscoveredTheme[]): number[][] {
  const storedKeys = stored.map((x) => new Set(x.keywords.map(keywordKey).filter(Boolean)));
  return discovered.map((D) => {
    const dk = D.keywords.map(keywordKey).filter(Boolean);
    const dset = new Set(dk);
    const top = new Set(dk.slice(0, 3));
    return storedKeys.map((xk) => {
      let common = 0;
      let topCommon = false;
      for (const k of xk) {
        if (dset.has(k)) common++;
        if (top.has(k)) topCommon = true;
      }
      if (!common) return 0;
      const jaccard = common / (dset.size + xk.size - common);
      if (jaccard >= 0.2) return jaccard;
      // A small theme (a user's few keywords) that is what the new theme is mostly about.
      if (topCommon && common / xk.size >= 0.5) return 0.2 + 0.01 * (common / xk.size);
      return 0;
    });
  });
}

function memberSimilarity(stored: ThemeDefinition[], discovered: DiscoveredTheme[], docs: ThemeDoc[]): number[][] {
  // Each stored theme on its own keywords, live or not (a deleted theme still says what it was).
  const own = stored.map((x, i) => ({ key: String(i), label: x.label, keywords: x.keywords, origin: x.origin }));
  const members = stored.map(() => new Set<string>());
  for (const a of assignWithMatcher(docs, new KeywordMatcher(own))) members[Number(a.themeKey)]!.add(a.docId);
  return discovered.map((D) =>
    members.map((m) => {
      if (!m.size || !D.docIds.length) return 0;
      let common = 0;
      for (const id of D.docIds) if (m.has(id)) common++;
      const jaccard = common / (m.size + D.docIds.length - common);
      return jaccard >= 0.3 ? jaccard : 0;
    }),
  );
}
