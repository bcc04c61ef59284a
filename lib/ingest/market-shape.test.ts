import { describe, expect, test } from "vitest";
import {
  checkSeries,
  detectFrequency,
  detectMarketLayout,
  guessSeriesKind,
  parseSeriesKind,
  parseSizeLevel,
  periodStart,
} from "./market-shape.ts";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
/** Rows as the pipeline hands them over: one record of string cells per line, keyed by header. */
const rows = (headers: string[], ...lines: string[][]) =>
  lines.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ""])));

describe("detectMarketLayout", () => {
  test("wide: a date column and one numeric column per series; a notes column is ignored", () => {
    const headers = ["Month", "Website visits", "Signups", "Competitor A price ($)", "Google Trends: 'crm'", "Notes"];
    const sample = rows(
      headers,
      ["2025-10", "12,450", "310", "$49.00", "67", "Launch week"],
      ["2025-11", "13,020", "298", "$49.00", "71", ""],
      ["2025-12", "11,870", "275", "$59.00", "58", "Holiday dip"],
      ["2026-01", "14,900", "352", "$59.00", "80", "Price change at Acme"],
    );
    expect(detectMarketLayout(headers, sample)).toEqual({
      layout: "wide",
      date: "Month",
      series: ["Website visits", "Signups", "Competitor A price ($)", "Google Trends: 'crm'"],
      ignored: [{ column: "Notes", reason: 'mostly text, not numbers (e.g. "Launch week")' }],
    });
  });

  test("wide: numeric-ish cells tolerate currency, separators, percent, accounting negatives and blanks", () => {
    const headers = ["Date", "Revenue (EUR)", "Market share", "Net adds", "Bookings"];
    const sample = rows(
      headers,
      ["2026-01-05", "€1.234,50", "12.5 %", "(1,200)", "USD 12bn"],
      ["2026-01-12", "€ 1 234", "13%", "-40", "1.2e3"],
      ["2026-01-19", "n/a", "", "+15", "1000 USD"],
      ["2026-01-26", "—", "14.1%", "0", "12.5k"],
    );
    const layout = detectMarketLayout(headers, sample);
    expect(layout).toMatchObject({ layout: "wide", series: ["Revenue (EUR)", "Market share", "Net adds", "Bookings"] });
  });

  test("wide: a column with one stray word among numbers is still a series (mostly numeric)", () => {
    const headers = ["Week", "Sessions"];
    const sample = rows(
      headers,
      ["2026-01-05", "1200"],
      ["2026-01-12", "1300"],
      ["2026-01-19", "approx 1400"],
      ["2026-01-26", "1500"],
      ["2026-02-02", "1450"],
    );
    expect(detectMarketLayout(headers, sample)).toMatchObject({ layout: "wide", series: ["Sessions"], ignored: [] });
  });

  test("wide: blank headers, identifiers and columns empty in the sample are ignored with a reason", () => {
    const headers = ["ID", "Week starting", "Page views", "Q2 forecast", ""];
    const sample = rows(headers, ["1", "2026-01-05", "5,400", "", ""], ["2", "2026-01-12", "5,650", "", ""]);
    expect(detectMarketLayout(headers, sample)).toEqual({
      layout: "wide",
      date: "Week starting",
      series: ["Page views"],
      ignored: [
        { column: "ID", reason: "an identifier column, not a series" },
        { column: "Q2 forecast", reason: "no values in the sampled rows" },
        { column: "", reason: "the column has no header" },
      ],
    });
  });

  test("the date column is found by name with qualifiers, by a name prefix, or by its values", () => {
    const utc = ["Date (UTC)", "Visitors"];
    expect(detectMarketLayout(utc, rows(utc, ["2026-01-01", "10"]))).toMatchObject({ date: "Date (UTC)" });

    // "Time on site" starts with a date word but holds numbers; the real date column wins.
    const timeOnSite = ["Time on site (s)", "Date", "Sessions"];
    const sample = rows(timeOnSite, ["74", "2026-01-01", "900"], ["81", "2026-01-02", "950"]);
    expect(detectMarketLayout(timeOnSite, sample)).toMatchObject({
      date: "Date",
      series: ["Time on site (s)", "Sessions"],
    });

    const unnamed = ["When", "Orders"];
    const byValue = rows(unnamed, ["Jan 2026", "120"], ["Feb 2026", "131"], ["Mar 2026", "128"]);
    expect(detectMarketLayout(unnamed, byValue)).toMatchObject({ layout: "wide", date: "When", series: ["Orders"] });

    const quarters = ["Reported", "Units sold"];
    const byQuarter = rows(quarters, ["Q1 2025", "4,100"], ["2025-Q2", "4,350"], ["Q3 '25", "4,020"]);
    expect(detectMarketLayout(quarters, byQuarter)).toMatchObject({ date: "Reported" });
  });

  test("wide: Prophet-style ds / y is one series", () => {
    const headers = ["ds", "y"];
    expect(detectMarketLayout(headers, rows(headers, ["2026-01-01", "3"]))).toMatchObject({
      layout: "wide",
      date: "ds",
      series: ["y"],
    });
  });

  test("long: series, value, unit and an explicit kind column", () => {
    const headers = ["Date", "Metric", "Value", "Unit", "Type"];
    const sample = rows(
      headers,
      ["2026-01-01", "Website visits", "12,450", "visits", "Web traffic"],
      ["2026-01-01", "Trial sign-ups", "310", "accounts", "sign-ups"],
      ["2026-01-01", "Acme Pro plan", "49", "USD", "competitor_price"],
      ["2026-02-01", "Website visits", "13,020", "visits", "traffic"],
    );
    expect(detectMarketLayout(headers, sample)).toEqual({
      layout: "long",
      date: "Date",
      series: "Metric",
      value: "Value",
      unit: "Unit",
      kind: "Type",
      ignored: [],
    });
  });

  test("long: synonyms (series_name, period, amount) and extra columns listed as ignored", () => {
    const headers = ["series_name", "Period", "Amount", "Comment"];
    const sample = rows(headers, ["MRR", "2026-01", "41,200", "after churn"], ["MRR", "2026-02", "43,900", ""]);
    expect(detectMarketLayout(headers, sample)).toEqual({
      layout: "long",
      date: "Period",
      series: "series_name",
      value: "Amount",
      ignored: [{ column: "Comment", reason: "not used in the long layout" }],
    });
  });

  test("long: a category column that does not hold series kinds is not taken as the kind", () => {
    const headers = ["Month", "Name", "Count", "Category"];
    const sample = rows(
      headers,
      ["2026-01", "Demo requests", "41", "Enterprise"],
      ["2026-01", "Demo requests", "130", "SMB"],
      ["2026-02", "Demo requests", "45", "Enterprise"],
    );
    const layout = detectMarketLayout(headers, sample);
    expect(layout).toEqual({
      layout: "long",
      date: "Month",
      series: "Name",
      value: "Count",
      ignored: [{ column: "Category", reason: 'values are not series kinds (e.g. "Enterprise")' }],
    });
  });

  test("long: without a value header, the one numeric column is the value", () => {
    const headers = ["Date", "Metric", "Visits"];
    const sample = rows(headers, ["2026-01-01", "Blog", "1,200"], ["2026-01-01", "Docs", "800"]);
    expect(detectMarketLayout(headers, sample)).toMatchObject({ layout: "long", series: "Metric", value: "Visits" });
  });

  test("sizes: a level column of TAM/SAM/SOM with value, year, source, currency and segment", () => {
    const headers = ["Market", "Level", "Year", "Value (USD)", "Source", "Currency", "Analyst"];
    const sample = rows(
      headers,
      ["EU mid-market CRM", "TAM", "2026", "$4.2B", "Gartner 2025", "USD", "JL"],
      ["EU mid-market CRM", "SAM", "2026", "$900M", "Own estimate", "USD", "JL"],
      ["EU mid-market CRM", "SOM", "2026", "$45M", "Own estimate", "USD", "JL"],
    );
    expect(detectMarketLayout(headers, sample)).toEqual({
      layout: "sizes",
      level: "Level",
      value: "Value (USD)",
      year: "Year",
      source: "Source",
      currency: "Currency",
      segment: "Market",
      ignored: [{ column: "Analyst", reason: "not a market-size field" }],
    });
  });

  test("sizes: long level names in any column, value taken from the numeric column", () => {
    const headers = ["Metric", "Estimate ($bn)"];
    const sample = rows(
      headers,
      ["Total addressable market", "12.4"],
      ["Serviceable available market", "3.1"],
      ["Serviceable obtainable market", "0.2"],
    );
    expect(detectMarketLayout(headers, sample)).toEqual({
      layout: "sizes",
      level: "Metric",
      value: "Estimate ($bn)",
      ignored: [],
    });
  });

  test("sizes: a level column without any numeric value column is an error", () => {
    const headers = ["Level", "Comment"];
    const result = detectMarketLayout(headers, rows(headers, ["TAM", "big"], ["SAM", "smaller"]));
    expect(result).toEqual({
      error:
        'Found market-size levels in "Level" but no numeric value column. Market-size files need a level column ' +
        "(TAM, SAM or SOM) and a value column, optionally with year, source, currency and segment. " +
        "This file has: Level, Comment",
    });
  });

  test("sizes given as one column per level get an explanation rather than a guess", () => {
    const headers = ["Region", "TAM", "SAM", "SOM"];
    const result = detectMarketLayout(headers, rows(headers, ["EU", "4.2", "0.9", "0.05"]));
    expect(result).toEqual({ error: expect.stringContaining("one column per level") });
    expect(result).toEqual({ error: expect.stringContaining("This file has: Region, TAM, SAM, SOM") });
  });

  test("no date column: the error says what is expected and lists the headers", () => {
    const headers = ["a", "b", "c"];
    expect(detectMarketLayout(headers, rows(headers, ["x", "1", "2"]))).toEqual({
      error:
        "Market files need a date column and either series + value columns (long layout) or one column per series " +
        "(wide layout). This file has: a, b, c",
    });
  });

  test("a date column but nothing numeric is an error naming the date column", () => {
    const headers = ["Date", "Campaign", "Owner"];
    const result = detectMarketLayout(headers, rows(headers, ["2026-01-01", "Spring launch", "Ana"]));
    expect(result).toEqual({ error: expect.stringMatching(/^Found the date column "Date" but no numeric columns/) });
    expect(result).toEqual({ error: expect.stringContaining("This file has: Date, Campaign, Owner") });
  });

  test("no headers at all is an error", () => {
    expect(detectMarketLayout([], [])).toEqual({ error: expect.stringMatching(/^The file has no header row/) });
    expect(detectMarketLayout(["", " "], [])).toEqual({ error: expect.stringMatching(/^The file has no header row/) });
  });
});

