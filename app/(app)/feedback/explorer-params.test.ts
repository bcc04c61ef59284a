import { describe, expect, it } from "vitest";
import { explorerQueryString, needsCanonicalUrl, ratingLabel, ratingValue } from "./explorer-params";

describe("explorer form → URL", () => {
  it("leaves out blank fields, expands the rating menu and adds a column filter", () => {
    expect(
      explorerQueryString([
        ["q", " crash "],
        ["from", ""],
        ["channel", "email"],
        ["channel", "chat"],
        ["rating", "STARS_5:1:2"],
        ["attr", "os=ios"],
        ["attrKey", "plan_name"],
        ["attrValue", "Pro"],
        ["sort", "newest"],
      ]),
    ).toBe(
      "q=crash&channel=email&channel=chat&ratingScale=STARS_5&ratingMin=1&ratingMax=2&attr=os%3Dios&attr=plan_name%3DPro&sort=newest",
    );
    expect(explorerQueryString([["rating", "ANY:0.7:1"]])).toBe("ratingMin=0.7&ratingMax=1");
    expect(
      explorerQueryString([
        ["rating", ""],
        ["ratingScale", "NPS_10"],
      ]),
    ).toBe("");
    expect(
      explorerQueryString([
        ["attrKey", "os"],
        ["attrValue", ""],
      ]),
    ).toBe("");
  });

  it("knows a plain form submit's URL from a tidy one", () => {
    expect(needsCanonicalUrl({ q: "x", from: "" })).toBe(true);
    expect(needsCanonicalUrl({ q: "x", rating: "STARS_5:1:2" })).toBe(true);
    expect(needsCanonicalUrl({ q: "x", channel: ["a", "b"] })).toBe(false);
  });

  it("names rating filters in words", () => {
    expect(ratingValue({ ratingScale: "NPS_10", ratingMin: 0, ratingMax: 6 })).toBe("NPS_10:0:6");
    expect(ratingLabel({ ratingScale: "NPS_10", ratingMin: 0, ratingMax: 6 })).toBe("Detractors (0–6)");
    expect(ratingLabel({ ratingMin: 0.7, ratingMax: 1 })).toBe("High (top 30 %) rating");
    expect(ratingLabel({ ratingScale: "STARS_5", ratingMin: 2 })).toBe("Rating 2–5 (stars)");
    expect(ratingValue({})).toBe("");
  });
});
