import { describe, expect, expectTypeOf, test } from "vitest";
import type { RatingScale as SchemaRatingScale } from "../db/generated/client.ts";
import { detectRatingScale, parseRating, RATING_SCALES, type RatingScale } from "./ratings.ts";

/** [rating, norm], or the reason it was not read. */
const read = (raw: unknown, scale: RatingScale) => {
  const r = parseRating(raw, scale);
  if (!r.ok) return r.reason;
  return r.empty ? "empty" : [r.rating, r.norm];
};

test("the scales are the schema's", () => {
  expectTypeOf<RatingScale>().toEqualTypeOf<SchemaRatingScale>();
  expect(RATING_SCALES).toEqual(["STARS_5", "NPS_10", "THUMBS"]);
});

describe("parseRating: 5 stars", () => {
  test.each([
    ["1", 1, 0],
    ["3", 3, 0.5],
    ["5", 5, 1],
    [4, 4, 0.75],
    [4.5, 4.5, 0.875],
    ["4.5", 4.5, 0.875],
    ["4,5", 4.5, 0.875],
    [" 4 ", 4, 0.75],
    ["4/5", 4, 0.75],
    ["4 / 5", 4, 0.75],
    ["4.5/5", 4.5, 0.875],
    ["4 stars", 4, 0.75],
    ["1 star", 1, 0],
    ["4 Stars", 4, 0.75],
    ["4★", 4, 0.75],
    ["4 ⭐", 4, 0.75],
    ["4.0 out of 5 stars", 4, 0.75],
    ["4 of 5", 4, 0.75],
    ["★★★★☆", 4, 0.75],
    ["★★★★★", 5, 1],
    ["★☆☆☆☆", 1, 0],
    ["★★★", 3, 0.5],
    ["⭐⭐⭐⭐", 4, 0.75],
    ["⭐️⭐️", 2, 0.25],
    ["★ ★ ★", 3, 0.5],
  ])("%s", (raw, rating, norm) => {
    expect(read(raw, "STARS_5")).toEqual([rating, norm]);
  });

  test.each([
    ["7", "7 is outside the 1–5 star scale"],
    ["0", "0 is outside the 1–5 star scale"],
    [0.5, "0.5 is outside the 1–5 star scale"],
    ["-2", "-2 is outside the 1–5 star scale"],
    ["6 stars", "6 is outside the 1–5 star scale"],
    ["8/10", "'8/10' is a rating out of 10, not out of 5 stars"],
    ["☆☆☆☆☆", "'☆☆☆☆☆' has no filled stars: the star scale starts at 1"],
    ["★★★★★★", "'★★★★★★' has more than 5 stars"],
    ["yes", "'yes' is a thumbs up/down value, not a star rating"],
    [true, "true is a thumbs up/down value, not a star rating"],
    ["great", "'great' is not a star rating"],
    ["4 apples", "'4 apples' is not a star rating"],
    [Number.NaN, "NaN is not a star rating"],
  ])("%s: %s", (raw, reason) => {
    expect(read(raw, "STARS_5")).toBe(reason);
  });
});

describe("parseRating: NPS 0–10", () => {
  test.each([
    ["0", 0, 0],
    ["7", 7, 0.7],
    ["10", 10, 1],
    [9, 9, 0.9],
    ["8/10", 8, 0.8],
    ["8 out of 10", 8, 0.8],
    ["8.0", 8, 0.8],
  ])("%s", (raw, rating, norm) => {
    expect(read(raw, "NPS_10")).toEqual([rating, norm]);
  });

  test.each([
    ["11", "11 is outside the 0–10 scale"],
    ["-1", "'-1' is a thumbs up/down value, not a 0–10 score"],
    ["-3", "-3 is outside the 0–10 scale"],
    ["8.5", "8.5 is not a whole number: scores are 0 to 10"],
    ["4/5", "'4/5' is a rating out of 5, not a 0–10 score"],
    ["4 stars", "'4 stars' is a star rating, not a 0–10 score"],
    ["★★★★", "'★★★★' is a star rating, not a 0–10 score"],
    ["👍", "'👍' is a thumbs up/down value, not a 0–10 score"],
    ["promoter", "'promoter' is not a 0–10 score"],
  ])("%s: %s", (raw, reason) => {
    expect(read(raw, "NPS_10")).toBe(reason);
  });
});

describe("parseRating: thumbs", () => {
  test.each([
    "up",
    "Up",
    "thumbs up",
    "Thumbs_Up",
    "thumbs-up",
    "thumbsup",
    ":thumbsup:",
    ":+1:",
    "👍",
    "👍🏽",
    "👍️",
    "yes",
    "Y",
    "true",
    "TRUE",
    "+1",
    "1",
    "positive",
    "helpful",
    "like",
    1,
    true,
  ])("up: %s", (raw) => {
    expect(read(raw, "THUMBS")).toEqual([1, 1]);
  });

  test.each([
    "down",
    "thumbs down",
    ":-1:",
    "👎",
    "👎🏿",
    "no",
    "N",
    "false",
    "-1",
    "\u22121",
    "0",
    "negative",
    "not helpful",
    "Not Helpful",
    "not_helpful",
    "unhelpful",
    "dislike",
    0,
    -1,
    false,
  ])("down: %s", (raw) => {
    expect(read(raw, "THUMBS")).toEqual([0, 0]);
  });

  test.each([
    ["2", "2 is not a thumbs up/down value (expected 1 or 0)"],
    [0.5, "0.5 is not a thumbs up/down value (expected 1 or 0)"],
    ["4/5", "'4/5' is not a thumbs up/down value (use up/down, yes/no, 1/0 or 👍/👎)"],
    ["maybe", "'maybe' is not a thumbs up/down value (use up/down, yes/no, 1/0 or 👍/👎)"],
    ["★", "'★' is not a thumbs up/down value (use up/down, yes/no, 1/0 or 👍/👎)"],
  ])("%s: %s", (raw, reason) => {
    expect(read(raw, "THUMBS")).toBe(reason);
  });
});