describe("series kinds", () => {
  test.each([
    ["Sign-ups", undefined, "SIGNUPS"],
    ["Signups", undefined, "SIGNUPS"],
    ["New accounts", undefined, "SIGNUPS"],
    ["Trial starts", undefined, "SIGNUPS"],
    ["Website visits", undefined, "TRAFFIC"],
    ["Sessions", undefined, "TRAFFIC"],
    ["Page views", undefined, "TRAFFIC"],
    ["Organic search traffic", undefined, "TRAFFIC"],
    ["Google Trends: 'crm'", undefined, "SEARCH_INTEREST"],
    ["Google Trends: 'crm pricing'", undefined, "SEARCH_INTEREST"],
    ["Search interest (index)", undefined, "SEARCH_INTEREST"],
    ["Competitor A price ($)", undefined, "COMPETITOR_PRICE"],
    ["Rival pricing", undefined, "COMPETITOR_PRICE"],
    ["Competitor: Acme Pro", "$", "COMPETITOR_PRICE"],
    ["Acme price", undefined, "PRICE"],
    ["Price", "USD", "PRICE"],
    ["ARPU", undefined, "PRICE"],
    ["ASP", undefined, "PRICE"],
    ["Average order value", undefined, "PRICE"],
    ["Market share", undefined, "MARKET_SHARE"],
    ["Share %", undefined, "MARKET_SHARE"],
    ["Our share", "%", "MARKET_SHARE"],
    ["Competitor market share", undefined, "MARKET_SHARE"],
    ["Sales", undefined, "SALES"],
    ["Revenue (EUR)", undefined, "SALES"],
    ["Orders", undefined, "SALES"],
    ["Units sold", undefined, "SALES"],
    ["Bookings", undefined, "SALES"],
    ["Competitor revenue", "$", "SALES"],
    ["Demo requests", undefined, "DEMAND"],
    ["Waitlist size", undefined, "SIGNUPS"],
    ["Leads", undefined, "DEMAND"],
    ["Wasp sightings", undefined, "DEMAND"],
  ] as const)("guessSeriesKind(%j, %j) is %s", (name, unit, kind) => {
    expect(guessSeriesKind(name, unit)).toBe(kind);
  });

  test.each([
    ["SALES", "SALES"],
    ["sign-ups", "SIGNUPS"],
    ["Web traffic", "TRAFFIC"],
    ["competitor_price", "COMPETITOR_PRICE"],
    ["Competitor price", "COMPETITOR_PRICE"],
    ["market share", "MARKET_SHARE"],
    ["search_interest", "SEARCH_INTEREST"],
    ["Google Trends", "SEARCH_INTEREST"],
    ["demand", "DEMAND"],
    [" price ", "PRICE"],
    ["revenue", "SALES"],
    ["", null],
    ["Enterprise", null],
    ["other", null],
  ] as const)("parseSeriesKind(%j) is %s", (label, kind) => {
    expect(parseSeriesKind(label)).toBe(kind);
  });

  test.each([
    ["TAM", "TAM"],
    ["sam", "SAM"],
    ["Som", "SOM"],
    ["TAM (EU)", "TAM"],
    ["EU SAM 2026", "SAM"],
    ["TAM – total addressable market", "TAM"],
    ["Total Addressable Market", "TAM"],
    ["Total available market", "TAM"],
    ["Serviceable addressable market", "SAM"],
    ["serviceable_available_market", "SAM"],
    ["Serviceable obtainable market", "SOM"],
    ["Share of market", "SOM"],
    ["TAM/SAM", null],
    ["Sam Jones", null],
    ["Total", null],
    ["", null],
  ] as const)("parseSizeLevel(%j) is %s", (label, level) => {
    expect(parseSizeLevel(label)).toBe(level);
  });
});

