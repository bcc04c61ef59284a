import { describe, expect, it } from "vitest";
import { findEvaluations, humanizeKey, readAdaptation, readEvaluation, trainingFacts } from "./model-card-view.ts";

const evaluation = {
  n: 100,
  pearson: 0.71,
  accuracy: 0.8,
  macroF1: 0.7,
  weightedF1: 0.78,
  perClass: {
    positive: { precision: 0.9, recall: 0.85, f1: 0.87, support: 50 },
    negative: { precision: 0.8, recall: 0.75, f1: 0.77, support: 40 },
    neutral: { precision: 0.3, recall: 0.4, f1: 0.34, support: 10 },
  },
  confusion: [
    [30, 6, 4],
    [3, 4, 3],
    [2, 5, 43],
  ],
};

describe("readEvaluation", () => {
  it("reads every figure, classes in negative / neutral / positive order", () => {
    const e = readEvaluation(evaluation)!;
    expect(e).toMatchObject({ n: 100, accuracy: 0.8, macroF1: 0.7, weightedF1: 0.78, pearson: 0.71 });
    expect(e.perClass.map((c) => c.name)).toEqual(["negative", "neutral", "positive"]);
    expect(e.confusion).toEqual(evaluation.confusion);
  });

  it("keeps what is there and leaves out what is missing or malformed", () => {
    const e = readEvaluation({
      accuracy: 0.5,
      macroF1: "high",
      perClass: { negative: { f1: 0.4 } },
      confusion: [[1, 2]],
    })!;
    expect(e).toEqual({
      n: undefined,
      accuracy: 0.5,
      macroF1: undefined,
      weightedF1: undefined,
      pearson: undefined,
      perClass: [{ name: "negative", precision: undefined, recall: undefined, f1: 0.4, support: undefined }],
      confusion: undefined,
    });
    expect(readEvaluation({ n: 3 })).toBeNull();
    expect(readEvaluation(null)).toBeNull();
    expect(readEvaluation([evaluation])).toBeNull();
  });
});

describe("findEvaluations and trainingFacts", () => {
  const metrics = {
    trainedOn: "amazon+tweets",
    trainedAt: "2026-11-23T16:00:00.000Z",
    examples: 7908,
    backend: "wasm",
    data: [
      { file: "tweets_GroundTruth.txt", rows: 4200 },
      { file: "amazonReviewSnippets_GroundTruth.txt", rows: 3708 },
    ],
    outOfFold: { folds: 5, ...evaluation },
    unseenDomain: [
      { domain: "amazon", trainedOn: "tweets", ...evaluation, accuracy: 0.6 },
      { domain: "tweets", trainedOn: "amazon", ...evaluation, accuracy: 0.7 },
    ],
  };

  it("finds each evaluation wherever it sits, named by its place and its own name", () => {
    const found = findEvaluations(metrics);
    expect(found.map((f) => [f.title, f.evaluation.accuracy])).toEqual([
      ["Out-of-fold", 0.8],
      ["Unseen domain · amazon", 0.6],
      ["Unseen domain · tweets", 0.7],
    ]);
    expect(found[0]!.details).toEqual([{ label: "Folds", value: 5, kind: "number" }]);
    expect(found[1]!.details).toEqual([{ label: "Trained on", value: "tweets", kind: "text" }]);
  });

  it("lists the other facts with readable names, evaluations and skipped keys left out", () => {
    expect(trainingFacts(metrics, ["backend"])).toEqual([
      { label: "Trained on", value: "amazon+tweets", kind: "text" },
      { label: "Trained at", value: "2026-11-23T16:00:00.000Z", kind: "date" },
      { label: "Examples", value: 7908, kind: "number" },
      { label: "Data · tweets_GroundTruth.txt · Rows", value: 4200, kind: "number" },
      { label: "Data · amazonReviewSnippets_GroundTruth.txt · Rows", value: 3708, kind: "number" },
    ]);
    expect(trainingFacts({})).toEqual([]);
    expect(findEvaluations(null)).toEqual([]);
  });

  it("humanizes keys", () => {
    expect(humanizeKey("holdoutItems")).toBe("Holdout items");
    expect(humanizeKey("train_rows")).toBe("Train rows");
    expect(humanizeKey("macroF1")).toBe("Macro-F1");
    expect(humanizeKey("lexiconSize")).toBe("Lexicon size");
  });
});

describe("readAdaptation", () => {
  it("reads an adaptation record; other JSON is not one", () => {
    const a = readAdaptation({
      kind: "adapted",
      ratedItems: 250,
      trainItems: 200,
      holdoutItems: 50,
      candidate: evaluation,
      incumbent: { ...evaluation, weightedF1: 0.7, name: "base model v1" },
      accepted: true,
      reason: "Better",
      trainedAt: "2026-11-23T16:00:00.000Z",
      seconds: 12.5,
    })!;
    expect(a).toMatchObject({ ratedItems: 250, holdoutItems: 50, accepted: true, reason: "Better", seconds: 12.5 });
    expect(a.candidate?.weightedF1).toBe(0.78);
    expect(a.incumbent?.weightedF1).toBe(0.7);
    expect(a.incumbentName).toBe("base model v1");
    expect(readAdaptation({ trainedOn: "x" })).toBeNull();
    expect(readAdaptation(null)).toBeNull();
  });
});
