/**
 * Safe text helpers for the classifier: coercing junk to strings, capping what
 * regexes see, normalising words for lexicon look-ups, and quoting evidence so
 * that it is itself safe to display (no invisible or control characters).
 */

/**
 * How many characters of a description (or any one text) the regex-based
 * checks read from the start.
 * @default 20_000
 * Why: real descriptions are far shorter; a hostile one of tens of MB must not
 * cost more than a bounded amount of regex work. The invisible-character scan
 * still reads the whole text with a linear loop.
 */
export const SCAN_HEAD_CHARS = 20_000;

/**
 * How many characters from the end of an over-long text are also scanned, so
 * that instructions hidden after padding are still seen.
 * @default 5_000
 */
export const SCAN_TAIL_CHARS = 5_000;

/**
 * Longest quote kept in a signal's evidence, in characters (before escaping).
 * @default 200
 */
export const EVIDENCE_CHARS = 200;

/** `value` if it is a string, otherwise `''`: servers are sloppy and hostile. */
export function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `value` if it is a plain (non-array) object, otherwise `undefined`. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The first `n` UTF-16 units of `s`, never ending in half a surrogate pair. */
export function cut(s: string, n: number): string {
  if (s.length <= n) return s;
  let end = n;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

/** The last `n` UTF-16 units of `s`, never starting with half a surrogate pair. */
export function cutTail(s: string, n: number): string {
  if (s.length <= n) return s;
  let start = s.length - n;
  const c = s.charCodeAt(start);
  if (c >= 0xdc00 && c <= 0xdfff) start++;
  return s.slice(start);
}

/**
 * The parts of `s` the regex checks read: the whole text when short, otherwise
 * its head and its tail (joined by a newline so no phrase spans the seam).
 */
export function scanWindow(s: string): string {
  if (s.length <= SCAN_HEAD_CHARS + SCAN_TAIL_CHARS) return s;
  return cut(s, SCAN_HEAD_CHARS) + '\n' + cutTail(s, SCAN_TAIL_CHARS);
}

/**
 * Characters escaped in evidence: controls, format characters (zero-width,
 * bidi, tags), surrogates, private use, line/paragraph separators, variation
 * selectors and the Hangul fillers that render as nothing.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u034F\u115F\u1160\u3164\uFFA0]/gu;

/** `s` with every invisible or control character spelled `\u{XXXX}`. */
export function escapeInvisible(s: string): string {
  return s.replace(UNSAFE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/**
 * A display-safe quote of `s` for a signal's evidence: whitespace runs become
 * one space, invisible characters are escaped, and anything longer than
 * `max` characters is cut with an ellipsis.
 */
export function quote(s: string, max = EVIDENCE_CHARS): string {
  const long = s.length > max;
  // Cut first (bounded work), then tidy: the escaped form may grow, so cut again.
  let text = cut(s, max + 1).replace(/[\t\n\r ]+/g, ' ').trim();
  text = escapeInvisible(long ? cut(text, max) : text);
  if (text.length > max * 2) text = cut(text, max * 2).replace(/\\u\{[0-9A-F]*$/, '');
  return long ? `${text}…` : text;
}

/** True when `text` contains one of `words` (lower-case), ignoring case: a cheap test before a costlier regex. */
export function mentionsAny(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((w) => lower.includes(w));
}

/** A secret shown without revealing it: its first 4 characters and its length. */
export function mask(value: string): string {
  return `${value.slice(0, 4)}… (${value.length} characters, masked)`;
}

/** Combining marks, removed by `fold` after NFD decomposition. */
const MARKS = /\p{M}+/gu;

/** A word folded for lexicon look-up: lowercase, accents removed ("Récupère" → "recupere"). */
export function fold(word: string): string {
  // Most words are ASCII, which has nothing to decompose: lowercasing alone gives the same word.
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) > 0x7f) return word.normalize('NFD').replace(MARKS, '').toLowerCase();
  }
  return word.toLowerCase();
}
