/**
 * Reads a JSON or YAML file and validates it with a zod schema, turning every
 * failure into an `InputError` that names the file, the line and the field.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { InputError } from './errors.ts';
import { locateJson } from './json-locate.ts';

/** Largest input file read. A server list of 100k entries is a few MB. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A parsed document that can point back at the line of any field. */
export interface Located<T> {
  value: T;
  /** 1-based line of the node at `path`, or of its nearest ancestor that exists. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

function jsonSyntaxError(file: string, text: string, err: Error): InputError {
  // V8: "... in JSON at position 123 (line 4 column 7)" or just "at position 123".
  const m = /line (\d+) column (\d+)/.exec(err.message);
  const pos = /position (\d+)/.exec(err.message);
  let line: number | undefined;
  let col: number | undefined;
  if (m) {
    line = Number(m[1]);
    col = Number(m[2]);
  } else if (pos) {
    const before = text.slice(0, Number(pos[1]));
    line = before.split('\n').length;
    col = Number(pos[1]) - before.lastIndexOf('\n');
  }
  const where = line ? `${file}:${line}:${col}` : file;
  const what = err.message.replace(/^.*?(?=Unexpected|Expected|Bad|Unterminated)/, '');
  return new InputError(`${where}: invalid JSON: ${what}`, file, line);
}

/** Parses `file` (JSON when it ends in `.json`, YAML otherwise) keeping positions. */
export async function readStructured(file: string): Promise<Located<unknown>> {
  let text: string;
  try {
    const buf = await readFile(file);
    if (buf.byteLength > MAX_INPUT_BYTES) throw new InputError(`${file}: larger than ${MAX_INPUT_BYTES} bytes`, file);
    text = buf.toString('utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${file}: cannot read: ${(err as Error).message}`, file);
  }
  if (/\.json$/i.test(file)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw jsonSyntaxError(file, text, err as Error);
    }
    // JSON needs no YAML parser: positions come from one pass over the text (a list of
    // 2,000 servers: the YAML parser took three quarters of the time loading it).
    const located = locateJson(text);
    if (located.duplicate) throw duplicateKeyError(file, 'JSON', located.duplicate.key, located.duplicate);
    return { value, lineOf: located.lineOf };
  }
  const lines = new LineCounter();
  // The parser's own unique-keys check compares every key with every other (a list of 20,000
  // servers took 2.5 s); `firstDuplicateKey` does it in one pass.
  const doc: Document = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? (first.pos ? lines.linePos(first.pos[0]) : undefined);
    const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
    throw new InputError(`${where}: invalid YAML: ${first.message.split('\n')[0]}`, file, pos?.line);
  }
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) throw duplicateKeyError(file, 'YAML', String(duplicate.value), duplicate.range ? lines.linePos(duplicate.range[0]) : undefined);
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  /** A map's pairs by key, built once per map: a lookup per server would make a long list quadratic. */
  const pairsOf = (map: YAMLMap): Map<string, Pair> => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) index.set(keyText(pair.key), pair);
      indexes.set(map, index);
    }
    return index;
  };
  return {
    value: doc.toJS({ maxAliasCount: 100 }),
    lineOf(path) {
      let node: unknown = doc.contents;
      let line = isNode(node) && node.range ? lines.linePos(node.range[0]).line : undefined;
      for (const step of path) {
        let next: unknown;
        if (isMap(node)) {
          const pair = pairsOf(node).get(String(step));
          // A key whose value is null has no node of its own: point at the key.
          if (pair && !isNode(pair.value)) {
            if (isNode(pair.key) && pair.key.range) line = lines.linePos(pair.key.range[0]).line;
            break;
          }
          next = pair?.value;
        } else if (isSeq(node) && typeof step === 'number') next = node.items[step];
        if (!isNode(next)) break;
        node = next;
        if (next.range) line = lines.linePos(next.range[0]).line;
      }
      return line;
    },
  };
}

/** A repeated key, named with where it repeats. */
function duplicateKeyError(file: string, kind: 'JSON' | 'YAML', key: string, pos: { line: number; col: number } | undefined): InputError {
  const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
  return new InputError(`${where}: invalid ${kind}: Map keys must be unique (${JSON.stringify(key)} appears twice)`, file, pos?.line);
}

/** A key as the parsed value names it (scalar keys; other keys by their text). */
function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** The first key that repeats a key of the same map, in one pass over the document. */
function firstDuplicateKey(doc: Document): { value: unknown; range?: Node['range'] } | undefined {
  let found: { value: unknown; range?: Node['range'] } | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const text = keyText(pair.key);
        if (seen.has(text)) {
          found = { value: isScalar(pair.key) ? pair.key.value : text, range: isNode(pair.key) ? pair.key.range : undefined };
          return visit.BREAK;
        }
        seen.add(text);
      }
      return undefined;
    },
  });
  return found;
}

/** Dotted field path for messages: `mcpServers.github.args[0]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** Validates `located.value` with `schema`; the first issue becomes an `InputError`. */
export function validate<S extends z.ZodType>(
  file: string,
  located: Located<unknown>,
  schema: S,
  value: unknown = located.value,
  prefix: readonly PropertyKey[] = [],
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = [...prefix, ...issue.path];
  const line = located.lineOf(path);
  const field = fieldPath(path) || '(top level)';
  const where = line ? `${file}:${line}` : file;
  throw new InputError(`${where}: ${field}: ${issue.message}`, file, line, field);
}
