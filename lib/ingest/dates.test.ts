import { describe, expect, test } from "vitest";
import { fromSpreadsheetSerial, inspectDateColumn, parseDateValue, type DateOptions } from "./dates.ts";

/** The instant read, as an ISO string, or the reason it was not. */
const read = (raw: unknown, options: DateOptions | null = null) => {
  const r = parseDateValue(raw, options);
  if (!r.ok) return r.reason;
  return r.empty ? "empty" : r.date.toISOString();
};

describe("parseDateValue: ISO 8601", () => {
  test.each([
    ["2026-03-04", "2026-03-04T00:00:00.000Z"],
    ["2026-3-4", "2026-03-04T00:00:00.000Z"],
    ["  2026-03-04  ", "2026-03-04T00:00:00.000Z"],
    ["2026-03-04T10:20:30Z", "2026-03-04T10:20:30.000Z"],
    ["2026-03-04T10:20:30", "2026-03-04T10:20:30.000Z"],
    ["2026-03-04 10:20:30", "2026-03-04T10:20:30.000Z"],
    ["2026-03-04T10:20", "2026-03-04T10:20:00.000Z"],
    ["2026-03-04t10:20:30z", "2026-03-04T10:20:30.000Z"],
    ["2026-03-04T10:20:30+01:00", "2026-03-04T09:20:30.000Z"],
    ["2026-03-04T10:20:30+0100", "2026-03-04T09:20:30.000Z"],
    ["2026-03-04T10:20:30+01", "2026-03-04T09:20:30.000Z"],
    ["2026-03-04T10:20:30-05:30", "2026-03-04T15:50:30.000Z"],
    ["2026-03-04T00:30:00+02:00", "2026-03-03T22:30:00.000Z"],
    ["2026-03-04T10:20:30.123Z", "2026-03-04T10:20:30.123Z"],
    ["2026-03-04T10:20:30.123456789Z", "2026-03-04T10:20:30.123Z"],
    ["2026-03-04T10:20:30.9999Z", "2026-03-04T10:20:30.999Z"],
    ["2026-03-04T10:20:30,5Z", "2026-03-04T10:20:30.500Z"],
    ["2026-03-04 10:20:30 +0000", "2026-03-04T10:20:30.000Z"],
    ["2026-03-04 10:20:30 UTC", "2026-03-04T10:20:30.000Z"],
    ["2026-03-04 10:20:30 GMT+01:00", "2026-03-04T09:20:30.000Z"],
    ["2026-03-04 10:20:30 \u22120100", "2026-03-04T11:20:30.000Z"],
  ])("%s", (raw, iso) => {
    expect(read(raw)).toBe(iso);
  });

  test.each([
    ["2026-03", "2026-03-01T00:00:00.000Z", "a month is its first day"],
    ["2026/03", "2026-03-01T00:00:00.000Z", "a month is its first day"],
    ["2026", "2026-01-01T00:00:00.000Z", "a year is its 1 January"],
    ["20260304", "2026-03-04T00:00:00.000Z", "the basic form"],
    ["2026-W10", "2026-03-02T00:00:00.000Z", "an ISO week is its Monday"],
    ["2026W10", "2026-03-02T00:00:00.000Z", "an ISO week is its Monday"],
    ["2026-W10-3", "2026-03-04T00:00:00.000Z", "a week day"],
    ["2026-W01", "2025-12-29T00:00:00.000Z", "week 1 may begin in December"],
    ["2026-W53", "2026-12-28T00:00:00.000Z", "2026 has 53 weeks"],
  ])("%s: %s (%s)", (raw, iso) => {
    expect(read(raw)).toBe(iso);
  });

  test("impossible dates and times say what is wrong", () => {
    expect(read("2026-02-29")).toBe("'2026-02-29' is not a real date: February 2026 has 28 days");
    expect(read("2024-02-29")).toBe("2024-02-29T00:00:00.000Z");
    expect(read("2100-02-29")).toBe("'2100-02-29' is not a real date: February 2100 has 28 days");
    expect(read("2026-04-31")).toBe("'2026-04-31' is not a real date: April 2026 has 30 days");
    expect(read("2026-13-01")).toBe("'2026-13-01' is not a real date: there is no month 13");
    expect(read("2026-00-10")).toBe("'2026-00-10' is not a real date: there is no month 0");
    expect(read("2026-03-00")).toBe("'2026-03-00' is not a real date: there is no day 0");
    expect(read("2026-03-04 25:00")).toBe("'2026-03-04 25:00' has an impossible time (25:00)");
    expect(read("2026-03-04 10:60")).toBe("'2026-03-04 10:60' has an impossible time (10:60)");
    expect(read("2026-03-04T10:20:61")).toBe("'2026-03-04T10:20:61' has an impossible time (10:20:61)");
    expect(read("2026-03-04T10:20:30+15:00")).toBe("'2026-03-04T10:20:30+15:00' has an impossible offset ('+15:00')");
    expect(read("2025-W53")).toBe("'2025-W53' is not a real date: 2025 has 52 ISO weeks");
    expect(read("2026-03-04 10:20 PST")).toBe(
      "'2026-03-04 10:20 PST' has an unknown time zone 'PST' (use an offset such as -08:00)",
    );
    expect(read("2026-03-04x")).toBe("'2026-03-04x' is not a date we recognise");
    expect(read("2026-03-04 soon")).toBe("'2026-03-04 soon' is not a date we recognise");
    expect(read("2026-03-04 10")).toBe("'2026-03-04 10' is not a date we recognise");
  });

  test("only 1970 to 2100 is accepted, offsets included", () => {
    expect(read("1970-01-01")).toBe("1970-01-01T00:00:00.000Z");
    expect(read("2100-12-31T23:59:59.999Z")).toBe("2100-12-31T23:59:59.999Z");
    expect(read("1969-12-31")).toBe("'1969-12-31' is outside the supported years 1970–2100");
    expect(read("2101-01-01")).toBe("'2101-01-01' is outside the supported years 1970–2100");
    expect(read("0099-01-01")).toBe("'0099-01-01' is outside the supported years 1970–2100");
    expect(read("1970-01-01T00:30:00+01:00")).toBe(
      "'1970-01-01T00:30:00+01:00' is outside the supported years 1970–2100",
    );
    expect(read("1899")).toBe("'1899' is outside the supported years 1970–2100");
    expect(read(2101)).toBe("2101 is outside the supported years 1970–2100");
  });
});

