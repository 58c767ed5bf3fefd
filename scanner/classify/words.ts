/**
 * Splitting tool names into words: `get_user`, `userDelete`, `issues.create`,
 * `browser-navigate`, `HTTPServerStart`, `v2/files` → lowercase words.
 */
import { cut, fold } from './text.ts';

/**
 * Longest name that is split, in characters.
 * @default 256
 * Why: real names are short (the MCP spec suggests at most 128); a hostile one
 * must not cost more.
 */
export const NAME_CHARS = 256;

/** Most words a name yields; the rest are dropped. */
export const MAX_WORDS = 32;

/**
 * The lowercase words of a tool or parameter name. Boundaries are any run of
 * characters that are not letters or digits (`_ - . / : space`…), a lowercase
 * letter or digit followed by an uppercase one (`userDelete`), the last capital
 * of an acronym before a capitalised word (`HTTPServer` → `http server`), and
 * letter/digit changes (`v2files` → `v 2 files`). Accents are removed; `AddOn` after
 * the first word stays one word (`addon`).
 */
export function splitWords(name: string): readonly string[] {
  return splitOnce(name).words;
}

/** What an empty name (or a value that is not a string) splits into. */
const NO_WORDS: Split = { words: Object.freeze([]), joined: '' };

/** A name's words and their joined form, split once and then kept in `cache`. */
function splitOnce(name: string): Split {
  if (typeof name !== 'string' || name.length === 0) return NO_WORDS;
  let entry = cache.get(name);
  if (!entry) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    const words = Object.freeze(split(name));
    entry = { words, joined: words.join('') };
    cache.set(name, entry);
  }
  return entry;
}

/**
 * Names split recently (their words and the words joined), by name.
 * @default 20_000 entries
 * Why: a crawl meets the same parameter and tool names (`query`, `path`,
 * `limit`…) on server after server; splitting is regex work worth doing once.
 * Cleared when full, so memory stays bounded whatever servers send.
 */
const CACHE_SIZE = 20_000;
type Split = { words: readonly string[]; joined: string };
const cache = new Map<string, Split>();

function split(name: string): string[] {
  const spaced = cut(name, NAME_CHARS)
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
  const words: string[] = [];
  for (const part of spaced.split(/[^\p{L}\p{N}\p{M}]+/u)) {
    if (part.length === 0) continue;
    const word = fold(part);
    // `AssignedAddOn`, `list_add_ons`: one noun, not the verb "add" (as the first word it is the verb: `add_on_call_shift`).
    if ((word === 'on' || word === 'ons') && words.length > 1 && words.at(-1) === 'add') words[words.length - 1] = word === 'on' ? 'addon' : 'addons';
    else words.push(word);
    if (words.length >= MAX_WORDS) break;
  }
  return words;
}

/** The words of a name joined without separators (`side_note` → `sidenote`), for exact matching. */
export function compact(name: string): string {
  return splitOnce(name).joined;
}
