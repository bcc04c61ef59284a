import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { searchParamsToObject, toSearchParams, feedbackQuerySchema, effectiveSort } from "./query.ts";
import { headlineSegments, MATCH_END, MATCH_START, withPrefixMatching } from "./text-search.ts";

describe("withPrefixMatching", () => {
  it("adds a prefix match to single words of three or more characters", () => {
    expect(withPrefixMatching("'crash' & 'login'")).toBe("'crash':* & 'login':*");
    expect(withPrefixMatching("'ui' & 'app'")).toBe("'ui' & 'app':*");
    expect(withPrefixMatching("'crash' | 'freeze'")).toBe("'crash':* | 'freeze':*");
    expect(withPrefixMatching("!'billing' & 'slow'")).toBe("!'billing':* & 'slow':*");
  });

  it("leaves the words of a phrase exact", () => {
    expect(withPrefixMatching("'log' <-> 'in' & !'billing'")).toBe("'log' <-> 'in' & !'billing':*");
    expect(withPrefixMatching("!( 'sign' <-> 'out' )")).toBe("!( 'sign' <-> 'out' )");
    expect(withPrefixMatching("'one' <2> 'three' & 'four'")).toBe("'one' <2> 'three' & 'four':*");
  });

  it("keeps quotes inside words and counts characters, not bytes", () => {
    expect(withPrefixMatching("'it''s' & 'café'")).toBe("'it''s':* & 'café':*");
    expect(withPrefixMatching("'né'")).toBe("'né'");
    expect(withPrefixMatching("'crash':*")).toBe("'crash':*");
  });
});

describe("headlineSegments", () => {
  it("splits marked text into plain and matched segments, keeping any HTML as text", () => {
    expect(headlineSegments(`<b>x</b> ${MATCH_START}crash${MATCH_END} & more`)).toEqual([
      { text: "<b>x</b> " },
      { text: "crash", match: true },
      { text: " & more" },
    ]);
    expect(headlineSegments("no match")).toEqual([{ text: "no match" }]);
    expect(headlineSegments("")).toEqual([]);
  });
});

describe("query parameters", () => {
  it("reads repeated and single URL parameters and writes them back", () => {
    const raw = searchParamsToObject(
      new URLSearchParams("q=crash&channel=email&channel=chat&attr=os%3Dios&ratingScale=STARS_5&ratingMax=2&limit=50"),
    );
    const q = feedbackQuerySchema.parse(raw);
    expect(q).toMatchObject({
      q: "crash",
      channel: ["email", "chat"],
      attr: [{ key: "os", value: "ios" }],
      ratingScale: "STARS_5",
      ratingMax: 2,
      limit: 50,
    });
    expect(toSearchParams(q).toString()).toBe(
      "q=crash&channel=email&channel=chat&ratingScale=STARS_5&ratingMax=2&attr=os%3Dios",
    );
    expect(feedbackQuerySchema.parse(searchParamsToObject({ channel: "email", q: "" }))).toMatchObject({
      channel: ["email"],
      q: undefined,
    });
  });

  it("sorts by best match only when there are words to match", () => {
    expect(effectiveSort({ q: "x" })).toBe("relevance");
    expect(effectiveSort({ q: undefined, sort: "relevance" })).toBe("newest");
    expect(effectiveSort({ q: "x", sort: "oldest" })).toBe("oldest");
  });
});

describe("cursors", () => {
  it("round-trip, and are refused for another sort or with a key of the wrong kind", () => {
    const c = {
      s: "newest" as const,
      d: "a" as const,
      part: "value" as const,
      k: "2026-03-01T00:00:00.000Z",
      id: "x1",
    };
    expect(decodeCursor(encodeCursor(c), "newest")).toEqual(c);
    expect(() => decodeCursor(encodeCursor(c), "oldest")).toThrow(/another sort order/);
    expect(() => decodeCursor(encodeCursor({ ...c, k: 3 }), "newest")).toThrow(/not valid/);
    expect(() => decodeCursor(encodeCursor({ ...c, s: "rating_high", k: "x" }), "rating_high")).toThrow(/not valid/);
    expect(() => decodeCursor(encodeCursor({ ...c, part: "null" }), "newest")).toThrow(/not valid/);
    expect(() => decodeCursor("%%%", "newest")).toThrow(/not valid/);
  });
});