describe("parseDateValue: numeric day and month", () => {
  test("a value that proves its order is read without one", () => {
    expect(read("25/03/2026")).toBe("2026-03-25T00:00:00.000Z");
    expect(read("03/25/2026")).toBe("2026-03-25T00:00:00.000Z");
    expect(read("07/07/2026")).toBe("2026-07-07T00:00:00.000Z");
  });

  test("an ambiguous value needs the column's order, and says both readings", () => {
    expect(read("03/04/2026")).toBe("'03/04/2026' could be 3 April or March 4: choose the column's day/month order");
    expect(read("03/04/2026", { order: "ymd" })).toBe(
      "'03/04/2026' could be 3 April or March 4: choose the column's day/month order",
    );
    expect(read("03/04/2026", { order: "dmy" })).toBe("2026-04-03T00:00:00.000Z");
    expect(read("03/04/2026", { order: "mdy" })).toBe("2026-03-04T00:00:00.000Z");
  });

  test.each([
    ["3-4-2026", "dmy", "2026-04-03T00:00:00.000Z"],
    ["03.04.2026", "dmy", "2026-04-03T00:00:00.000Z"],
    ["3/4/2026", "mdy", "2026-03-04T00:00:00.000Z"],
    ["03/04/26", "dmy", "2026-04-03T00:00:00.000Z"],
    ["03/04/69", "dmy", "2069-04-03T00:00:00.000Z"],
    ["03/04/70", "dmy", "1970-04-03T00:00:00.000Z"],
    ["03/04/99", "mdy", "1999-03-04T00:00:00.000Z"],
    ["03/04/2026 10:20", "dmy", "2026-04-03T10:20:00.000Z"],
    ["03/04/2026 10:20:30", "mdy", "2026-03-04T10:20:30.000Z"],
    ["3/4/2026 10:20 PM", "mdy", "2026-03-04T22:20:00.000Z"],
    ["3/4/2026 10:20pm", "mdy", "2026-03-04T22:20:00.000Z"],
    ["3/4/2026, 12:05 AM", "mdy", "2026-03-04T00:05:00.000Z"],
    ["3/4/2026 12:05 p.m.", "mdy", "2026-03-04T12:05:00.000Z"],
    ["3/4/2026 3pm", "mdy", "2026-03-04T15:00:00.000Z"],
    ["03.04.2026 10:20 +02:00", "dmy", "2026-04-03T08:20:00.000Z"],
    ["2026/03/04", "dmy", "2026-03-04T00:00:00.000Z"],
    ["2026.03.04", "mdy", "2026-03-04T00:00:00.000Z"],
    ["2026/3/4 10:20", null, "2026-03-04T10:20:00.000Z"],
  ] as const)("%s (%s)", (raw, order, iso) => {
    expect(read(raw, { order })).toBe(iso);
  });

  test("a day or month that does not exist is explained with the order used", () => {
    expect(read("31/02/2026", { order: "dmy" })).toBe(
      "'31/02/2026' is not a real date: February 2026 has 28 days (read as day/month/year)",
    );
    expect(read("31/02/2026")).toBe("'31/02/2026' is not a real date: February 2026 has 28 days");
    expect(read("25/03/2026", { order: "mdy" })).toBe(
      "'25/03/2026' is not a real date: there is no month 25 (read as month/day/year)",
    );
    expect(read("25/13/2026")).toBe("'25/13/2026' is not a real date: neither 25 nor 13 can be a month");
    expect(read("13/13/2026")).toBe("'13/13/2026' is not a real date: there is no month 13");
    expect(read("00/05/2026")).toBe("'00/05/2026' is not a real date: there is no day or month 0");
    expect(read("00/05/2026", { order: "dmy" })).toBe(
      "'00/05/2026' is not a real date: there is no day 0 (read as day/month/year)",
    );
    expect(read("3/4/2026 13:00 PM", { order: "mdy" })).toBe("'3/4/2026 13:00 PM' has an impossible time (13:00 PM)");
    expect(read("03/04/202", { order: "dmy" })).toBe("'03/04/202' is not a date we recognise");
    expect(read("03/04-2026", { order: "dmy" })).toBe("'03/04-2026' is not a date we recognise");
  });
});

