/**
 * Text pieces of theme discovery: sentences with offsets, word tokens, stop and generic words,
 * Porter stems (the `stemmer` package), and candidate terms (unigrams and adjacent-word bigrams).
 *
 * Nothing here knows any theme: the word lists are general English function words plus the
 * words people use in any feedback to say how they feel ("great", "love", "terrible", "app"),
 * which describe no topic and so must never become a theme.
 */
import { stemmer } from "stemmer";

export interface Span {
  start: number;
  end: number;
}

export interface Token {
  /** Lower-case surface form as written. */
  word: string;
  /** Porter stem of `word`: the matching key. */
  stem: string;
  start: number;
  end: number;
  /** A stop or generic word: kept for positions, never a term. */
  stop: boolean;
}

/** A sentence of a text: its span and its tokens. */
export interface Sentence extends Span {
  tokens: Token[];
}

/** English function words, contractions and fillers. */
const FUNCTION_WORDS = `a about above after again against all almost alone along already also although am among an and
another any anybody anyone anything anyway anywhere are aren't around as at back be became because become becomes been
before being below beside besides between beyond both but by can can't cannot could couldn't did didn't do does doesn't
doing don't done down during each either else enough etc even ever every everybody everyone everything everywhere few
for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself
his how how's however i i'd i'll i'm i've ie if in into is isn't it it's its itself just least less let let's lot lots
many may maybe me might mine more most mostly much must mustn't my myself neither never next no nobody none nor not
nothing now nowhere of off often oh ok okay on once one ones only onto or other others otherwise ought our ours ourselves
out over own per perhaps please rather same several shall shan't she she'd she'll she's should shouldn't since so some
somebody someone something sometimes somewhat somewhere soon still such than that that's the their theirs them
themselves then there there's therefore these they they'd they'll they're they've thing things this those though
through thru thus to together too toward towards u under until up upon us very via was wasn't we we'd we'll we're we've
well were weren't what what's whatever when when's whenever where where's whereas wherever whether which while who
who's whoever whole whom whose why why's will with within without won't would wouldn't yet you you'd you'll you're
you've your yours yourself yourselves yeah yes yep nope im ive dont cant wont doesnt didnt isnt wasnt thats theres
lol pls plz thx ty btw imo imho also really pretty quite rather actually basically literally totally simply truly
definitely certainly absolutely seriously honestly kind sort bit way get gets getting got gotten make makes making made
go goes going gone went come comes came coming take takes took taken give gives gave given put puts say says said tell
told see seen saw look looks looked looking want wants wanted need needs needed try tries tried trying think thought
know knew known feel feels felt seem seems seemed keep keeps kept use uses used using like likes liked would could
should will shall may might must can able unable new old first last second third another lot time times day days today
yesterday week weeks month months year years ago always sometimes usually thing stuff something anything nothing
everything everyone people person guys guy one two three four five six seven eight nine ten hundred thousand dollar
dollars`;

/**
 * Words any feedback uses regardless of topic: opinions, intensity, politeness, the product
 * itself. They carry sentiment, not a theme.
 */
const GENERIC_WORDS = `app apps application applications product products software tool tools service's version platform
program site website company team's developer developers dev devs review reviews rating ratings star stars recommend
recommended recommending experience experiences overall feature features function functionality option options
great good bad better best worse worst love loved loves loving lovely hate hated hates hating like liked likes
awesome amazing terrible horrible awful nice fine cool excellent perfect poor fantastic wonderful brilliant superb
outstanding incredible impressive decent solid mediocre meh garbage trash rubbish junk crap useless useful helpful
unhelpful handy annoying annoyed annoys frustrating frustrated frustration disappointing disappointed disappointment
happy unhappy glad sad pleased satisfied unsatisfied dissatisfied upset angry mad hope hoping hopefully wish wished
thanks thank thankful grateful appreciate appreciated enjoy enjoyed enjoying enjoys fun easy easier hard harder simple
super extremely incredibly highly absolutely completely fully barely hardly almost ever again issue issues problem
problems bug bugs buggy glitch glitches fix fixed fixes fixing work works worked working broken broke wrong right
okay ok alright lol wow omg ugh sadly unfortunately luckily fortunately guys hi hello hey dear team job keep bother
bothered mess star rate rated five stars`;

