import { describe, expect, test } from "vitest";
import * as values from "./values.ts";
import { neutraliseFormula, stripControlChars } from "./values.ts";

test("values.ts gathers the cell parsers", () => {
  expect(Object.keys(values)).toEqual(
    expect.arrayContaining([
      "inspectDateColumn",
      "parseDateValue",
      "fromSpreadsheetSerial",
      "detectRatingScale",
      "parseRating",
      "parseNumber",
      "detectDecimalSeparator",
      "redactText",
      "neutraliseFormula",
      "stripControlChars",
    ]),
  );
});

test("every parser tells an empty cell from a value and from an error the same way", () => {
  const empty = [values.parseDateValue(""), values.parseNumber(""), values.parseRating("", "STARS_5")];
  for (const r of empty) expect(r).toMatchObject({ ok: true, empty: true });
  const bad = [values.parseDateValue("soon"), values.parseNumber("soon"), values.parseRating("soon", "STARS_5")];
  for (const r of bad) expect(r).toMatchObject({ ok: false, empty: false, reason: expect.stringMatching(/^'soon' /) });
  const good = [values.parseDateValue("2026-03-04"), values.parseNumber("4"), values.parseRating("4", "STARS_5")];
  for (const r of good) expect(r).toMatchObject({ ok: true, empty: false });
});

describe("stripControlChars", () => {
  test("removes C0 controls, NUL included, and keeps tab and newline", () => {
    expect(stripControlChars("a\u0000b\u0001c\u0007d\u0008e\u000bf\u000cg\u001bh\u001fi")).toBe("abcdefghi");
    expect(stripControlChars("col1\tcol2\nnext")).toBe("col1\tcol2\nnext");
  });

  test("turns CRLF and lone CR into LF", () => {
    expect(stripControlChars("one\r\ntwo\rthree\n\rfour")).toBe("one\ntwo\nthree\n\nfour");
    expect(stripControlChars("\r\n\r\n")).toBe("\n\n");
  });

  test("keeps emoji, accents, every script and other control-like characters", () => {
    const text = "Crash 😡👍🏽 café naïve 日本語 русский العربية \u00a0\u200b\u2028 \u007f \u0085";
    expect(stripControlChars(text)).toBe(text);
    expect(stripControlChars("😡\u0000😡")).toBe("😡😡");
  });

  test("text without control characters comes back unchanged", () => {
    expect(stripControlChars("")).toBe("");
    expect(stripControlChars("plain text")).toBe("plain text");
  });
});

describe("neutraliseFormula", () => {
  test.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(1+1)", "'@SUM(1+1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["-", "'-"],
    ["+", "'+"],
    ["- great app", "'- great app"],
    ["-1+2", "'-1+2"],
  ])("%j is prefixed", (value, safe) => {
    expect(neutraliseFormula(value)).toBe(safe);
  });

  test.each(["-12.5", "+3", "-1e5", "-.5", "-0", "Great app", "1+1", " =1+1", "", "'=already text"])(
    "%j is left alone",
    (value) => {
      expect(neutraliseFormula(value)).toBe(value);
    },
  );
});
