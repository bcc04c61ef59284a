/**
 * A lock file that gives one process at a time a folder (the embedded database
 * cannot be opened by two processes at once: both would write its files).
 */
import { unlinkSync } from "node:fs";
import { open, readFile, unlink } from "node:fs/promises";
import path from "node:path";

export interface DirLock {
  release(): Promise<void>;
}

export class LockedError extends Error {
  override name = "LockedError";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function acquireDirLock(dir: string, what: string): Promise<DirLock> {
  const file = path.join(dir, "foresight.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(file, "wx");
      await fh.writeFile(String(process.pid));
      await fh.close();
      let released = false;
      // A process that exits without closing the database (a stopped server)
      // still removes its lock, so the next start does not have to guess.
      const onExit = () => {
        if (!released) {
          try {
            unlinkSync(file);
          } catch {
            // Already gone.
          }
        }
      };
      process.once("exit", onExit);
      const release = async () => {
        if (released) return;
        released = true;
        process.removeListener("exit", onExit);
        await unlink(file).catch(() => undefined);
      };
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number((await readFile(file, "utf8").catch(() => "")).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new LockedError(
          `The ${what} in ${dir} is in use by process ${pid} (is "npm start" running?). ` +
            `Stop that process first, or set DATABASE_URL to use a PostgreSQL server that many processes can share.`,
        );
      }
      // Stale lock from a process that died: take it over.
      await unlink(file).catch(() => undefined);
    }
  }
  throw new LockedError(`Could not lock ${dir}`);
}
