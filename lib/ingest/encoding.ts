/**
 * Text encodings of uploaded files: UTF-8 (with or without BOM), UTF-16 LE/BE
 * and Windows-1252 (a superset of Latin-1 for printable text). Node's own
 * TextDecoder (full ICU) decodes all of them; this file only decides which.
 */
export const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface Detected {
  encoding: Encoding;
  /** Why: shown to the user next to the preview. */
  reason: string;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

const SAMPLE = 64 * 1024;

export function detectEncoding(bytes: Uint8Array): Detected {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: "utf-8", reason: "UTF-8 byte-order mark", bomLength: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: "utf-16le", reason: "UTF-16 LE byte-order mark", bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: "utf-16be", reason: "UTF-16 BE byte-order mark", bomLength: 2 };
  const sample = bytes.subarray(0, SAMPLE);
  // UTF-16 without a mark: text in Latin script has a zero in every other byte.
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.max(1, Math.floor(sample.length / 2));
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.05) {
    return { encoding: "utf-16le", reason: "every other byte is zero (UTF-16 LE)", bomLength: 0 };
  }
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.05) {
    return { encoding: "utf-16be", reason: "every other byte is zero (UTF-16 BE)", bomLength: 0 };
  }
  const { valid, invalid } = utf8Sequences(sample);
  if (invalid === 0) return { encoding: "utf-8", reason: valid ? "valid UTF-8" : "plain ASCII", bomLength: 0 };
  // A few broken bytes in text that is otherwise UTF-8 stay UTF-8 (shown as �); bytes that never
  // form UTF-8 sequences are the single-byte Windows encoding.
  if (valid > invalid * 4) {
    return { encoding: "utf-8", reason: `UTF-8 with ${invalid} invalid byte sequence(s), shown as �`, bomLength: 0 };
  }
  return { encoding: "windows-1252", reason: "not valid UTF-8: read as Windows-1252 (Latin-1)", bomLength: 0 };
}

/** Counts multi-byte UTF-8 sequences that are well formed, and bytes that are not. */
function utf8Sequences(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + len > b.length) break; // cut by the sample's end
    let ok = true;
    for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

export function decode(bytes: Uint8Array, d: Pick<Detected, "encoding" | "bomLength">): string {
  return new TextDecoder(d.encoding).decode(bytes.subarray(d.bomLength));
}
