import { describe, expect, test } from "vitest";
import { luhn, redactText, validIban } from "./redact.ts";

const redacted = (text: string) => redactText(text).text;

describe("redactText: e-mail addresses", () => {
  test.each([
    ["Mail john.doe@example.com please", "Mail [email] please"],
    ["first+tag@sub.example.co.uk", "[email]"],
    ["JOHN_DOE@EXAMPLE.COM", "[email]"],
    ["o'brien.x-y%z@mail-server.example.org", "o'[email]"],
    ["user123@mail2.example.com", "[email]"],
    ["<anna@example.io>", "<[email]>"],
    ["mailto:anna@example.io", "mailto:[email]"],
    ["Write to anna@example.io.", "Write to [email]."],
    ["(anna@example.io)", "([email])"],
    ["josé@exämple.de", "[email]"],
    ["a@example.com,b@example.com", "[email],[email]"],
    ["..anna@example.io", "..[email]"],
  ])("%s", (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  test.each([
    "@john said the app is great",
    "email me @ home",
    "user@localhost",
    "a@b.c",
    "a@example.c0m",
    "anna@-example.com",
    "anna.@example.com",
    "price@ 5 dollars",
    "Versions 1.2@3.4",
  ])("not an address: %s", (text) => {
    expect(redactText(text)).toEqual({ text, counts: { email: 0, phone: 0, card: 0, iban: 0 } });
  });
});

describe("redactText: phone numbers", () => {
  test.each([
    ["+44 20 7946 0958", "[phone]"],
    ["+1 (555) 123-4567", "[phone]"],
    ["+1(555)123-4567", "[phone]"],
    ["+44 (0)20 7946 0958", "[phone]"],
    ["+447700900123", "[phone]"],
    ["+33 1 23 45 67 89", "[phone]"],
    ["+49 30 1234567", "[phone]"],
    ["+49-30-1234567", "[phone]"],
    ["0044 20 7946 0958", "[phone]"],
    ["001 555 123 4567", "[phone]"],
    ["00 44 20 7946 0958", "[phone]"],
    ["(555) 123-4567", "[phone]"],
    ["(555)123-4567", "[phone]"],
    ["555-123-4567", "[phone]"],
    ["555.123.4567", "[phone]"],
    ["555 123 4567", "[phone]"],
    ["1-555-123-4567", "[phone]"],
    ["020 7946 0958", "[phone]"],
    ["07700 900123", "[phone]"],
    ["030 1234567", "[phone]"],
    ["01 23 45 67 89", "[phone]"],
    ["01.23.45.67.89", "[phone]"],
    ["(02) 9876 5432", "[phone]"],
    ["Call me on 020 7946 0958, thanks", "Call me on [phone], thanks"],
    ["tel:+44 20 7946 0958", "tel:[phone]"],
    ["Tel.: 020 7946 0958.", "Tel.: [phone]."],
    ["(call +1 555 123 4567)", "(call [phone])"],
    ["in 2026 020 7946 0958", "in 2026 [phone]"],
    ["ring 020 7946 0958 2 times", "ring [phone] 2 times"],
    ["+44\u00a020\u00a07946\u00a00958", "[phone]"],
  ])("%s", (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  test.each([
    "020 7946",
    "555-1234",
    "+44 20 79",
    "+1234567890123456",
    "12345678",
    "020794609581",
    "00 20 7946",
    "000 7946 0958",
    "5 + 12345678",
    "ABC-555-123-4567",
    "555-123-4567-89",
    "x555-123-4567",
  ])("not a phone number: %s", (text) => {
    expect(redacted(text)).toBe(text);
  });
});

describe("redactText: payment cards", () => {
  test.each([
    ["4111 1111 1111 1111", "[card]"],
    ["4111-1111-1111-1111", "[card]"],
    ["4111111111111111", "[card]"],
    ["5555 5555 5555 4444", "[card]"],
    ["2223 0031 2200 3222", "[card]"],
    ["3782 822463 10005", "[card]"],
    ["378282246310005", "[card]"],
    ["6011 1111 1111 1117", "[card]"],
    ["4222222222222", "[card]"],
    ["card 4111 1111 1111 1111 exp 12/27", "card [card] exp 12/27"],
    ["card 4111 1111 1111 1111 12/27", "card [card] 12/27"],
    ["paid with 4111111111111111, refund please", "paid with [card], refund please"],
    ["order #4111111111111111", "order #[card]"],
  ])("%s", (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  test.each([
    ["fails the Luhn check", "4111 1111 1111 1112"],
    ["a plain order number failing Luhn", "order 1234567890123"],
    ["too short", "4111 1111 1111"],
    ["groups of a card with another separator", "4111.1111.1111.1111"],
    ["mixed separators", "4111 1111-1111 1111"],
    ["a prefix no network uses", "7992 7398 713"],
    ["inside an identifier", "TX4111111111111111"],
    ["a list of years", "2019 2020 2021 2022"],
  ])("not a card, %s: %s", (_why, text) => {
    expect(redacted(text)).toBe(text);
  });

  test("luhn", () => {
    expect(luhn("79927398713")).toBe(true);
    expect(luhn("79927398710")).toBe(false);
    expect(luhn("")).toBe(false);
    expect(luhn("12a4")).toBe(false);
  });
});

describe("redactText: IBANs", () => {
  test.each([
    ["DE89 3704 0044 0532 0130 00", "[iban]"],
    ["DE89370400440532013000", "[iban]"],
    ["de89 3704 0044 0532 0130 00", "[iban]"],
    ["GB82 WEST 1234 5698 7654 32", "[iban]"],
    ["NL91ABNA0417164300", "[iban]"],
    ["FR14 2004 1010 0505 0001 3M02 606", "[iban]"],
    ["NO93 8601 1117 947", "[iban]"],
    ["IBAN: DE89 3704 0044 0532 0130 00.", "IBAN: [iban]."],
    ["BE68 5390 0754 7034 2026", "[iban] 2026"],
    ["to DE89 3704 0044 0532 0130 00 and GB82 WEST 1234 5698 7654 32", "to [iban] and [iban]"],
  ])("%s", (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  test.each([
    ["a wrong check digit", "DE00 3704 0044 0532 0130 00"],
    ["one digit changed", "DE89 3704 0044 0532 0130 01"],
    ["the wrong length for the country", "DE89 3704 0044 0532 0130"],
    ["inside a word", "XDE89370400440532013000"],
    ["a product key", "AB12 CDEF GHIJ KLMN"],
  ])("not an IBAN, %s: %s", (_why, text) => {
    expect(redacted(text)).toBe(text);
  });

  test("validIban", () => {
    expect(validIban("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(validIban("GB82WEST12345698765432")).toBe(true);
    expect(validIban("GB82 WEST 1234 5698 7654 33")).toBe(false);
    expect(validIban("GB82-WEST-1234-5698-7654-32")).toBe(false);
    expect(validIban("XX")).toBe(false);
  });
});

describe("redactText: what stays", () => {
  test.each([
    ["ISO dates", "Since 2026-03-04 and 2026-03-10 the export fails"],
    ["numeric dates", "On 03/04/2026, 3-4-2026, 04.03.2026 and 2026/03/04"],
    ["dates with times", "2026-03-04 10:20:30 and 04.03.2026 10:20"],
    ["a date range", "2026-03-04 - 2026-03-10"],
    ["dotted dates in a row", "04.03.2026 05.03.2026 06.03.2026"],
    ["times", "between 10:20:30 and 11:30:45, 10:20 - 11:30"],
    ["versions", "after updating to 1.2.3 and v2.10.4 (build 10.0.19045.2965)"],
    ["prices", "I paid $1,234.56, then €1.234,56, then $12345678.90 and 1 234 567,89 € (USD 1,234,567)"],
    ["big numbers", "1,234,567,890 users and 12 345 678 downloads"],
    ["years", "in 2019 2020 2021 2022 and 2023, 2024, 1999-2000"],
    ["order numbers", "order #12345678, order 12345678, ticket 1234567890123, ref 20260304"],
    ["percentages", "12.5% of users, 99.99999% uptime, 100%"],
    ["IP addresses", "from 192.168.100.200 and 10.0.0.1 and 172.16.254.1"],
    ["ISBNs", "ISBN 978-3-16-148410-0 and 0-306-40615-2"],
    ["scores", "I'd give it 9 10 10 9 8 10 10 9"],
    ["measurements", "12345678 bytes, 1024x768 pixels, 3840×2160"],
    ["currency codes", "EUR 12 345 678"],
    ["text and emoji", "Crashes on start 😡 — café, naïve, 日本語, русский"],
    ["mentions", "@support please look at #12345"],
  ])("%s", (_what, text) => {
    expect(redactText(text)).toEqual({ text, counts: { email: 0, phone: 0, card: 0, iban: 0 } });
  });

  test("text with neither an @ nor 8 digits is returned as it is", () => {
    const text = "Love the app, version 1.2.3 since 2026! Call 555-1234.";
    expect(redactText(text)).toEqual({ text, counts: { email: 0, phone: 0, card: 0, iban: 0 } });
    expect(redactText("")).toEqual({ text: "", counts: { email: 0, phone: 0, card: 0, iban: 0 } });
  });
});

test("an address after 8 digits is found too", () => {
  expect(redactText("Call 020 7946 0958 or mail anna@example.io")).toEqual({
    text: "Call [phone] or mail [email]",
    counts: { email: 1, phone: 1, card: 0, iban: 0 },
  });
  expect(redacted("order 12345678: anna@example.io")).toBe("order 12345678: [email]");
});

test("digits inside an address are not read as a phone number", () => {
  expect(redacted("0207946095812@example.com")).toBe("[email]");
});

test("a ticket with everything counts each kind", () => {
  const text =
    "Hi, I'm anna@example.io (tel +44 20 7946 0958 or 07700 900123). Card 4111 1111 1111 1111 was charged " +
    "twice on 2026-03-04 at 10:20, $1,234.56 each; refund to DE89 3704 0044 0532 0130 00 please. Order #12345678, v1.2.3.";
  expect(redactText(text)).toEqual({
    text:
      "Hi, I'm [email] (tel [phone] or [phone]). Card [card] was charged " +
      "twice on 2026-03-04 at 10:20, $1,234.56 each; refund to [iban] please. Order #12345678, v1.2.3.",
    counts: { email: 1, phone: 2, card: 1, iban: 1 },
  });
});
