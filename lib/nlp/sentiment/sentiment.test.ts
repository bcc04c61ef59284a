import { describe, expect, it } from "vitest";
import { splitSegments, tokenize } from "../text.ts";
import { analyze, DENSE_DIM } from "./analyze.ts";
import { featurize } from "./featurize.ts";
import {
  evaluateSentiment,
  fineTuneSentimentModel,
  loadBaseSentimentModel,
  scoreTexts,
  sentimentModelFromBytes,
  sentimentModelToBytes,
  trainSentimentModel,
} from "./index.ts";
import { computeMetrics } from "./metrics.ts";
import { forward } from "./model.ts";
import { predictWithTensorFlow } from "./train.ts";

const model = loadBaseSentimentModel();
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
const score = (text: string) => scoreTexts(model, [text])[0];
/** Sum of the rule layer's contrast-weighted token valences. */
const ruleSum = (text: string) => {
  const a = analyze(text, model.lexicon);
  let s = 0;
  for (let i = 0; i < a.tokens.length; i++) s += a.valence[i] * a.weight[i];
  return s;
};

describe("text", () => {
  it("tokenizes with offsets, keeping contractions, emoticons and emoji whole", () => {
    const text = "I don't like it :( but the 2nd one is GREAT!!! 😍👍 #win @bob http://x.io/a";
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.raw);
    const byKind = (k: string) => tokens.filter((t) => t.kind === k).map((t) => t.raw);
    expect(byKind("word")).toContain("don't");
    expect(byKind("emoticon")).toEqual([":("]);
    expect(byKind("emoji")).toEqual(["😍", "👍"]);
    expect(byKind("punct")).toContain("!!!");
    expect(byKind("hashtag")).toEqual(["#win"]);
    expect(byKind("mention")).toEqual(["@bob"]);
    expect(byKind("url")).toEqual(["http://x.io/a"]);
  });

  it("splits sentences and contrast clauses", () => {
    const text = "Love the app but billing is a mess. Support was quick!\nWill renew";
    const segs = splitSegments(text, tokenize(text)).map((s) => text.slice(s.start, s.end));
    expect(segs).toEqual(["Love the app", "but billing is a mess.", "Support was quick!", "Will renew"]);
  });
});

describe("rule layer", () => {
  it("negation flips", () => {
    expect(ruleSum("the update is good")).toBeGreaterThan(0);
    expect(ruleSum("the update is not good")).toBeLessThan(0);
    expect(ruleSum("it isn't bad at all")).toBeGreaterThan(0);
    // Negated verbs that VADER has no entry for, and words whose negation stays negative.
    expect(ruleSum("the sync doesn't work")).toBeLessThan(0);
    expect(ruleSum("don't waste your money")).toBeLessThan(0);
    expect(ruleSum("I couldn't be happier")).toBeGreaterThan(0);
  });

  it("intensifiers raise and downtoners lower the magnitude", () => {
    expect(ruleSum("very good")).toBeGreaterThan(ruleSum("good"));
    expect(ruleSum("extremely bad")).toBeLessThan(ruleSum("bad"));
    expect(ruleSum("slightly good")).toBeLessThan(ruleSum("good"));
    const compound = (t: string) => featurize(model.lexicon, t).dense[0];
    expect(compound("good!!!")).toBeGreaterThan(compound("good"));
    expect(ruleSum("the app is GOOD")).toBeGreaterThan(ruleSum("the app is good"));
  });

  it("'but' moves the weight to the second clause", () => {
    const a = analyze("love the app but billing is a mess", model.lexicon);
    const love = a.tokens.findIndex((t) => t.lower === "love");
    const mess = a.tokens.findIndex((t) => t.lower === "mess");
    expect(a.weight[love]).toBe(0.5);
    expect(a.weight[mess]).toBe(1.5);
    expect(ruleSum("love the app but billing is a mess")).toBeLessThan(0);
    expect(ruleSum("billing is a mess but I love the app")).toBeGreaterThan(0);
  });

  it("counts emoji and emoticons", () => {
    expect(ruleSum("ok 😍")).toBeGreaterThan(ruleSum("ok"));
    expect(ruleSum("😍😍😍")).toBeGreaterThan(ruleSum("😍"));
    expect(ruleSum("the new release 😡")).toBeLessThan(0);
    expect(ruleSum("shipping took a week :(")).toBeLessThan(0);
    expect(ruleSum("❤️")).toBeGreaterThan(0); // with the variation selector
  });
});

