/**
 * Theme discovery for customer feedback, framework-free (no database, no Next.js).
 *
 * - `discoverThemes`: group items into themes, each with a readable label, keywords, members and
 *   representative quotes (see discover.ts for the algorithm).
 * - `assignThemes`: which sentences of which items mention which themes, by keywords, for
 *   discovered and user-made themes alike (deleted themes match nothing; merged ones count for
 *   their target).
 * - `reconcileThemes`: match a re-run's themes to the stored ones so that user edits persist.
 * - `splitTheme`, `mergeThemes`: helpers for the user's split and merge actions.
 */
import { assignWithMatcher, KeywordMatcher } from "./assign.ts";

export interface ThemeDoc {
  id: string;
  text: string;
}

/** A theme as stored: discovered or user-made. */
export interface ThemeDefinition {
  /** Stable id (the database id). */
  key: string;
  label: string;
  /** Terms or phrases that define it, as people write them (user-editable). */
  keywords: string[];
  origin: "discovered" | "user";
  /** The user deleted it: re-runs must not bring it back. */
  deleted?: boolean;
  /** The user merged it into the theme with this key: its keywords feed that theme. */
  mergedInto?: string;
  /** The user edited the keywords of this discovered theme: re-runs keep them as they are. */
  keywordsEdited?: boolean;
}

export interface QuoteRef {
  docId: string;
  start: number;
  end: number;
}

export interface DiscoveredTheme {
  label: string;
  /** Most distinctive first, in their usual written form. */
  keywords: string[];
  /** Members among all the items given, by the same matching as `assignThemes`. */
  docIds: string[];
  /** Up to 3 representative sentences (short, close to the theme's centre, about this theme only). */
  quotes: string[];
  /** Where each quote is: item and offsets into its text. */
  quoteRefs: QuoteRef[];
}

export interface DiscoverOptions {
  /** At most this many themes (default 15), the largest. */
  maxThemes?: number;
  /** Themes with fewer members are dropped (default 0.5% of the items, at least 5). */
  minSize?: number;
  /** Seed of the sampling and clustering (default 1): same input and seed, same themes. */
  seed?: number;
  /** Discover on a seeded sample of this many items when there are more (default 25,000); members are always found on all. */
  sampleSize?: number;
  onProgress?(pct: number): void;
}

export interface ThemeAssignment {
  docId: string;
  themeKey: string;
  /** The sentences that mention the theme: offsets into the item's text. */
  sentences: { start: number; end: number }[];
  /** Share of the item's sentence text that mentions the theme, 0–1. */
  weight: number;
}

export { discoverThemes } from "./discover.ts";
export { reconcileThemes, type ReconcileResult, type ThemeUpdate, type SuppressedTheme } from "./reconcile.ts";
export { splitTheme, mergeThemes } from "./split.ts";
export { KeywordMatcher, resolveThemeKeys } from "./assign.ts";

/**
 * Which sentences of which items mention which themes. Deleted themes are skipped; a theme merged
 * into another reports under the target's key. One entry per (item, theme) mentioned.
 */
export function assignThemes(docs: ThemeDoc[], themes: ThemeDefinition[]): ThemeAssignment[] {
  return assignWithMatcher(docs, new KeywordMatcher(themes));
}
