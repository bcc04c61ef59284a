import { describe, expect, test } from "vitest";
import { detectDecimalSeparator, parseNumber, type NumberOptions } from "./numbers.ts";

/** [value, percent, currency] read, or the reason it was not. */
const read = (raw: unknown, options?: NumberOptions) => {
  const r = parseNumber(raw, options);
  if (!r.ok) return r.reason;
  return r.empty ? "empty" : [r.value, r.percent, r.currency];
};

describe("parseNumber", () => {
  test.each([
    ["1234", 1234],
    ["1234.56", 1234.56],
    ["0.5", 0.5],
    [".5", 0.5],
    ["5.", 5],
    ["007", 7],
    ["1,234.56", 1234.56],
    ["1,234,567.89", 1234567.89],
    ["1.234,56", 1234.56],
    ["1.234.567,89", 1234567.89],
    ["1 234,5", 1234.5],
    ["1\u00a0234,5", 1234.5],
    ["1\u202f234,5", 1234.5],
    ["1\u2009234.5", 1234.5],
    ["1 234 567", 1234567],
    ["1'234.50", 1234.5],
    ["1’234’567.5", 1234567.5],
    ["12,34,567.5", 1234567.5],
    ["1,23,45,678", 12345678],
    ["1,234,567", 1234567],
    ["1.234.567", 1234567],
  ])("separators: %s", (raw, value) => {
    expect(read(raw)).toEqual([value, false, null]);
  });

  test("a lone comma is a decimal comma unless it can only group thousands; a lone dot is a decimal point", () => {
    expect(read("12,5")).toEqual([12.5, false, null]);
    expect(read("1,25")).toEqual([1.25, false, null]);
    expect(read("1234,567")).toEqual([1234.567, false, null]);
    expect(read("0,125")).toEqual([0.125, false, null]);
    expect(read(",5")).toEqual([0.5, false, null]);
    // Documented choice: 1,234 is one thousand two hundred thirty-four…
    expect(read("1,234")).toEqual([1234, false, null]);
    expect(read("123,456")).toEqual([123456, false, null]);
    // …and 1.234 is one point two three four.
    expect(read("1.234")).toEqual([1.234, false, null]);
  });

  test("the column's decimal separator, when known, decides", () => {
    expect(read("1,234", { decimal: "," })).toEqual([1.234, false, null]);
    expect(read("1.234", { decimal: "," })).toEqual([1234, false, null]);
    expect(read("1.234,5", { decimal: "," })).toEqual([1234.5, false, null]);
    expect(read("1,234", { decimal: "." })).toEqual([1234, false, null]);
    expect(read("1.234", { decimal: "." })).toEqual([1.234, false, null]);
    expect(read("1.5", { decimal: "," })).toBe("'1.5' has misplaced thousands separators");
    expect(read("1,5,6", { decimal: "," })).toBe("'1,5,6' has misplaced thousands separators");
    expect(read("1 234,5", { decimal: "." })).toBe("'1 234,5' has misplaced thousands separators");
  });

  test.each([
    ["$1,234.56", 1234.56, "$"],
    ["$ 1,234.56", 1234.56, "$"],
    ["1,234.56 $", 1234.56, "$"],
    ["€1.234,56", 1234.56, "EUR"],
    ["1.234,56 €", 1234.56, "EUR"],
    ["1\u00a0234,56\u00a0€", 1234.56, "EUR"],
    ["£12", 12, "GBP"],
    ["¥1,000", 1000, "¥"],
    ["￥1,000", 1000, "¥"],
    ["₹12,34,567", 1234567, "INR"],
    ["US$12.50", 12.5, "USD"],
    ["US$ 12", 12, "USD"],
    ["R$ 1.234,56", 1234.56, "BRL"],
    ["12 USD", 12, "USD"],
    ["12USD", 12, "USD"],
    ["USD 12", 12, "USD"],
    ["EUR 1.234,56", 1234.56, "EUR"],
    ["12 eur", 12, "EUR"],
    ["12 CHF", 12, "CHF"],
    ["1 234,50 kr", 1234.5, "kr"],
    ["kr. 1.234,50", 1234.5, "kr"],
    ["12 zł", 12, "PLN"],
    ["$5 USD", 5, "USD"],
    ["USD $5", 5, "USD"],
  ])("currency: %s", (raw, value, currency) => {
    expect(read(raw)).toEqual([value, false, currency]);
  });

  test("percent keeps the number as written", () => {
    expect(read("12.5%")).toEqual([12.5, true, null]);
    expect(read("12,5 %")).toEqual([12.5, true, null]);
    expect(read("-3%")).toEqual([-3, true, null]);
    expect(read("(3.5%)")).toEqual([-3.5, true, null]);
    expect(read("0%")).toEqual([0, true, null]);
  });

  test.each([
    ["-5", -5],
    ["- 5", -5],
    ["+5", 5],
    ["\u22125", -5],
    ["\u20135", -5],
    ["(1,234)", -1234],
    ["($1,234.56)", -1234.56],
    ["-$1,234.56", -1234.56],
    ["$-1,234.56", -1234.56],
    ["1.234,56-", -1234.56],
    ["(0)", 0],
    ["-0", 0],
  ])("negatives: %s", (raw, value) => {
    const r = parseNumber(raw);
    expect(r.ok && !r.empty && r.value).toBe(value);
    expect(Object.is(r.ok && r.value, -0)).toBe(false);
  });

  test.each([
    ["1.5e6", 1.5e6],
    ["1.5E-3", 0.0015],
    ["-2e+3", -2000],
    ["1,5e3", 1500],
    ["12k", 12_000],
    ["12 K", 12_000],
    ["1.2M", 1_200_000],
    ["1.2MM", 1_200_000],
    ["3 mn", 3_000_000],
    ["3bn", 3_000_000_000],
    ["2,5 Mrd", 2_500_000_000],
    ["2T", 2e12],
    ["$1.2M", 1_200_000],
    ["USD $1.2M", 1_200_000],
  ])("scientific notation and magnitudes: %s", (raw, value) => {
    const r = parseNumber(raw);
    expect(r.ok && !r.empty && r.value).toBe(value);
  });

  test("numbers from XLSX or JSON are taken as they are", () => {
    expect(read(1234.5)).toEqual([1234.5, false, null]);
    expect(read(-0)).toEqual([0, false, null]);
    expect(read(Number.NaN)).toBe("NaN is not a finite number");
    expect(read(Number.POSITIVE_INFINITY)).toBe("Infinity is not a finite number");
  });

  test("fullwidth digits are read", () => {
    expect(read("１２３")).toEqual([123, false, null]);
  });

  test("an empty cell is empty, not an error", () => {
    for (const raw of ["", "  ", null, undefined]) {
      expect(parseNumber(raw)).toEqual({ ok: true, empty: true, value: null, percent: false, currency: null });
    }
  });

  test.each([
    ["n/a", "'n/a' is not a number"],
    ["N/A", "'N/A' is not a number"],
    ["-", "'-' is not a number"],
    ["$", "'$' is not a number"],
    ["%", "'%' is not a number"],
    ["Infinity", "'Infinity' is not a number"],
    ["--5", "'--5' is not a number"],
    ["12abc", "'12abc' is not a number: unexpected 'abc'"],
    ["12 apples", "'12 apples' is not a number: unexpected 'apples'"],
    ["5 cup", "'5 cup' is not a number: unexpected 'cup'"],
    ["0x1F", "'0x1F' is not a number: unexpected 'x1F'"],
    ["1e", "'1e' is not a number: unexpected 'e'"],
    ["1e5k", "'1e5k' is not a number: unexpected 'e5'"],
    ["12/5", "'12/5' is not a number: unexpected '/5'"],
    ["1,23,4", "'1,23,4' has misplaced thousands separators"],
    ["1.2.3", "'1.2.3' has misplaced thousands separators"],
    ["1,2345,678", "'1,2345,678' has misplaced thousands separators"],
    ["1.234.5,6,7", "'1.234.5,6,7' has misplaced thousands separators"],
    ["12 5", "'12 5' has misplaced thousands separators"],
    ["1 234'567", "'1 234'567' has misplaced thousands separators"],
    ["1,234 567", "'1,234 567' has misplaced thousands separators"],
    ["1,,234", "'1,,234' has misplaced thousands separators"],
    ["$5%", "'$5%' has both a currency and a percent sign"],
    ["€5 USD", "'€5 USD' names two currencies"],
    ["$$$5", "'$$$5' is not a number"],
    ["5 USD USD USD", "'5 USD USD USD' is not a number: unexpected 'USD'"],
    ["(-5)", "'(-5)' has both parentheses and a minus sign"],
    ["(5-)", "'(5-)' has both parentheses and a minus sign"],
    ["1e999", "'1e999' is too large"],
    ["1".repeat(60) + "x", `'${"1".repeat(39)}…' is not a number: unexpected 'x'`],
  ])("%s: %s", (raw, reason) => {
    expect(read(raw)).toBe(reason);
  });

  test("other cells are not numbers", () => {
    expect(read(true)).toBe("true is not a number");
    expect(read(new Date())).toBe("A date is not a number");
    expect(read({})).toBe("A object value is not a number");
  });
});