describe("parseDateValue: month names", () => {
  test.each([
    ["4 Mar 2026", "2026-03-04T00:00:00.000Z"],
    ["4 March 2026", "2026-03-04T00:00:00.000Z"],
    ["04-Mar-2026", "2026-03-04T00:00:00.000Z"],
    ["4-Mar-26", "2026-03-04T00:00:00.000Z"],
    ["March 4, 2026", "2026-03-04T00:00:00.000Z"],
    ["Mar. 4, 2026", "2026-03-04T00:00:00.000Z"],
    ["Mar 4 2026", "2026-03-04T00:00:00.000Z"],
    ["MARCH 4 2026", "2026-03-04T00:00:00.000Z"],
    ["2026 Mar 4", "2026-03-04T00:00:00.000Z"],
    ["Mar 4 2026 10:00", "2026-03-04T10:00:00.000Z"],
    ["4 Mar 2026 3pm", "2026-03-04T15:00:00.000Z"],
    ["4 March 2026, 10:20:30", "2026-03-04T10:20:30.000Z"],
    ["Wednesday, March 4, 2026 at 3:15 PM", "2026-03-04T15:15:00.000Z"],
    ["4th March 2026", "2026-03-04T00:00:00.000Z"],
    ["March 4th, 2026", "2026-03-04T00:00:00.000Z"],
    ["1st of March 2026", "2026-03-01T00:00:00.000Z"],
    ["Sept 22 2026", "2026-09-22T00:00:00.000Z"],
    ["Wed, 04 Mar 2026 10:20:30 +0000", "2026-03-04T10:20:30.000Z"],
    ["Wed, 04 Mar 2026 10:20:30 GMT", "2026-03-04T10:20:30.000Z"],
    ["Wed Mar 04 2026 10:20:30 GMT+0100 (Central European Standard Time)", "2026-03-04T09:20:30.000Z"],
  ])("%s", (raw, iso) => {
    expect(read(raw)).toBe(iso);
  });

  test.each([
    ["4. März 2026", "2026-03-04T00:00:00.000Z"],
    ["4. Maerz 2026", "2026-03-04T00:00:00.000Z"],
    ["Mittwoch, 4. März 2026 10:20", "2026-03-04T10:20:00.000Z"],
    ["4 mars 2026", "2026-03-04T00:00:00.000Z"],
    ["1er août 2026", "2026-08-01T00:00:00.000Z"],
    ["4 de marzo de 2026", "2026-03-04T00:00:00.000Z"],
    ["4 dic 2026", "2026-12-04T00:00:00.000Z"],
    ["4 marzo 2026", "2026-03-04T00:00:00.000Z"],
    ["4 de março de 2026", "2026-03-04T00:00:00.000Z"],
    ["4 mei 2026", "2026-05-04T00:00:00.000Z"],
    ["4 okt. 2026", "2026-10-04T00:00:00.000Z"],
  ])("other languages: %s", (raw, iso) => {
    expect(read(raw)).toBe(iso);
  });

  test.each([
    ["March 2026", "2026-03-01T00:00:00.000Z"],
    ["Mar 2026", "2026-03-01T00:00:00.000Z"],
    ["Mar-26", "2026-03-01T00:00:00.000Z"],
    ["Mar/26", "2026-03-01T00:00:00.000Z"],
    ["Mar '26", "2026-03-01T00:00:00.000Z"],
    ["Q1 2026", "2026-01-01T00:00:00.000Z"],
    ["q3-2026", "2026-07-01T00:00:00.000Z"],
    ["Q4 '25", "2025-10-01T00:00:00.000Z"],
    ["2026 Q2", "2026-04-01T00:00:00.000Z"],
    ["2026-Q3", "2026-07-01T00:00:00.000Z"],
  ])("months and quarters are their first day: %s", (raw, iso) => {
    expect(read(raw)).toBe(iso);
  });

  test("what is not a date says why", () => {
    expect(read("4 Mar")).toBe("'4 Mar' has no year");
    expect(read("March 4")).toBe("'March 4' has no year");
    expect(read("Mar 26")).toBe("'Mar 26' has no year");
    expect(read("March")).toBe("'March' has no day or year");
    expect(read("4 Mar April 2026")).toBe("'4 Mar April 2026' names two months");
    expect(read("31 Feb 2026")).toBe("'31 Feb 2026' is not a real date: February 2026 has 28 days");
    expect(read("4 Mar 1969")).toBe("'4 Mar 1969' is outside the supported years 1970–2100");
    expect(read("yesterday")).toBe("'yesterday' is not a date we recognise");
    expect(read("n/a")).toBe("'n/a' is not a date we recognise");
    expect(read("4 Marchy 2026")).toBe("'4 Marchy 2026' is not a date we recognise");
    expect(read("4 Mar 2026 10:00 CET")).toBe(
      "'4 Mar 2026 10:00 CET' has an unknown time zone 'CET' (use an offset such as -08:00)",
    );
    expect(read("x".repeat(100))).toBe(`'${"x".repeat(39)}…' is not a date we recognise`);
  });
});