describe("the shipped model", () => {
  it("loads and scores", () => {
    expect(model.meta.trainedOn).toContain("tweets");
    expect(model.sparseKeys.length).toBeGreaterThan(1000);
    const [pos, neg, neu] = scoreTexts(model, [
      "Absolutely love this app, it's fast and easy to use!",
      "Terrible update. It crashes every time and support never answers.",
      "I installed it on Tuesday.",
    ]);
    expect(pos.label).toBe("positive");
    expect(neg.label).toBe("negative");
    expect(Math.abs(neu.score)).toBeLessThan(Math.abs(pos.score));
    for (const r of [pos, neg, neu]) {
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("negation, intensifiers and emoji move the model's score too", () => {
    expect(score("good").score).toBeGreaterThan(score("not good").score);
    expect(score("not good").label).toBe("negative");
    expect(score("very good").score).toBeGreaterThan(score("good").score);
    expect(score("nice 😍").score).toBeGreaterThan(score("nice").score);
  });

  it("gives sentence/clause scores and highlights with offsets; mixed items follow the stronger clause", () => {
    const text = "I love the app, but billing is a complete mess.";
    const r = score(text);
    expect(r.sentences).toHaveLength(2);
    expect(text.slice(r.sentences[0].start, r.sentences[0].end)).toBe("I love the app,");
    expect(r.sentences[0].label).toBe("positive");
    expect(r.sentences[1].label).toBe("negative");
    expect(r.label).toBe("negative");
    const words = r.highlights.map((h) => [text.slice(h.start, h.end), Math.sign(h.weight)]);
    expect(words).toContainEqual(["love", 1]);
    expect(words.some(([w, s]) => String(w).includes("mess") && s === -1)).toBe(true);

    const mixed = "Not bad at all, honestly pretty good!";
    const spans = score(mixed).highlights;
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    expect(spans.map((x) => mixed.slice(x.start, x.end))).toContain("pretty good");

    const negated = "The export is not good.";
    const h = score(negated).highlights.find((x) => negated.slice(x.start, x.end) === "not good");
    expect(h?.weight).toBeLessThan(0);
  });

  it("handles empty and odd input", () => {
    const [empty, spaces, punct] = scoreTexts(model, ["", "   ", "?!"]);
    expect(empty.label).toBe("neutral");
    expect(empty.sentences).toEqual([]);
    expect(spaces.highlights).toEqual([]);
    expect(Number.isFinite(punct.score)).toBe(true);
  });

  it("round-trips through bytes", () => {
    const bytes = sentimentModelToBytes(model);
    const back = sentimentModelFromBytes(bytes);
    expect(sameBytes(sentimentModelToBytes(back), bytes)).toBe(true);
    const texts = ["great value", "never again!!!", "meh :/", "it works, but the battery dies fast"];
    expect(scoreTexts(back, texts)).toEqual(scoreTexts(model, texts));
    expect(() => sentimentModelFromBytes(new Uint8Array([1, 2, 3]))).toThrow();
  });

  it("the plain-JS forward pass matches TensorFlow.js", async () => {
    const texts = [
      "Love it!",
      "not good at all",
      "The camera is ok but the battery is awful :(",
      "I would have liked a better manual.",
      "WORST purchase ever 😡",
      "",
    ];
    const scratch = new Float64Array(DENSE_DIM);
    const plain = texts.map((t) => {
      const f = featurize(model.lexicon, t);
      return forward(model, f.dense, f.hashes, scratch);
    });
    const tf = await predictWithTensorFlow(model, texts);
    for (let i = 0; i < texts.length; i++) expect(tf[i]).toBeCloseTo(plain[i], 5);
  });
});

describe("training", () => {
  const examples = [
    ...["great sync", "love the sync", "sync is great", "fast sync, love it", "the sync is awesome"].map((text) => ({
      text,
      target: 0.8,
    })),
    ...["sync is flaky", "flaky sync again", "the flaky sync lost my notes", "sync flaky as always"].map((text) => ({
      text,
      target: -0.7,
    })),
  ];

  it("trains deterministically", async () => {
    const rows = Array.from({ length: 4 }, () => examples).flat();
    const a = await trainSentimentModel(rows, { maxEpochs: 3, seed: 3 });
    const b = await trainSentimentModel(rows, { maxEpochs: 3, seed: 3 });
    expect(sameBytes(sentimentModelToBytes(a), sentimentModelToBytes(b))).toBe(true);
    expect(scoreTexts(a, ["sync is flaky"])[0].score).toBeLessThan(scoreTexts(a, ["great sync"])[0].score);
  });

  it("fine-tuning returns a new model and leaves the base untouched", async () => {
    const before = sentimentModelToBytes(model);
    const progress: number[] = [];
    // "flaky" is in no lexicon: the workspace teaches it.
    const rows = Array.from({ length: 8 }, () => examples).flat();
    const tuned = await fineTuneSentimentModel(model, rows, { maxEpochs: 8, onProgress: (p) => progress.push(p) });
    expect(tuned).not.toBe(model);
    expect(sameBytes(sentimentModelToBytes(model), before)).toBe(true);
    expect(tuned.meta.base).toBe(model.meta.trainedOn);
    expect(progress.at(-1)).toBe(100);
    const probe = "the flaky sync";
    expect(scoreTexts(tuned, [probe])[0].score).toBeLessThan(scoreTexts(model, [probe])[0].score);
  });
});

describe("evaluation", () => {
  it("computes the metrics of a hand-checked example", () => {
    // truth: neg, neg, neu, pos, pos, pos; predicted: neg, pos, neu, pos, pos, neu
    const m = computeMetrics(
      [-0.5, -0.3, 0, 0.2, 0.6, 0.9],
      [-0.4, 0.1, 0.0, 0.3, 0.5, 0.02],
      ["negative", "positive", "neutral", "positive", "positive", "neutral"],
    );
    expect(m.n).toBe(6);
    expect(m.confusion).toEqual([
      [1, 0, 1],
      [0, 1, 0],
      [0, 1, 2],
    ]);
    expect(m.accuracy).toBeCloseTo(4 / 6, 10);
    // negative: P 1, R 0.5, F1 2/3; neutral: P 0.5, R 1, F1 2/3; positive: P 2/3, R 2/3, F1 2/3.
    expect(m.perClass.negative).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(m.perClass.neutral.f1).toBeCloseTo(2 / 3, 10);
    expect(m.perClass.positive.f1).toBeCloseTo(2 / 3, 10);
    expect(m.macroF1).toBeCloseTo(2 / 3, 10);
    expect(m.weightedF1).toBeCloseTo(2 / 3, 10);
    expect(m.pearson).toBeCloseTo(0.5792120070846531, 10);
  });

  it("evaluates a model on rows", () => {
    const e = evaluateSentiment(model, [
      { text: "I love it", target: 0.8 },
      { text: "I hate it", target: -0.8 },
    ]);
    expect(e.accuracy).toBe(1);
    expect(e.pearson).toBeCloseTo(1, 5);
  });
});
