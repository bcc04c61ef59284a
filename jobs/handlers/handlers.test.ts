import { expect, test } from "vitest";
import { JOB_KINDS, READY_KINDS } from "../../lib/jobs/kinds.ts";
import { handlers } from "./index.ts";

test("every kind that can be queued has a handler, and no handler is unreachable", () => {
  const withHandler = JOB_KINDS.filter((k) => handlers[k]);
  expect([...withHandler].sort()).toEqual([...READY_KINDS].sort());
});
