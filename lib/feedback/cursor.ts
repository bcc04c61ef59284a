/**
 * Page positions for keyset pagination. A cursor names one item by its place in the sort order
 * (the sort key and the id that breaks ties), and whether the wanted page comes after or before
 * it. It is opaque to clients (base64url JSON) and validated when read back.
 *
 * Items without a sort key (no date, no rating) come after all others in both directions of a
 * sort; `part` says which of the two runs the item is in ("value", then "null").
 */
import { z } from "zod";
import { AppError } from "../errors.ts";
import { SORTS, type FeedbackSort } from "./query.ts";

const cursorSchema = z.object({
  s: z.enum(SORTS),
  /** "a": the page after this item; "b": the page before it. */
  d: z.enum(["a", "b"]),
  part: z.enum(["value", "null"]),
  /** The sort key: an ISO date, a number (rating or rank), or null in the "null" part. */
  k: z.union([z.string().max(40), z.number(), z.null()]),
  id: z.string().min(1).max(64),
});

export type Cursor = z.infer<typeof cursorSchema>;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
}

export function decodeCursor(raw: string, sort: FeedbackSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const r = cursorSchema.safeParse(parsed);
  const invalid = new AppError("invalid_input", "This page link is not valid; start from the first page.", {
    cursor: "Not valid",
  });
  if (!r.success) throw invalid;
  const { part, k } = r.data;
  // The key must be what the sort compares: a bad one would otherwise reach the SQL cast.
  const dated = r.data.s === "newest" || r.data.s === "oldest";
  if (part === "null" ? k !== null : dated ? typeof k !== "string" || !ISO.test(k) : typeof k !== "number") {
    throw invalid;
  }
  if (r.data.s === "relevance" && part === "null") throw invalid;
  if (r.data.s !== sort) {
    throw new AppError("invalid_input", "This page link belongs to another sort order; start from the first page.", {
      cursor: "Belongs to another sort order",
    });
  }
  return r.data;
}
