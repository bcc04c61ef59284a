/**
 * In-process signal that jobs were queued, so a worker in the same process
 * (the app's own worker in embedded mode) starts them at once instead of at
 * its next poll. Workers in other processes find them by polling.
 */
import { EventEmitter } from "node:events";
import type { JobKind } from "./kinds.ts";

const g = globalThis as unknown as { __foresightJobEvents?: EventEmitter };
const emitter = (g.__foresightJobEvents ??= new EventEmitter().setMaxListeners(100));

export function announceQueued(kinds: Iterable<JobKind>): void {
  for (const kind of new Set(kinds)) emitter.emit("queued", kind);
}

export function onQueued(listener: (kind: JobKind) => void): () => void {
  emitter.on("queued", listener);
  return () => emitter.off("queued", listener);
}
