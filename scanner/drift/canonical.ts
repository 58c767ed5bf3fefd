/**
 * Canonical hashes of tool definitions: the same definition always hashes the
 * same whatever the order of its object keys, and any change to its text,
 * schema or annotations changes the hash.
 */
import { createHash } from 'node:crypto';
import type { Hash, PinnedServer, PinnedTool, ServerResult, ToolRecord } from '../schemas/index.ts';

type Work = { raw: string } | { value: unknown };

/**
 * JSON with object keys sorted at every level; arrays keep their order.
 * Iterative, so a server's absurdly deep schema cannot overflow the stack.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const work: Work[] = [{ value }];
  while (work.length) {
    const item = work.pop()!;
    if ('raw' in item) {
      out.push(item.raw);
      continue;
    }
    const v = item.value;
    if (v === null || typeof v !== 'object') {
      out.push(JSON.stringify(v) ?? 'null');
      continue;
    }
    const parts: Work[] = [];
    if (Array.isArray(v)) {
      parts.push({ raw: '[' });
      v.forEach((x, i) => parts.push(...(i ? [{ raw: ',' }] : []), { value: x === undefined ? null : x }));
      parts.push({ raw: ']' });
    } else {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
      parts.push({ raw: '{' });
      keys.forEach((k, i) => parts.push({ raw: `${i ? ',' : ''}${JSON.stringify(k)}:` }, { value: record[k] }));
      parts.push({ raw: '}' });
    }
    for (let i = parts.length - 1; i >= 0; i--) work.push(parts[i]);
  }
  return out.join('');
}

/** `sha256:<hex>` of the canonical JSON of `value`. */
export function hashOf(value: unknown): Hash {
  return `sha256:${createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')}`;
}

type ToolDefinition = Pick<ToolRecord, 'name' | 'description' | 'inputSchema' | 'annotations'>;

/** The hash of a whole tool definition: the one stored on every tool record. */
export function toolHash(tool: ToolDefinition): Hash {
  return hashOf({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema, annotations: tool.annotations ?? null });
}

/** The hash of a tool and of each part of it. */
export function toolFingerprint(tool: ToolDefinition): PinnedTool {
  const annotations = tool.annotations ?? null;
  return {
    name: tool.name,
    hash: toolHash(tool),
    fields: { description: hashOf(tool.description), inputSchema: hashOf(tool.inputSchema), annotations: hashOf(annotations) },
  };
}

/** A server's hash: its instructions and the set of its tools' hashes (the order tools are listed in does not count). */
export function serverHash(instructions: string | undefined, tools: readonly Pick<PinnedTool, 'name' | 'hash'>[]): Hash {
  const pairs = tools.map((t) => [t.name, t.hash]).sort((a, b) => (a[0] + '\u0000' + a[1] < b[0] + '\u0000' + b[1] ? -1 : 1));
  return hashOf({ instructions: instructions ?? '', tools: pairs });
}

/** The hashes of a scanned server: what a pin records and drift compares. */
export function snapshotOf(result: Pick<ServerResult, 'id' | 'instructions' | 'tools'>): PinnedServer {
  const tools = result.tools.map(toolFingerprint);
  return { id: result.id, hash: serverHash(result.instructions, tools), instructions: hashOf(result.instructions ?? ''), tools };
}

/** The result with its server hash and every tool's hash filled in (results that are not `ok` are returned as they are). */
export function withHashes(result: ServerResult): ServerResult {
  if (result.status !== 'ok') return result;
  // Only the whole-tool hashes: the per-field ones are for pins and drift, which make their own
  // (a quarter of the hashing on every stored server).
  const tools = result.tools.map((t) => ({ ...t, hash: toolHash(t) }));
  return { ...result, hash: serverHash(result.instructions, tools), tools };
}
