/**
 * `--resume`: a server whose stored result is fresher than the maximum age, and
 * was made for the same target, is not scanned again.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResult, Target } from '../schemas/index.ts';
import { storePaths } from './index.ts';

/** Parses `30s`, `15m`, `12h`, `7d` (or plain seconds) to ms; undefined when unreadable. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'];
  const ms = Number(m[1]) * unit;
  return ms > 0 && Number.isFinite(ms) ? ms : undefined;
}

/** Whether two recorded targets name the same server (the transport a fallback chose does not count). */
function sameTarget(a: Target, b: Target): boolean {
  return a.url === b.url && a.command === b.command && JSON.stringify(a.args ?? []) === JSON.stringify(b.args ?? []);
}

/**
 * The stored result for `id`/`slug` when it is younger than `maxAgeMs` and was
 * made for `target`; undefined when there is none, it is stale, or unreadable.
 */
export async function freshResult(
  outDir: string,
  server: { id: string; slug: string; target: Target },
  maxAgeMs: number,
  now = Date.now(),
): Promise<Pick<ServerResult, 'id' | 'slug' | 'status' | 'error'> | undefined> {
  let stored: Partial<ServerResult>;
  try {
    stored = JSON.parse(await readFile(storePaths(outDir, server.slug).result, 'utf8'));
  } catch {
    return undefined;
  }
  if (!stored || stored.id !== server.id || typeof stored.scannedAt !== 'string' || !stored.target || !stored.status) return undefined;
  const age = now - Date.parse(stored.scannedAt);
  if (!(age >= 0 && age < maxAgeMs)) return undefined;
  if (!sameTarget(stored.target, server.target)) return undefined;
  return { id: stored.id, slug: server.slug, status: stored.status, ...(stored.error ? { error: stored.error } : {}) };
}
