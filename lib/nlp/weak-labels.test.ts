import { expect, test } from "vitest";
import { weakLabel } from "./weak-labels.ts";

test("stars: 1–2 negative, 3 neutral, 4–5 positive, on a −1…1 target", () => {
  expect([1, 2, 3, 4, 5].map((s) => weakLabel(s, "STARS_5"))).toEqual([
    { target: -1, label: "negative" },
    { target: -0.5, label: "negative" },
    { target: 0, label: "neutral" },
    { target: 0.5, label: "positive" },
    { target: 1, label: "positive" },
  ]);
});

test("NPS: detractors negative, passives neutral, promoters positive", () => {
  expect([0, 6, 7, 8, 9, 10].map((s) => weakLabel(s, "NPS_10")?.label)).toEqual([
    "negative",
    "negative",
    "neutral",
    "neutral",
    "positive",
    "positive",
  ]);
  expect(weakLabel(3, "NPS_10")!.target).toBeCloseTo(-0.6);
});

test("thumbs, and ratings that cannot be read", () => {
  expect(weakLabel(1, "THUMBS")).toEqual({ target: 0.8, label: "positive" });
  expect(weakLabel(0, "THUMBS")).toEqual({ target: -0.8, label: "negative" });
  expect(weakLabel(null, "STARS_5")).toBeNull();
  expect(weakLabel(4, null)).toBeNull();
  expect(weakLabel(7, "STARS_5")).toBeNull();
  expect(weakLabel(Number.NaN, "NPS_10")).toBeNull();
});
