import { describe, expect, it } from "vitest";
import {
  cagr,
  downsample,
  fromDay,
  inferFrequency,
  percentChange,
  seriesChanges,
  seriesStats,
  toDay,
  type SeriesPoint,
} from "./stats.ts";
import { unitFormat } from "./units.ts";

/** Monthly points on the 1st, starting at `start` ("YYYY-MM"). */
function monthly(start: string, values: number[]): SeriesPoint[] {
  const [y, m] = start.split("-").map(Number) as [number, number];
  return values.map((value, i) => {
    const d = new Date(Date.UTC(y, m - 1 + i, 1));
    return { date: d.toISOString().slice(0, 10), value };
  });
}

function daily(start: string, values: number[]): SeriesPoint[] {
  const d0 = toDay(start);
  return values.map((value, i) => ({ date: fromDay(d0 + i), value }));
}

describe("percentChange", () => {
  it("is the relative change as a ratio", () => {
    expect(percentChange(100, 110)).toBeCloseTo(0.1);
    expect(percentChange(200, 150)).toBeCloseTo(-0.25);
    expect(percentChange(5, 5)).toBe(0);
  });

  it("takes a negative base in absolute value so the sign says the direction", () => {
    expect(percentChange(-10, -5)).toBeCloseTo(0.5);
    expect(percentChange(-10, -20)).toBeCloseTo(-1);
    expect(percentChange(-10, 10)).toBeCloseTo(2);
  });

  it("has no relative change from zero, except zero to zero", () => {
    expect(percentChange(0, 10)).toBeNull();
    expect(percentChange(0, -1)).toBeNull();
    expect(percentChange(0, 0)).toBe(0);
    expect(percentChange(10, 0)).toBe(-1);
  });

  it("answers null for missing or non-finite values", () => {
    expect(percentChange(null, 1)).toBeNull();
    expect(percentChange(1, undefined)).toBeNull();
    expect(percentChange(Number.NaN, 1)).toBeNull();
    expect(percentChange(1, Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe("cagr", () => {
  it("compounds over the span", () => {
    expect(cagr(100, 121, 2)).toBeCloseTo(0.1, 10);
    expect(cagr(100, 100, 5)).toBe(0);
    expect(cagr(100, 50, 1)).toBeCloseTo(-0.5);
    expect(cagr(100, 0, 3)).toBe(-1);
  });

  it("is undefined for a zero or negative start, a negative end or no span", () => {
    expect(cagr(0, 10, 2)).toBeNull();
    expect(cagr(-5, 10, 2)).toBeNull();
    expect(cagr(10, -5, 2)).toBeNull();
    expect(cagr(10, 20, 0)).toBeNull();
    expect(cagr(Number.NaN, 20, 1)).toBeNull();
  });
});

describe("inferFrequency", () => {
  it("reads the median gap between dates", () => {
    expect(inferFrequency(daily("2025-01-01", [1, 2, 3, 4]))).toBe("DAILY");
    expect(inferFrequency(monthly("2024-01", [1, 2, 3, 4]))).toBe("MONTHLY");
    const weekly = [0, 7, 14, 21].map((d) => ({ date: fromDay(toDay("2025-01-06") + d), value: 1 }));
    expect(inferFrequency(weekly)).toBe("WEEKLY");
    expect(inferFrequency(monthly("2020-01", [1, 2, 3]).filter((_, i) => i !== 1))).toBe("QUARTERLY");
    expect(
      inferFrequency([
        { date: "2020-01-01", value: 1 },
        { date: "2021-01-01", value: 1 },
      ]),
    ).toBe("YEARLY");
  });

  it("cannot tell from fewer than two points", () => {
    expect(inferFrequency([])).toBeNull();
    expect(inferFrequency([{ date: "2025-01-01", value: 1 }])).toBeNull();
  });
});

describe("seriesChanges", () => {
  it("compares the last month with the previous month and with the same month a year earlier", () => {
    const pts = monthly("2024-01", [100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 120, 132]);
    const c = seriesChanges(pts, "MONTHLY");
    expect(c.previousDate).toBe("2025-01-01");
    expect(c.previous).toBeCloseTo(0.1);
    expect(c.yearAgoDate).toBe("2024-02-01");
    expect(c.yearAgo).toBeCloseTo(132 / 101 - 1);
  });

  it("has no year-over-year change when the history is shorter than a year", () => {
    const c = seriesChanges(monthly("2025-01", [1, 2, 3, 4, 5]), "MONTHLY");
    expect(c.previous).toBeCloseTo(0.25);
    expect(c.yearAgo).toBeNull();
    expect(c.yearAgoDate).toBeNull();
  });

  it("has no previous-period change across a gap in the data", () => {
    const pts = monthly("2024-01", [10, 11, 12, 13, 14]).filter((p) => p.date !== "2024-04-01");
    const c = seriesChanges(pts, "MONTHLY");
    expect(c.previous).toBeNull();
    expect(c.previousDate).toBeNull();
  });

  it("bridges a weekend for daily data and finds the year-ago week for weekly data", () => {
    const friday = { date: "2025-03-07", value: 50 };
    const monday = { date: "2025-03-10", value: 55 };
    expect(seriesChanges([friday, monday], "DAILY").previous).toBeCloseTo(0.1);

    // 53 Mondays: the last is 364 days after the first, the nearest to "one year before".
    const weeks = Array.from({ length: 53 }, (_, i) => ({
      date: fromDay(toDay("2024-03-04") + 7 * i),
      value: 100 + i,
    }));
    const c = seriesChanges(weeks, "WEEKLY");
    expect(c.yearAgoDate).toBe("2024-03-04");
    expect(c.yearAgo).toBeCloseTo(152 / 100 - 1);
    expect(c.previous).toBeCloseTo(152 / 151 - 1);
  });

  it("infers the frequency when none is stored, and has nothing to say about one point", () => {
    expect(seriesChanges(monthly("2025-01", [10, 20]), null).previous).toBeCloseTo(1);
    expect(seriesChanges([{ date: "2025-01-01", value: 3 }], "MONTHLY")).toEqual({
      previous: null,
      previousDate: null,
      yearAgo: null,
      yearAgoDate: null,
    });
  });

  it("handles a zero base: no relative change rather than infinity", () => {
    const c = seriesChanges(monthly("2024-12", [0, 5]), "MONTHLY");
    expect(c.previous).toBeNull();
    expect(c.previousDate).toBe("2024-12-01");
  });

  it("maps 29 February to 28 February a year earlier", () => {
    const pts = [
      { date: "2023-02-28", value: 10 },
      { date: "2024-02-28", value: 11 },
      { date: "2024-02-29", value: 12 },
    ];
    expect(seriesChanges(pts, "DAILY").yearAgoDate).toBe("2023-02-28");
  });
});

describe("seriesStats", () => {
  it("summarises the history: range, mean, total change and CAGR", () => {
    // 25 months: 2 years from first to last.
    const values = Array.from({ length: 25 }, (_, i) => 100 * Math.pow(1.21, i / 24));
    values[5] = 40;
    values[9] = 300;
    const s = seriesStats(monthly("2023-01", values), "MONTHLY");
    expect(s.count).toBe(25);
    expect(s.firstDate).toBe("2023-01-01");
    expect(s.lastDate).toBe("2025-01-01");
    expect(s.lastValue).toBeCloseTo(121);
    expect(s.min).toEqual({ date: "2023-06-01", value: 40 });
    expect(s.max).toEqual({ date: "2023-10-01", value: 300 });
    expect(s.mean).toBeCloseTo(values.reduce((a, b) => a + b) / 25);
    expect(s.totalChange).toBeCloseTo(0.21);
    expect(s.years).toBeCloseTo(731 / 365.2425);
    expect(s.cagr).toBeCloseTo(Math.pow(1.21, 1 / s.years) - 1, 10);
    expect(s.frequency).toBe("MONTHLY");
    expect(s.frequencyInferred).toBe(false);
  });

  it("gives no CAGR for less than a year of history or a non-positive start", () => {
    expect(seriesStats(monthly("2025-01", [1, 2, 3]), "MONTHLY").cagr).toBeNull();
    const fromZero = seriesStats(monthly("2023-01", [0, ...Array(24).fill(5)]), null);
    expect(fromZero.cagr).toBeNull();
    expect(fromZero.totalChange).toBeNull();
    expect(fromZero.frequency).toBe("MONTHLY");
    expect(fromZero.frequencyInferred).toBe(true);
    const negative = seriesStats(monthly("2023-01", [-3, ...Array(24).fill(-1)]), "MONTHLY");
    expect(negative.cagr).toBeNull();
    expect(negative.totalChange).toBeCloseTo(2 / 3);
  });

  it("is empty for an empty series", () => {
    const s = seriesStats([], "WEEKLY");
    expect(s).toMatchObject({ count: 0, firstDate: null, lastValue: null, min: null, mean: null, cagr: null });
    expect(s.previous).toBeNull();
  });
});

describe("downsample", () => {
  const noisy = daily(
    "2015-01-01",
    Array.from({ length: 3650 }, (_, i) => 1000 + 300 * Math.sin(i / 40) + ((i * 7919) % 97)),
  );
  noisy[1234]!.value = 5000; // a spike
  noisy[2345]!.value = -200; // a dip

  it("returns short series unchanged (as a copy)", () => {
    const pts = daily("2025-01-01", [1, 2, 3]);
    const out = downsample(pts, 200);
    expect(out).toEqual(pts);
    expect(out).not.toBe(pts);
  });

  it("keeps at most max points, in date order, with the first and last", () => {
    for (const max of [4, 5, 50, 200, 1000]) {
      const out = downsample(noisy, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.length).toBeGreaterThan(max / 2);
      expect(out[0]).toBe(noisy[0]);
      expect(out[out.length - 1]).toBe(noisy[noisy.length - 1]);
      for (let i = 1; i < out.length; i++) expect(out[i]!.date > out[i - 1]!.date).toBe(true);
    }
  });

  it("keeps the extremes", () => {
    const out = downsample(noisy, 200);
    expect(out).toContain(noisy[1234]);
    expect(out).toContain(noisy[2345]);
    expect(Math.max(...out.map((p) => p.value))).toBe(5000);
    expect(Math.min(...out.map((p) => p.value))).toBe(-200);
  });

  it("keeps extremes at the ends too", () => {
    const pts = daily(
      "2025-01-01",
      Array.from({ length: 500 }, (_, i) => (i === 0 ? -1 : i === 499 ? 99 : 5)),
    );
    const out = downsample(pts, 10);
    expect(out[0]!.value).toBe(-1);
    expect(out[out.length - 1]!.value).toBe(99);
  });

  it("refuses a max too small to keep both ends and a bucket", () => {
    expect(() => downsample(noisy, 3)).toThrow(RangeError);
  });
});

describe("unitFormat", () => {
  it("reads currencies, percentages and plain units", () => {
    expect(unitFormat("USD")).toEqual({ kind: "currency", currency: "USD" });
    expect(unitFormat("eur")).toEqual({ kind: "currency", currency: "EUR" });
    expect(unitFormat("$")).toEqual({ kind: "currency", currency: "USD" });
    expect(unitFormat("€")).toEqual({ kind: "currency", currency: "EUR" });
    expect(unitFormat("%")).toEqual({ kind: "percent" });
    expect(unitFormat("percent")).toEqual({ kind: "percent" });
    expect(unitFormat("visits")).toEqual({ kind: "number", suffix: "visits" });
    expect(unitFormat("abc")).toEqual({ kind: "number", suffix: "abc" });
    expect(unitFormat(null)).toEqual({ kind: "number", suffix: null });
    expect(unitFormat("  ")).toEqual({ kind: "number", suffix: null });
  });
});
