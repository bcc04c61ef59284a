import { expect, test } from "vitest";
import { decode, detectEncoding } from "./encoding.ts";

const utf16 = (s: string, be: boolean, bom: boolean) => {
  const le = Buffer.from(s, "utf16le");
  const body = be ? Buffer.from(le.map((_, i) => le[i % 2 ? i - 1 : i + 1]!)) : le;
  return bom ? Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), body]) : body;
};

test.each([
  ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("text\ncafé ✓\n")]), "utf-8"],
  ["UTF-8 without BOM", Buffer.from("text\ncafé ✓\n"), "utf-8"],
  ["UTF-16 LE with BOM", utf16("text\ncafé ✓\n", false, true), "utf-16le"],
  ["UTF-16 BE with BOM", utf16("text\ncafé ✓\n", true, true), "utf-16be"],
  ["UTF-16 LE without BOM", utf16("text\ncafé ✓\n", false, false), "utf-16le"],
  ["UTF-16 BE without BOM", utf16("text\ncafé ✓\n", true, false), "utf-16be"],
  ["Windows-1252", Buffer.from([...Buffer.from("text\ncaf"), 0xe9, 0x20, 0x80, 0x0a]), "windows-1252"],
] as const)("%s is detected and decoded", (_name, bytes, encoding) => {
  const d = detectEncoding(bytes);
  expect(d.encoding).toBe(encoding);
  expect(decode(bytes, d)).toMatch(/^text\ncafé/);
});

test("UTF-8 with a stray invalid byte stays UTF-8 and says so", () => {
  const bytes = Buffer.concat([
    Buffer.from("text\ncafé crème brûlée naïve\n"),
    Buffer.from([0xff]),
    Buffer.from("ok\n"),
  ]);
  const d = detectEncoding(bytes);
  expect(d).toMatchObject({ encoding: "utf-8", reason: "UTF-8 with 1 invalid byte sequence(s), shown as �" });
  expect(decode(bytes, d)).toContain("brûlée");
});
