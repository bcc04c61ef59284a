import { monitorEventLoopDelay } from "node:perf_hooks";
import { threadId } from "node:worker_threads";
import { expect, test } from "vitest";
import { runInThread } from "./thread.ts";

const TASK = "lib/ml/testing/train-task.ts";

test("training in a thread reports progress and leaves this thread's event loop free", async () => {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const progress: number[] = [];
  const started = Date.now();
  const result = await runInThread<
    { rows: number; epochs: number },
    { epochs: number; backend: string; threadId: number }
  >(TASK, "trainSynthetic", { rows: 3000, epochs: 4 }, { onProgress: (p) => progress.push(p) });
  delay.disable();
  expect(result).toMatchObject({ epochs: 4, backend: "cpu" });
  expect(result.threadId).not.toBe(threadId);
  expect(progress).toEqual([25, 50, 75, 100]);
  // The training took a while, yet this thread never stalled for more than a fraction of it.
  expect(Date.now() - started).toBeGreaterThan(500);
  expect(delay.max / 1e6).toBeLessThan(200);
});

test("a failing task rejects with its message, and an abort stops the thread", async () => {
  await expect(runInThread(TASK, "failing", {})).rejects.toThrow("the task failed on purpose");
  const controller = new AbortController();
  const running = runInThread(TASK, "trainSynthetic", { rows: 20000, epochs: 50 }, { signal: controller.signal });
  setTimeout(() => controller.abort(new Error("cancelled")), 300);
  await expect(running).rejects.toThrow("cancelled");
});
