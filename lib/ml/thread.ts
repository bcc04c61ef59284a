/**
 * Heavy tensor work (training, scoring many items) runs in a worker thread, so
 * the process it belongs to keeps answering: in embedded mode that process is
 * the web server itself (its in-app worker), and a blocked event loop would
 * freeze the UI and stop the job's own heartbeats.
 *
 * A task is an exported async function `(input, { progress }) => result` in a
 * module of this project; input and result cross the thread boundary by
 * structured clone (plain data, typed arrays). Aborting the signal terminates
 * the thread at once.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

export interface TaskTools {
  progress(percent: number, message?: string): void;
}

export type ThreadTask<I, O> = (input: I, tools: TaskTools) => Promise<O>;

export interface ThreadOptions {
  signal?: AbortSignal;
  onProgress?: (percent: number, message?: string) => void;
}

/** Project root: the app, the CLI and workers all run from it (npm start and npm run worker chdir there). */
const root = () => process.cwd();

/**
 * Runs `exportName` of `modulePath` (relative to the project root, e.g.
 * "lib/nlp/train.ts") in a new worker thread and resolves with its result.
 */
export function runInThread<I, O>(
  modulePath: string,
  exportName: string,
  input: I,
  opts: ThreadOptions = {},
): Promise<O> {
  const entry = path.join(root(), /* turbopackIgnore: true */ "lib", "ml", "thread-entry.mjs");
  const target = pathToFileURL(path.resolve(root(), modulePath)).href;
  return new Promise<O>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(opts.signal.reason);
    const worker = new Worker(entry, { workerData: { modulePath: target, exportName, input } });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const onAbort = () => {
      finish(() => reject(opts.signal!.reason));
      void worker.terminate();
    };
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (m: { type: string; percent?: number; message?: string; result?: O }) => {
      if (m.type === "progress") opts.onProgress?.(m.percent ?? 0, m.message);
      else if (m.type === "done") finish(() => resolve(m.result as O));
      else if (m.type === "error") finish(() => reject(new Error(m.message)));
    });
    worker.on("error", (e) => finish(() => reject(e)));
    worker.on("exit", (code) => finish(() => reject(new Error(`The tensor thread stopped (exit code ${code})`))));
  });
}
