/**
 * Where things are in a JSON text: the line of every value, by path, found in
 * one pass without building the values (`JSON.parse` does that, much faster
 * than a general YAML parser). Also finds the first key an object repeats,
 * which `JSON.parse` silently accepts. The text must already parse as JSON.
 */

/** A value's position, and its children when it is an object or an array. */
interface JsonNode {
  /** 1-based line and column of the value's first character. */
  line: number;
  col: number;
  keys?: Map<string, JsonNode>;
  items?: JsonNode[];
}

/** The first repeated key: its text and the 1-based line and column of its opening quote. */
export interface DuplicateKey {
  key: string;
  line: number;
  col: number;
}

/** What `locateJson` found. */
export interface JsonLocations {
  /** The line of the value at `path`, or of its nearest ancestor that exists. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  duplicate?: DuplicateKey;
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Locates every value of `text` (valid JSON). Iterative: nesting depth cannot overflow the stack. */
export function locateJson(text: string): JsonLocations {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let duplicate: DuplicateKey | undefined;

  const skipSpace = () => {
    while (i < text.length && SPACE.has(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 0x0a) {
        line++;
        lineStart = i + 1;
      }
      i++;
    }
  };
  /** Skips the string starting at `i` (its opening quote); returns its raw text, quotes included. */
  const skipString = (): string => {
    const start = i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) i += 2;
      else if (c === 0x22) break;
      else i++;
    }
    i++;
    return text.slice(start, i);
  };
  const keyOf = (raw: string): string => (raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1));

  // Containers being filled, innermost last; `key` is the key whose value comes next.
  const stack: { node: JsonNode; key?: string }[] = [];
  let root: JsonNode | undefined;
  const attach = (node: JsonNode) => {
    const parent = stack.at(-1);
    if (!parent) root = node;
    else if (parent.node.items) parent.node.items.push(node);
    else parent.node.keys!.set(parent.key!, node);
  };

  skipSpace();
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x2c) {
      // `,`: the next key or item follows
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      // `}` or `]`
      stack.pop();
      i++;
    } else if (c === 0x22 && stack.at(-1)?.node.keys && stack.at(-1)!.key === undefined) {
      // an object's key, then `:`
      const keyLine = line;
      const keyCol = i - lineStart + 1;
      const key = keyOf(skipString());
      const frame = stack.at(-1)!;
      if (frame.node.keys!.has(key) && !duplicate) duplicate = { key, line: keyLine, col: keyCol };
      frame.key = key;
      skipSpace();
      i++; // `:`
    } else {
      const node: JsonNode = { line, col: i - lineStart + 1 };
      attach(node);
      const frame = stack.at(-1);
      if (frame?.node.keys) frame.key = undefined;
      if (c === 0x7b) {
        node.keys = new Map();
        stack.push({ node });
        i++;
      } else if (c === 0x5b) {
        node.items = [];
        stack.push({ node });
        i++;
      } else if (c === 0x22) {
        skipString();
      } else {
        while (i < text.length && !SPACE.has(text.charCodeAt(i)) && ',}]'.indexOf(text[i]) < 0) i++;
      }
    }
    skipSpace();
  }

  return {
    ...(duplicate ? { duplicate } : {}),
    lineOf(path) {
      let node = root;
      for (const step of path) {
        const next: JsonNode | undefined = node?.keys ? node.keys.get(String(step)) : node?.items && typeof step === 'number' ? node.items[step] : undefined;
        if (!next) break;
        node = next;
      }
      return node?.line;
    },
  };
}