describe("detectFrequency", () => {
  const weekly = (start: string, n: number, skip: number[] = []) =>
    Array.from({ length: n }, (_, i) => addDays(d(start), 7 * i)).filter((_, i) => !skip.includes(i));

  test("daily", () => {
    const dates = Array.from({ length: 30 }, (_, i) => addDays(d("2026-01-01"), i));
    expect(detectFrequency(dates)).toEqual({
      frequency: "DAILY",
      irregular: false,
      reason: "The dates are a day apart.",
    });
  });

  test("weekly with one missing week is weekly and regular (the gap is checkSeries' business)", () => {
    expect(detectFrequency(weekly("2026-01-05", 10, [4]))).toEqual({
      frequency: "WEEKLY",
      irregular: false,
      reason: "The dates are a week apart, on Mondays.",
    });
  });

  test("weekly with one date on another weekday is weekly but irregular", () => {
    const dates = weekly("2026-01-05", 10);
    dates[6] = addDays(dates[6]!, 2);
    expect(detectFrequency(dates)).toEqual({
      frequency: "WEEKLY",
      irregular: true,
      reason: "The dates are a week apart, on Mondays. 1 of 10 dates are off that pattern.",
    });
  });

  test("monthly on the first, given out of order and with repeats", () => {
    const dates = ["2025-11-01", "2025-09-01", "2025-10-01", "2025-12-01", "2026-01-01", "2025-10-01"].map(d);
    expect(detectFrequency(dates)).toEqual({
      frequency: "MONTHLY",
      irregular: false,
      reason: "The dates are a month apart, on day 1 of the month.",
    });
  });

  test("monthly as month-end dates (28 to 31 days apart)", () => {
    const dates = ["2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"].map(d);
    expect(detectFrequency(dates)).toEqual({
      frequency: "MONTHLY",
      irregular: false,
      reason: "The dates are a month apart, on month ends.",
    });
  });

  test("monthly on the 30th counts February 28th as the same day", () => {
    const dates = ["2026-01-30", "2026-02-28", "2026-03-30", "2026-04-30", "2026-05-30"].map(d);
    expect(detectFrequency(dates)).toMatchObject({
      frequency: "MONTHLY",
      irregular: false,
      reason: expect.stringContaining("day 30"),
    });
  });

  test("about a month apart on scattered days is not called monthly", () => {
    const dates = ["2026-01-03", "2026-02-05", "2026-03-02", "2026-04-07", "2026-05-04"].map(d);
    const guess = detectFrequency(dates);
    expect(guess.frequency).toBeNull();
    expect(guess.irregular).toBe(true);
    expect(guess.reason).toMatch(/about a month apart but only 1 of 5 fall on the same day of the month/);
  });

  test("monthly with one date a day late is monthly but irregular", () => {
    const dates = ["2025-09-01", "2025-10-01", "2025-11-02", "2025-12-01", "2026-01-01", "2026-02-01"].map(d);
    expect(detectFrequency(dates)).toEqual({
      frequency: "MONTHLY",
      irregular: true,
      reason: "The dates are a month apart, on day 1 of the month. 1 of 6 dates are off that pattern.",
    });
  });

  test("quarterly on quarter starts and on quarter ends", () => {
    expect(
      detectFrequency(["2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"].map(d)),
    ).toMatchObject({
      frequency: "QUARTERLY",
      irregular: false,
    });
    expect(detectFrequency(["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"].map(d))).toEqual({
      frequency: "QUARTERLY",
      irregular: false,
      reason: "The dates are a quarter apart, on month ends.",
    });
  });

  test("yearly, across a leap year", () => {
    expect(detectFrequency(["2022-01-01", "2023-01-01", "2024-01-01", "2025-01-01"].map(d))).toMatchObject({
      frequency: "YEARLY",
      irregular: false,
    });
  });

  test("about a year apart on scattered days is not called yearly", () => {
    const guess = detectFrequency(["2022-01-20", "2023-01-10", "2024-01-25", "2025-02-01", "2026-01-15"].map(d));
    expect(guess).toMatchObject({ frequency: null, irregular: true });
    expect(guess.reason).toMatch(
      /^The dates are about a year apart but only 1 of 5 fall on the same month of the year and day/,
    );
  });

  test("fewer than 3 distinct dates: no frequency", () => {
    expect(detectFrequency(["2026-01-01", "2026-02-01", "2026-01-01"].map(d))).toEqual({
      frequency: null,
      irregular: false,
      reason: "At least 3 distinct dates are needed to tell the frequency; found 2.",
    });
    expect(detectFrequency([])).toMatchObject({ frequency: null });
  });

  test("a spacing that fits nothing (every two weeks)", () => {
    const dates = Array.from({ length: 6 }, (_, i) => addDays(d("2026-01-05"), 14 * i));
    expect(detectFrequency(dates)).toEqual({
      frequency: null,
      irregular: false,
      reason: expect.stringMatching(/^The dates are a median 14 days apart, which fits no frequency/),
    });
  });
});

