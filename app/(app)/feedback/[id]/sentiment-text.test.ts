import { describe, expect, it } from "vitest";
import { markParts } from "./sentiment-text";

describe("markParts", () => {
  const text = "Love the app but billing is a mess";

  it("cuts the text at the highlights, keeping every character once", () => {
    const parts = markParts(text, [
      { start: 0, end: 4, weight: 0.8 },
      { start: 30, end: 34, weight: -0.9 },
    ]);
    expect(parts).toEqual([
      { text: "Love", weight: 0.8 },
      { text: " the app but billing is a " },
      { text: "mess", weight: -0.9 },
    ]);
    expect(parts.map((p) => p.text).join("")).toBe(text);
  });

  it("clips highlights to a sentence's range", () => {
    expect(markParts(text, [{ start: 0, end: 8, weight: 0.5 }], 5, 12)).toEqual([
      { text: "the", weight: 0.5 },
      { text: " app" },
    ]);
    expect(markParts(text, [], 17, 24)).toEqual([{ text: "billing" }]);
  });
});
