import type { ChildProcess } from "node:child_process";
import { constants } from "node:os";

/**
 * Passes SIGINT/SIGTERM on to the child while it runs and resolves to its exit
 * code (128 + signal number when a signal ended it, as shells report it).
 */
export function forwardSignals(child: ChildProcess): Promise<number> {
  const forward = (signal: NodeJS.Signals) => {
    child.kill(signal);
  };
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve, reject) => {
    child.once("error", (e) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      reject(e);
    });
    child.once("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 128 + constants.signals[signal] : 1));
    });
  });
}