describe("periodStart", () => {
  test.each([
    ["2026-03-31", "MONTHLY", "2026-03-01"],
    ["2026-03-01", "MONTHLY", "2026-03-01"],
    ["2026-08-15", "QUARTERLY", "2026-07-01"],
    ["2026-12-31", "QUARTERLY", "2026-10-01"],
    ["2026-06-30", "YEARLY", "2026-01-01"],
    ["2026-01-07", "WEEKLY", "2026-01-07"],
    ["2026-01-07", "DAILY", "2026-01-07"],
  ] as const)("%s %s → %s", (date, frequency, start) => {
    expect(iso(periodStart(d(date), frequency))).toBe(start);
  });

  test("drops a time of day, in UTC", () => {
    expect(periodStart(new Date("2026-01-07T23:30:00Z"), "DAILY").toISOString()).toBe("2026-01-07T00:00:00.000Z");
  });
});

describe("checkSeries", () => {
  const points = (...dates: string[]) => dates.map((date, i) => ({ line: i + 2, date: d(date), value: 100 + i }));

  test("weekly with one missing week", () => {
    const result = checkSeries(points("2026-01-05", "2026-01-12", "2026-01-26", "2026-02-02"), "WEEKLY");
    expect(result.duplicates).toEqual([]);
    expect(result.gaps).toEqual([{ after: d("2026-01-12"), before: d("2026-01-26"), missing: 1 }]);
  });

  test("weekly: a point a couple of days late opens no gap", () => {
    expect(checkSeries(points("2026-01-05", "2026-01-14", "2026-01-19"), "WEEKLY").gaps).toEqual([]);
  });

  test("monthly as month ends: a second date in the same month is a duplicate", () => {
    const result = checkSeries(points("2026-01-31", "2026-02-28", "2026-03-01", "2026-03-31", "2026-04-30"), "MONTHLY");
    expect(result.duplicates).toEqual([{ line: 5, date: d("2026-03-31"), firstLine: 4 }]);
    expect(result.gaps).toEqual([]);
  });

  test("monthly gaps are counted in months, not days", () => {
    // Jan 31 → Apr 30 is 89 days: February and March are missing.
    expect(checkSeries(points("2025-12-31", "2026-01-31", "2026-04-30"), "MONTHLY").gaps).toEqual([
      { after: d("2026-01-31"), before: d("2026-04-30"), missing: 2 },
    ]);
  });

  test("the earlier line is kept even when lines arrive out of order", () => {
    const result = checkSeries(
      [
        { line: 9, date: d("2026-02-01"), value: 1 },
        { line: 3, date: d("2026-02-01"), value: 2 },
        { line: 4, date: d("2026-01-01"), value: 3 },
      ],
      "MONTHLY",
    );
    expect(result.duplicates).toEqual([{ line: 9, date: d("2026-02-01"), firstLine: 3 }]);
  });

  test("daily duplicates and gaps", () => {
    const result = checkSeries(points("2026-01-01", "2026-01-02", "2026-01-02", "2026-01-05"), "DAILY");
    expect(result.duplicates).toEqual([{ line: 4, date: d("2026-01-02"), firstLine: 3 }]);
    expect(result.gaps).toEqual([{ after: d("2026-01-02"), before: d("2026-01-05"), missing: 2 }]);
  });

  test("quarterly and yearly gaps", () => {
    expect(checkSeries(points("2025-03-31", "2025-06-30", "2026-03-31"), "QUARTERLY").gaps).toEqual([
      { after: d("2025-06-30"), before: d("2026-03-31"), missing: 2 },
    ]);
    expect(checkSeries(points("2020-01-01", "2021-06-30", "2024-01-01"), "YEARLY").gaps).toEqual([
      { after: d("2021-06-30"), before: d("2024-01-01"), missing: 2 },
    ]);
  });

  test("without a frequency: same-day duplicates only, no gaps", () => {
    const result = checkSeries(points("2026-01-01", "2026-03-09", "2026-01-01"), null);
    expect(result).toEqual({ duplicates: [{ line: 4, date: d("2026-01-01"), firstLine: 2 }], gaps: [] });
  });

  test("invalid dates are skipped and an empty series has nothing to report", () => {
    const result = checkSeries([{ line: 2, date: new Date(Number.NaN), value: 1 }, ...points("2026-01-01")], "DAILY");
    expect(result).toEqual({ duplicates: [], gaps: [] });
    expect(checkSeries([], "MONTHLY")).toEqual({ duplicates: [], gaps: [] });
  });
});
