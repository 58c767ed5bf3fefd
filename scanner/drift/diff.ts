/** Drift between two snapshots of a server: tools added, removed and changed, and in which parts. */
import type { Drift, PinnedServer, PinnedTool, ServerResult, ToolField } from '../schemas/index.ts';
import { TOOL_FIELDS } from '../schemas/values.ts';
import { snapshotOf } from './canonical.ts';

/**
 * Tools by name. A hostile server may list one name twice: the second gets a
 * key of its own (name + NUL + occurrence), so nothing is silently dropped.
 */
function byName(tools: readonly PinnedTool[]): Map<string, PinnedTool> {
  const map = new Map<string, PinnedTool>();
  const seen = new Map<string, number>();
  for (const tool of tools) {
    const n = seen.get(tool.name) ?? 0;
    seen.set(tool.name, n + 1);
    map.set(n === 0 ? tool.name : `${tool.name}\u0000${n}`, tool);
  }
  return map;
}

/**
 * What changed from `before` to `after`, or `undefined` when nothing did.
 * With `partial` (a list was cut short by a cap), tools missing from `after`
 * are not reported as removed.
 */
export function diffSnapshots(before: PinnedServer, after: PinnedServer, since: string, partial = false): Drift | undefined {
  if (before.hash === after.hash) return undefined;
  const old = byName(before.tools);
  const now = byName(after.tools);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: Drift['changed'] = [];
  for (const [key, tool] of now) {
    const prev = old.get(key);
    if (!prev) {
      added.push(tool.name);
      continue;
    }
    if (prev.hash === tool.hash) continue;
    const fields: ToolField[] = TOOL_FIELDS.filter((f) => prev.fields[f] !== tool.fields[f]);
    // Same name, same parts, different hash cannot happen with our hashes; an edited lockfile can do it.
    changed.push({ name: tool.name, fields: fields.length ? fields : [...TOOL_FIELDS], before: prev.hash, after: tool.hash });
  }
  if (!partial) for (const [key, tool] of old) if (!now.has(key)) removed.push(tool.name);
  const instructionsChanged = before.instructions !== after.instructions;
  if (!added.length && !removed.length && !changed.length && !instructionsChanged) return undefined;
  return {
    since,
    before: before.hash,
    after: after.hash,
    added,
    removed,
    changed,
    instructionsChanged,
    ...(partial ? { partial: true } : {}),
  };
}

/** Drift between two scans of a server; `undefined` when either scan failed or nothing changed. */
export function diffResults(before: ServerResult, after: ServerResult): Drift | undefined {
  if (before.status !== 'ok' || after.status !== 'ok') return undefined;
  return diffSnapshots(snapshotOf(before), snapshotOf(after), before.scannedAt, Boolean(before.truncated || after.truncated));
}
