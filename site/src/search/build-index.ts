/**
 * The catalogue's search index, generated from the data (never by crawling the
 * built HTML), as static files a plain file host can serve:
 *
 * - `search/meta.json`: `{v, docs, chunk, shards}`: the format version, how many
 *   documents, documents per chunk file, and the shard keys that exist (so the
 *   browser never asks for a missing file);
 * - `search/docs/<n>.json`: documents `chunk*n … chunk*(n+1)-1`, each an array:
 *   `["s", serverSlug, title, status, toolCount]` or
 *   `["t", serverSlug, toolSlug, name, serverTitle, category, risk]`;
 * - `search/idx/<key>.json`: the tokens whose first characters make `key`
 *   (see `shardKey`), each `[nameIds, textIds]`: ascending document ids,
 *   delta-encoded, of documents with the token in a name or title (`nameIds`)
 *   or only in other text (`textIds`).
 *
 * A query fetches `meta.json`, one shard per word and the chunks of the
 * results it shows: a few kilobytes at 31,000 tools.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalogue } from '../data.ts';
import { shardKey, tokenize } from './tokens.ts';

/** Format version in `meta.json`; `search.js` refuses another. */
export const SEARCH_FORMAT = 1;

/**
 * Documents per `docs/<n>.json` file.
 * @default 500
 * Why: one results page (50 hits) touches a handful of chunks of ~40 KB each.
 */
export const DOC_CHUNK = 500;

/**
 * Words of a description that are indexed.
 * @default 40
 * Why: the first sentences say what a tool does; the rest (usage notes,
 * pagination, examples) would triple the index and add noise.
 */
export const DESCRIPTION_WORDS = 40;

export type SearchDoc = ['s', string, string, string, number] | ['t', string, string, string, string, string, string];

export interface SearchIndexSummary {
  docs: number;
  tokens: number;
  shards: number;
  /** Bytes written. */
  bytes: number;
  files: number;
}

interface Postings {
  name: number[];
  text: number[];
}

/** Writes the search index of `cat` into `outDir/search/`. */
export async function writeSearchIndex(cat: Catalogue, outDir: string): Promise<SearchIndexSummary> {
  const docs: SearchDoc[] = [];
  const index = new Map<string, Postings>();

  const add = (id: number, text: string | undefined, field: 'name' | 'text', limit = Infinity) => {
    if (!text) return;
    let n = 0;
    for (const token of tokenize(text)) {
      if (n++ >= limit) break;
      let p = index.get(token);
      if (!p) index.set(token, (p = { name: [], text: [] }));
      const list = p[field];
      // Ids only grow, so a repeat is always the last entry.
      if (list[list.length - 1] !== id) list.push(id);
    }
  };

  for (const s of cat.servers) {
    const id = docs.length;
    docs.push(['s', s.result.slug, s.title, s.result.status, s.result.tools.length]);
    add(id, s.title, 'name');
    add(id, s.result.id, 'name');
    add(id, s.result.server?.name, 'text');
    add(id, s.result.target.package, 'text');
  }
  for (const e of cat.tools) {
    const id = docs.length;
    const t = e.tool;
    docs.push(['t', e.server.result.slug, t.slug, t.name, e.server.title, t.category, t.risk]);
    add(id, t.name, 'name');
    add(id, t.title, 'name');
    add(id, e.server.title, 'text');
    add(id, t.description, 'text', DESCRIPTION_WORDS);
  }

  const shards = new Map<string, string[]>();
  for (const token of index.keys()) {
    const key = shardKey(token);
    const list = shards.get(key);
    if (list) list.push(token);
    else shards.set(key, [token]);
  }

  const root = join(outDir, 'search');
  await mkdir(join(root, 'docs'), { recursive: true });
  await mkdir(join(root, 'idx'), { recursive: true });
  let bytes = 0;
  let files = 0;
  const write = async (file: string, text: string) => {
    await writeFile(join(root, file), text);
    bytes += Buffer.byteLength(text);
    files++;
  };

  const delta = (ids: number[]) => ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]));
  const keys = [...shards.keys()].sort();
  for (const key of keys) {
    // A null-prototype object: a token such as `__proto__` stays an ordinary key.
    const shard: Record<string, [number[], number[]]> = Object.create(null);
    for (const token of shards.get(key)!.sort()) {
      const p = index.get(token)!;
      // A document that has the token in a name is not listed again for other text.
      const named = new Set(p.name);
      shard[token] = [delta(p.name), delta(p.text.filter((id) => !named.has(id)))];
    }
    await write(join('idx', `${key}.json`), JSON.stringify(shard));
  }
  const chunks = Math.ceil(docs.length / DOC_CHUNK);
  for (let n = 0; n < chunks; n++) {
    await write(join('docs', `${n}.json`), JSON.stringify(docs.slice(n * DOC_CHUNK, (n + 1) * DOC_CHUNK)));
  }
  await write('meta.json', JSON.stringify({ v: SEARCH_FORMAT, docs: docs.length, chunk: DOC_CHUNK, shards: keys }));
  return { docs: docs.length, tokens: index.size, shards: keys.length, bytes, files };
}