test("an empty cell is empty on every scale", () => {
  for (const scale of RATING_SCALES) {
    for (const raw of ["", "  ", null, undefined]) {
      expect(parseRating(raw, scale)).toEqual({ ok: true, empty: true, rating: null, norm: null });
    }
  }
});

describe("detectRatingScale", () => {
  test.each([
    [["0", "7", "10", ""], "NPS_10", "values from 0 to 10: NPS"],
    [["3", "9", "6"], "NPS_10", "values from 3 to 9: NPS"],
    [["0", "3", "5"], "NPS_10", "values from 0 to 5: NPS"],
    [["8/10", "6/10"], "NPS_10", "values from 6 to 8: NPS"],
    [["1", "5", "3"], "STARS_5", "values from 1 to 5: 5-star ratings"],
    [[4.5, "3", "2,5"], "STARS_5", "values from 2.5 to 4.5: 5-star ratings"],
    [["4/5", "2/5"], "STARS_5", "values from 2 to 4: 5-star ratings"],
    [["★★★★☆", "★★☆☆☆"], "STARS_5", "values from 2 to 4: 5-star ratings"],
    [["4", "4"], "STARS_5", "only 4: 5-star ratings"],
    [["yes", "no", "Yes"], "THUMBS", "words such as 'yes': thumbs up/down"],
    [["👍", "👎"], "THUMBS", "words such as '👍': thumbs up/down"],
    [["helpful", "1", "0"], "THUMBS", "words such as 'helpful': thumbs up/down"],
    [["+1", "-1"], "THUMBS", "words such as '+1': thumbs up/down"],
    [[true, false], "THUMBS", "words such as true: thumbs up/down"],
    [["0", "1", "1"], "THUMBS", "only 0 and 1: thumbs up/down"],
    [["0", "0"], "THUMBS", "only 0: thumbs up/down"],
    [[1, -1, 0], "THUMBS", "only -1, 0 and 1: thumbs up/down"],
  ] as const)("%j: %s", (samples, scale, reason) => {
    expect(detectRatingScale(samples)).toEqual({ scale, reason });
  });

  test("values that fit no scale, or several, give no scale and say why", () => {
    expect(detectRatingScale(["87", "3"])).toEqual({
      scale: null,
      reason: "values up to 87 fit no scale (1–5 stars, 0–10 NPS or thumbs)",
    });
    expect(detectRatingScale(["7.5", "3"])).toEqual({
      scale: null,
      reason: "7.5 is not a whole number, as 0–10 scores are",
    });
    expect(detectRatingScale(["-3", "2"])).toEqual({ scale: null, reason: "negative values (-3) fit no rating scale" });
    expect(detectRatingScale(["0.5", "3"])).toEqual({
      scale: null,
      reason: "0.5 is below the 1–5 star scale",
    });
    expect(detectRatingScale(["4/5", "8/10"])).toEqual({
      scale: null,
      reason: "the column mixes star ratings ('4/5') and scores out of 10 ('8/10')",
    });
    expect(detectRatingScale(["yes", "4"])).toEqual({
      scale: null,
      reason: "the column mixes thumbs up/down ('yes') and ratings (only 4)",
    });
    expect(detectRatingScale(["4/5", "7"])).toEqual({
      scale: null,
      reason: "'4/5' is out of 5 but other values go up to 7",
    });
    expect(detectRatingScale(["★★★", "0"])).toEqual({ scale: null, reason: "0 is below the 1–5 star scale" });
    expect(detectRatingScale(["3/7"])).toEqual({ scale: null, reason: "'3/7' is neither out of 5 nor out of 10" });
    expect(detectRatingScale(["great", "bad"])).toEqual({ scale: null, reason: "'great' is not a rating" });
    expect(detectRatingScale(["", null])).toEqual({ scale: null, reason: "no ratings in the sample" });
    expect(detectRatingScale([])).toEqual({ scale: null, reason: "no ratings in the sample" });
  });

  test("values that are not ratings are noted, and the rest decide", () => {
    expect(detectRatingScale(["1", "5", "n/a", "great"])).toEqual({
      scale: "STARS_5",
      reason: "values from 1 to 5: 5-star ratings (2 values are not ratings, e.g. 'n/a')",
    });
    expect(detectRatingScale(["9", "10", "?"])).toEqual({
      scale: "NPS_10",
      reason: "values from 9 to 10: NPS (1 value is not a rating, e.g. '?')",
    });
  });
});
