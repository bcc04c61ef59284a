/**
 * The whole demo data set, from a seed and a "today": the same inputs give the
 * same feedback, series and market sizes on every machine (no database, no clock
 * unless `now` is left out, no Math.random).
 */
import { generateFeedback, type DemoFeedbackItem } from "./feedback.ts";
import { generateMarketSizes, generateSeries, type DemoMarketSize, type DemoSeries } from "./market.ts";
import { createRandom } from "./random.ts";
import { makeTimeline, type Timeline } from "./timeline.ts";

export const DEFAULT_SEED = 42;
export const DEFAULT_ITEMS = 4000;

export interface GenerateOptions {
  seed?: number;
  /** Number of feedback items. */
  items?: number;
  /** The day the data ends (exclusive); default today. Only the UTC date counts. */
  now?: Date;
}

export interface DemoData {
  timeline: Timeline;
  feedback: DemoFeedbackItem[];
  series: DemoSeries[];
  sizes: DemoMarketSize[];
}

export function generateDemoData(opts: GenerateOptions = {}): DemoData {
  const random = createRandom(opts.seed ?? DEFAULT_SEED);
  const timeline = makeTimeline(opts.now ?? new Date());
  return {
    timeline,
    // Separate streams: asking for more feedback items leaves the market series unchanged.
    feedback: generateFeedback(random.fork("feedback"), timeline, opts.items ?? DEFAULT_ITEMS),
    series: generateSeries(random.fork("market"), timeline),
    sizes: generateMarketSizes(timeline),
  };
}

export type { DemoFeedbackItem, DemoMarketSize, DemoSeries };
