/**
 * Uploaded files live in the database, in chunks of a few megabytes, so that a
 * worker on any machine can read them and a 200 MB file never has to be in
 * memory at once: it is written as it arrives and read back as a stream.
 */
import { createHash } from "node:crypto";
import { handleOf, type Db } from "../db/client.ts";

export const CHUNK_BYTES = 4 * 1024 * 1024;

export interface StoredFile {
  bytes: number;
  sha256: string;
  chunks: number;
}

/** Splits any stream of byte arrays into chunks of exactly `size` bytes (the last may be shorter). */
export async function* rechunk(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size = CHUNK_BYTES,
): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const piece of source) {
    let buf = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (held + buf.length >= size) {
      const take = size - held;
      parts.push(buf.subarray(0, take));
      yield Buffer.concat(parts);
      parts = [];
      held = 0;
      buf = buf.subarray(take);
    }
    if (buf.length) {
      // Copy: the source may reuse its buffer for the next piece.
      parts.push(Buffer.from(buf));
      held += buf.length;
    }
  }
  if (held) yield Buffer.concat(parts);
}

/**
 * Writes an upload for an existing ImportFile row (created with the batch) and records its size and
 * hash when complete. Stops with `tooLarge` when the file exceeds `maxBytes`, leaving the caller to
 * delete the batch.
 */
export async function storeFile(
  db: Db,
  batchId: string,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: { maxBytes: number; tooLarge: () => Error },
): Promise<StoredFile> {
  const hash = createHash("sha256");
  let bytes = 0;
  let seq = 0;
  for await (const chunk of rechunk(source)) {
    bytes += chunk.length;
    if (bytes > opts.maxBytes) throw opts.tooLarge();
    hash.update(chunk);
    // Raw SQL: the driver sends the bytes as they are (Prisma's path costs several times more for 4 MB).
    await handleOf(db).sql.query(`INSERT INTO "ImportFileChunk" ("batchId", "seq", "data") VALUES ($1, $2, $3)`, [
      batchId,
      seq++,
      chunk,
    ]);
  }
  const stored = { bytes, sha256: hash.digest("hex"), chunks: seq };
  await db.importFile.update({
    where: { batchId },
    data: { bytes: stored.bytes, sha256: stored.sha256, chunkCount: stored.chunks },
  });
  return stored;
}

/** Reads a stored file back, one chunk at a time. */
export async function* readFile(db: Db, batchId: string, opts: { maxChunks?: number } = {}): AsyncGenerator<Buffer> {
  const file = await db.importFile.findUnique({ where: { batchId }, select: { chunkCount: true } });
  const count = Math.min(file?.chunkCount ?? 0, opts.maxChunks ?? Infinity);
  for (let seq = 0; seq < count; seq++) {
    const [chunk] = await handleOf(db).sql.query<{ data: Uint8Array }>(
      `SELECT "data" FROM "ImportFileChunk" WHERE "batchId" = $1 AND "seq" = $2`,
      [batchId, seq],
    );
    if (!chunk) throw new Error(`Part ${seq + 1} of the uploaded file is missing`);
    yield Buffer.isBuffer(chunk.data) ? chunk.data : Buffer.from(chunk.data);
  }
}

/** The first bytes of a stored file (format and encoding detection, previews). */
export async function readHead(db: Db, batchId: string, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let held = 0;
  for await (const chunk of readFile(db, batchId)) {
    parts.push(chunk);
    held += chunk.length;
    if (held >= bytes) break;
  }
  return Buffer.concat(parts).subarray(0, bytes);
}
