/**
 * The VADER lexicon (7,500 words, emoticons and slang rated -4…+4 by ten raters each; MIT, shipped
 * by the Apache-2.0 `vader-sentiment` package as vader_lexicon.txt). Read only when a model is
 * trained from scratch: the trained model stores the lexicon, so scoring never touches the package.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Lexicon } from "./analyze.ts";

export function loadVaderLexicon(): Lexicon {
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve("vader-sentiment/package.json")), "vader_lexicon.txt");
  const lex: Lexicon = new Map();
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const [word, value] = line.split("\t");
    const v = Number(value);
    // Later duplicates win, as in the Python original.
    if (word && Number.isFinite(v)) lex.set(word, v);
  }
  return lex;
}