function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

const STOP = wordSet(FUNCTION_WORDS);
const GENERIC = wordSet(GENERIC_WORDS);

/** True for a function word or a topic-free opinion word (compared in lower case). */
export function isStopWord(word: string): boolean {
  const w = word.replace(/’/g, "'");
  return STOP.has(w) || GENERIC.has(w) || STOP.has(w.replace(/'/g, ""));
}

const stemCache = new Map<string, string>();

/** Porter stem of a lower-case word, cached. */
export function stemWord(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word.replace(/['’]/g, ""));
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Tokens of `text` between `from` and `to`, lower-cased and stemmed, with their offsets. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const part = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(part); m; m = WORD.exec(part)) {
    const word = m[0].toLowerCase();
    const hasLetter = /\p{L}/u.test(word);
    const stop = !hasLetter || word.length < 2 || isStopWord(word);
    out.push({
      word,
      stem: stop ? word : stemWord(word),
      start: from + m.index,
      end: from + m.index + m[0].length,
      stop,
    });
  }
  return out;
}

/**
 * Sentence spans of `text`: ends at . ! ? (runs of them) followed by a space or the end, at line
 * breaks, and at ; or " - " style breaks are not split. Leading and trailing white space is
 * trimmed off each span; empty spans are dropped.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[.!?…]+(?=\s|$|["')\]])|\n+|\r+/g;
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    // "e.g." / "vs." / decimals: a period right after a single letter or before a digit is no end.
    if (m[0] === "." && /(?:^|\s)\p{L}$/u.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    push(start, /[\n\r]/.test(m[0]) ? m.index : end);
    start = end;
  }
  push(start, text.length);
  return spans;
}

/** Sentences of `text` with their tokens. */
export function analyze(text: string): Sentence[] {
  return splitSentences(text).map((s) => ({ ...s, tokens: tokenize(text, s.start, s.end) }));
}

/** A candidate term occurrence inside a sentence: its key (stems joined by a space) and surface. */
export interface TermHit {
  key: string;
  surface: string;
}

/** The content tokens of a sentence: no stop words, stems of 2+ characters. */
export function contentTokens(tokens: Token[]): Token[] {
  return tokens.filter((t) => !t.stop && t.stem.length >= 2);
}

/**
 * Candidate terms of a sentence: every content word and every pair of consecutive content words
 * with at most one stop word between them ("dark mode", "charged me twice", "reset my password").
 */
export function sentenceTerms(tokens: Token[], text: string, bigrams = true): TermHit[] {
  const out: TermHit[] = [];
  let prev = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.stop || t.stem.length < 2) continue;
    out.push({ key: t.stem, surface: t.word });
    const p = prev >= 0 ? tokens[prev]! : null;
    if (bigrams && p && i - prev <= 2 && p.stem !== t.stem) {
      const between = text.slice(p.start, t.end).toLowerCase().replace(/\s+/g, " ");
      const surface = /^[\p{L}\p{N}'’ -]+$/u.test(between) ? between : `${p.word} ${t.word}`;
      out.push({ key: `${p.stem} ${t.stem}`, surface });
    }
    prev = i;
  }
  return out;
}

/** Matching key of a keyword phrase as a user or the discovery wrote it: its content stems. */
export function keywordKey(phrase: string): string {
  const toks = tokenize(phrase);
  const content = toks.filter((t) => !t.stop);
  // A keyword made only of stop words ("not working") still matches on its words as written.
  const use = content.length ? content : toks;
  return use.map((t) => (t.stop ? t.word : t.stem)).join(" ");
}
