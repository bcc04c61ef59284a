// Entry of a worker thread that runs one tensor task (lib/ml/thread.ts). Plain
// JavaScript so Node can start it as it is; TypeScript task modules are loaded
// through tsx, as everywhere else in the project's processes.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { modulePath, exportName, input } = workerData;
try {
  const mod = await import(modulePath);
  const task = mod[exportName];
  if (typeof task !== "function") throw new Error(`${modulePath} has no function ${exportName}`);
  const result = await task(input, {
    progress: (percent, message) => parentPort.postMessage({ type: "progress", percent, message }),
  });
  parentPort.postMessage({ type: "done", result });
} catch (e) {
  parentPort.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) });
}
