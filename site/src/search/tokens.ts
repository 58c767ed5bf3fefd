/**
 * How text becomes search tokens, and which index shard a token lives in.
 * `site/public/search.js` does the same in the browser; a test checks that the
 * two agree on a corpus of names, descriptions and hostile text.
 */

/** Tokens shorter than this are not indexed (and not searched for). */
export const MIN_TOKEN = 2;
/** Longer tokens are cut: nobody types 40 letters, and it bounds the index. */
export const MAX_TOKEN = 32;
/** Characters of a token that pick its shard. */
export const SHARD_PREFIX = 2;

const STOP = new Set(
  'a an and are as at be by can de do for from has in into is it its la of on or that the this to use used uses using via when which will with you your'.split(
    ' ',
  ),
);

/**
 * Lower-case words of a text: camelCase and snake_case split, accents removed,
 * anything not a letter or digit a separator; stop words dropped.
 */
export function tokenize(text: string): string[] {
  const spaced = text
    .slice(0, 4000)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const out: string[] = [];
  for (const word of spaced.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < MIN_TOKEN || STOP.has(word)) continue;
    out.push(word.length > MAX_TOKEN ? word.slice(0, MAX_TOKEN) : word);
  }
  return out;
}

/** The file-safe shard key of a token (or of a query token's prefix): `[a-z0-9]` kept, anything else as `_<hex>`. */
export function shardKey(token: string): string {
  let key = '';
  for (const ch of [...token].slice(0, SHARD_PREFIX)) {
    key += /^[a-z0-9]$/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}`;
  }
  return key;
}