describe("detectDecimalSeparator", () => {
  test("values with both separators, repeated groups or lone decimals show it", () => {
    expect(detectDecimalSeparator(["1.234,5", "12,5", "1,234", "", "7"])).toEqual({
      decimal: ",",
      reason: "2 values use ',' for decimals (e.g. 1.234,5)",
    });
    expect(detectDecimalSeparator(["1,234.5", "3.25", "1,234,567"])).toEqual({
      decimal: ".",
      reason: "3 values use '.' for decimals (e.g. 1,234.5)",
    });
    expect(detectDecimalSeparator(["1.234.567"])).toMatchObject({ decimal: "," });
    expect(detectDecimalSeparator(["1 234,567"])).toMatchObject({ decimal: "," });
    expect(detectDecimalSeparator(["€ 0,125"])).toMatchObject({ decimal: "," });
    expect(detectDecimalSeparator(["1234,567"])).toMatchObject({ decimal: "," });
  });

  test("1,234 and 1.234 show nothing", () => {
    expect(detectDecimalSeparator(["1,234", "1.234", "12", 3.5])).toEqual({
      decimal: null,
      reason: "no value shows its decimal separator (1,234 is read as 1234, 1.5 as 1.5)",
    });
  });

  test("a mix is reported, and the majority wins", () => {
    expect(detectDecimalSeparator(["12,5", "13,5", "1.5"])).toEqual({
      decimal: ",",
      reason: "mixed: 2 values use ',' for decimals (e.g. 12,5), 1 value uses '.' for decimals (e.g. 1.5)",
    });
    expect(detectDecimalSeparator(["12,5", "1.5"])).toMatchObject({ decimal: null });
  });

  test("what it finds reads the ambiguous values", () => {
    const samples = ["1.234", "12,5"];
    const { decimal } = detectDecimalSeparator(samples);
    expect(samples.map((s) => parseNumber(s, { decimal }))).toMatchObject([{ value: 1234 }, { value: 12.5 }]);
  });
});