describe("parseDateValue: numbers", () => {
  test("spreadsheet serial days, with the time of day as the fraction", () => {
    expect(read(45658)).toBe("2025-01-01T00:00:00.000Z");
    expect(read("45658")).toBe("2025-01-01T00:00:00.000Z");
    expect(read(46000)).toBe("2025-12-09T00:00:00.000Z");
    expect(read(46000.5)).toBe("2025-12-09T12:00:00.000Z");
    expect(read("46000.25")).toBe("2025-12-09T06:00:00.000Z");
    expect(read(45658 + (10 * 3600 + 20 * 60 + 30) / 86400)).toBe("2025-01-01T10:20:30.000Z");
    expect(read(25569)).toBe("1970-01-01T00:00:00.000Z");
    expect(read(25568)).toBe(
      "25568 read as a spreadsheet day number is 1969-12-31, outside the supported years 1970–2100",
    );
    expect(read(60)).toBe("60 is 29 February 1900 as a spreadsheet day number, a day that never existed");
    expect(read(100)).toBe("100 read as a spreadsheet day number is 1900-04-09, outside the supported years 1970–2100");
    expect(read(0.5)).toBe("0.5 is a time of day without a date");
    expect(read(0)).toBe("0 is a time of day without a date");
  });

  test("fromSpreadsheetSerial keeps the Lotus 1-2-3 leap-year bug of the 1900 date system", () => {
    expect(fromSpreadsheetSerial(1)?.toISOString()).toBe("1900-01-01T00:00:00.000Z");
    expect(fromSpreadsheetSerial(59)?.toISOString()).toBe("1900-02-28T00:00:00.000Z");
    expect(fromSpreadsheetSerial(60)).toBeNull();
    expect(fromSpreadsheetSerial(61)?.toISOString()).toBe("1900-03-01T00:00:00.000Z");
    expect(fromSpreadsheetSerial(45658)?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(fromSpreadsheetSerial(45658.9999999999)?.toISOString()).toBe("2025-01-02T00:00:00.000Z");
    expect(fromSpreadsheetSerial(0.5)).toBeNull();
    expect(fromSpreadsheetSerial(Number.NaN)).toBeNull();
  });

  test("Unix time in seconds and milliseconds", () => {
    expect(read(1772619630)).toBe("2026-03-04T10:20:30.000Z");
    expect(read("1772619630")).toBe("2026-03-04T10:20:30.000Z");
    expect(read("1772619630.25")).toBe("2026-03-04T10:20:30.250Z");
    expect(read(1772619630123)).toBe("2026-03-04T10:20:30.123Z");
    expect(read("1772619630123")).toBe("2026-03-04T10:20:30.123Z");
    expect(read(631152000)).toBe("1990-01-01T00:00:00.000Z");
    expect(read(4133980799)).toBe("2100-12-31T23:59:59.000Z");
    expect(read(4133980800)).toBe(
      "4133980800 read as Unix seconds is 2101-01-01, outside the supported years 1970–2100",
    );
    expect(read(9999999999999)).toBe(
      "9999999999999 read as Unix milliseconds is 2286-11-20, outside the supported years 1970–2100",
    );
    expect(read(1e15)).toBe("1000000000000000 is too large for a timestamp in seconds or milliseconds");
  });

  test("other numbers are not dates", () => {
    expect(read(-5)).toBe("-5 is not a date");
    expect(read(Number.NaN)).toBe("NaN is not a date");
    expect(read("12345678")).toBe("'12345678' is not a date");
    expect(read(20261304)).toBe("20261304 is not a date");
    expect(read("20260230")).toBe("'20260230' is not a real date: February 2026 has 28 days");
  });
});

describe("parseDateValue: other cells", () => {
  test("Date objects are taken as they are, within range", () => {
    expect(read(new Date("2026-03-04T10:20:30Z"))).toBe("2026-03-04T10:20:30.000Z");
    expect(read(new Date("1900-01-01T00:00:00Z"))).toBe("1900-01-01 is outside the supported years 1970–2100");
    expect(read(new Date(Number.NaN))).toBe("The cell holds an invalid date");
  });

  test("an empty cell is empty, not an error", () => {
    for (const raw of ["", "   ", "\t", null, undefined]) {
      expect(parseDateValue(raw)).toEqual({ ok: true, empty: true, date: null });
    }
  });

  test("booleans and objects are not dates", () => {
    expect(read(true)).toBe("true is not a date");
    expect(read({ richText: [] })).toBe("A object value is not a date");
  });

  test("the column's information can be passed as the options", () => {
    const info = inspectDateColumn(["25/03/2026", "03/04/2026"]);
    expect(read("03/04/2026", info)).toBe("2026-04-03T00:00:00.000Z");
  });
});

describe("inspectDateColumn", () => {
  test("ISO dates, with blanks and a bad value counted", () => {
    const info = inspectDateColumn(["2026-03-04", "2026-03-05T10:00:00Z", "", "  ", null, "2026-02-30"]);
    expect(info).toMatchObject({
      form: "iso",
      forms: { iso: 2 },
      order: null,
      ambiguous: false,
      example: null,
      inconsistent: false,
      counts: { parsed: 2, empty: 3, unparseable: 1 },
      firstProblem: { value: "2026-02-30", reason: "'2026-02-30' is not a real date: February 2026 has 28 days" },
      message:
        "ISO dates (2026-03-04): 2 of 3 sampled values read; '2026-02-30' is not a real date: February 2026 has 28 days",
    });
  });

  test("one value with a first part above 12 proves day/month", () => {
    const info = inspectDateColumn(["03/04/2026", "05/06/2026", "25/03/2026", ""]);
    expect(info).toMatchObject({
      form: "slash",
      order: "dmy",
      ambiguous: false,
      inconsistent: false,
      counts: { parsed: 3, empty: 1, unparseable: 0 },
      message: "Dates in day/month/year (25/03/2026)",
    });
    expect(parseDateValue("03/04/2026", info)).toMatchObject({ ok: true, date: new Date("2026-04-03T00:00:00Z") });
  });

  test("one value with a second part above 12 proves month/day", () => {
    const info = inspectDateColumn(["3/4/2026 10:20 PM", "3/25/2026 9:00 AM"]);
    expect(info).toMatchObject({
      form: "slash",
      order: "mdy",
      ambiguous: false,
      message: "Dates in month/day/year (03/25/2026)",
    });
  });

  test("no value proving the order: ambiguous, with an example and both readings", () => {
    const info = inspectDateColumn(["01/01/2026", "03/04/2026", "05/06/2026"]);
    expect(info).toMatchObject({
      form: "slash",
      order: null,
      ambiguous: true,
      example: "03/04/2026",
      ambiguity: "03/04/2026 could be 3 April or March 4",
      counts: { parsed: 3, empty: 0, unparseable: 0 },
      message: "Dates such as 03/04/2026 could be 3 April or March 4: choose the day/month order",
    });
    // The import reads the column once the user has chosen.
    expect(read("03/04/2026", { ...info, order: "mdy" })).toBe("2026-03-04T00:00:00.000Z");
  });

  test("days equal to months read the same either way: not ambiguous", () => {
    const info = inspectDateColumn(["01/01/2026", "02/02/2026"]);
    expect(info).toMatchObject({ order: null, ambiguous: false, counts: { parsed: 2 } });
    expect(read("02/02/2026", info)).toBe("2026-02-02T00:00:00.000Z");
  });

  test("day-first and month-first values in one column: inconsistent, the majority wins", () => {
    const info = inspectDateColumn(["25/03/2026", "26/03/2026", "03/25/2026", "03/04/2026"]);
    expect(info).toMatchObject({
      order: "dmy",
      ambiguous: false,
      inconsistent: true,
      counts: { parsed: 3, unparseable: 1 },
      firstProblem: {
        value: "03/25/2026",
        reason: "'03/25/2026' is not a real date: there is no month 25 (read as day/month/year)",
      },
      message:
        "The column mixes day-first dates (25/03/2026) and month-first dates (03/25/2026): " +
        "read as day/month unless you choose the order",
    });
    const tie = inspectDateColumn(["25/03/2026", "03/25/2026"]);
    expect(tie).toMatchObject({ order: null, ambiguous: true, inconsistent: true, example: "25/03/2026" });
    expect(tie.message).toBe(
      "The column mixes day-first dates (25/03/2026) and month-first dates (03/25/2026): choose the order",
    );
  });

  test("year-first numeric dates are year/month/day", () => {
    expect(inspectDateColumn(["2026/03/04", "2026/03/05"])).toMatchObject({
      form: "slash",
      order: "ymd",
      ambiguous: false,
      message: "Dates in year/month/day (2026/03/25)",
    });
  });

  test.each([
    [["1772619630", "1772706030", 1772792430], "epoch_s", "Unix timestamps in seconds"],
    [["1772619630123", 1772706030000], "epoch_ms", "Unix timestamps in milliseconds"],
    [[46000, 46001.5, "46002"], "serial", "Spreadsheet day numbers"],
    [["4 Mar 2026", "March 5, 2026"], "text", "Dates with month names (4 Mar 2026)"],
    [[new Date("2026-03-04T00:00:00Z"), new Date("2026-03-05T00:00:00Z")], "date_object", "Spreadsheet dates"],
  ] as const)("%j is %s", (samples, form, message) => {
    expect(inspectDateColumn(samples)).toMatchObject({ form, message, counts: { parsed: samples.length } });
  });

  test("a column that mixes forms reports each and takes the commonest", () => {
    const info = inspectDateColumn([new Date("2026-03-04T00:00:00Z"), "2026-03-05", "2026-03-06", 46000]);
    expect(info).toMatchObject({ form: "iso", forms: { iso: 2, date_object: 1, serial: 1 } });
  });

  test("nothing to read, or nothing readable", () => {
    expect(inspectDateColumn([])).toMatchObject({ form: null, message: "No dates in the sampled rows" });
    expect(inspectDateColumn(["", null])).toMatchObject({
      form: null,
      counts: { parsed: 0, empty: 2, unparseable: 0 },
      message: "No dates in the sampled rows",
    });
    expect(inspectDateColumn(["soon", "later"])).toMatchObject({
      form: null,
      counts: { parsed: 0, empty: 0, unparseable: 2 },
      message: "No sampled value reads as a date: 'soon' is not a date we recognise",
    });
  });
});
